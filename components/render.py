"""Everything the page shows for one view state, computed once for the first render and
for every update after it, so both always agree."""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from dash import html, no_update
from dash.development.base_component import Component

from atmp.data import Snapshot
from atmp.deck import encode
from atmp.exports import page_rows, table_of
from atmp.figures import PALETTES, themed, with_room_for_labels
from atmp.filters import Filters
from atmp.memo import Kept
from atmp.quality import findings
from atmp.slides import SlideContent, slide_content
from atmp.state import ViewState, join_query
from atmp.text import t
from atmp.views import (
    CHARTS,
    Chart,
    ChartView,
    Kpi,
    hospital_exemption_products,
    key_facts,
    kpis,
    offer,
)
from atmp.views.profile import centre_profile
from atmp.views.research import research
from atmp.views.summary import centre_summaries, trials_summary
from components import ids
from components.cards import (
    caption,
    key_facts_list,
    notes,
    quality_table,
    scope_badge,
)
from components.deck_panel import deck_panel
from components.filters import chips, dropdown_options
from components.research import profile_panel, research_panels
from components.slides import handout_page, presenter_panel, slide_view

# Renders kept per snapshot: a filter change renders the view before it (its patches are
# computed against it) and after it, and most views are seen again soon.
RENDERS_KEPT = 32


