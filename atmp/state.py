"""The whole view in the query string: filters, language, theme, chart in focus, presentation.

A link is the view: `?centre=akademiska&lang=sv&theme=dark&present=1&slide=3&advance=20`;
`release=autumn-2024` shows an earlier release kept in the data folder; `deck=` is the
deck presentation mode plays (atmp/deck.py), `presenter=1` its presenter view, `handout=1`
the deck's every slide on a page of its own, to print.
Defaults are left out of the link, so the plain address is the plain dashboard.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from atmp.deck import Deck, DeckError, deck_of_rows, decode, default_deck, encode
from atmp.filters import Filters, from_params, parse_query
from atmp.text import LANGUAGES, t
from atmp.vocab import URL_PARAMS

THEMES = ("light", "dark")
# How uncertain labels are read: as published, or the other way where the data records it.
READINGS = ("published", "alternative")


@dataclass(frozen=True)
class Offer:
    """What the data being served can show: a link asking for more gets a notice."""

    charts: tuple[str, ...]  # chart keys in slide order
    dimensions: tuple[str, ...] = tuple(URL_PARAMS)  # filter dimensions
    readings: tuple[str, ...] = ("published",)
    releases: tuple[str, ...] = ()  # the earlier releases kept in the folder ('autumn-2024')
    decks: tuple[tuple[str, tuple[dict, ...]], ...] = ()  # the folder's deck files: name, rows


# Auto-advance: faster than this nobody can read a slide; slower is a still screen.
ADVANCE_SECONDS = (5, 3600)
# What the deck panel offers (0 for off); a link may ask for any number of seconds between.
ADVANCE_CHOICES = (0, 10, 20, 30, 60)


@dataclass(frozen=True)
class ViewState:
    """What one link shows. `slide` counts from 1; `advance` is seconds, 0 for off.
    `deck` None is the default deck (not in the link)."""

    filters: Filters = field(default_factory=Filters)
    lang: str = "en"
    theme: str = "light"
    chart: str | None = None
    present: bool = False
    slide: int = 1
    advance: int = 0
    reading: str = "published"
    release: str = ""  # an earlier release; '' for the newest
    deck: Deck | None = None
    presenter: bool = False  # the presenter's window: this slide, the next, the notes
    handout: bool = False  # every slide of the deck, one per printed page

    def slides(self, offer: Offer) -> Deck:
        """The deck this view plays: its own, or the default deck of the data's charts."""
        return self.deck if self.deck is not None else default_deck(offer.charts)

    def to_query(self) -> str:
        """The query string of this view, '' for the default view."""
        return join_query(self.filters.to_query().lstrip("?"), self._view_params())

    def _view_params(self) -> str:
        """The part of the query string after the filters: language, theme, chart, slides."""
        pairs = {}
        if self.lang != "en":
            pairs["lang"] = self.lang
        if self.theme != "light":
            pairs["theme"] = self.theme
        if self.chart:
            pairs["chart"] = self.chart
        if self.reading != "published":
            pairs["reading"] = self.reading
        if self.release:
            pairs["release"] = self.release
        if self.deck is not None:
            pairs["deck"] = encode(self.deck)
        if self.handout:
            pairs["handout"] = "1"
        if self.present:
            pairs["present"] = "1"
            pairs["slide"] = str(self.slide)
            if self.advance:
                pairs["advance"] = str(self.advance)
            if self.presenter:
                pairs["presenter"] = "1"
        return urlencode(pairs)

    def with_filters(self, filters: Filters) -> ViewState:
        return replace(self, filters=filters)

    def first_slide_of(self, deck: Deck) -> int:
        """Where presenting starts: the slide of the chart in focus, else the first."""
        for number, slide in enumerate(deck.slides, start=1):
            if self.chart and slide.chart == self.chart:
                return number
        return 1

    def moves(self, offer: Offer) -> dict[str, str]:
        """Every move the browser can make from this view, as the query string after the
        filters (a move keeps them): `join_query(filters, move)` is where it goes.

        The browser only navigates to these: what a key or button does is decided here.
        """
        deck = self.slides(offer)
        count = len(deck)
        shown = deck.slides[self.slide - 1] if count else None
        moved = {
            "present": replace(self, present=True, handout=False, slide=self.first_slide_of(deck)),
            "handout": replace(self, handout=True, present=False, presenter=False, advance=0),
            "exit": replace(
                self,
                present=False,
                presenter=False,
                handout=False,
                slide=1,
                advance=0,
                chart=shown.chart if self.present and shown and shown.chart else self.chart,
            ),
            # The presenter's window, at the audience's slide (or where presenting starts).
            "presenter": replace(
                self,
                present=True,
                presenter=True,
                slide=self.slide if self.present else self.first_slide_of(deck),
            ),
            **{
                f"present_{seconds}": replace(
                    self, present=True, slide=self.first_slide_of(deck), advance=seconds
                )
                for seconds in ADVANCE_CHOICES
                if seconds
            },
            "next": replace(self, slide=self.slide % count + 1 if count else 1),
            "previous": replace(self, slide=(self.slide - 2) % count + 1 if count else 1),
            "first": replace(self, slide=1),
            "last": replace(self, slide=max(count, 1)),
            "deck_default": replace(self, deck=None),
            **{
                f"deck_{name}": replace(self, deck=deck_of_rows(name, rows, self.lang))
                for name, rows in offer.decks
            },
            "theme": replace(self, theme="light" if self.theme == "dark" else "dark"),
            **{f"lang_{lang}": replace(self, lang=lang) for lang in LANGUAGES},
            **{f"chart_{key}": replace(self, chart=key) for key in offer.charts},
            **(
                {
                    "reading": replace(
                        self,
                        reading="published" if self.reading == "alternative" else "alternative",
                    )
                }
                if len(offer.readings) > 1
                else {}
            ),
        }
        return {key: state._view_params() for key, state in moved.items()}


