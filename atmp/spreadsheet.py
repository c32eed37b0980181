"""The cells of a data file, read as spreadsheet programs write them.

CSV in UTF-8 (with or without BOM), UTF-16 or Windows-1252 (Swedish Excel's "CSV
(semikolonavgränsad)"), the encoding detected for the whole file; `,`, `;` or tab
between cells, as the header row shows; a separator after the last cell of each row
(as some exports write) is harmless. An Excel workbook's first sheet, read for its
cached values, with the row numbers the user sees, and bounded by its content: a
stray cell a million rows down is not data. Every way a file cannot be read is a
Problem, never an exception.
"""

from __future__ import annotations

import collections
import csv
import io
import re
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from atmp.problems import Problem

MAX_ROWS = 200_000  # a data file is at most this many rows (a register of 100,000 fits)
EMPTY_ROWS_END = 1_000  # this many empty rows in a row end a sheet's data
_SEPARATORS = (",", ";", "\t")


@dataclass(frozen=True)
class Sheet:
    """A file's data rows as text under its header's names, indexed so that index + 2 is
    the row number the user sees (the header is row 1)."""

    frame: pd.DataFrame
    decimal_comma: bool  # Swedish: `;` between cells, `1 234,5` in numbers


def read_sheet(path: Path) -> tuple[Sheet | None, list[Problem]]:
    try:
        if path.suffix.lower() == ".xlsx":
            return _read_xlsx(path)
        return _read_csv(path)
    except OSError as error:
        return None, [
            Problem(
                path.name,
                f"the file cannot be read ({error.strerror or error})",
                "check that the file is not open elsewhere or locked, and that the app may read it",
            )
        ]


def _decoded(raw: bytes, name: str) -> tuple[str | None, Problem | None]:
    """The file's text in the encoding it was saved in: UTF-16 by its byte-order mark (or
    its zero bytes), else UTF-8, else Windows-1252, decided for the whole file."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or raw[1:200:2].count(0) > 20:
        encoding = "utf-16" if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-16-le"
        try:
            return raw.decode(encoding), None
        except UnicodeDecodeError:
            pass
    else:
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                return raw.decode(encoding), None
            except UnicodeDecodeError:
                continue
    return None, Problem(
        name,
        "the file's text encoding is not one a spreadsheet writes (UTF-8, UTF-16 or Windows-1252)",
        "save it as 'CSV UTF-8' in your spreadsheet program",
    )


def _read_csv(path: Path) -> tuple[Sheet | None, list[Problem]]:
    text, problem = _decoded(path.read_bytes(), path.name)
    if problem:
        return None, [problem]
    lines = text.lstrip("\ufeff").splitlines()
    header_line = next((line for line in lines if line.strip()), "")
    if not header_line:
        return None, [
            Problem(path.name, "the file is empty", "write the header row and the data rows")
        ]
    separator = max(_SEPARATORS, key=header_line.count)
    if len(lines) > MAX_ROWS + 1:
        return None, [_too_long(path.name)]
    quick = _plain_csv(text.lstrip("\ufeff"), separator, lines)
    if quick is not None:
        return Sheet(quick, separator == ";"), []
    reader = csv.reader(
        io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=separator, strict=True
    )
    rows: list[tuple[int, list[str]]] = []
    header: list[str] | None = None
    try:
        for cells in reader:
            number = reader.line_num
            if number > MAX_ROWS + 1:
                return None, [_too_long(path.name)]
            if header is None:
                if any(cell.strip() for cell in cells):
                    header, header_row = cells, number
                continue
            rows.append((number, cells))
    except csv.Error as error:
        return None, [
            Problem(
                path.name,
                f"the file is not valid CSV ({error})",
                "check the quotes on that line: a cell that holds the "
                "separator or a line break must be in double quotes",
                row=reader.line_num,
            )
        ]
    return _sheet(path.name, header or [], header_row if header else 1, rows, separator == ";")


def _plain_csv(text: str, separator: str, lines: list[str]) -> pd.DataFrame | None:
    """A file with nothing unusual, read by pandas' C parser (fast, and compact strings):
    the header on line 1, no empty line, no line break in a cell, as many cells in every
    row as in the header, each name once. Anything else returns None, for the careful
    reader that names each problem with its row."""
    header = next(csv.reader([lines[0]], delimiter=separator), [])
    if not header or any(not name.strip() for name in header) or len(set(header)) < len(header):
        return None
    try:  # pandas takes text after a closing quote into the cell: csv (strict) does not
        collections.deque(
            csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True), maxlen=0
        )
    except csv.Error:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            frame = pd.read_csv(
                io.StringIO(text),
                sep=separator,
                dtype=str,
                keep_default_na=False,
                index_col=False,
                skip_blank_lines=False,
            )
        except (pd.errors.ParserError, pd.errors.ParserWarning, ValueError, UnicodeError):
            return None
    data_lines = len(lines) - 1
    while data_lines and not lines[data_lines].strip():
        data_lines -= 1  # empty lines at the end are nothing
    if list(frame.columns) != header or len(frame) < data_lines:
        return None
    frame = frame.iloc[:data_lines]
    if (frame == "").all(axis=1).any():
        return None  # an empty row in the middle: the careful reader skips it
    return frame


def _too_long(name: str) -> Problem:
    return Problem(
        name,
        f"the file has more than {MAX_ROWS:,} rows",
        "split it, or check that it is the right file",
    )


def _sheet(
    name: str,
    header: list[str],
    header_row: int,
    rows: list[tuple[int, list[str]]],
    decimal_comma: bool,
) -> tuple[Sheet | None, list[Problem]]:
    """The rows cut to the header's width, where the cells past it are empty (a separator
    after the last cell); a row with text past the header is a problem."""
    header = [cell.strip() for cell in header]
    while header and not header[-1]:
        header.pop()
    problems = []
    named = [cell for cell in header if cell]
    repeated = sorted({cell for cell in named if named.count(cell) > 1})
    if repeated:
        problems.append(
            Problem(
                name,
                f"the column name '{repeated[0]}' is in the header more than once",
                "keep one column of each name",
                row=header_row,
                column=repeated[0],
            )
        )
    width = len(header)
    kept = []
    for number, cells in rows:
        if not any(cell.strip() for cell in cells):
            continue  # an empty line between rows, or at the end
        extra = [cell for cell in cells[width:] if cell.strip()]
        if extra and len(problems) < 20:
            problems.append(
                Problem(
                    name,
                    f"the row has {len(cells)} cells, the header {width}",
                    "remove the cells past the last column, or "
                    "put quotes around a cell that holds the separator",
                    row=number,
                    value=extra[0],
                )
            )
        kept.append((number, (cells + [""] * width)[:width]))
    if problems:
        return None, problems
    frame = pd.DataFrame(
        [cells for _, cells in kept],
        columns=header,
        dtype=str,
        index=[number - 2 for number, _ in kept],
    )
    return Sheet(frame, decimal_comma), []


def _cell_text(value: object) -> str:
    """A spreadsheet cell as the text a CSV would hold: 12 not 12.0, '' for empty."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]  # a date cell, as the date it shows
    return str(value)


