"""Loading and validation of the data folder into one immutable snapshot.

Every file is read as text first and checked cell by cell, so that a problem is
reported as file, row, column, value, what is wrong and how to fix it, and all
problems of a folder are reported at once. Nothing is served unless the whole
folder is valid.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType

import pandas as pd

from atmp.vocab import (
    CENTRE,
    HOSPITAL_EXEMPTION_PRODUCT,
    KEY_FACT,
    QUALIFIER,
    READING,
    REGION,
    REGIONAL_MEASURE,
    TRIAL_DIMENSIONS,
    UNIT,
    VECURA_MEASURE,
    Vocabulary,
)

TOTAL = "total"
ALL = "all"
MULTIPLE_SEPARATOR = "+"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, located as precisely as the data allows."""

    file: str
    message: str
    fix: str
    row: int | None = None
    column: str | None = None
    value: str | None = None

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        shown = f" (value {self.value!r})" if self.value is not None else ""
        return f"{', '.join(where)}: {self.message}{shown}. Fix: {self.fix}"


class DataError(Exception):
    """The data folder is invalid; `problems` says everything that is wrong."""

    def __init__(self, data_dir: Path, problems: list[Problem]):
        self.data_dir = data_dir
        self.problems = problems
        lines = [f"The data in {data_dir} is invalid ({len(problems)} problem(s)):"]
        lines += [f"  - {problem}" for problem in problems]
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # "code", "count", "number", "year", "text"
    vocabulary: Vocabulary | None = None
    required: bool = True
    multiple: bool = False  # several codes joined by "+"
    allow_all: bool = False  # the code "all" stands for a total over unnamed members


@dataclass(frozen=True)
class Dataset:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    check: Callable[[pd.DataFrame, str], Iterator[Problem]] | None = None

    @property
    def file(self) -> str:
        return f"{self.name}.csv"


SOURCE = Column("source", "text")
NOTE = Column("note", "text", required=False)
QUALIFIER_COLUMN = Column("qualifier", "code", QUALIFIER, required=False)


def _row(index: int) -> int:
    """Spreadsheet row of a data row: the header is row 1."""
    return int(index) + 2


def _check_trials(frame: pd.DataFrame, file: str) -> Iterator[Problem]:
    """Codes must belong to their dimension; breakdowns must add up to the total."""
    for index, row in frame.iterrows():
        dimension, code = row["dimension"], row["code"]
        if dimension == TOTAL:
            if code != ALL:
                yield Problem(file, "a total row must have the code 'all'", "write 'all' in code",
                              _row(index), "code", code)
        elif dimension not in TRIAL_DIMENSIONS:
            allowed = ", ".join([TOTAL, *TRIAL_DIMENSIONS])
            yield Problem(file, "unknown dimension", f"use one of: {allowed}",
                          _row(index), "dimension", dimension)
        elif code not in TRIAL_DIMENSIONS[dimension]:
            vocabulary = TRIAL_DIMENSIONS[dimension]
            yield Problem(file, f"unknown {vocabulary.name} code",
                          f"use one of: {', '.join(vocabulary.codes())}",
                          _row(index), "code", code)
    yield from _check_totals(frame, file)


def _check_totals(frame: pd.DataFrame, file: str) -> Iterator[Problem]:
    totals = frame[frame["dimension"] == TOTAL].set_index("centre")["trials"]
    breakdowns = frame[frame["dimension"].isin(TRIAL_DIMENSIONS)]
    for (centre, dimension), rows in breakdowns.groupby(["centre", "dimension"], sort=False):
        first = _row(rows.index[0])
        if centre not in totals.index:
            yield Problem(file, f"no total row for centre '{centre}'",
                          f"add a row '{centre},{TOTAL},{ALL},<number of trials>,...'",
                          first, "centre", centre)
            continue
        counted = sum(int(value) for value in rows["trials"])  # cells are checked already
        declared = int(totals[centre])
        if counted != declared and not (rows["note"] != "").all():
            yield Problem(
                file,
                f"the {dimension} rows of '{centre}' add up to {counted}, "
                f"but its total row says {declared}",
                "correct the counts, or, where the source itself disagrees, "
                "explain the difference in the note column of each of these rows",
                first, "trials", str(counted),
            )


