"""A filter change over HTTP on one gunicorn worker: the dashboard against the baseline.

Per data folder, each app is started alone (start-up: process start to the first
200), warmed up with a few filter changes, then measured on a walk of filter
changes (bench/sequence.py): round-trip p50/p95 from 127.0.0.1 and the bytes of
each answer. Memory of master and worker is read after the run.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from bench.client import Client, Response, gzipped, percentile
from bench.sequence import UPDATE, BaselinePage, Change, Page, walk
from bench.servers import BASELINE, DASHBOARD, Memory, serve

# The measured walk, after a warm-up on another one (the same for both apps).
SEED, WARM_UP_SEED, WARM_UP = 1, 0, 12


@dataclass(frozen=True)
class Run:
    app: str
    data: str
    start_up: float
    p50: float
    p95: float
    requests: int
    body: float  # mean bytes of an answer's body (JSON, before any compression)
    sent: float  # mean bytes as sent: compressed where the server compresses
    gzipped: float  # the bodies under gzip -6 (what any server could send)
    encoding: str  # the server's Content-Encoding, '' when it does not compress
    master: Memory
    workers: list[Memory]


def checked(answer: Response) -> Response:
    if answer.status != 200:
        raise RuntimeError(f"answered {answer.status}: {answer.body[:300]!r}")
    return answer


def play(
    client: Client, page: Page | BaselinePage, changes: Iterator[Change], count: int
) -> list[Response]:
    """Opens the page and makes `count` filter changes, as the browser sends them."""
    body = page.open_body()
    if body is not None:
        page.opened(checked(client.post(UPDATE, body)).json())
    answers = []
    for change in islice(changes, count):
        answers.append(checked(client.post(UPDATE, page.change_body(change))))
        page.answered(answers[-1].json())
    return answers


def measure(app: str, data: str, data_dir: Path, requests: int, log_dir: Path) -> Run:
    with serve(app, data_dir, 1, log_dir) as server:
        client = Client(server.port)
        dependencies = client.get("/_dash-dependencies").json()
        page = (Page if app == DASHBOARD else BaselinePage)(dependencies)
        play(client, page, walk(WARM_UP_SEED), WARM_UP)
        answers = play(client, page, walk(SEED), requests)
        client.close()
        master, workers = server.memory()
    timings = [answer.ms for answer in answers]
    return Run(
        app,
        data,
        server.start_up,
        statistics.median(timings),
        percentile(timings, 95),
        requests,
        statistics.mean(len(answer.decoded()) for answer in answers),
        statistics.mean(len(answer.body) for answer in answers),
        statistics.mean(gzipped(answer.decoded()) for answer in answers),
        answers[0].encoding,
        master,
        workers,
    )


def run(
    datasets: dict[str, Path], requests: int, baseline_requests: int, log_dir: Path
) -> list[Run]:
    runs = []
    for data, data_dir in datasets.items():
        runs.append(measure(DASHBOARD, data, data_dir, requests, log_dir))
        runs.append(measure(BASELINE, data, data_dir, baseline_requests, log_dir))
    return runs


def report(runs: list[Run]) -> list[str]:
    ours = {run.data: run for run in runs if run.app == DASHBOARD}
    baseline = {run.data: run for run in runs if run.app == BASELINE}
    lines = [
        "Filter change, round trip over HTTP on 1 gunicorn worker (ms; bytes per change "
        "= mean answer body)",
        f"  {'data':<12}{'app':<10}{'n':>5}{'p50':>9}{'p95':>9}{'body KiB':>10}{'sent KiB':>10}"
        f"{'gzip KiB':>10}",
    ]
    for run in runs:
        name = "dashboard" if run.app == DASHBOARD else "baseline"
        lines.append(
            f"  {run.data:<12}{name:<10}{run.requests:>5}{run.p50:>9.1f}{run.p95:>9.1f}"
            f"{run.body / 1024:>10.1f}{run.sent / 1024:>10.1f}{run.gzipped / 1024:>10.1f}"
        )
    encodings = {run.encoding or "none" for run in runs}
    lines.append(
        f"  server compression: {', '.join(sorted(encodings))} (sent: as it came over the "
        "wire; gzip: the bodies under gzip -6)"
    )
    lines.append("Ratios, baseline / dashboard (targets: time >= 5x, bytes >= 8x)")
    for data, mine in ours.items():
        other = baseline[data]
        lines.append(
            f"  {data:<12}p50 {other.p50 / mine.p50:5.1f}x   "
            f"p95 {other.p95 / mine.p95:5.1f}x   body {other.body / mine.body:5.1f}x   "
            f"sent {other.sent / mine.sent:5.1f}x   gzip {other.gzipped / mine.gzipped:5.1f}x"
        )
    lines.append(
        "Start-up (process start to first 200 of GET /) and memory (MiB) after the run, 1 worker"
    )
    lines.append(
        f"  {'data':<12}{'app':<10}{'start s':>8}{'master RSS':>12}{'PSS':>7}"
        f"{'worker RSS':>12}{'PSS':>7}"
    )
    for run in runs:
        name = "dashboard" if run.app == DASHBOARD else "baseline"
        worker = run.workers[0]
        lines.append(
            f"  {run.data:<12}{name:<10}{run.start_up:>8.2f}{run.master.rss:>12.0f}"
            f"{run.master.pss:>7.0f}{worker.rss:>12.0f}{worker.pss:>7.0f}"
        )
    return lines
