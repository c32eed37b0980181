"""The data workbook (the header's "Data (XLSX)") under load: 20 downloads at once on the
100,000-trial register, while a probe asks /healthz every 0.5 s, as a load balancer would.

Two rounds: 20 of the same view (a meeting downloading what is on the screen: the
workbook is written once and kept per data version, filters and language) and 20
different views (each written anew). Before issue 15 the same test gave 16–30 s per
download, HTTP 500s when workers timed out, and 77 of 80 failed health checks.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tests.support.dash_request import dataset_request
from tests.support.gunicorn_app import gunicorn

DOWNLOADS = 20
# Twenty different views: centre, class and language crossed.
VIEWS = [
    f"?centre={centre}&class={cls}&lang={lang}"
    for centre in ("karolinska", "akademiska")
    for cls in ("ex_vivo_gtmp", "in_vivo_gtmp", "sctmp", "tep", "combined")
    for lang in ("en", "sv")
]


@dataclass(frozen=True)
class Round:
    name: str
    seconds: list[float]  # of each download
    statuses: list[int | str]
    probes: int
    probes_failed: int
    worst_probe: float


def _download(base: str, body: bytes) -> tuple[float, int | str]:
    start = time.monotonic()
    request = urllib.request.Request(
        base + "/_dash-update-component", data=body, headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as answer:
            answer.read()
            status: int | str = answer.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError as error:
        status = type(error).__name__
    return time.monotonic() - start, status


def _round(base: str, name: str, bodies: list[bytes]) -> Round:
    stop = threading.Event()
    probes: list[float | None] = []

    def probe() -> None:
        while not stop.wait(0.5):
            start = time.monotonic()
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=2) as answer:
                    answer.read()
                probes.append(time.monotonic() - start)
            except OSError:
                probes.append(None)

    prober = threading.Thread(target=probe, daemon=True)
    prober.start()
    with ThreadPoolExecutor(len(bodies)) as pool:
        done = list(pool.map(lambda body: _download(base, body), bodies))
    stop.set()
    prober.join()
    answered = [seconds for seconds in probes if seconds is not None]
    return Round(
        name,
        [seconds for seconds, _ in done],
        [status for _, status in done],
        len(probes),
        len(probes) - len(answered),
        max(answered, default=0.0),
    )


def run(register: Path) -> list[Round]:
    with gunicorn(register) as server:
        same = json.dumps(dataset_request(server.dependencies, VIEWS[0])).encode()
        different = [
            json.dumps(dataset_request(server.dependencies, view)).encode() for view in VIEWS
        ]
        return [
            _round(server.base, "20 × the same view", [same] * DOWNLOADS),
            _round(server.base, "20 different views", different[:DOWNLOADS]),
        ]


def report(rounds: list[Round]) -> list[str]:
    lines = [
        "Data (XLSX) downloads, 20 at once, 100,000-trial register, 2 workers × 16 threads; "
        "/healthz probed every 0.5 s (2 s timeout)",
        f"  {'round':<22} {'median s':>9} {'worst s':>8} {'not 200':>8} {'probes failed':>14} "
        f"{'worst probe s':>14}",
    ]
    for found in rounds:
        ordered = sorted(found.seconds)
        failed = sum(1 for status in found.statuses if status != 200)
        lines.append(
            f"  {found.name:<22} {ordered[len(ordered) // 2]:>9.2f} {ordered[-1]:>8.2f} "
            f"{failed:>8} {f'{found.probes_failed} of {found.probes}':>14} "
            f"{found.worst_probe:>14.2f}"
        )
    return lines