def page_form(value: object) -> object:
    """`value` as the page holds it once sent (json.loads of plotly's JSON encoding), made
    without writing and parsing the text: components become dicts, tuples and arrays
    lists, a NaN null."""
    if isinstance(value, Component):
        value = value.to_plotly_json()
    if isinstance(value, dict):
        return {key: page_form(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [page_form(item) for item in value]
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if hasattr(value, "tolist"):  # a numpy array or number
        return page_form(value.tolist())
    return value


@dataclass(frozen=True)
class Rendered:
    figures: list[dict]
    notes: list[list]
    sources: list[str]
    tables: list  # per chart: the rows of its numbers table
    kpis: list[Kpi]
    chips: list
    slide: object  # the presented slide; None outside presentation mode
    slide_status: list
    presenter: object  # the presenter's next slide and notes; None outside the presenter view
    handout: object  # every slide of the deck, to print; None outside the handout
    deck_panel: list  # the deck's slides to edit, and how to play and hand it out
    deck_count: str  # the toolbar's "Deck (n)"
    browser: dict  # what assets/20-view.js acts on
    app_class: str
    scopes: list  # per chart: what it covers where a filter does not apply to it
    kpi_scopes: list
    options: list  # per filter: its options, with the trials each holds in this scope
    caption: object  # the hospital-exemption therapies of the chosen centres
    quality: object  # the data-quality findings of the chosen centres
    facts: object  # the key facts of the chosen centres
    summaries: list[str]  # the sentence that opens each chart section, for this scope
    research: object  # the research section's body for the chosen centres
    profile: object  # the profile of the one chosen centre, else nothing

    @property
    def links(self) -> dict[str, str]:
        """The query string of every move from this view, as assets/20-view.js joins them:
        the browser gets the filters once and each move's own part (a filter change then
        changes one string, not every link)."""
        return {
            key: join_query(self.browser["filters"], move)
            for key, move in self.browser["moves"].items()
        }

    @cached_property
    def _json_forms(self) -> dict:
        return {}

    def json_of(self, name: str, item: int | None = None) -> object:
        """The JSON form of output `name` (or of its `item`) as the page holds it
        (components become dicts): what a later change is computed against. Made once
        per render, and only for what a change compares (renders are kept)."""
        forms = self._json_forms
        if (name, item) not in forms:
            value = outputs(self)[name]
            forms[name, item] = page_form(value if item is None else value[item])
        return forms[name, item]

    @property
    def as_json(self) -> dict:
        """Every output the page is sent, in its JSON form."""
        return {
            name: [self.json_of(name, item) for item in range(len(value))]
            if name in PER_ITEM
            else self.json_of(name)
            for name, value in outputs(self).items()
            if value is not no_update
        }


def deck_status(state: ViewState, count: int, title: str, lang: str) -> list:
    """The slide counter (and, for a screen reader, the slide's title) and, with
    auto-advance, what it does and how to pause it."""
    status = [
        html.Span(t("deck.counter", lang, n=state.slide, count=count), className="deck-counter"),
        html.Span(title, className="visually-hidden"),
    ]
    if state.advance:
        status += [
            html.Span(t("deck.advancing", lang, seconds=state.advance), className="deck-advancing"),
            html.Span(t("deck.paused", lang), className="deck-paused"),
        ]
    return status


class _Renders:
    """The last few renders of the snapshot being served (most recently used last), the
    views of the charts that answer only some filters, and the parts of the page that
    follow only the centre (data quality, key facts, caption).

    A memo, not per-user state: a view state renders the same on any worker, from
    any request. A new snapshot starts afresh, so a render never outlives its data.
    """

    def __init__(self) -> None:
        self.snapshot: Snapshot | None = None
        self.kept = Kept(RENDERS_KEPT)
        self.views: dict[tuple, object] = {}
        self.lock = threading.Lock()

    def get(self, snapshot: Snapshot, state: ViewState) -> Rendered:
        with self.lock:
            if self.snapshot is not snapshot:  # a render never outlives its data
                self.snapshot, self.kept, self.views = snapshot, Kept(RENDERS_KEPT), {}
            kept = self.kept
        return kept.get(state, lambda: _render(snapshot, state, self))

    def chart_view(self, snapshot: Snapshot, chart: Chart, state: ViewState) -> ChartView:
        """A chart's view, kept where the chart answers only some filters: most filter
        changes leave it as it is. A few hundred at most (charts × languages × filters)."""
        shown = snapshot.release_as_read(state.release, state.reading)
        return self.with_view(
            snapshot, chart, state, ("view",), lambda: chart.build(shown, state.filters, state.lang)
        )

    def drawn(
        self, snapshot: Snapshot, chart: Chart, state: ViewState, view: ChartView
    ) -> tuple[dict, list]:
        """The figure of `view` (the chart's view for `state`) in the page's theme and its
        notes, kept with the view: the same objects while the view stays, so a filter
        change need not compare them."""
        return self.with_view(
            snapshot,
            chart,
            state,
            ("drawn", state.theme),
            lambda: (with_room_for_labels(themed(view.figure, PALETTES[state.theme])), notes(view)),
        )

    def rows(self, snapshot: Snapshot, chart: Chart, state: ViewState, view: ChartView) -> dict:
        """The rows of `view`'s numbers table on the page, kept with the view (they hold
        its numbers only, not the filters' title)."""
        shown = snapshot.release_as_read(state.release, state.reading)
        return self.with_view(
            snapshot,
            chart,
            state,
            ("rows",),
            lambda: page_rows(table_of(chart, view, state.filters, shown, state.lang)),
        )

    def with_view(
        self, snapshot: Snapshot, chart: Chart, state: ViewState, kind: tuple, make: Callable
    ) -> object:
        """`make()`, kept under `kind` while the chart's view for `state` stays; made anew
        for a chart that answers every filter (its view changes with each)."""
        if chart.answers is None:
            return make()
        return self.part(
            snapshot,
            (
                *kind,
                chart.key,
                state.lang,
                state.release,
                state.reading,
                chart.depends_on(state.filters),
            ),
            make,
        )

    def part(self, snapshot: Snapshot, key: tuple, make: Callable[[], object]) -> object:
        """`make()`, kept under `key` for this snapshot: for what depends on a few of the
        view's values only. A few hundred at most (parts × languages × filters)."""
        with self.lock:
            if self.snapshot is snapshot and key in self.views:
                return self.views[key]
        made = make()
        with self.lock:
            if self.snapshot is snapshot:
                self.views[key] = made
        return made


_renders = _Renders()


def render(snapshot: Snapshot, state: ViewState) -> Rendered:
    """Everything the page shows for `state`; the same object for the same view and data,
    so it must never be changed."""
    return _renders.get(snapshot, state)


def _render(snapshot: Snapshot, state: ViewState, memo: _Renders) -> Rendered:
    lang, filters = state.lang, state.filters
    views = [memo.chart_view(snapshot, chart, state) for chart in CHARTS]
    drawn = [
        memo.drawn(snapshot, chart, state, view) for chart, view in zip(CHARTS, views, strict=True)
    ]
    by_centre = (lang, state.release, state.reading, filters.centre)

    def of_centre(name: str, make: Callable[[], object]) -> object:
        return memo.part(snapshot, (name, *by_centre), make)

    served, snapshot = snapshot, snapshot.release_as_read(state.release, state.reading)
    readings = served.release_as_read(state.release, "published").alternative is not None
    offered = offer(served)
    deck = state.slides(offered)

    def shown(number: int) -> SlideContent | None:
        """Slide `number` of the deck (from 1), its charts' views from the memo."""
        if not 1 <= number <= len(deck):
            return None
        return slide_content(
            snapshot,
            deck,
            deck.slides[number - 1],
            filters,
            lang,
            lambda chart, own: memo.chart_view(served, chart, state.with_filters(own)),
        )

    slide = presenter = None
    current = shown(state.slide) if state.present else None
    if state.present:
        slide = slide_view(current, snapshot, lang, state.theme, ids.SLIDE)
    if state.present and state.presenter:
        after = shown(state.slide + 1)
        presenter = presenter_panel(
            current,
            after and slide_view(after, snapshot, lang, state.theme, ids.NEXT_SLIDE),
            lang,
        )
    saved = tuple(name for name, _ in offered.decks)
    handout = None
    if state.handout:  # printed on white, whatever the page's theme
        handout = [
            handout_page(
                number,
                len(deck),
                content,
                slide_view(content, snapshot, lang, "light", ids.handout_slide(number)),
                lang,
            )
            for number, content in ((n, shown(n)) for n in range(1, len(deck) + 1))
        ]
    key_figures = kpis(snapshot, filters, lang)
    return Rendered(
        figures=[figure for figure, _ in drawn],
        notes=[chart_notes for _, chart_notes in drawn],
        sources=[chart.source(snapshot, lang) for chart in CHARTS],
        tables=[
            memo.rows(served, chart, state, view) for chart, view in zip(CHARTS, views, strict=True)
        ],
        kpis=key_figures,
        chips=chips(filters, lang),
        slide=slide,
        slide_status=deck_status(state, len(deck), current.title if current else "", lang)
        if state.present
        else [],
        presenter=presenter,
        handout=handout,
        deck_panel=deck_panel(deck, True, saved, lang)
        if state.deck is not None
        # The default deck's panel does not change with the filters: kept (a link's own
        # deck is not, or made-up decks could grow the memo).
        else memo.part(served, ("deck_panel", lang), lambda: deck_panel(deck, False, saved, lang)),
        deck_count=t("deck.panel.open", lang, n=len(deck)),
        browser={
            "url": ids.URL,
            "deck_sheet": ids.DECK_SHEET,
            "lang": lang,
            "title": t("app.title", lang),
            "theme": state.theme,
            "chart": state.chart,
            "present": state.present,
            "presenter": state.presenter,
            "handout": state.handout,
            "slide": state.slide,
            "slides": len(deck),
            "deck": encode(state.deck) if state.deck is not None else "",
            "advance": state.advance,
            "filters": state.filters.to_query().lstrip("?"),
            # A move keeps the filters: the moves of a view are those of its unfiltered
            # view (kept but for a made-up deck, as the panel above).
            "moves": state.moves(offered)
            if state.deck is not None
            else memo.part(
                served, ("moves", state.with_filters(Filters())), lambda: state.moves(offered)
            ),
        },
        app_class="app presenting presenter"
        if state.presenter
        else "app presenting"
        if state.present
        else "app handout-mode"
        if state.handout
        else "app",
        scopes=[scope_badge(chart.scope_tag(filters, lang), lang) for chart in CHARTS],
        kpi_scopes=[scope_badge(kpi.scope, lang) for kpi in key_figures],
        options=dropdown_options(snapshot, filters, lang),
        caption=of_centre(
            "caption", lambda: caption(hospital_exemption_products(snapshot, filters, lang))
        ),
        quality=of_centre(
            "quality",
            lambda: quality_table(
                findings(snapshot, lang, filters), state.reading if readings else None, lang
            ),
        ),
        facts=of_centre("facts", lambda: key_facts_list(key_facts(snapshot, filters, lang))),
        summaries=[
            trials_summary(snapshot, filters, lang),
            *of_centre("summaries", lambda: centre_summaries(snapshot, filters, lang)).values(),
        ],
        research=of_centre(
            "research", lambda: research_panels(research(snapshot, filters, lang), snapshot, lang)
        ),
        profile=of_centre(
            "profile", lambda: profile_panel(*centre_profile(snapshot, filters, lang))
        ),
    )


# Outputs that are one value per chart, key figure, filter or section, rather than one value.
PER_ITEM = (
    "figures",
    "notes",
    "sources",
    "tables",
    "kpi_values",
    "kpi_details",
    "scopes",
    "kpi_scopes",
    "options",
    "summaries",
)


def outputs(rendered: Rendered) -> dict:
    """The dashboard callback's outputs that show `rendered`, in full."""
    return {
        "figures": rendered.figures,
        "notes": rendered.notes,
        "sources": rendered.sources,
        "tables": rendered.tables,
        "kpi_values": [kpi.value for kpi in rendered.kpis],
        "kpi_details": [kpi.detail for kpi in rendered.kpis],
        "chips": rendered.chips,
        "slide": no_update if rendered.slide is None else rendered.slide,
        "slide_status": rendered.slide_status,
        "presenter": no_update if rendered.presenter is None else rendered.presenter,
        "handout": no_update if rendered.handout is None else rendered.handout,
        "deck_panel": rendered.deck_panel,
        "deck_count": rendered.deck_count,
        "browser": rendered.browser,
        "app_class": rendered.app_class,
        "scopes": rendered.scopes,
        "kpi_scopes": rendered.kpi_scopes,
        "options": rendered.options,
        "caption": rendered.caption,
        "quality": rendered.quality,
        "facts": rendered.facts,
        "summaries": rendered.summaries,
        "research": rendered.research,
        "profile": rendered.profile,
    }
