"""Load: gunicorn with 2 workers and many concurrent clients on 127.0.0.1, bounded in time.

Each client is a thread that repeats a visit with no pause between requests: the
page, its layout and dependencies, the rendered page, the filter cycle with a data
download (the filtered datasets as XLSX) half-way, and the health check when the
app has one. Dash's scripts and styles are left out: browsers cache them. An error
is an answer outside 2xx/3xx or a failed connection.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bench.client import Client, encode, percentile
from bench.sequence import UPDATE, dashboard_bodies
from bench.servers import DASHBOARD, Memory, serve
from tests.dash_request import dataset_request, page_request

MAX_REQUESTS = 500_000  # a bound on the count, should a very fast server meet the time bound


@dataclass(frozen=True)
class Step:
    kind: str
    method: str
    path: str
    body: bytes | None = None


@dataclass(frozen=True)
class Load:
    clients: int
    seconds: float  # from the start to the last answer
    latencies: dict[str, list[float]]  # kind -> ms of each answered request
    errors: Counter  # "kind: status or exception" -> count
    healthz: bool  # whether the app has /healthz (it is in the mix only then)
    master: Memory
    workers: list[Memory]

    def requests(self) -> int:
        return sum(len(ms) for ms in self.latencies.values()) + sum(self.errors.values())


def visit(client: Client) -> tuple[list[Step], bool]:
    """The requests of one visit, and whether /healthz is among them."""
    dependencies = client.get("/_dash-dependencies").json()
    changes = dashboard_bodies(client)
    health = client.get("/healthz")
    # Before serving.py has it, Dash answers any path with the page: not a health check.
    healthz = health.status == 200 and health.body.startswith(b"{")
    half = len(changes) // 2
    return [
        Step("page", "GET", "/"),
        Step("layout", "GET", "/_dash-layout"),
        Step("dependencies", "GET", "/_dash-dependencies"),
        Step("render", "POST", UPDATE, encode(page_request(dependencies))),
        *(Step("filter", "POST", UPDATE, body) for body, _ in changes[:half]),
        Step("export", "POST", UPDATE, encode(dataset_request(dependencies,
                                                              changes[half - 1][1]))),
        *(Step("filter", "POST", UPDATE, body) for body, _ in changes[half:]),
        *([Step("healthz", "GET", "/healthz")] if healthz else []),
    ], healthz


def run(clients: int, seconds: float, log_dir: Path) -> Load:
    data_dir = Path("data").resolve()
    with serve(DASHBOARD, data_dir, 2, log_dir) as server:
        steps, healthz = visit(Client(server.port))
        latencies: dict[str, list[float]] = {step.kind: [] for step in steps}
        errors: Counter = Counter()
        sent = Counter()
        lock = threading.Lock()
        start = threading.Barrier(clients + 1)
        deadline = [0.0]

        def browse(offset: int) -> None:
            client, mine, failed = Client(server.port, timeout=30), [], Counter()
            start.wait()
            n = offset
            while time.perf_counter() < deadline[0]:
                with lock:
                    if sent["all"] >= MAX_REQUESTS:
                        break
                    sent["all"] += 1
                step = steps[n % len(steps)]
                n += 1
                try:
                    answer = client.send(step.method, step.path, step.body)
                except Exception as error:  # a refused or broken connection is an error
                    failed[f"{step.kind}: {type(error).__name__}"] += 1
                    continue
                if 200 <= answer.status < 400:
                    mine.append((step.kind, answer.ms))
                else:
                    failed[f"{step.kind}: {answer.status}"] += 1
            client.close()
            with lock:
                for kind, ms in mine:
                    latencies[kind].append(ms)
                errors.update(failed)

        # Clients start at different steps of the visit, as real visitors would be.
        threads = [threading.Thread(target=browse, args=(i * len(steps) // clients,))
                   for i in range(clients)]
        for thread in threads:
            thread.start()
        deadline[0] = time.perf_counter() + seconds
        began = time.perf_counter()
        start.wait()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - began
        master, workers = server.memory()
    return Load(clients, elapsed, latencies, errors, healthz, master, workers)


def report(load: Load) -> list[str]:
    every = [ms for kind in load.latencies.values() for ms in kind]
    filters = load.latencies["filter"]
    errors = sum(load.errors.values())
    lines = [f"Load: 2 gunicorn workers, {load.clients} clients without pause for "
             f"{load.seconds:.0f} s, published data (target: no error)",
             f"  {load.requests()} requests, {load.requests() / load.seconds:.0f} req/s, "
             f"errors {errors}" + (f" ({dict(load.errors)})" if errors else ""),
             f"  latency ms    {'p50':>7}{'p95':>8}{'p99':>8}"]
    for name, values in (("all requests", every), ("filter change", filters)):
        lines.append(f"  {name:<14}{percentile(values, 50):>7.0f}{percentile(values, 95):>8.0f}"
                     f"{percentile(values, 99):>8.0f}")
    mix = ", ".join(f"{kind} {len(ms)}" for kind, ms in load.latencies.items())
    lines.append(f"  mix: {mix}" + ("" if load.healthz else " (no /healthz yet: left out)"))
    lines.append("  memory after the load (MiB): master RSS "
                 f"{load.master.rss:.0f} PSS {load.master.pss:.0f}; "
                 + "; ".join(f"worker RSS {w.rss:.0f} PSS {w.pss:.0f}" for w in load.workers))
    return lines
