"""The filter bar, the active-filter chips and the link notice."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from atmp.data import Snapshot
from atmp.filters import Filters
from atmp.text import t
from atmp.trials import NONE, count_trials
from atmp.views.labels import count_text
from atmp.vocab import FILTER_DIMENSIONS
from components import ids

# The words dcc.Dropdown writes itself, in the page's language.
DROPDOWN_WORDS = (
    "select_all",
    "deselect_all",
    "selected_count",
    "search",
    "clear_search",
    "clear_selection",
    "no_options_found",
)


def dropdown_words(lang: str) -> dict[str, str]:
    return {word: t(f"dropdown.{word}", lang) for word in DROPDOWN_WORDS}


def dropdown_options(snapshot: Snapshot, filters: Filters, lang: str) -> list[list[dict]]:
    """Each filter's options, with the trials each holds under the other filters
    ("TEP (2)", "Open (0–2)"); an option with none is disabled, unless it is chosen."""
    options = []
    for dimension, vocabulary in FILTER_DIMENSIONS.items():
        others = filters.only([dim for dim in FILTER_DIMENSIONS if dim != dimension])
        if dimension == "centre":
            held = count_trials(snapshot.trials, others).per_centre()
        else:
            counts = count_trials(snapshot.trials, others, by=dimension)
            held = {}
            for row in counts.counts.values():
                for code, trials in row.items():
                    held[code] = held.get(code, NONE) + trials
        options.append(
            [
                {
                    "label": t(
                        "filter.option",
                        lang,
                        label=term.label(lang),
                        n=count_text(held.get(term.code, NONE), lang),
                    ),
                    "value": term.code,
                    "disabled": held.get(term.code, NONE).upper == 0
                    and term.code not in filters.get(dimension),
                }
                for term in vocabulary.terms
            ]
        )
    return options


def filter_bar(
    filters: Filters, lang: str, offered: tuple[str, ...], options: list[list[dict]]
) -> html.Div:
    """The filters the data can answer; the others stay in the page, hidden, until a data
    update offers them (the dashboard callback names every dropdown)."""
    columns = [
        dbc.Col(
            html.Div(
                [
                    html.Label(
                        t(f"filter.{dimension}", lang),
                        htmlFor=ids.dropdown(dimension),
                        id=ids.dropdown_label(dimension),
                        className="filter-label",
                    ),
                    dcc.Dropdown(
                        id=ids.dropdown(dimension),
                        options=choices,
                        value=list(filters.get(dimension)),
                        multi=True,
                        placeholder=t("filter.all", lang),
                        labels=dropdown_words(lang),
                    ),
                ],
                className="filter-field",
            ),
            xs=12,
            md=6,
            xl=True,
            className="" if dimension in offered else "d-none",
        )
        for dimension, choices in zip(FILTER_DIMENSIONS, options, strict=True)
    ]
    columns.append(
        dbc.Col(
            dbc.Button(
                t("filter.reset", lang),
                id=ids.RESET,
                color="secondary",
                outline=True,
                className="reset-button",
            ),
            xs=12,
            xl="auto",
            className="d-flex align-items-end",
        )
    )
    return html.Div(dbc.Row(columns, className="g-3"), className="filter-bar", role="search")


def filter_sheet(bar: html.Div, filters: Filters, lang: str) -> list:
    """The filters as they stand on a wide screen; on a phone, behind a "Filters (n)"
    button, in a sheet that slides up (assets/20-view.js opens and closes it; CSS decides
    which by the width)."""
    count = sum(len(filters.get(dimension)) for dimension in filters.active())
    return [
        html.Button(
            t("filter.sheet", lang, n=count),
            className="filters-toggle",
            **{
                "data-sheet": "open",
                "data-label": t("filter.sheet_label", lang),
                "aria-expanded": "false",
                "aria-controls": ids.FILTER_SHEET,
            },
        ),
        html.Div(
            [
                bar,
                html.Button(
                    t("filter.sheet_done", lang), className="sheet-done", **{"data-sheet": "close"}
                ),
            ],
            id=ids.FILTER_SHEET,
            className="filter-sheet",
        ),
    ]


def chips(filters: Filters, lang: str) -> list:
    """One removable chip per active filter value, coloured as the category is everywhere."""
    if not filters.active():
        return [html.Span(t("filter.none", lang), className="chips-empty")]
    items = [html.Span(t("filter.active", lang), className="chips-label")]
    for dimension in filters.active():
        vocabulary = FILTER_DIMENSIONS[dimension]
        for code in filters.get(dimension):
            label = f"{t(f'filter.{dimension}', lang)}: {vocabulary.label(code, lang)}"
            items.append(
                html.Button(
                    [
                        html.Span(
                            className="chip-dot", style={"background": vocabulary.colour(code)}
                        ),
                        label,
                        html.Span("×", className="chip-x", **{"aria-hidden": "true"}),
                    ],
                    id=ids.chip(dimension, code),
                    className="chip",
                    n_clicks=0,
                    title=t("filter.remove", lang, label=label),
                    **{"aria-label": t("filter.remove", lang, label=label)},
                )
            )
    return items


def link_notice(unknown: list[str], lang: str) -> list:
    if not unknown:
        return []
    return [
        dbc.Alert(
            t("link.ignored", lang, values=", ".join(unknown)),
            color="warning",
            dismissable=True,
            className="mb-0",
        )
    ]
