"""The numbers behind a chart, and the filtered data, as tables and files.

A chart's table is read from its figure, not from the data: whatever builds the
figure, the table, CSV and XLSX hold exactly the numbers the chart draws and
writes, with the title, notes, filters, source and date that go with them.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from atmp.data import Snapshot
from atmp.figures import CERTAIN_PART, SLIDE_PALETTES, SMALL_MARKS, slide, unmarked
from atmp.filters import Filters
from atmp.schema import MULTIPLE_SEPARATOR
from atmp.text import number, t
from atmp.views import Chart, ChartView
from atmp.vocab import COUNTRY, QUALIFIER, READING, TRIAL_DIMENSIONS

# Excel allows 31 characters in a sheet name, and none of []:*?/\
SHEET_NAME_LENGTH = 31
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class Row:
    category: str
    series: str
    value: float | None  # None where the chart writes a mark ("<5") or a range ("0–2")
    shown: str
    lower: float | None = None  # the bounds of the value: equal where it is exact
    upper: float | None = None
    reading: str = "certain"  # READING code: "uncertain" where a label is read with doubt
    qualifier: str = ""  # QUALIFIER code: "about" where the source gives it roughly


# A chart's numbers as rows: what is drawn, its bounds, what the chart writes, how certain.
TABLE_COLUMNS = ("category", "series", "value", "lower", "upper", "shown", "reading", "qualifier")


@dataclass(frozen=True)
class ChartTable:
    """A chart's numbers with everything a reader needs to cite them."""

    title: str
    header: tuple[tuple[str, str], ...]  # (label, text): notes, filters, source, data as of
    rows: tuple[Row, ...]
    lang: str

    def columns(self) -> tuple[str, ...]:
        """The CSV/XLSX columns, tidy names as a data file's: what is drawn, its bounds
        (equal where it is exact), what the chart writes, and how certain it is."""
        return tuple(t(f"export.{name}", self.lang) for name in TABLE_COLUMNS)


def _numeric(values: list) -> bool:
    return all(value is None or isinstance(value, int | float) for value in values)


def trace_rows(trace: dict, lang: str) -> list[Row]:
    """(category, value) pairs of one trace, whichever way it runs."""
    series = unmarked(str(trace.get("name", "")))
    kind = trace.get("type")
    if kind == "indicator":
        title = unmarked(str(trace.get("title", {}).get("text", "")))
        value = trace["value"]
        return [Row(title, series, value, number(value, lang), value, value)]
    if kind == "choropleth":  # z is a value only where the map has a colour scale for it
        values = trace["z"] if trace.get("showscale") else [None] * len(trace["z"])
        categories = [
            COUNTRY.label(code, lang) if code in COUNTRY else code for code in trace["locations"]
        ]
    else:
        x, y = trace.get("x", []), trace.get("y", [])
        # Categories down the side: horizontal bars, or text placed at category labels.
        orientation = trace.get("orientation")
        across = orientation == "h" or (orientation is None and not _numeric(y))
        categories, values = (y, x) if across else (x, y)
    texts = trace.get("text") or [""] * len(values)
    base = trace.get("base") or [None] * len(values)  # the possible part of a range
    meta = trace.get("meta") if isinstance(trace.get("meta"), dict) else {}
    readings = meta.get("reading") or ["certain"] * len(values)
    qualifiers = meta.get("qualifier") or [""] * len(values)
    rows = []
    for category, value, shown, low, reading, qualifier in zip(
        categories, values, texts, base, readings, qualifiers, strict=False
    ):
        lower, upper = (low, low + value) if low is not None else (value, value)
        rows.append(
            Row(
                unmarked(str(category)),
                series,
                value if lower == upper else None,
                unmarked(str(shown)),
                lower,
                upper,
                reading,
                qualifier,
            )
        )
    return rows


def chart_rows(figure: dict, lang: str = "en") -> tuple[Row, ...]:
    """One row per value the figure draws or writes: bars, countries, numbers written as
    text (Σ sums). The marks that only repeat a hidden count's text, and the certain part
    of a range (its possible part holds both bounds), are left out."""
    return tuple(
        row
        for trace in figure.get("data", [])
        if trace.get("meta") not in (SMALL_MARKS, CERTAIN_PART)
        for row in trace_rows(trace, lang)
    )


