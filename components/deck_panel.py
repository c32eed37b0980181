"""The deck panel: the slides of the link's deck, to reorder, remove, annotate and add to,
and the ways to play it, hand it out and share it.

Every button here is a deck edit answered by the dashboard callback, which puts the new
deck in the link (atmp/deck.py); the links are moves of assets/20-view.js.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from atmp.deck import INSERTED_KINDS, MAX_HEADING, MAX_NAME, MAX_NOTES, Deck, Slide
from atmp.deck_pptx import PATH as PPTX_PATH
from atmp.slides import BY_KEY, scope_of
from atmp.state import ADVANCE_CHOICES
from atmp.text import t
from atmp.vocab import SLIDE_KIND
from components import ids


def slide_label(slide: Slide, lang: str) -> str:
    """'Chart: Trials by status — Karolinska', as the panel lists a slide; a slide of the
    default deck shows 'with the page's filters' (so the panel does not change with them)."""
    what = BY_KEY[slide.chart].title(lang) if slide.kind == "chart" else ""
    kind = SLIDE_KIND.label(slide.kind, lang)
    scope = t("deck.page_filters", lang) if slide.filters is None else scope_of(slide.filters, lang)
    return f"{kind}{': ' + what if what else ''} — {scope}"


def _labelled(label: str, field: object) -> html.Label:
    """A field named by a label that only assistive technology reads (its placeholder
    shows the name on screen); wrapping works for the pattern-matching ids too."""
    return html.Label([html.Span(label, className="visually-hidden"), field], className="d-block")


def _text_field(make, field: str, index: int, value: str, limit: int, lang: str, **extra):
    """A slide's heading or notes field, named with the slide's number."""
    name = t(f"deck.{field}", lang)
    return _labelled(
        f"{name} ({index + 1})",
        make(
            id=ids.deck_text(field, index),
            value=value,
            placeholder=name,
            maxLength=limit,
            className="form-control form-control-sm",
            **extra,
        ),
    )


def _edit_button(action: str, index: int, symbol: str, label: str) -> html.Button:
    return html.Button(
        symbol,
        id=ids.deck_edit(action, index),
        className="tool deck-edit",
        n_clicks=0,
        title=label,
        **{"aria-label": label},
    )


def _slide_item(index: int, slide: Slide, count: int, lang: str) -> html.Li:
    number = index + 1
    return html.Li(
        [
            html.Div(
                [
                    html.Span(slide_label(slide, lang), className="deck-slide-label"),
                    html.Div(
                        [
                            _edit_button("up", index, "↑", t("deck.up", lang, n=number))
                            if index > 0
                            else None,
                            _edit_button("down", index, "↓", t("deck.down", lang, n=number))
                            if index < count - 1
                            else None,
                            _edit_button("remove", index, "×", t("deck.remove", lang, n=number)),
                        ],
                        className="deck-slide-tools",
                        role="group",
                    ),
                ],
                className="deck-slide-head",
            ),
            _text_field(dcc.Input, "heading", index, slide.heading, MAX_HEADING, lang),
            _text_field(dcc.Textarea, "notes", index, slide.notes, MAX_NOTES, lang, rows=2),
        ],
        className="deck-slide",
    )


def deck_panel(deck: Deck, own: bool, saved: tuple[str, ...], lang: str) -> list:
    """The panel's body for the link's deck (`own` False: the default deck); `saved` the
    names of the data folder's deck files, for recurring meetings."""
    count = len(deck)
    inserts = [
        _edit_button(
            f"insert-{kind}",
            -1 if kind == "title" else count - 1,
            SLIDE_KIND.label(kind, lang),
            f"{t('deck.insert', lang)}: {SLIDE_KIND.label(kind, lang)}",
        )
        for kind in INSERTED_KINDS
    ]
    advance = html.Select(
        [
            html.Option(
                t("deck.advance.seconds", lang, seconds=seconds)
                if seconds
                else t("deck.advance.off", lang),
                value=str(seconds),
            )
            for seconds in ADVANCE_CHOICES
        ],
        className="form-select form-select-sm deck-advance",
        id=ids.DECK_ADVANCE,
        **{"data-advance": "1"},
    )
    files = (
        [
            html.H3(t("deck.saved", lang), className="h6 mt-2"),
            html.Ul(
                [html.Li(html.A(name, href="?", **{"data-go": f"deck_{name}"})) for name in saved],
                className="deck-files",
            ),
        ]
        if saved
        else []
    )
    return [
        *files,
        html.P(t("deck.panel.own" if own else "deck.panel.default", lang), className="small"),
        _labelled(
            t("deck.name", lang),
            dcc.Input(
                id=ids.DECK_NAME,
                value=deck.name,
                placeholder=t("deck.name", lang),
                maxLength=MAX_NAME,
                className="form-control mb-2",
            ),
        ),
        html.Ol(
            [_slide_item(i, slide, count, lang) for i, slide in enumerate(deck.slides)],
            className="deck-list",
        ),
        html.Div(
            [html.Span(t("deck.insert", lang) + ":", className="small"), *inserts],
            className="deck-inserts",
            role="group",
        ),
        html.Div(
            [
                html.Label(t("deck.advance", lang), htmlFor=ids.DECK_ADVANCE, className="small"),
                advance,
                html.Button(
                    t("deck.present", lang), className="tool tool-present", **{"data-go": "present"}
                ),
                html.Button(t("deck.presenter", lang), className="tool", **{"data-presenter": "1"}),
                html.A(
                    t("deck.handout", lang), href="?", className="tool", **{"data-go": "handout"}
                ),
                html.A(
                    t("deck.pptx", lang),
                    href=PPTX_PATH.lstrip("/"),
                    download="",
                    className="tool",
                    **{"data-deck-file": "1"},
                ),
                html.Button(t("deck.copy", lang), className="tool", **{"data-copy": "1"}),
                html.Button(t("deck.reset", lang), className="tool", **{"data-go": "deck_default"})
                if own
                else None,
            ],
            className="deck-actions",
        ),
    ]


def deck_sheet(body: list, lang: str) -> dbc.Offcanvas:
    """The panel, a sheet from the right opened by the toolbar's "Deck (n)" button."""
    return dbc.Offcanvas(
        html.Div(body, id=ids.DECK_PANEL),
        id=ids.DECK_SHEET,
        title=html.Span(t("deck.panel", lang), id=ids.DECK_TITLE),
        labelledby=ids.DECK_TITLE,
        placement="end",
        scrollable=True,
        className="deck-sheet",
        is_open=False,
    )