def join_query(filters: str, params: str) -> str:
    """'?filters&params' without an empty part, '' when both are empty. assets/20-view.js
    joins a move to the filters by the same rule (`link`)."""
    query = "&".join(part for part in (filters, params) if part)
    return f"?{query}" if query else ""


def _one(values: list[str]) -> str:
    return values[-1] if values else ""


def from_query(search: str | None, offer: Offer) -> tuple[ViewState, list[str]]:
    """The view of a link, and the values it had that were not understood (for a notice).

    A bad value, or one the data cannot show (a filter on phase without phase data),
    falls back to the default.
    """
    charts = offer.charts
    params, unknown = parse_query(search)
    state: dict[str, object] = {}

    def take(name: str, valid, convert=str) -> None:
        if name not in params:
            return
        value = _one(params.pop(name))
        try:
            converted = convert(value)
        except ValueError:
            converted = None
        if converted is not None and valid(converted):
            state[name] = converted
        else:
            unknown.append(f"{name}={value}")

    take("lang", lambda v: v in LANGUAGES)
    take("theme", lambda v: v in THEMES)
    take("chart", lambda v: v in charts)
    take("present", lambda v: v in ("0", "1"))
    take("presenter", lambda v: v in ("0", "1"))
    take("handout", lambda v: v in ("0", "1"))
    if "deck" in params:
        value = _one(params.pop("deck"))
        try:
            state["deck"] = decode(value, charts, offer.dimensions)
        except DeckError as error:
            unknown.append(
                f"deck={value[:12]}… ({t(f'deck.link.{error}', str(state.get('lang', 'en')))})"
            )
    slides = len(state["deck"]) if "deck" in state else len(default_deck(charts))
    take("slide", lambda v: 1 <= v <= max(slides, 1), int)
    take("advance", lambda v: v == 0 or ADVANCE_SECONDS[0] <= v <= ADVANCE_SECONDS[1], int)
    take("reading", lambda v: v in offer.readings)
    take("release", lambda v: v in offer.releases)
    filters, unknown_filters = from_params(params, offer.dimensions)
    present = state.pop("present", "0") == "1"
    presenter = state.pop("presenter", "0") == "1"
    if not present:  # a slide, an advance or a presenter means nothing outside presenting
        state.pop("slide", None)
        state.pop("advance", None)
        presenter = False
    handout = state.pop("handout", "0") == "1" and not present
    view = ViewState(
        filters=filters, present=present, presenter=presenter, handout=handout, **state
    )
    if present and "slide" not in state:
        view = replace(view, slide=view.first_slide_of(view.slides(offer)))
    return view, unknown + unknown_filters
