"""The app under real gunicorn, or under `make serve` (nginx in front), on a free port of
127.0.0.1, for tests and benchmarks that need processes."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
START_SECONDS = 30  # importing pandas and Dash takes seconds on a busy 2-core machine


@dataclass
class Instance:
    base: str  # http://127.0.0.1:PORT
    dependencies: list  # its /_dash-dependencies, to build callback requests
    log: bytes = b""  # what it wrote to stderr, once it stopped
    master: int = 0  # the master's process id (its workers are its children)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def post(url: str, body: dict) -> bytes:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read()


def accepts(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@contextmanager
def gunicorn(data_dir: Path, untouched: bool = False, **settings: str) -> Iterator[Instance]:
    """gunicorn.conf.py serving `data_dir` until the block ends; `settings` are env variables.

    Ready once it answers /_dash-dependencies, or, `untouched`, once it accepts connections
    (no request made: the test's own are its first). Its access log is off (a full pipe
    would block it); its stderr is in `Instance.log`.
    """
    port = free_port()
    env = {**os.environ, "ATMP_DATA_DIR": str(data_dir), **settings}
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "app:server",
            "--config",
            "gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
            "--access-logfile",
            "/dev/null",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    instance = Instance(f"http://127.0.0.1:{port}", [], master=process.pid)
    deadline = time.monotonic() + START_SECONDS
    try:
        ready = False
        while not ready and process.poll() is None and time.monotonic() < deadline:
            try:
                if untouched:
                    ready = accepts(port)
                else:
                    instance.dependencies = json.loads(get(f"{instance.base}/_dash-dependencies"))
                    ready = True
            except OSError:
                pass
            if not ready:
                time.sleep(0.1)
        if ready:
            yield instance
    finally:
        process.terminate()
        try:  # gunicorn gives running requests graceful_timeout (10 s) to finish
            _, instance.log = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            _, instance.log = process.communicate()
    if not ready:
        raise RuntimeError(f"gunicorn did not start on port {port}:\n{instance.log.decode()}")


@contextmanager
def make_serve(**settings: str) -> Iterator[str]:
    """`make serve` on a free port until the block ends; yields its base URL. Everything it
    started (make, deploy/serve.py, nginx, gunicorn) is one process group, stopped together."""
    port = free_port()
    process = subprocess.Popen(
        ["make", "--no-print-directory", "serve", f"PORT={port}"],
        cwd=ROOT,
        env={**os.environ, **settings},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 2 * START_SECONDS
    ready = False
    try:
        while not ready and process.poll() is None and time.monotonic() < deadline:
            try:
                ready = json.loads(get(f"{base}/healthz"))["status"] == "ok"
            except (OSError, ValueError):
                time.sleep(0.2)
        if ready:
            yield base
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
        _, log = process.communicate(timeout=30)
    if not ready:
        raise RuntimeError(f"make serve did not start on port {port}:\n{log.decode()}")
