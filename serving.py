"""What the Flask server does beyond Dash: security headers, /healthz, a cap on request size,
and a 400 with a plain message, never a 5xx or a traceback, for a request it cannot process.

Plain Flask hooks rather than flask-talisman: five headers and one route do not need a
framework, and Talisman's defaults (HTTPS redirects, its own CSP) would have to be undone.
"""

from __future__ import annotations

import logging
import re
import threading
from pathlib import Path

from dash import Dash
from dash.exceptions import DependencyException
from dash.fingerprint import check_fingerprint
from flask import Response, jsonify, request
from flask_compress import Compress
from werkzeug.exceptions import HTTPException

from atmp import about, deck_pptx, opendata, store
from atmp.exports import XLSX
from atmp.memo import Kept
from atmp.template import DOWNLOAD_PATH, template_xlsx

log = logging.getLogger("atmp")

# A callback request is a few KiB: filter values and a query string.
MAX_REQUEST_BYTES = 1024 * 1024
# /healthz lists this many of a failed update's problems (check-data lists them all).
HEALTH_PROBLEMS = 20

# Powerful features the dashboard never uses; fullscreen (presentation mode) and the
# clipboard (copying a link) keep their default, same-origin only.
UNUSED_FEATURES = (
    "accelerometer",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "serial",
    "usb",
)


