"""The banner above the page: synthetic data, or a data update that could not be served."""

from __future__ import annotations

import hashlib

import dash_bootstrap_components as dbc
from dash import html

from atmp.data import DataError, Snapshot
from atmp.text import t


def data_banner(snapshot: Snapshot, problem: DataError | None, lang: str) -> list:
    """Nothing, or one page-wide container of alerts. A data update that could not be
    used gets a short notice: what is wrong goes to the log, check-data and /healthz,
    for whoever maintains the data, not to every visitor."""
    banners = []
    if snapshot.synthetic:
        banners.append(
            dbc.Alert(
                t("banner.synthetic", lang),
                color="warning",
                className="data-banner synthetic-banner",
            )
        )
    if problem is not None:
        banners.append(
            dbc.Alert(
                html.P(
                    t("banner.reload_failed", lang, date=snapshot.release.as_of(lang)),
                    className="mb-0",
                ),
                color="warning",
                className="data-banner reload-banner",
            )
        )
    return [dbc.Container(banners, fluid=True, className="page-width")] if banners else []


def data_version(snapshot: Snapshot, problem: DataError | None) -> str:
    """Changes whenever what the page should show changes: new data, or a new problem
    (a digest of it: the page is not sent the problem's words)."""
    if problem is None:
        return snapshot.version
    return f"{snapshot.version}|{hashlib.sha256(str(problem).encode()).hexdigest()[:12]}"
