"""Every component id of the page, defined once for layout and callbacks alike."""

from __future__ import annotations

URL = "url"
NOTICE = "link-notice"
CHIPS = "active-filters"
RESET = "reset-filters"
DATA_BANNER = "data-banner"
DATA_POLL = "data-poll"
DATA_VERSION = "data-version"


def dropdown(dimension: str) -> str:
    return f"filter-{dimension}"


def graph(chart: str) -> str:
    return f"chart-{chart}"


def notes(chart: str) -> str:
    return f"notes-{chart}"


def source(chart: str) -> str:
    return f"source-{chart}"


def kpi_value(key: str) -> str:
    return f"kpi-{key}-value"


def kpi_detail(key: str) -> str:
    return f"kpi-{key}-detail"


def chip(dimension: str, code: str) -> dict:
    """A removable chip of one active filter value (pattern-matching id)."""
    return {"type": "filter-chip", "dimension": dimension, "code": code}
