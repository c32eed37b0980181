"""Importing this package registers every callback (with dash.callback, no app import)."""

from callbacks import dashboard, data, exports, page, tables  # noqa: F401