def chart_table(
    figure: dict,
    *,
    title: str,
    notes: tuple[str, ...],
    filters: str,
    source: str,
    data_as_of: str,
    lang: str,
) -> ChartTable:
    header = [(t("export.note", lang), note) for note in notes]
    header += [(t("export.filters", lang), filters), (t("source", lang), source)]
    if data_as_of:  # a chart from outside the report dates its numbers in its source
        header.append((t("export.as_of", lang), data_as_of))
    return ChartTable(title, tuple(header), chart_rows(figure, lang), lang)


def _cell(value: float | None, lang: str) -> str:
    """A value as the spreadsheet of that language reads it: 1.493 or 1,493; empty if hidden."""
    if value is None:
        return ""
    text = repr(float(value)).removesuffix(".0")
    return text.replace(".", ",") if lang == "sv" else text


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# A cell starting with one of these is a formula to a spreadsheet program: text from the
# data that does (a note "=HYPERLINK(…)", "-5 %") goes out with a quote in front, as text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def as_text(value: object) -> object:
    """A cell for a CSV or workbook: text that a spreadsheet would run as a formula made
    inert; anything else as it is."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _inert(rows: Iterable[Iterable[object]]) -> list[list[object]]:
    return [[as_text(value) for value in row] for row in rows]


def to_csv(table: ChartTable) -> str:
    """CSV with the title and header lines on top; Swedish files use ';' and a decimal comma,
    as Swedish Excel expects."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if table.lang == "sv" else ",", lineterminator="\r\n")
    writer.writerows(_inert([[table.title], *table.header]))
    writer.writerow([])
    writer.writerow(table.columns())
    writer.writerows(
        _inert(
            [
                row.category,
                row.series,
                *(_cell(value, table.lang) for value in (row.value, row.lower, row.upper)),
                row.shown,
                row.reading,
                row.qualifier,
            ]
            for row in table.rows
        )
    )
    return "\ufeff" + out.getvalue()  # the BOM makes Excel read UTF-8


def page_rows(table: ChartTable) -> dict:
    """The chart's numbers as the page's table shows them under the chart: a header and
    rows of text (assets/08-numbers-tables.js makes the table), with a certainty column
    only where a number is uncertain or approximate.

    Rows of text cost a filter change far fewer bytes than a component per cell, and the
    page loads no Markdown renderer for them.
    """
    unsure = any(row.reading != "certain" or row.qualifier for row in table.rows)
    head = [t(f"table.{name}", table.lang) for name in ("category", "series", "shown")]
    head += [t("table.certainty", table.lang)] if unsure else []
    rows = []
    for row in table.rows:
        cells = [row.category, row.series, row.shown]
        if unsure:
            words = [READING.label(row.reading, table.lang)] if row.reading != "certain" else []
            if row.qualifier:
                words.append(QUALIFIER.label(row.qualifier, table.lang))
            cells.append(", ".join(words))
        rows.append(cells)
    return {"head": head, "rows": rows}


def sheet_name(text: str) -> str:
    """`text` as Excel accepts it for a sheet's name."""
    return _NOT_IN_SHEET_NAMES.sub("-", text)[:SHEET_NAME_LENGTH].strip() or "-"


def _styled(sheet, value: object, font: Font) -> WriteOnlyCell:
    """A cell with its font, for a workbook in either mode (write-only has no sheet["A1"])."""
    cell = WriteOnlyCell(sheet, value=as_text(value))
    cell.font = font
    return cell


def _header_sheet(sheet, title: str, header: tuple[tuple[str, str], ...]) -> None:
    sheet.append([_styled(sheet, title, Font(bold=True, size=14))])
    for label, text in header:
        sheet.append([as_text(label), as_text(text)])
    sheet.append([])