def content_security_policy(script_hashes: list[str], frame_ancestors: str) -> str:
    """Everything from this server only; Dash's one inline script is allowed by its hash."""
    directives = {
        "default-src": "'self'",
        "script-src": " ".join(["'self'", *script_hashes]),
        # dcc's and the renderer's bundles and plotly.js add <style> elements at run time,
        # and plotly.js writes style attributes: without 'unsafe-inline' the page logs dozens
        # of violations and charts lose their styling. Styles cannot run code; scripts stay
        # strict.
        "style-src": "'self' 'unsafe-inline'",
        # PNG/SVG downloads are drawn through data: and blob: images.
        "img-src": "'self' data: blob:",
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": frame_ancestors,
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def harden(app: Dash, frame_ancestors: str) -> None:
    """Call once the layout and every callback are defined (the policy hashes inline scripts)."""
    server = app.server
    server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    headers = {
        "Content-Security-Policy": content_security_policy(app.csp_hashes(), frame_ancestors),
        "X-Content-Type-Options": "nosniff",
        # Links hold the whole view: it should not travel to other sites.
        "Referrer-Policy": "same-origin",
        "Permissions-Policy": ", ".join(f"{feature}=()" for feature in UNUSED_FEATURES),
        "Cross-Origin-Opener-Policy": "same-origin",
    }

    interpolate_index = app.interpolate_index

    def index_without_python_version(**parts: str) -> str:
        """Dash writes the exact Python build into every page, for its dev tools only."""
        parts["config"] = re.sub(
            r'"python_version":"[^"]*"', '"python_version":""', parts["config"]
        )
        return interpolate_index(**parts)

    app.interpolate_index = index_without_python_version

    @server.after_request
    def add_headers(response: Response) -> Response:
        response.headers.update(headers)
        if response.status_code == 200 and request.method == "GET":
            if never_changes(request):
                # The name (or ?m=) changes with the file: a browser never asks again.
                response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
            elif request.path == "/":
                response.headers["Cache-Control"] = "no-cache"  # revalidated: new releases
        return response

    compress(server)

    @server.get("/healthz")
    def healthz() -> Response:
        """For the load balancer: 'degraded' while the last reload failed (old data served)."""
        snapshot, problem = store.current(), store.problem()
        details = (
            {}
            if problem is None
            else {
                "problem_count": len(problem.problems),
                "problems": [str(found) for found in problem.problems[:HEALTH_PROBLEMS]],
            }
        )
        response = jsonify(
            status="degraded" if problem else "ok",
            data_version=snapshot.version,
            data_date=snapshot.data_date,
            reference_period=snapshot.release.reference_period,
            **details,
        )
        response.headers["Cache-Control"] = "no-store"
        return response

    @server.get(DOWNLOAD_PATH)
    def data_template() -> Response:
        """The workbook to start a data update from (`atmp template`), for the footer link."""
        response = Response(template_xlsx(), mimetype=XLSX)
        response.headers["Content-Disposition"] = 'attachment; filename="atmp-data-template.xlsx"'
        response.headers["Cache-Control"] = "no-cache"
        return response

    @server.get(about.PATH)
    def about_page() -> Response:
        """About this data, in the language of ?lang= (English otherwise)."""
        lang = about.about_lang(request.args.get("lang"))
        response = Response(
            about.about_page(store.current(), lang, opendata.BASE), mimetype="text/html"
        )
        response.headers["Cache-Control"] = "no-cache"
        return response

    @server.get(opendata.BASE)
    def datasets() -> Response:
        """The open data's catalogue: every dataset, its columns and the release."""
        response = jsonify(opendata.catalogue(store.current()))
        response.headers["Cache-Control"] = "no-cache"
        return response

    @server.get(f"{opendata.BASE}/<name>.<fmt>")
    def open_dataset(name: str, fmt: str) -> Response:
        """One dataset as CSV or JSON, filtered by the query as the page's links are."""
        return _answer(
            opendata.dataset(
                store.current(), name, fmt, request.query_string.decode("utf-8", "replace")
            )
        )

    @server.get(f"{opendata.CHARTS_BASE}/<key>.<fmt>")
    def chart_numbers(key: str, fmt: str) -> Response:
        """A chart's numbers as its CSV download gives them, for the page's query string."""
        return _answer(
            opendata.chart_numbers(
                store.current(), key, fmt, request.query_string.decode("utf-8", "replace")
            )
        )

    @server.get(deck_pptx.PATH)
    def deck_file() -> Response:
        """The deck of the page's query string as PowerPoint, with native charts."""
        answer = _decks.get(
            (store.current().version, request.query_string),
            lambda: _written(store.current(), request.query_string.decode("utf-8", "replace")),
        )
        if isinstance(answer, opendata.Refused):
            return _answer(answer)
        content, name = answer
        response = Response(content, mimetype=deck_pptx.PPTX)
        response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
        response.headers["Cache-Control"] = "no-cache"
        return response

    @server.errorhandler(Exception)
    def unprocessable(error: Exception):
        if isinstance(error, HTTPException):
            return error
        if isinstance(error, DependencyException):  # a scanner asking for files Dash lacks
            log.info("no such component file: %r", request.path)
            return jsonify(error="Not found."), 404
        # %r: a path is quoted, so a %0a in it cannot forge a log line.
        log.exception(
            "request %s %r failed (callback output %.200r)",
            request.method,
            request.path,
            callback_output(),
        )
        return jsonify(error="The request could not be processed. Reload the page."), 400


ASSETS = Path(__file__).resolve().parent / "assets"
# A component file whose name holds its package's version and the file's time.
_FINGERPRINTED = re.compile(r"^/_dash-component-suites/.+\.v[\w]+m\d+\.")


class _ComponentFiles:
    """flask-compress's cache: each component file and asset compressed once per algorithm
    and kept (they never change, and plotly.js takes 0.2 s to compress); every other
    answer is compressed anew (its key is empty). Keyed by the file, not the address a
    request made up, and bounded, so that no request can grow it."""

    SIZE = 64

    def __init__(self) -> None:
        self.kept = Kept(self.SIZE)

    def get(self, key: str) -> bytes | None:
        with self.kept.lock:
            return self.kept.values.get(key)

    def set(self, key: str, value: bytes) -> None:
        if not key.endswith(";"):
            self.kept.get(key, lambda: value)


def never_changes(request) -> bool:
    """A component file or asset whose address holds its version or file time."""
    return request.method == "GET" and bool(
        _FINGERPRINTED.match(request.path)
        or (request.path.startswith("/assets/") and "m" in request.args)
    )


def _component_file(request) -> str:
    """The file a request for a component file or asset names: its package path without
    the fingerprint (any fingerprint names the same file), or the asset's path and the
    time it was written (an asset edited while the app runs is compressed anew)."""
    if not never_changes(request):
        return ""
    if request.path.startswith("/assets/"):
        asset = ASSETS / request.path.removeprefix("/assets/")
        return f"{request.path}@{asset.stat().st_mtime_ns}" if asset.is_file() else ""
    return check_fingerprint(request.path)[0]


def compress(server) -> None:
    """Brotli, zstd or gzip for every text answer (pages, scripts, callback answers, CSV),
    as the browser accepts; Dash's own switch would allow gzip only."""
    server.config.update(
        COMPRESS_ALGORITHM=["br", "zstd", "gzip"],
        COMPRESS_BR_LEVEL=5,
        COMPRESS_MIMETYPES=[
            "text/html",
            "text/css",
            "text/plain",
            "text/csv",
            "text/javascript",
            "application/javascript",
            "application/json",
            "image/svg+xml",
        ],
        COMPRESS_CACHE_BACKEND=_ComponentFiles,
        COMPRESS_CACHE_KEY=_component_file,
    )
    server.extensions["compress"] = Compress(server)

    @server.after_request  # runs before Compress's: the later registered runs first
    def whole_file(response: Response) -> Response:
        """An asset read whole, its file closed with the answer: compressing a streamed
        file would leave the file open."""
        if response.is_streamed and request.path.startswith("/assets/"):
            response.direct_passthrough = False
            response.make_sequence()
        return response


# The last few decks as written: a meeting's twenty downloads of one deck cost one. One
# written at a time in a worker (CPU work; the worker's other threads keep answering).
_decks = Kept(8)
_writing_deck = threading.Semaphore(1)


def _written(snapshot, search: str) -> tuple[bytes, str] | opendata.Refused:
    with _writing_deck:
        return deck_pptx.deck_file(snapshot, search)


def _answer(answer: tuple[str, str] | opendata.Refused) -> Response:
    """An open-data answer: the body with its media type, or the refusal's status and message."""
    if isinstance(answer, opendata.Refused):
        response = jsonify(error=answer.message)
        response.status_code = answer.status
        return response
    body, media = answer
    response = Response(body, mimetype=media.split(";")[0])
    if media.startswith("text/csv"):
        response.headers["Content-Type"] = media
    response.headers["Cache-Control"] = "no-cache"
    return response


def callback_output() -> object:
    """The output id of the failed callback request (its parsed JSON is cached), or None."""
    try:
        body = request.get_json(silent=True)
    except RecursionError:  # nested too deep to parse: the very reason the request failed
        return None
    return body.get("output") if isinstance(body, dict) else None
