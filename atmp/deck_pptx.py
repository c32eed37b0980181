"""A deck as a PowerPoint file: native, editable charts with the numbers the page shows.

Always a light template, whatever the page's theme: slides are handed out and printed.
Each chart slide has its scoped title, its notes, the filters it applied and its source;
the speaker's notes go into PowerPoint's notes. A chart PowerPoint cannot draw natively
(a map) becomes a table of its numbers, said in its notes; a one-number chart a number.
"""

from __future__ import annotations

import io
import re

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_FILL, MSO_PATTERN
from pptx.enum.text import MSO_ANCHOR
from pptx.util import Emu, Inches, Pt

from atmp.data import Snapshot
from atmp.exports import Row, trace_rows
from atmp.figures import CERTAIN_PART, DERIVED, SMALL_MARKS, readable_text_colour, unmarked
from atmp.opendata import Refused
from atmp.slides import SlideContent, slide_content
from atmp.state import from_query
from atmp.text import slug, t
from atmp.views import offer

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
# GET PATH?<the page's query string>: the deck of that page as PowerPoint.
PATH = "/download/deck.pptx"

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
EDGE = Inches(0.5)
INK = RGBColor(0x11, 0x11, 0x11)
MUTED = RGBColor(0x4A, 0x4A, 0x4A)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
FONT = "Calibri"
# Bars marked as on screen: dotted where a number is uncertain or approximate, hatched
# where it is derived (not published).
DOTTED = MSO_PATTERN.PERCENT_50
HATCHED = MSO_PATTERN.WIDE_UPWARD_DIAGONAL


def _text(slide, left, top, width, height, lines, size, *, bold=False, colour=INK, anchor=None):
    """A text box of `lines` (each a paragraph) at `size` points."""
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    if anchor is not None:
        frame.vertical_anchor = anchor
    for number, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = line
        run.font.size, run.font.bold, run.font.name = Pt(size), bold, FONT
        run.font.color.rgb = colour
    return box


