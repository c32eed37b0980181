"""Everything the page shows for one view state, computed once for the first render and
for every update after it, so both always agree."""

from __future__ import annotations

from dataclasses import dataclass

from dash import html

from atmp.data import Snapshot
from atmp.exports import chart_slide, table_of
from atmp.figures import PALETTES, themed
from atmp.state import ViewState
from atmp.text import t
from atmp.views import CHARTS, Kpi, kpis
from components import ids
from components.cards import notes, numbers_table
from components.filters import chips

CHART_KEYS = tuple(chart.key for chart in CHARTS)


@dataclass(frozen=True)
class Rendered:
    figures: list[dict]
    notes: list[list]
    sources: list[str]
    tables: list
    kpis: list[Kpi]
    chips: list
    slide: dict | None  # None outside presentation mode
    slide_status: list
    browser: dict  # what assets/20-view.js acts on
    app_class: str


def deck_status(state: ViewState, lang: str) -> list:
    """The slide counter (and, for a screen reader, the slide's title) and, with
    auto-advance, what it does and how to pause it."""
    status = [html.Span(t("deck.counter", lang, n=state.slide, count=len(CHARTS)),
                        className="deck-counter"),
              html.Span(CHARTS[state.slide - 1].title(lang), className="visually-hidden")]
    if state.advance:
        status += [html.Span(t("deck.advancing", lang, seconds=state.advance),
                             className="deck-advancing"),
                   html.Span(t("deck.paused", lang), className="deck-paused")]
    return status


def render(snapshot: Snapshot, state: ViewState) -> Rendered:
    lang, filters = state.lang, state.filters
    views = [chart.build(snapshot, filters, lang) for chart in CHARTS]
    palette = PALETTES[state.theme]
    slide = None
    if state.present:
        index = state.slide - 1
        slide = chart_slide(CHARTS[index], views[index], filters, snapshot, lang, state.theme)
    return Rendered(
        figures=[themed(view.figure, palette) for view in views],
        notes=[notes(view) for view in views],
        sources=[chart.source(snapshot, lang) for chart in CHARTS],
        tables=[numbers_table(table_of(chart, view, filters, snapshot, lang))
                for chart, view in zip(CHARTS, views, strict=True)],
        kpis=kpis(snapshot, filters, lang),
        chips=chips(filters, lang),
        slide=slide,
        slide_status=deck_status(state, lang) if state.present else [],
        browser={"url": ids.URL, "lang": lang, "title": t("app.title", lang),
                 "theme": state.theme, "chart": state.chart, "present": state.present,
                 "advance": state.advance, "links": state.links(CHART_KEYS)},
        app_class="app presenting" if state.present else "app",
    )