def _check_population(frame: pd.DataFrame, file: str) -> Iterator[Problem]:
    """Trials per 100,000 is computed, so each region with trials needs a population."""
    measures = frame.groupby("region")["measure"].agg(set)
    for region, present in measures.items():
        if "ongoing_trials" in present and "population" not in present:
            first = _row(frame.index[frame["region"] == region][0])
            yield Problem(file, f"region '{region}' has ongoing trials but no population",
                          f"add a row '{region},population,<inhabitants>,...'",
                          first, "region", region)
    for index, row in frame[frame["measure"] == "population"].iterrows():
        if row["value"] in ("0", "0.0"):
            yield Problem(file, "a population of 0 cannot divide", "give the population",
                          _row(index), "value", row["value"])


DATASETS: tuple[Dataset, ...] = (
    Dataset(
        "trials",
        (
            Column("centre", "code", CENTRE),
            Column("dimension", "text"),
            Column("code", "text"),
            Column("trials", "count"),
            Column("reading", "code", READING),
            SOURCE,
            NOTE,
        ),
        key=("centre", "dimension", "code"),
        check=_check_trials,
    ),
    Dataset(
        "cart",
        (Column("centre", "code", CENTRE), Column("patients", "count"),
         Column("products", "count"), SOURCE, NOTE),
        key=("centre",),
    ),
    Dataset(
        "hospital_exemption",
        (
            Column("centre", "code", CENTRE),
            Column("products", "code", HOSPITAL_EXEMPTION_PRODUCT, multiple=True),
            Column("patients", "count"),
            QUALIFIER_COLUMN,
            Column("since_year", "year", required=False),
            SOURCE,
            NOTE,
        ),
        key=("centre", "products"),
    ),
    Dataset(
        "vecura",
        (Column("measure", "code", VECURA_MEASURE), Column("value", "count"),
         QUALIFIER_COLUMN, SOURCE, NOTE),
        key=("measure",),
    ),
    Dataset(
        "vecura_exports",
        (Column("country", "text"), Column("countries", "count"), SOURCE, NOTE),
        key=("country",),
    ),
    Dataset(
        "regional",
        (
            Column("region", "code", REGION),
            Column("measure", "code", REGIONAL_MEASURE),
            Column("value", "number"),
            QUALIFIER_COLUMN,
            Column("period", "text"),
            SOURCE,
            NOTE,
        ),
        key=("region", "measure"),
        check=_check_population,
    ),
    Dataset(
        "key_facts",
        (Column("fact", "code", KEY_FACT), Column("value", "number"),
         Column("unit", "code", UNIT), QUALIFIER_COLUMN, SOURCE, NOTE),
        key=("fact",),
    ),
)

_COUNT = re.compile(r"\d+")
_YEAR = re.compile(r"(19|20)\d\d")


def _check_cell(column: Column, value: str) -> tuple[str, str] | None:
    """(what is wrong, how to fix) for one cell, or None when it is valid."""
    if value == "":
        if column.required:
            return "the value is missing", "fill in this cell"
        return None
    if column.kind == "count":
        if value.startswith("-") and value[1:].isdigit():
            return "a count cannot be negative", "give a number of 0 or more"
        if not _COUNT.fullmatch(value):
            return "not a whole number", "write the count as digits only, e.g. 12"
    elif column.kind == "number":
        try:
            number = float(value)
        except ValueError:
            return "not a number", "write digits with a decimal point, e.g. 2880000 or 1.5"
        if number < 0 or number != number:
            return "the number must be 0 or more", "give a number of 0 or more"
    elif column.kind == "year" and not _YEAR.fullmatch(value):
        return "not a year", "write a four-digit year, e.g. 2016"
    elif column.kind == "code":
        codes = value.split(MULTIPLE_SEPARATOR) if column.multiple else [value]
        unknown = [code for code in codes if code not in column.vocabulary]
        if unknown:
            allowed = ", ".join(column.vocabulary.codes())
            joined = f" joined by '{MULTIPLE_SEPARATOR}'" if column.multiple else ""
            return (f"unknown {column.vocabulary.name} code '{unknown[0]}'",
                    f"use one of: {allowed}{joined}")
    return None


