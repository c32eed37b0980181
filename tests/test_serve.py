"""`make serve`: nginx in front of the gunicorn workers keeps slow clients off them,
refuses oversized bodies, compresses, caches what never changes, and passes /healthz."""

from __future__ import annotations

import contextlib
import gzip
import re
import socket
import urllib.request
from pathlib import Path

import pytest

from tests.support.gunicorn_app import make_serve
from tests.support.slow_clients import script_path, under_pressure

ROOT = Path(__file__).resolve().parent.parent


def _status(base: str, request: bytes) -> int:
    port = int(base.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
        with contextlib.suppress(OSError):  # refused while sending: the answer is there
            sock.sendall(request)
        first = sock.recv(200).split(b"\r\n", 1)[0]
    return int(first.split()[1])


def _chunked(size: int) -> bytes:
    chunk = b"x" * 65536
    body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(size // len(chunk)))
    return (
        b"POST /_dash-update-component HTTP/1.1\r\nHost: t\r\n"
        b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        + body
        + b"0\r\n\r\n"
    )


def _get(url: str, **headers: str):
    return urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10)


@pytest.mark.server
def test_srv001_slow_clients_do_not_hold_up_a_normal_one():
    """50 connections sending their headers a line every 2 s and 2 slow readers of
    plotly.js, for 40 s: every answer to a normal client within 2 s."""
    with make_serve() as base:
        found = under_pressure(base, seconds=40)
    assert found.failures == []
    assert found.worst <= 2.0, f"worst {found.worst:.2f} s, median {found.median:.3f} s"


@pytest.mark.server
def test_srv002_bodies_over_1_mib_are_refused_text_compressed_and_fixed_files_cached():
    with make_serve() as base:
        assert _status(base, _chunked(2 * 1024 * 1024)) == 413
        assert _status(base, _chunked(64 * 1024)) in (200, 204, 400)  # a small one passes
        with _get(base + "/healthz") as health:
            assert health.headers["Cache-Control"] == "no-store"
            assert health.headers["Content-Security-Policy"]  # the app's headers pass
            assert b'"status":"ok"' in health.read().replace(b" ", b"")
        with _get(base + "/", **{"Accept-Encoding": "gzip"}) as page:
            assert page.headers["Content-Encoding"] == "gzip"
            assert b"<html" in gzip.decompress(page.read())
        with _get(base + script_path(), **{"Accept-Encoding": "br, gzip"}) as answer:
            assert answer.headers["Cache-Control"] == "public, max-age=31536000, immutable"
            assert answer.headers["Content-Encoding"] in ("br", "gzip")
        with _get(base + "/_dash-layout") as layout:
            assert "immutable" not in (layout.headers["Cache-Control"] or "")


def test_srv003_the_deployment_guide_shows_the_configuration_make_serve_runs():
    shipped = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    guide = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```nginx\n(.*?)```", guide, flags=re.DOTALL)
    assert shipped in blocks
