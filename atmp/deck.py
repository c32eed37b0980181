"""A meeting's deck: an ordered list of slides, each a chart with its own filters or a
title, key-figures, caveats or sources slide, with an optional heading and speaker notes.

A deck travels in the link as `deck=`: a version digit, then the slides as compact JSON,
zlib-compressed and base64url-encoded (letters, digits, '-' and '_' only, so mail clients
neither break nor re-encode it). Fifteen chart slides with their own filters and short
notes take a few hundred characters. A link without `deck=` plays the default deck.
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from dataclasses import dataclass, replace
from functools import lru_cache

from atmp.filters import Filters, from_params, from_values, parse_query
from atmp.schema import MULTIPLE_SEPARATOR
from atmp.vocab import FILTER_DIMENSIONS, SLIDE_KIND

SLIDE_KINDS = SLIDE_KIND.codes()
# The slides a presenter inserts from the deck panel (a chart slide comes from its chart).
INSERTED_KINDS = tuple(kind for kind in SLIDE_KINDS if kind != "chart")
_CODE_OF_KIND = {"title": "t", "key_figures": "k", "chart": "c", "caveats": "q", "sources": "s"}
_KIND_OF_CODE = {code: kind for kind, code in _CODE_OF_KIND.items()}

VERSION = "1"
# Bounds that keep a deck a link: beyond them the deck is refused with a notice.
MAX_SLIDES = 40
MAX_HEADING = 140
MAX_NOTES = 2000
MAX_NAME = 80
_MAX_JSON = 64_000  # what a deck may inflate to: no zip bomb in a link


@dataclass(frozen=True)
class Slide:
    """One slide. `filters` None means the page's filters (the default deck's charts)."""

    kind: str
    chart: str = ""
    filters: Filters | None = None
    heading: str = ""
    notes: str = ""

    def shown_with(self, page: Filters) -> Filters:
        """The filters this slide shows: its own, or the page's."""
        return page if self.filters is None else self.filters


@dataclass(frozen=True)
class Deck:
    slides: tuple[Slide, ...]
    name: str = ""

    def __len__(self) -> int:
        return len(self.slides)

    def added(self, slide: Slide) -> Deck:
        return replace(self, slides=(*self.slides, slide)[:MAX_SLIDES])

    def inserted(self, index: int, slide: Slide) -> Deck:
        """`slide` after slide `index` (counting from 0), or first for -1."""
        slides = list(self.slides)
        slides.insert(index + 1, slide)
        return replace(self, slides=tuple(slides[:MAX_SLIDES]))

    def moved(self, index: int, step: int) -> Deck:
        """Slide `index` one place earlier (-1) or later (+1); at an end it stays."""
        other = index + step
        if not (0 <= index < len(self) and 0 <= other < len(self)):
            return self
        slides = list(self.slides)
        slides[index], slides[other] = slides[other], slides[index]
        return replace(self, slides=tuple(slides))

    def removed(self, index: int) -> Deck:
        return replace(self, slides=tuple(s for i, s in enumerate(self.slides) if i != index))

    def edited(self, index: int, heading: str, notes: str) -> Deck:
        if not 0 <= index < len(self):
            return self
        slide = replace(self.slides[index], heading=heading[:MAX_HEADING], notes=notes[:MAX_NOTES])
        return replace(
            self, slides=tuple(slide if i == index else s for i, s in enumerate(self.slides))
        )

    def renamed(self, name: str) -> Deck:
        return replace(self, name=" ".join(name.split())[:MAX_NAME])


def default_deck(charts: tuple[str, ...]) -> Deck:
    """A title slide, the key figures, every chart with the page's filters, the sources."""
    return Deck(
        (
            Slide("title"),
            Slide("key_figures"),
            *(Slide("chart", chart=key) for key in charts),
            Slide("sources"),
        )
    )


# A slide's row in the link: kind code, chart, filters (None: the page's), heading, notes;
# trailing defaults are left out.
_ROW_DEFAULTS = ("", "", None, "", "")


