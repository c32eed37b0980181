"""The filter bar, the active-filter chips and the link notice."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from atmp.filters import Filters
from atmp.text import t
from atmp.vocab import FILTER_DIMENSIONS
from components import ids


def filter_bar(filters: Filters, lang: str) -> html.Div:
    columns = [
        dbc.Col(
            html.Div([
                html.Label(t(f"filter.{dimension}", lang), htmlFor=ids.dropdown(dimension),
                           id=ids.dropdown_label(dimension), className="filter-label"),
                dcc.Dropdown(
                    id=ids.dropdown(dimension),
                    options=[{"label": term.label(lang), "value": term.code}
                             for term in vocabulary.terms],
                    value=list(filters.get(dimension)),
                    multi=True,
                    placeholder=t("filter.all", lang),
                ),
            ]),
            xs=12, md=6, xl=True,
        )
        for dimension, vocabulary in FILTER_DIMENSIONS.items()
    ]
    columns.append(dbc.Col(
        dbc.Button(t("filter.reset", lang), id=ids.RESET, color="secondary", outline=True,
                   className="reset-button"),
        xs=12, xl="auto", className="d-flex align-items-end",
    ))
    return html.Div(dbc.Row(columns, className="g-3"), className="filter-bar",
                    role="search")


def chips(filters: Filters, lang: str) -> list:
    """One removable chip per active filter value, coloured as the category is everywhere."""
    if not filters.active():
        return [html.Span(t("filter.none", lang), className="chips-empty")]
    items = [html.Span(t("filter.active", lang), className="chips-label")]
    for dimension in filters.active():
        vocabulary = FILTER_DIMENSIONS[dimension]
        for code in filters.get(dimension):
            label = f"{t(f'filter.{dimension}', lang)}: {vocabulary.label(code, lang)}"
            items.append(html.Button(
                [html.Span(className="chip-dot", style={"background": vocabulary.colour(code)}),
                 label, html.Span("×", className="chip-x", **{"aria-hidden": "true"})],
                id=ids.chip(dimension, code), className="chip", n_clicks=0,
                title=t("filter.remove", lang, label=label),
                **{"aria-label": t("filter.remove", lang, label=label)},
            ))
    return items


def link_notice(unknown: list[str], lang: str) -> list:
    if not unknown:
        return []
    return [dbc.Alert(t("link.ignored", lang, values=", ".join(unknown)), color="warning",
                      dismissable=True, className="mb-0")]
