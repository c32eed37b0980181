"""Slow clients against a running dashboard, while a normal client keeps asking: what
`make serve`'s tests assert and `make bench` measures (bare gunicorn against nginx).

A slow-header client sends a request header a line every few seconds and never ends it;
a slow reader asks for plotly.js and reads a kilobyte a second. Each is replaced when the
server closes it, so the pressure lasts the whole run.
"""

from __future__ import annotations

import socket
import statistics
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import plotly
from dash.fingerprint import build_fingerprint


@dataclass
class Pressure:
    """What the normal client met: each answer's seconds, and the failures."""

    seconds: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def worst(self) -> float:
        return max(self.seconds, default=0.0)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds) if self.seconds else 0.0


def _slow_header(port: int, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
                sock.sendall(b"GET / HTTP/1.1\r\nHost: slow\r\n")
                while not stop.wait(2):
                    sock.sendall(b"X-Slow: 1\r\n")
        except OSError:  # closed by the server: connect again
            stop.wait(0.2)


def _slow_reader(port: int, path: str, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
                sock.sendall(f"GET {path} HTTP/1.1\r\nHost: slow\r\n\r\n".encode())
                while not stop.wait(1):
                    if not sock.recv(1024):
                        break
        except OSError:
            stop.wait(0.2)


def script_path() -> str:
    """The largest script the page loads, plotly.js (4.8 MB), at its fingerprinted address
    as the page's graphs ask for it."""
    relative = "package_data/plotly.min.js"
    file = Path(plotly.__file__).parent / relative
    fingerprint = build_fingerprint(relative, plotly.__version__, int(file.stat().st_mtime))
    return f"/_dash-component-suites/plotly/{fingerprint}"


def under_pressure(
    base: str, seconds: float, slow_headers: int = 50, slow_readers: int = 2
) -> Pressure:
    """Run the slow clients for `seconds` while a normal client asks for /healthz, the
    page and the layout in turn; each answer it gets is timed (10 s at most)."""
    port = int(base.rsplit(":", 1)[1])
    script = script_path()
    stop = threading.Event()
    threads = [
        threading.Thread(target=_slow_header, args=(port, stop), daemon=True)
        for _ in range(slow_headers)
    ] + [
        threading.Thread(target=_slow_reader, args=(port, script, stop), daemon=True)
        for _ in range(slow_readers)
    ]
    for thread in threads:
        thread.start()
    time.sleep(1)  # every slow client connected
    found = Pressure()
    paths = ("/healthz", "/", "/_dash-layout")
    deadline = time.monotonic() + seconds
    asked = 0
    while time.monotonic() < deadline:
        path = paths[asked % len(paths)]
        asked += 1
        start = time.monotonic()
        try:
            with urllib.request.urlopen(base + path, timeout=10) as response:
                response.read()
        except OSError as error:
            found.failures.append(f"{path}: {error}")
        found.seconds.append(time.monotonic() - start)
        time.sleep(0.25)
    stop.set()
    for thread in threads:
        thread.join(timeout=15)
    return found