@lru_cache(maxsize=64)
def encode(deck: Deck) -> str:
    """The `deck=` value of a deck; kept, as every move of a view carries its deck."""
    rows = []
    for slide in deck.slides:
        filters = None if slide.filters is None else slide.filters.to_query().lstrip("?")
        row = [_CODE_OF_KIND[slide.kind], slide.chart, filters, slide.heading, slide.notes]
        while len(row) > 1 and row[-1] == _ROW_DEFAULTS[len(row) - 1]:
            row.pop()  # trailing defaults; an empty filter string ('no filters') stays
        rows.append(row)
    text = json.dumps([deck.name, rows], ensure_ascii=False, separators=(",", ":"))
    packed = base64.urlsafe_b64encode(zlib.compress(text.encode(), 9)).decode()
    return VERSION + packed.rstrip("=")


class DeckError(ValueError):
    """Why a `deck=` value was not read: shown to the user as a notice."""


def decode(value: str, charts: tuple[str, ...], dimensions: tuple[str, ...]) -> Deck:
    """The deck of a `deck=` value, for data offering `charts` and filter `dimensions`.

    Raises DeckError naming what was wrong: another version, a damaged value, a chart
    or filter the data does not offer. Never anything else, whatever the value.
    """
    if not value or value[0] != VERSION:
        raise DeckError("version")
    try:
        packed = value[1:] + "=" * (-len(value[1:]) % 4)
        inflater = zlib.decompressobj()
        raw = inflater.decompress(base64.urlsafe_b64decode(packed), _MAX_JSON)
        if inflater.unconsumed_tail or not inflater.eof:
            raise DeckError("damaged")
        name, rows = json.loads(raw.decode())
    except (binascii.Error, zlib.error, UnicodeDecodeError, ValueError, TypeError) as error:
        raise DeckError("damaged") from error
    if not isinstance(name, str) or not isinstance(rows, list) or len(rows) > MAX_SLIDES:
        raise DeckError("damaged")
    return Deck(tuple(_slide(row, charts, dimensions) for row in rows), name[:MAX_NAME])


def _slide(row: object, charts: tuple[str, ...], dimensions: tuple[str, ...]) -> Slide:
    if not isinstance(row, list) or not 1 <= len(row) <= 5:
        raise DeckError("damaged")
    code, chart, filters, heading, notes = row + list(_ROW_DEFAULTS[len(row) :])
    if code not in _KIND_OF_CODE or not all(
        isinstance(text, str) for text in (chart, heading, notes)
    ):
        raise DeckError("damaged")
    kind = _KIND_OF_CODE[code]
    if (kind == "chart") != bool(chart):
        raise DeckError("damaged")
    if kind == "chart" and chart not in charts:
        raise DeckError("chart")
    return Slide(
        kind,
        chart,
        None if filters is None else _filters(filters, dimensions),
        heading[:MAX_HEADING],
        notes[:MAX_NOTES],
    )


def _filters(query: object, dimensions: tuple[str, ...]) -> Filters:
    if not isinstance(query, str):
        raise DeckError("damaged")
    params, too_long = parse_query(query)
    filters, unknown = from_params(params, dimensions)
    if too_long or unknown:
        raise DeckError("filters")
    return filters


def deck_of_rows(name: str, rows: list[dict], lang: str) -> Deck:
    """A deck file's deck (data/decks/NAME.csv, checked by the loader): a slide per row,
    its filters from the filter columns (empty: the whole cluster), its heading and notes
    in `lang` where the file gives them in Swedish too."""

    def text(row: dict, column: str) -> str:
        swedish = str(row.get(f"{column}_sv") or "") if lang == "sv" else ""
        return swedish or str(row.get(column) or "")

    slides = []
    for row in rows:
        cells = {dim: str(row.get(dim) or "") for dim in FILTER_DIMENSIONS}
        filters, _ = from_values(
            {
                dim: [code for code in cell.split(MULTIPLE_SEPARATOR) if code]
                for dim, cell in cells.items()
            }
        )
        slides.append(
            Slide(
                row["slide"],
                str(row.get("chart") or ""),
                filters,
                text(row, "heading")[:MAX_HEADING],
                text(row, "notes")[:MAX_NOTES],
            )
        )
    return Deck(tuple(slides[:MAX_SLIDES]), name.replace("-", " ").replace("_", " ")[:MAX_NAME])
