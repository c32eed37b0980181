"""Slow clients (50 slow-header connections, 2 slow readers of plotly.js) against bare
gunicorn and against `make serve` (nginx in front), while a normal client keeps asking
for /healthz, the page and the layout: its answers' times and failures, side by side."""

from __future__ import annotations

from bench.servers import ROOT
from tests.support.gunicorn_app import gunicorn, make_serve
from tests.support.slow_clients import Pressure, under_pressure


def run(seconds: float) -> dict[str, Pressure]:
    with gunicorn(ROOT / "data") as bare:
        before = under_pressure(bare.base, seconds)
    with make_serve() as base:
        after = under_pressure(base, seconds)
    return {"gunicorn alone": before, "make serve (nginx in front)": after}


def report(found: dict[str, Pressure]) -> list[str]:
    lines = [
        "Slow clients: 50 slow-header connections and 2 slow readers of plotly.js; a normal "
        "client asks every 0.25 s (timeout 10 s)",
        f"  {'server':<30} {'answers':>8} {'failed':>7} {'median s':>9} {'worst s':>8}",
    ]
    for name, pressure in found.items():
        lines.append(
            f"  {name:<30} {len(pressure.seconds):>8} {len(pressure.failures):>7} "
            f"{pressure.median:>9.3f} {pressure.worst:>8.2f}"
        )
    for name, pressure in found.items():
        lines += [f"  {name}: {failure}" for failure in pressure.failures[:3]]
    return lines
