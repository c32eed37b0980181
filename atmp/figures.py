"""Plotly figures as plain dicts: small on the wire, fast to build, easy to test as JSON.

Building `go.Figure` objects validates every property and costs milliseconds per
chart; the dashboard builds its few bar charts directly in the JSON that
plotly.js reads.
"""

from __future__ import annotations

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
}


def readable_text_colour(background: str) -> str:
    """Black or white, whichever reads better on `background` (WCAG relative luminance)."""
    red, green, blue = (int(background[i : i + 2], 16) / 255 for i in (1, 3, 5))

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    return INK if luminance > 0.22 else "#ffffff"


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
        "xaxis": {"title": {"text": x_title, "font": {"size": 14, "color": MUTED}},
                  "gridcolor": GRID, "zeroline": True, "zerolinecolor": "#9aa5b1",
                  "automargin": True, "fixedrange": True, "rangemode": "tozero",
                  **({"range": x_range} if x_range else {})},
        "yaxis": {"automargin": True, "fixedrange": True, "autorange": "reversed",
                  "ticks": "", "tickfont": {"size": 15}},
        "uniformtext": {"minsize": 12, "mode": "show"},
    }


def bar(*, name: str, y: list[str], x: list[float], colour: str | list[str],
        text: list[str], customdata: list[list[str]], hover: list[str],
        textposition: str = "outside", pattern: bool = False) -> dict:
    """One horizontal bar trace with its values written on the bars.

    textposition "auto" writes a label inside its bar where it fits, else beside it.
    """
    colours = colour if isinstance(colour, list) else [colour] * len(x)
    trace = {
        "type": "bar",
        "orientation": "h",
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
