"""Gunicorn on 127.0.0.1 for the benchmarks: timed to its first 200, measured in memory."""

from __future__ import annotations

import http.client
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.support.gunicorn_app import free_port

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
DASHBOARD = "app:server"
BASELINE = "bench.baseline_app:create_server()"
ONE_GRAPH = "bench.one_graph_app:create_server()"


@dataclass(frozen=True)
class Memory:
    """Of one process, in MiB. PSS shares pages among the processes that map them, so the
    snapshot that the master loaded before forking (preload_app) counts once in the sum."""

    pid: int
    rss: float
    pss: float


def memory(pid: int) -> Memory:
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0]) / 1024
    return Memory(pid, fields["Rss"], fields["Pss"])


@dataclass(frozen=True)
class Server:
    port: int
    pid: int
    start_up: float  # seconds from the process start to the first 200 of GET /
    log: Path

    def workers(self) -> list[int]:
        children = Path(f"/proc/{self.pid}/task/{self.pid}/children").read_text().split()
        return [int(pid) for pid in children]

    def memory(self) -> tuple[Memory, list[Memory]]:
        """The master's and each worker's memory."""
        return memory(self.pid), [memory(pid) for pid in self.workers()]


def _answers(port: int) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", "/")
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()


@contextmanager
def serve(app: str, data_dir: Path, workers: int, log_dir: Path) -> Iterator[Server]:
    """`gunicorn APP --config gunicorn.conf.py --workers N` on a free port, as deployed."""
    port = free_port()
    log = log_dir / f"{app.split(':')[0]}-{data_dir.name}-{workers}w-{port}.log"
    command = [
        str(GUNICORN),
        app,
        "--config",
        "gunicorn.conf.py",
        "--workers",
        str(workers),
        "--bind",
        f"127.0.0.1:{port}",
    ]
    env = {**os.environ, "ATMP_DATA_DIR": str(data_dir)}
    with log.open("w") as output:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        while not _answers(port):
            if process.poll() is not None or time.perf_counter() - started > 120:
                raise RuntimeError(f"{app} did not start; see {log}")
            time.sleep(0.005)
        server = Server(port, process.pid, time.perf_counter() - started, log)
        while len(server.workers()) < workers:  # the others may still be forking
            time.sleep(0.01)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
