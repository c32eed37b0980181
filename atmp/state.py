"""The whole view in the query string: filters, language, theme, chart in focus, presentation.

A link is the view: `?centre=akademiska&lang=sv&theme=dark&present=1&slide=3&advance=20`.
Defaults are left out of the link, so the plain address is the plain dashboard.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from atmp.filters import Filters, from_params, parse_query
from atmp.text import LANGUAGES

THEMES = ("light", "dark")
# Auto-advance: faster than this nobody can read a slide; slower is a still screen.
ADVANCE_SECONDS = (5, 3600)


@dataclass(frozen=True)
class ViewState:
    """What one link shows. `slide` counts from 1; `advance` is seconds, 0 for off."""

    filters: Filters = field(default_factory=Filters)
    lang: str = "en"
    theme: str = "light"
    chart: str | None = None
    present: bool = False
    slide: int = 1
    advance: int = 0

    def to_query(self) -> str:
        """The query string of this view, '' for the default view."""
        query = self.filters.to_query().lstrip("?")
        pairs = {}
        if self.lang != "en":
            pairs["lang"] = self.lang
        if self.theme != "light":
            pairs["theme"] = self.theme
        if self.chart:
            pairs["chart"] = self.chart
        if self.present:
            pairs["present"] = "1"
            pairs["slide"] = str(self.slide)
            if self.advance:
                pairs["advance"] = str(self.advance)
        query = "&".join(part for part in (query, urlencode(pairs)) if part)
        return f"?{query}" if query else ""

    def with_filters(self, filters: Filters) -> ViewState:
        return replace(self, filters=filters)

    def links(self, charts: tuple[str, ...]) -> dict[str, str]:
        """The query string of every move the browser can make from this view.

        The browser only navigates to these: what a key or button does is decided here.
        """
        count = len(charts)
        start = charts.index(self.chart) + 1 if self.chart in charts else 1
        return {
            "present": replace(self, present=True, slide=start).to_query(),
            "exit": replace(self, present=False, slide=1, advance=0,
                            chart=charts[self.slide - 1]).to_query(),
            "next": replace(self, slide=self.slide % count + 1).to_query(),
            "previous": replace(self, slide=(self.slide - 2) % count + 1).to_query(),
            "theme": replace(self, theme="light" if self.theme == "dark" else "dark").to_query(),
            **{f"lang_{lang}": replace(self, lang=lang).to_query() for lang in LANGUAGES},
            **{f"chart_{key}": replace(self, chart=key).to_query() for key in charts},
        }


def _one(values: list[str]) -> str:
    return values[-1] if values else ""


def from_query(search: str | None, charts: tuple[str, ...]) -> tuple[ViewState, list[str]]:
    """The view of a link, and the values it had that were not understood (for a notice).

    `charts` are the chart keys in slide order. A bad value falls back to the default.
    """
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
    take("slide", lambda v: 1 <= v <= len(charts), int)
    take("advance", lambda v: v == 0 or ADVANCE_SECONDS[0] <= v <= ADVANCE_SECONDS[1], int)
    filters, unknown_filters = from_params(params)
    present = state.pop("present", "0") == "1"
    if not present:  # a slide or an advance means nothing outside presentation mode
        state.pop("slide", None)
        state.pop("advance", None)
    elif "slide" not in state and state.get("chart"):
        state["slide"] = charts.index(state["chart"]) + 1
    return ViewState(filters=filters, present=present, **state), unknown + unknown_filters
