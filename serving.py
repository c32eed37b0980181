"""What the Flask server does beyond Dash: no traceback or 5xx for a malformed request."""

from __future__ import annotations

import logging

from flask import Flask, jsonify, request
from werkzeug.exceptions import HTTPException

log = logging.getLogger("atmp")


def harden(server: Flask) -> None:
    """Answer a request the app cannot process with 400 and a plain message; log the cause."""

    @server.errorhandler(Exception)
    def unprocessable(error: Exception):
        if isinstance(error, HTTPException):
            return error
        log.exception("request %s %s failed", request.method, request.path)
        return jsonify(error="The request could not be processed. Reload the page."), 400