def _save(workbook: Workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def to_xlsx(table: ChartTable) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_name(table.title)
    _header_sheet(sheet, table.title, table.header)
    sheet.append(list(table.columns()))
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append(
            _inert(
                [
                    [
                        row.category,
                        row.series,
                        row.value,
                        row.lower,
                        row.upper,
                        row.shown,
                        row.reading,
                        row.qualifier,
                    ]
                ]
            )[0]
        )
    sheet.column_dimensions["A"].width = 36
    sheet.column_dimensions["B"].width = 28
    return _save(workbook)


def _of_centres(centres: tuple[str, ...]):
    """Whether a row's centre cell is one of `centres`. A key fact may belong to both
    centres ("akademiska+karolinska") or, empty, to the whole cluster: it stays wherever
    one of its centres is chosen."""
    chosen = set(centres)
    return lambda cell: not cell or bool(chosen & set(cell.split(MULTIPLE_SEPARATOR)))


def filtered_tables(snapshot: Snapshot, filters: Filters) -> dict[str, pd.DataFrame]:
    """Every dataset with each filter applied where the table has that column.

    The centre applies wherever there is a centre; a trial filter applies to
    register rows by its column, and to published breakdowns only to the rows of
    its own dimension (the others do not know it, so they stay whole).
    """
    tables = {}
    for name, frame in snapshot.tables.items():
        keep = pd.Series(True, index=frame.index)
        if filters.centre and "centre" in frame:
            keep &= frame["centre"].map(_of_centres(filters.centre))
        for dimension in TRIAL_DIMENSIONS:
            chosen = filters.get(dimension)
            if not chosen:
                continue
            if dimension in frame:
                keep &= frame[dimension].isin(chosen)
            elif {"dimension", "code"} <= set(frame.columns):
                keep &= (frame["dimension"] != dimension) | frame["code"].isin(chosen)
        tables[name] = frame[keep]
    return tables


def dataset_xlsx(snapshot: Snapshot, filters: Filters, lang: str) -> bytes:
    """The whole filtered dataset: a first sheet naming filters and source, one sheet per table.

    Synthetic data says so where the source would be, as on every screen.
    """
    release = snapshot.release
    source = t("synthetic", lang) if snapshot.synthetic else release.source_title
    # Write-only: rows stream to the file, so a 100,000-trial register costs little memory.
    workbook = Workbook(write_only=True)
    about = workbook.create_sheet(sheet_name(t("export.about", lang)))
    about.column_dimensions["A"].width = 24
    tables = filtered_tables(snapshot, filters)
    _header_sheet(
        about,
        release.named(lang),
        (
            (t("export.filters", lang), filters.describe(lang)),
            (t("source", lang), source),
            (t("release.publisher", lang), release.by(lang)),
            (t("export.as_of", lang), release.as_of(lang)),
            (t("release.cite", lang), release.cite(lang)),
            (t("release.licence", lang), release.licence or t("release.licence_none", lang)),
            *(((t("release.url", lang), release.source_url),) if release.source_url else ()),
            *(((t("release.contact", lang), release.contact),) if release.contact else ()),
            *(
                ((t("release.next_update", lang), release.next_update),)
                if release.next_update
                else ()
            ),
            *(
                (name, t("export.rows", lang, n=number(len(frame), lang)))
                for name, frame in tables.items()
            ),
        ),
    )
    for name, frame in tables.items():
        sheet = workbook.create_sheet(sheet_name(name))
        sheet.append([_styled(sheet, column, Font(bold=True)) for column in frame.columns])
        for record in frame.itertuples(index=False):
            sheet.append(
                [
                    None
                    if pd.isna(value)
                    else value.item()
                    if hasattr(value, "item")
                    else as_text(value)
                    for value in record
                ]
            )
    return _save(workbook)


def footer(chart: Chart, filters: Filters, snapshot: Snapshot, lang: str) -> tuple[str, str]:
    """The two lines under a chart on a slide or in an image: what it applied of the
    filters and what not, and its source."""
    return (
        f"{t('export.filters', lang)}: {chart.filter_line(filters, lang)}",
        chart.source(snapshot, lang),
    )


def chart_slide(
    chart: Chart,
    view: ChartView,
    filters: Filters,
    snapshot: Snapshot,
    lang: str,
    theme: str,
    heading: str = "",
) -> dict:
    """The chart as a slide: shown in presentation mode, downloaded as PNG and SVG. A deck's
    heading takes the title's place, and the title, naming the scope, leads the notes."""
    scoped = chart.scoped_title(filters, lang)
    return slide(
        view.figure,
        title=heading or scoped,
        notes=(scoped, *view.notes) if heading else view.notes,
        footer=footer(chart, filters, snapshot, lang),
        palette=SLIDE_PALETTES[theme],
    )


def table_of(
    chart: Chart, view: ChartView, filters: Filters, snapshot: Snapshot, lang: str
) -> ChartTable:
    """The chart's numbers with its scoped title, notes, filters, source and date."""
    return chart_table(
        view.figure,
        title=chart.scoped_title(filters, lang),
        notes=view.notes,
        filters=chart.filter_line(filters, lang),
        source=chart.source(snapshot, lang),
        data_as_of="" if chart.outside else snapshot.release.as_of(lang),
        lang=lang,
    )
