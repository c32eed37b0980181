"""Importing this package registers every callback (with dash.callback, no app import)."""

from callbacks import dashboard, data  # noqa: F401