def _height(lines: list[str], size: int, width: Emu, em: float = 0.5) -> Emu:
    """About how tall `lines` wrap to in a box `width` wide at `size` points."""
    per_line = max(int(width / Pt(size * em)), 10)
    count = sum(max(1, -(-len(line) // per_line)) for line in lines)
    return Pt(size * 1.25 * count) + Inches(0.1)


def _frame(slide, content: SlideContent) -> Emu:
    """Title, subtitle and footer of a slide; returns where its body starts. A long title
    (one naming its scope) gets smaller type, then wraps."""
    width = WIDTH - 2 * EDGE
    size = 28 if len(content.title) <= 60 else 24
    height = _height([content.title], size, width, em=0.62)
    _text(slide, EDGE, Inches(0.3), width, height, [content.title], size, bold=True)
    top = Inches(0.3) + height
    if content.subtitle:
        height = _height([content.subtitle], 16, width)
        _text(slide, EDGE, top, width, height, [content.subtitle], 16, colour=MUTED)
        top += height
    if content.footer:
        footer = list(content.footer)
        _text(slide, EDGE, HEIGHT - Inches(0.75), width, Inches(0.6), footer, 10, colour=MUTED)
    return top + Inches(0.1)


def _rgb(colour: object) -> RGBColor | None:
    text = str(colour or "").lstrip("#")
    return RGBColor.from_string(text.upper()) if re.fullmatch(r"[0-9A-Fa-f]{6}", text) else None


def _per_point(value: object, count: int) -> list:
    return list(value) if isinstance(value, list | tuple) else [value] * count


def _chart_type(figure: dict, bars: list[dict]) -> XL_CHART_TYPE:
    across = any(trace.get("orientation") == "h" for trace in bars)
    stacked = figure.get("layout", {}).get("barmode") == "stack" and len(bars) > 1
    if not bars:
        return XL_CHART_TYPE.LINE_MARKERS
    if across:
        return XL_CHART_TYPE.BAR_STACKED if stacked else XL_CHART_TYPE.BAR_CLUSTERED
    return XL_CHART_TYPE.COLUMN_STACKED if stacked else XL_CHART_TYPE.COLUMN_CLUSTERED


def _by_category(series: list[tuple[dict, list[Row]]]) -> list[list[Row]]:
    """The rows of each category that draw a bar, across the series."""
    found: dict[str, list[Row]] = {}
    for _, rows in series:
        for row in rows:
            if _drawn(row) is not None:
                found.setdefault(row.category, []).append(row)
    return list(found.values())


def _drawn(row: Row) -> float | None:
    """What a bar draws: the value, or of a range its certain part; None for a hidden count."""
    return row.value if row.value is not None else row.lower


def _drawable(trace: dict) -> bool:
    """A trace PowerPoint draws as a series: bars, or a line (not numbers written as text)."""
    kind = trace.get("type")
    return kind == "bar" or (kind == "scatter" and "lines" in str(trace.get("mode")))


def _native_chart(slide, content: SlideContent, top: Emu, lang: str) -> list[str]:
    """The chart's bars or lines as a PowerPoint chart; returns the values it cannot draw
    as a bar (hidden small counts), for a line under it."""
    figure = content.view.figure
    traces = [
        trace
        for trace in figure.get("data", [])
        if trace.get("meta") not in (SMALL_MARKS, CERTAIN_PART)
    ]
    sums = {
        row.category: row.shown
        for trace in traces
        if trace.get("type") == "scatter" and trace.get("mode") == "text"
        for row in trace_rows(trace, lang)
    }
    drawn = [trace for trace in traces if _drawable(trace)]
    bars = [trace for trace in drawn if trace.get("type") == "bar"]
    series = [(trace, trace_rows(trace, lang)) for trace in drawn]
    categories = list(dict.fromkeys(row.category for _, rows in series for row in rows))
    data = CategoryChartData()
    data.categories = [
        f"{category} ({sums[category]})" if category in sums else category
        for category in categories
    ]
    for trace, rows in series:
        by_category = {row.category: _drawn(row) for row in rows}
        data.add_series(
            unmarked(str(trace.get("name") or "")) or " ",
            [by_category.get(category) for category in categories],
        )
    kind = _chart_type(figure, bars)
    height = HEIGHT - top - Inches(0.95)
    chart = slide.shapes.add_chart(kind, EDGE, top, WIDTH - 2 * EDGE, height, data).chart
    chart.font.size, chart.font.name = Pt(12), FONT
    chart.has_legend = len(series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False
    if figure.get("layout", {}).get("yaxis", {}).get("autorange") == "reversed":
        # The first category on top, as on screen, and the values' axis still below.
        # (python-pptx sets where an axis is crossed, on the value axis only: the values'
        # axis crossing the categories at the last one is written here.)
        chart.category_axis.reverse_order = True
        chart.value_axis._element.xpath("c:crosses")[0].set("val", "max")
    chart.value_axis.has_major_gridlines = True
    chart.value_axis.major_gridlines.format.line.color.rgb = RGBColor(0xD9, 0xD9, 0xD9)
    stacked = kind in (XL_CHART_TYPE.BAR_STACKED, XL_CHART_TYPE.COLUMN_STACKED)
    plot = chart.plots[0]
    if bars:
        plot.gap_width = 50
        # Stacked, or no category with bars of two series (CAR-T's "rest of Sweden"): each
        # bar in its category's middle, not beside an empty place.
        if stacked or all(len(row) == 1 for row in _by_category(series)):
            plot.overlap = 100
    not_drawn = []
    for (trace, rows), shown in zip(series, plot.series, strict=True):
        _mark_points(trace, rows, categories, shown, stacked, content, not_drawn)
    return not_drawn


def _mark_points(trace, rows, categories, shown, stacked, content, not_drawn) -> None:
    """Each point's colour, pattern and label as on screen ('3*', '≈ 20', '0–2')."""
    marker = trace.get("marker", {})
    count = len(rows)
    colours = _per_point(marker.get("color"), count)
    pattern = marker.get("pattern", {})
    shapes = _per_point(pattern.get("shape", ""), count)
    # The legend's key: the series' colour, or grey where its colour names the category
    # (each bar its own), hatched as its bars are.
    key = _rgb(colours[0]) if len(set(colours)) == 1 and _rgb(colours[0]) else MUTED
    fill = shown.format.fill
    unsure = [row.reading != "certain" or bool(row.qualifier) for row in rows]
    hatched = bool(shapes) and all(shape == "/" for shape in shapes)
    if hatched or (bool(unsure) and all(unsure)):
        fill.patterned()
        fill.pattern = HATCHED if hatched else DOTTED
        fill.fore_color.rgb, fill.back_color.rgb = key, WHITE
    else:
        fill.solid()
        fill.fore_color.rgb = key
    for row, colour, shape in zip(rows, colours, shapes, strict=False):
        point = shown.points[categories.index(row.category)]
        fill = point.format.fill
        rgb = _rgb(colour) or _rgb(DERIVED)
        unsure = row.reading != "certain" or bool(row.qualifier)
        if shape == "/" or unsure or row.value is None:
            fill.patterned()
            fill.pattern = HATCHED if shape == "/" else DOTTED
            fill.fore_color.rgb, fill.back_color.rgb = rgb, WHITE
        else:
            fill.solid()
            fill.fore_color.rgb = rgb
        if trace.get("type") != "bar":
            continue
        label = point.data_label
        label.has_text_frame = True
        label.text_frame.text = row.shown
        label.position = XL_LABEL_POSITION.CENTER if stacked else XL_LABEL_POSITION.OUTSIDE_END
        label.font.size = Pt(12)
        inside = stacked and fill.type != MSO_FILL.PATTERNED
        label.font.color.rgb = _rgb(readable_text_colour(str(colour))) if inside else INK
        if _drawn(row) is None:
            not_drawn.append(f"{row.category}: {row.shown}")


def _table(slide, content: SlideContent, top: Emu, lang: str) -> None:
    """The numbers of a chart PowerPoint cannot draw (a map), as a table."""
    rows = [
        row
        for trace in content.view.figure.get("data", [])
        if trace.get("meta") != SMALL_MARKS
        for row in trace_rows(trace, lang)
    ]
    shape = slide.shapes.add_table(
        len(rows) + 1, 2, EDGE, top, Inches(7), Inches(0.3) * (len(rows) + 1)
    )
    table = shape.table
    for column, name in enumerate((t("table.category", lang), t("table.shown", lang))):
        table.cell(0, column).text = name
    for number, row in enumerate(rows, start=1):
        table.cell(number, 0).text = row.category
        table.cell(number, 1).text = row.shown


def _chart_slide(slide, content: SlideContent, lang: str) -> None:
    top = _frame(slide, content)
    if content.view.notes:
        notes = list(content.view.notes)
        height = _height(notes, 12, WIDTH - 2 * EDGE)
        _text(slide, EDGE, top, WIDTH - 2 * EDGE, height, notes, 12)
        top += height
    figure = content.view.figure
    kinds = {trace.get("type") for trace in figure.get("data", [])}
    if "indicator" in kinds:
        trace = next(tr for tr in figure["data"] if tr.get("type") == "indicator")
        row = trace_rows(trace, lang)[0]
        _text(
            slide,
            EDGE,
            top + Inches(0.5),
            WIDTH - 2 * EDGE,
            Inches(1.2),
            [row.shown],
            66,
            bold=True,
        )
        _text(slide, EDGE, top + Inches(1.7), WIDTH - 2 * EDGE, Inches(0.6), [row.category], 24)
    elif kinds & {"choropleth", "scattergeo"}:
        _table(slide, content, top, lang)
    elif not any(_drawable(trace) for trace in figure.get("data", [])):  # the figure says why
        said = [unmarked(note["text"]) for note in figure.get("layout", {}).get("annotations", [])]
        lines = [line for line in said if line not in content.view.notes]
        _text(slide, EDGE, top + Inches(0.3), WIDTH - 2 * EDGE, Inches(1), lines, 20)
    else:
        not_drawn = _native_chart(slide, content, top, lang)
        if not_drawn:
            _text(
                slide,
                EDGE,
                HEIGHT - Inches(1.05),
                WIDTH - 2 * EDGE,
                Inches(0.3),
                [t("deck.pptx.not_drawn", lang, values="; ".join(not_drawn))],
                10,
            )


def _key_figures(slide, content: SlideContent, top: Emu, lang: str) -> None:
    width = (WIDTH - 2 * EDGE - Inches(0.5)) // 2
    for number, kpi in enumerate(content.kpis):
        left = EDGE + (number % 2) * (width + Inches(0.5))
        box_top = top + Inches(0.2) + (number // 2) * Inches(2.6)
        _text(slide, left, box_top, width, Inches(0.9), [kpi.value], 48, bold=True)
        lines = [t(f"kpi.{kpi.key}", lang), kpi.detail, *([kpi.scope] if kpi.scope else [])]
        box = _text(slide, left, box_top + Inches(0.9), width, Inches(1.4), lines, 14)
        box.text_frame.paragraphs[0].runs[0].font.bold = True


def _notes(slide, content: SlideContent, lang: str) -> None:
    """The speaker's notes; a chart's own notes and, for a table, what it stands in for."""
    lines = [content.notes] if content.notes else []
    kinds = {tr.get("type") for tr in content.view.figure.get("data", [])} if content.view else ()
    if {"choropleth", "scattergeo"} & set(kinds):
        lines.append(t("deck.pptx.map", lang))
    if lines:
        slide.notes_slide.notes_text_frame.text = "\n\n".join(lines)


def deck_pptx(contents: list[SlideContent], lang: str) -> bytes:
    """The slides as a PPTX: 16:9, light, native charts, notes in PowerPoint's notes."""
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = WIDTH, HEIGHT
    blank = presentation.slide_layouts[6]
    for content in contents:
        slide = presentation.slides.add_slide(blank)
        if content.kind == "chart":
            _chart_slide(slide, content, lang)
        elif content.kind == "title":
            _text(
                slide,
                EDGE,
                Inches(2.2),
                WIDTH - 2 * EDGE,
                Inches(1.6),
                [content.title],
                44,
                bold=True,
                anchor=MSO_ANCHOR.BOTTOM,
            )
            _text(
                slide,
                EDGE,
                Inches(3.9),
                WIDTH - 2 * EDGE,
                Inches(0.6),
                [content.subtitle],
                24,
                colour=MUTED,
            )
            _text(slide, EDGE, Inches(4.8), WIDTH - 2 * EDGE, Inches(1.2), list(content.lines), 16)
        else:
            top = _frame(slide, content)
            if content.kind == "key_figures":
                _key_figures(slide, content, top, lang)
            else:
                size = 12 if content.kind == "sources" else 16
                _text(
                    slide,
                    EDGE,
                    top,
                    WIDTH - 2 * EDGE,
                    HEIGHT - top - Inches(0.9),
                    [f"• {line}" for line in content.lines],
                    size,
                )
        _notes(slide, content, lang)
    out = io.BytesIO()
    presentation.save(out)
    return out.getvalue()


def file_name(name: str, centres: tuple[str, ...], lang: str, release_tag: str) -> str:
    """'cluster-meeting-karolinska-sv-spring-2025.pptx': the deck, scope, language, release."""
    deck = slug(name)[:40].strip("-") or "atmp-deck"
    scope = "-".join(centres) or "cluster"
    return f"{deck}-{scope}-{lang}-{release_tag}.pptx"


def deck_file(served: Snapshot, search: str) -> tuple[bytes, str] | Refused:
    """The PPTX of the deck of a page's query string and its file name, or why not."""
    state, unknown = from_query(search, offer(served))
    if unknown:
        return Refused(400, f"not understood: {'; '.join(unknown)}. Use the page's own link")
    snapshot = served.release_as_read(state.release, state.reading)
    deck = state.slides(offer(served))
    contents = [
        slide_content(
            snapshot,
            deck,
            slide,
            state.filters,
            state.lang,
            lambda chart, filters: chart.build(snapshot, filters, state.lang),
        )
        for slide in deck.slides
    ]
    name = file_name(deck.name, state.filters.centre, state.lang, snapshot.release.file_tag)
    return deck_pptx(contents, state.lang), name
