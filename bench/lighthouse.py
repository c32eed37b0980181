"""Lighthouse (npm `lighthouse`, pinned in bench/lighthouse/package-lock.json) on Debian's
Chromium: the dashboard, the smallest idiomatic one-graph Dash page and the
plotly-express baseline, desktop and mobile presets, three runs each, medians, with the
dashboard's ratios to the one-graph page. `npm ci` installs it on first use.
"""

from __future__ import annotations

import json
import math
import statistics
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench.servers import BASELINE, DASHBOARD, ONE_GRAPH, ROOT, serve

HERE = ROOT / "bench" / "lighthouse"
BINARY = HERE / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
APPS = {"dashboard": DASHBOARD, "one-graph page": ONE_GRAPH, "baseline": BASELINE}
PRESETS = ("desktop", "mobile")
CATEGORIES = ("performance", "accessibility", "best-practices")
# (audit id, what the table calls it, scale): numbers Lighthouse reports per run.
AUDITS = (
    ("first-contentful-paint", "FCP s", 1 / 1000),
    ("largest-contentful-paint", "LCP s", 1 / 1000),
    ("total-blocking-time", "TBT ms", 1),
    ("cumulative-layout-shift", "CLS", 1),
    ("total-byte-weight", "KB", 1 / 1000),
)
# Lighthouse now and then fails to record a page load's trace (NO_NAVSTART): such a run
# is made again, this many times at most, rather than losing the whole table.
ATTEMPTS = 3
# The dashboard's own marks (assets/06-draw-in-turn.js), as observed in the run (not
# simulated): its first screen's charts drawn, and every chart drawn. On a phone a chart
# is drawn as it nears the screen and Lighthouse does not scroll: no mark ("–").
MARKS = (("atmp:first-screen-drawn", "screen s"), ("atmp:all-charts-drawn", "charts s"))


@dataclass(frozen=True)
class Score:
    app: str
    preset: str
    runs: int
    values: dict[str, float]  # medians of the runs: category scores (0–100) and audits


def installed() -> None:
    if not BINARY.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)


def audit(url: str, preset: str, out: Path) -> dict[str, float]:
    """One Lighthouse run: its category scores and the audits of AUDITS."""
    command = [
        str(BINARY),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--chrome-path={CHROMIUM}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    for attempt in range(1, ATTEMPTS + 1):
        done = subprocess.run(command, env={"CHROME_PATH": CHROMIUM, "PATH": "/usr/bin:/bin"})
        if done.returncode == 0:
            break
        print(f"lighthouse: {preset} run on {url} failed (attempt {attempt} of {ATTEMPTS})")
    else:
        raise SystemExit(f"lighthouse failed {ATTEMPTS} times on {url} ({preset})")
    report = json.loads(out.read_text(encoding="utf-8"))
    values = {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}
    for key, name, scale in AUDITS:
        values[name] = report["audits"][key]["numericValue"] * scale
    timings = report["audits"].get("user-timings", {}).get("details", {}).get("items", [])
    at = {item["name"]: item["startTime"] / 1000 for item in timings}
    for mark, name in MARKS:
        values[name] = at.get(mark, math.nan)
    return values


def run(runs: int, log_dir: Path) -> list[Score]:
    installed()
    scores = []
    with tempfile.TemporaryDirectory(prefix="atmp-lighthouse-") as folder:
        for name, app in APPS.items():
            with serve(app, ROOT / "data", 2, log_dir) as server:
                url = f"http://127.0.0.1:{server.port}/"
                for preset in PRESETS:
                    found = [
                        audit(url, preset, Path(folder) / f"{preset}-{i}.json") for i in range(runs)
                    ]
                    medians = {key: statistics.median(r[key] for r in found) for key in found[0]}
                    scores.append(Score(name, preset, runs, medians))
    return scores


def report(scores: list[Score]) -> list[str]:
    columns = [*CATEGORIES, *(name for _, name, _ in AUDITS), *(name for _, name in MARKS)]
    shown = {"performance": "perf.", "accessibility": "a11y", "best-practices": "best pr."}
    lines = [
        f"Lighthouse 12.2.3 on Debian's Chromium, medians of {scores[0].runs} runs each "
        "(gunicorn, 2 workers, published data)",
        f"  {'app':<16}{'preset':<9}"
        + "".join(f"{shown.get(column, column):>10}" for column in columns),
    ]
    for score in scores:
        cells = "".join(
            f"{'–':>10}"
            if math.isnan(score.values[column])
            else f"{score.values[column]:>10.0f}"
            if column in CATEGORIES or column in ("TBT ms", "KB")
            else f"{score.values[column]:>10.3f}"
            for column in columns
        )
        lines.append(f"  {score.app:<16}{score.preset:<9}{cells}")
    by = {(score.app, score.preset): score.values for score in scores}
    for preset in PRESETS:
        mine, other = by[("dashboard", preset)], by[("one-graph page", preset)]
        lines.append(
            f"  {preset}: dashboard / one-graph page — performance "
            f"{mine['performance']:.0f} / {other['performance']:.0f}, transfer "
            f"{mine['KB']:.0f} / {other['KB']:.0f} KB"
        )
    return lines