def _read_text(path: Path) -> tuple[str | None, Problem | None]:
    if not path.is_file():
        return None, Problem(path.name, "the file is missing",
                             f"add {path.name} to the data folder (see data/README.md)")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")  # a BOM, as Excel writes it, is harmless
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, Problem(path.name, f"the file is not UTF-8 text (byte {error.start})",
                             "save it as 'CSV UTF-8' in your spreadsheet program", row=line)
    if not text.strip():
        return None, Problem(path.name, "the file is empty",
                             "write the header row and the data (see data/README.md)")
    return text, None


def read_dataset(path: Path, dataset: Dataset) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read and check one file; a frame is returned only when it has no problem."""
    text, problem = _read_text(path)
    if problem:
        return None, [problem]
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, ValueError) as error:
        return None, [Problem(path.name, f"the file is not valid CSV: {error}",
                              "check the separators and quotes on that line")]
    frame.columns = [str(name).strip() for name in frame.columns]
    expected = [column.name for column in dataset.columns]
    missing = [name for name in expected if name not in frame.columns]
    extra = [name for name in frame.columns if name not in expected]
    problems = [Problem(path.name, "a required column is missing",
                        f"add a column named '{name}' (columns: {', '.join(expected)})",
                        row=1, column=name) for name in missing]
    problems += [Problem(path.name, "unknown column",
                         f"remove it or correct its name (columns: {', '.join(expected)})",
                         row=1, column=name) for name in extra]
    if problems:
        return None, problems
    frame = frame.apply(lambda series: series.str.strip())
    for column in dataset.columns:
        for index, value in frame[column.name].items():
            wrong = _check_cell(column, value)
            if wrong:
                problems.append(Problem(path.name, wrong[0], wrong[1], _row(index),
                                        column.name, value))
    duplicated = frame.duplicated(list(dataset.key), keep="first")
    for index in frame.index[duplicated]:
        key = ", ".join(f"{name}={frame.at[index, name]}" for name in dataset.key)
        problems.append(Problem(path.name, f"duplicate row for {key}",
                                "keep one row for each combination of " + ", ".join(dataset.key),
                                _row(index)))
    if not problems and dataset.check:
        problems += list(dataset.check(frame, path.name))
    if problems:
        return None, problems
    return _typed(frame, dataset), []


def _typed(frame: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    for column in dataset.columns:
        if column.kind == "count":
            frame[column.name] = frame[column.name].astype("int64")
        elif column.kind == "number":
            frame[column.name] = frame[column.name].astype("float64")
        elif column.kind == "year":
            frame[column.name] = pd.to_numeric(frame[column.name]).astype("Int64")
    return frame


@dataclass(frozen=True)
class Snapshot:
    """All datasets of one valid data folder. Never mutated; a reload makes a new one."""

    data_dir: Path
    loaded_at: datetime
    tables: MappingProxyType = field(repr=False)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]


def load_snapshot(data_dir: Path) -> Snapshot:
    """Load every dataset of `data_dir`, or raise DataError listing every problem."""
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise DataError(data_dir, [Problem(str(data_dir), "the data folder does not exist",
                                           "point ATMP_DATA_DIR at a folder of CSV files")])
    tables, problems = {}, []
    for dataset in DATASETS:
        frame, found = read_dataset(data_dir / dataset.file, dataset)
        problems += found
        tables[dataset.name] = frame
    if problems:
        raise DataError(data_dir, problems)
    return Snapshot(data_dir, datetime.now(UTC), MappingProxyType(tables))
