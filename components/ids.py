"""Every component id of the page, defined once for layout, callbacks and assets alike."""

from __future__ import annotations

# The shell, present before the page is rendered in the link's language.
BOOT = "boot"
PAGE = "page"
APPLIED = "view-applied"

# The page.
APP = "app"
URL = "url"
VIEW = "view-state"
NOTICE = "link-notice"
CHIPS = "active-filters"
RESET = "reset-filters"
DATA_BANNER = "data-banner"
DATA_POLL = "data-poll"
DATA_VERSION = "data-version"
STRUCTURE = "page-structure"
DOWNLOAD = "download"
IMAGE = "image-export"
DATASET = "download-dataset"
COPY_STATUS = "copy-status"
QUALITY = "data-quality-panel"
RESEARCH = "research-panel"  # the research section's body, which follows the centre
FILTER_SHEET = "filter-sheet"  # the filters; a sheet opened by a button on a phone
PROFILE = "centre-profile"  # a centre's profile, under a filter to one centre
FACTS = "key-facts-panel"

# Presentation mode.
DECK = "deck"
SLIDE_STAGE = "slide-stage"  # holds the slide graph while presenting
SLIDE = "slide"
SLIDE_STATUS = "slide-status"
NEXT_SLIDE = "next-slide"  # the presenter view's next slide
PRESENTER = "presenter"  # the presenter view's next slide, notes and clock
DECK_PANEL = "deck-panel"  # the deck's slides, to reorder, remove and annotate
DECK_NAME = "deck-name"
DECK_SHEET = "deck-sheet"  # the panel's sheet, opened by the toolbar's DECK_OPEN
DECK_OPEN = "deck-open"
DECK_TITLE = "deck-sheet-title"
DECK_ADVANCE = "deck-advance"  # the auto-advance the deck is presented with
HANDOUT = "handout"  # every slide of the deck, to print
HANDOUT_PAGES = "handout-pages"


def handout_slide(number: int) -> str:
    """A chart slide's graph in the handout (from 1)."""
    return f"handout-slide-{number}"


def deck_add(chart: str) -> dict:
    """A chart's "add to deck" button (pattern-matching id)."""
    return {"type": "deck-add", "chart": chart}


def deck_edit(action: str, index: int) -> dict:
    """A deck panel button: up, down or remove slide `index` (from 0), or insert a slide
    of a kind after it (action 'insert-KIND'; index -1 for first) (pattern-matching id)."""
    return {"type": "deck-edit", "action": action, "index": index}


def deck_text(field: str, index: int) -> dict:
    """A slide's heading or notes in the deck panel (pattern-matching id)."""
    return {"type": "deck-text", "field": field, "index": index}


def summary(section: str) -> str:
    """The sentence that opens a chart section."""
    return f"summary-{section}"


def dropdown(dimension: str) -> str:
    return f"filter-{dimension}"


def dropdown_label(dimension: str) -> str:
    return f"filter-{dimension}-label"


def graph(chart: str) -> str:
    return f"chart-{chart}"


def notes(chart: str) -> str:
    return f"notes-{chart}"


def source(chart: str) -> str:
    return f"source-{chart}"


def table(chart: str) -> str:
    return f"table-{chart}"


def table_rows(chart: str) -> str:
    return f"table-rows-{chart}"


def card(chart: str) -> str:
    return f"card-{chart}"


def cell(chart: str) -> str:
    return f"cell-{chart}"


def scope(chart: str) -> str:
    return f"scope-{chart}"


def caption(chart: str) -> str:
    return f"caption-{chart}"


def kpi_value(key: str) -> str:
    return f"kpi-{key}-value"


def kpi_detail(key: str) -> str:
    return f"kpi-{key}-detail"


def kpi_scope(key: str) -> str:
    return f"kpi-{key}-scope"


def chip(dimension: str, code: str) -> dict:
    """A removable chip of one active filter value (pattern-matching id)."""
    return {"type": "filter-chip", "dimension": dimension, "code": code}


def export(chart: str, kind: str) -> dict:
    """A chart's download button: kind is png, svg, csv or xlsx (pattern-matching id)."""
    return {"type": "export", "chart": chart, "kind": kind}
