"""Load: gunicorn with 2 workers and many concurrent clients on 127.0.0.1, bounded in time.

Each client is a thread that repeats a visit with no pause between requests: the
health check when the app has one, the page, its layout and dependencies, the
rendered page, and twelve filter changes of its own walk (bench/sequence.py) with
a download of the filtered data (XLSX) half-way. Dash's scripts and styles
are left out: browsers cache them. An error is an answer outside 2xx/3xx or a
failed connection; after an error in the page render or a filter change the
visit starts again, as a user would reload.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from bench.client import Client, Response, encode, percentile
from bench.sequence import UPDATE, Page, walk
from bench.servers import DASHBOARD, Memory, serve
from tests.support.dash_request import dataset_request

MAX_REQUESTS = 500_000  # a bound on the count, should a very fast server meet the time bound
CHANGES_PER_VISIT = 12
KINDS = ("page", "layout", "dependencies", "render", "filter", "export", "healthz")


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


class TimeUp(Exception):
    pass


@dataclass
class Visitor:
    """One client: its connection, its walk, and what it saw."""

    port: int
    seed: int
    budget: Counter  # shared: requests sent by every visitor
    lock: threading.Lock
    deadline: float = 0.0  # set when the load starts
    latencies: dict[str, list[float]] = field(default_factory=lambda: {k: [] for k in KINDS})
    errors: Counter = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self.client = Client(self.port, timeout=30)
        self.changes = walk(self.seed)

    def send(self, kind: str, method: str, path: str, body: bytes | None = None) -> Response | None:
        """The answer, or None after an error (counted)."""
        with self.lock:
            if time.perf_counter() >= self.deadline or self.budget["sent"] >= MAX_REQUESTS:
                raise TimeUp
            self.budget["sent"] += 1
        try:
            answer = self.client.send(method, path, body)
        except Exception as error:  # a refused or broken connection is an error
            self.errors[f"{kind}: {type(error).__name__}"] += 1
            return None
        if not 200 <= answer.status < 400:
            self.errors[f"{kind}: {answer.status}"] += 1
            return None
        self.latencies[kind].append(answer.ms)
        return answer

    def visit(self, dependencies: list, healthz: bool) -> None:
        if healthz:  # as a load balancer asks, whatever the users do
            self.send("healthz", "GET", "/healthz")
        self.send("page", "GET", "/")
        self.send("layout", "GET", "/_dash-layout")
        self.send("dependencies", "GET", "/_dash-dependencies")
        page = Page(dependencies)
        rendered = self.send("render", "POST", UPDATE, page.open_body())
        if rendered is None:
            return
        page.opened(rendered.json())
        for n, change in enumerate(islice(self.changes, CHANGES_PER_VISIT)):
            if n == CHANGES_PER_VISIT // 2:
                self.send(
                    "export", "POST", UPDATE, encode(dataset_request(dependencies, page.search))
                )
            answer = self.send("filter", "POST", UPDATE, page.change_body(change))
            if answer is None:
                return
            page.answered(answer.json())

    def run(self, go: threading.Event, dependencies: list, healthz: bool) -> None:
        go.wait()
        try:
            while True:
                self.visit(dependencies, healthz)
        except TimeUp:
            self.client.close()


def has_healthz(client: Client) -> bool:
    health = client.get("/healthz")
    # Before serving.py has it, Dash answers any path with the page: not a health check.
    return health.status == 200 and health.decoded().startswith(b"{")


def run(clients: int, seconds: float, log_dir: Path) -> Load:
    with serve(DASHBOARD, Path("data").resolve(), 2, log_dir) as server:
        probe = Client(server.port)
        dependencies = probe.get("/_dash-dependencies").json()
        healthz = has_healthz(probe)
        probe.close()
        go, lock, budget = threading.Event(), threading.Lock(), Counter()
        visitors = [Visitor(server.port, seed, budget, lock) for seed in range(clients)]
        threads = [
            threading.Thread(target=visitor.run, args=(go, dependencies, healthz))
            for visitor in visitors
        ]
        for thread in threads:
            thread.start()
        began = time.perf_counter()
        for visitor in visitors:
            visitor.deadline = began + seconds
        go.set()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - began
        master, workers = server.memory()
    latencies = {kind: [ms for v in visitors for ms in v.latencies[kind]] for kind in KINDS}
    errors = sum((visitor.errors for visitor in visitors), Counter())
    return Load(clients, elapsed, latencies, errors, healthz, master, workers)


def report(load: Load) -> list[str]:
    every = [ms for kind in load.latencies.values() for ms in kind]
    filters = load.latencies["filter"]
    errors = sum(load.errors.values())
    lines = [
        f"Load: 2 gunicorn workers, {load.clients} clients without pause for "
        f"{load.seconds:.0f} s, published data (target: no error)",
        f"  {load.requests()} requests, {load.requests() / load.seconds:.0f} req/s, "
        f"errors {errors}" + (f" ({dict(load.errors)})" if errors else ""),
        f"  latency ms    {'p50':>7}{'p95':>8}{'p99':>8}",
    ]
    for name, values in (("all requests", every), ("filter change", filters)):
        lines.append(
            f"  {name:<14}{percentile(values, 50):>7.0f}{percentile(values, 95):>8.0f}"
            f"{percentile(values, 99):>8.0f}"
        )
    mix = ", ".join(f"{kind} {len(ms)}" for kind, ms in load.latencies.items() if ms)
    lines.append(f"  mix: {mix}" + ("" if load.healthz else " (no /healthz yet: left out)"))
    lines.append(
        "  memory after the load (MiB): master RSS "
        f"{load.master.rss:.0f} PSS {load.master.pss:.0f}; "
        + "; ".join(f"worker RSS {w.rss:.0f} PSS {w.pss:.0f}" for w in load.workers)
    )
    return lines
