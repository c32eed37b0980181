"""A browser's HTTP requests to 127.0.0.1, timed, and the statistics the report prints."""

from __future__ import annotations

import gzip
import http.client
import json
import statistics
import time
from dataclasses import dataclass

import brotli
from backports import zstd

# What Chromium sends: it takes a compressed answer where the server gives one.
HEADERS = {"Accept-Encoding": "gzip, deflate, br, zstd", "Accept": "application/json"}
DECODERS = {
    "": lambda body: body,
    "gzip": gzip.decompress,
    "br": brotli.decompress,
    "zstd": zstd.decompress,
}
JSON_HEADERS = {**HEADERS, "Content-Type": "application/json"}


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes  # as it came over the wire (compressed if the server compressed it)
    encoding: str  # Content-Encoding, '' for none
    ms: float  # from sending the request to the last byte of the answer

    def json(self):
        return json.loads(self.decoded())

    def decoded(self) -> bytes:
        return DECODERS[self.encoding](self.body)


class Client:
    """One browser tab's connection. It is kept open, as a browser keeps it, but gunicorn's
    sync workers close every connection after one answer, so each request opens a new one."""

    def __init__(self, port: int, timeout: float = 60) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)

    def send(self, method: str, path: str, body: bytes | None = None) -> Response:
        headers = JSON_HEADERS if body is not None else HEADERS
        started = time.perf_counter()
        try:
            self.connection.request(method, path, body=body, headers=headers)
            answer = self.connection.getresponse()
            content = answer.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()  # the next request opens a new connection
            raise
        ms = (time.perf_counter() - started) * 1000
        if answer.will_close:
            self.connection.close()
        return Response(answer.status, content, answer.getheader("Content-Encoding", ""), ms)

    def get(self, path: str) -> Response:
        return self.send("GET", path)

    def post(self, path: str, body: dict | bytes) -> Response:
        return self.send("POST", path, body if isinstance(body, bytes) else encode(body))

    def close(self) -> None:
        self.connection.close()


def encode(body: dict) -> bytes:
    """JSON as the browser sends it (JSON.stringify: no spaces)."""
    return json.dumps(body, separators=(",", ":")).encode()


def gzipped(body: bytes) -> int:
    """Bytes of `body` under gzip at the level servers commonly use (6)."""
    return len(gzip.compress(body, compresslevel=6, mtime=0))


def percentile(values: list[float], p: int) -> float:
    """The p-th percentile, interpolated between the nearest ranks (as numpy's default)."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]
