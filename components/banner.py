"""The banner above the page: synthetic data, or a data update that could not be served."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from atmp.data import DataError, Snapshot
from atmp.text import t

SHOWN_PROBLEMS = 8


def data_banner(snapshot: Snapshot, problem: DataError | None, lang: str) -> list:
    """Nothing, or one page-wide container of alerts."""
    banners = []
    if snapshot.synthetic:
        banners.append(dbc.Alert(t("banner.synthetic", lang), color="warning",
                                 className="data-banner synthetic-banner"))
    if problem is not None:
        items = [html.Li(str(p)) for p in problem.problems[:SHOWN_PROBLEMS]]
        hidden = len(problem.problems) - SHOWN_PROBLEMS
        if hidden > 0:
            items.append(html.Li(t("banner.more", lang, n=hidden)))
        banners.append(dbc.Alert([
            html.P(t("banner.reload_failed", lang, date=snapshot.release.as_of(lang))),
            html.Ul(items, className="mb-0"),
        ], color="danger", className="data-banner reload-banner"))
    return [dbc.Container(banners, fluid=True, className="page-width")] if banners else []


def data_version(snapshot: Snapshot, problem: DataError | None) -> str:
    """Changes whenever what the page should show changes: new data, or a new problem."""
    return f"{snapshot.version}|{problem}" if problem else snapshot.version