def _read_xlsx(path: Path) -> tuple[Sheet | None, list[Problem]]:
    """The first sheet of a workbook, as text cells; merged header cells are refused."""
    from openpyxl import load_workbook  # only folders with workbooks pay for the import
    from openpyxl.utils.exceptions import InvalidFileException

    unreadable = [
        Problem(
            path.name,
            "the file is not a readable Excel workbook",
            "save it from Excel as 'Excel Workbook (.xlsx)', or as CSV",
        )
    ]
    try:
        # Read-only: the rows stream from the file, so a stray cell far down costs nothing.
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError):
        return None, unreadable
    try:
        if not workbook.worksheets:
            return None, unreadable
        sheet = workbook.worksheets[0]
        header: list[str] | None = None
        rows: list[tuple[int, list[str]]] = []
        empty_run = 0
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [_cell_text(value) for value in values]
            if not any(cell.strip() for cell in cells):
                empty_run += 1
                if empty_run >= EMPTY_ROWS_END:
                    break
                continue
            empty_run = 0
            if number > MAX_ROWS + 1:
                return None, [_too_long(path.name)]
            if header is None:
                header, header_row = cells, number
            else:
                rows.append((number, cells))
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError):
        return None, unreadable
    finally:
        workbook.close()
    if header is None:
        return None, [
            Problem(
                path.name,
                "the first sheet is empty",
                "put the header row and the data on the first sheet",
            )
        ]
    merged = _merged_header(path, header_row)
    if merged:
        return None, [
            Problem(
                path.name,
                f"header cells are merged ({merged})",
                "unmerge them, so that the header has one column name per cell",
                row=header_row,
            )
        ]
    return _sheet(path.name, header, header_row, rows, True)


def _merged_header(path: Path, header_row: int) -> str:
    """Merged cells in the header row, read from the sheet's XML (a read-only workbook
    does not list them)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = sorted(
                name
                for name in archive.namelist()
                if name.startswith("xl/worksheets/sheet") and name.endswith(".xml")
            )
            if not names:
                return ""
            xml = archive.read(names[0]).decode("utf-8", "replace")
    except (zipfile.BadZipFile, KeyError, OSError):
        return ""
    ranges = re.findall(r'<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"', xml)
    return ", ".join(f"{a}{r1}:{b}{r2}" for a, r1, b, r2 in ranges if int(r1) == header_row)
