"""Every benchmark of docs/performance.md: `make bench` (about 5 minutes), or a quick look
with `make bench ARGS=--quick` (about 3 minutes; fewer runs, 10 s of load).

    .venv/bin/python -m bench [--quick] [--only filter,page,load,slow-clients,exports,lighthouse]

Servers are gunicorn (and, for slow clients, `make serve`) on free ports of 127.0.0.1,
started and stopped here; the synthetic data (10,000 and 100,000 trials) is written to a
temporary folder.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from bench import exports, filter_change, lighthouse, load, page_load, slow_clients
from bench.servers import ROOT

PARTS = ("filter", "page", "load", "slow-clients", "exports", "lighthouse")
# (dashboard requests, baseline requests, page loads per mode, load seconds, slow seconds)
FULL = (240, 24, 5, 60, 40)
QUICK = (48, 12, 2, 10, 15)
CLIENTS = 50
SYNTHETIC = (10_000, 100_000)


def synthetic(folder: Path, trials: int) -> Path:
    target = folder / f"{trials // 1000}k"
    subprocess.run(
        [str(Path(sys.executable).parent / "atmp"), "sample", str(target), "--trials", str(trials)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return target


def machine() -> str:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    load1, load5, _ = os.getloadavg()
    return (
        f"{datetime.now():%Y-%m-%d %H:%M}, commit {commit}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, load average {load1:.1f} (1 min) "
        f"{load5:.1f} (5 min)"
    )


def show(lines: list[str]) -> None:
    print("\n".join(lines) + "\n", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, 10 s of load")
    parser.add_argument(
        "--only",
        default=",".join(PARTS),
        help=f"comma-separated parts to run, of {', '.join(PARTS)}",
    )
    args = parser.parse_args()
    parts = args.only.split(",")
    if unknown := set(parts) - set(PARTS):
        parser.error(f"unknown parts: {', '.join(sorted(unknown))}")
    requests, baseline_requests, loads, seconds, slow = QUICK if args.quick else FULL
    began = time.perf_counter()
    show([f"make bench{' --quick' if args.quick else ''}: {machine()}"])
    with tempfile.TemporaryDirectory(prefix="atmp-bench-") as folder:
        folder = Path(folder)
        if "filter" in parts:
            datasets = {
                "published": ROOT / "data",
                **{f"{n // 1000}k trials": synthetic(folder, n) for n in SYNTHETIC},
            }
            show(
                filter_change.report(
                    filter_change.run(datasets, requests, baseline_requests, folder)
                )
            )
        if "page" in parts:
            show(page_load.report(page_load.run(loads, folder)))
        if "load" in parts:
            show(load.report(load.run(CLIENTS, seconds, folder)))
        if "lighthouse" in parts:
            show(lighthouse.report(lighthouse.run(1 if args.quick else 3, folder)))
        if "exports" in parts:
            show(exports.report(exports.run(synthetic(folder, SYNTHETIC[-1]))))
        if "slow-clients" in parts:
            show(slow_clients.report(slow_clients.run(slow)))
    print(
        f"done in {time.perf_counter() - began:.0f} s; load average now "
        f"{os.getloadavg()[0]:.1f} (1 min) on {os.cpu_count()} cores"
    )


if __name__ == "__main__":
    main()
