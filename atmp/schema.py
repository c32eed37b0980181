"""The data contract: every dataset of the data folder, its columns, what each cell may
hold and the checks across a file's rows. data/README.md documents the same, and
tests/test_schema.py keeps the two in step."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

import pandas as pd

from atmp.problems import Problem
from atmp.vocab import (
    ATMP_CLASS,
    CART_PRODUCT,
    CENTRE,
    COUNTRY,
    DISEASE_AREA,
    FILTER_DIMENSIONS,
    HOSPITAL,
    HOSPITAL_EXEMPTION_PRODUCT,
    KEY_FACT,
    NETWORK_UNIT,
    PHASE,
    QUALIFIER,
    READING,
    REGION,
    REGIONAL_MEASURE,
    RESEARCH_KIND,
    SLIDE_KIND,
    SPONSOR_TYPE,
    STATUS,
    TRIAL_DIMENSIONS,
    UNIT,
    VECURA_MEASURE,
    YES_NO,
    Vocabulary,
)

TOTAL = "total"
ALL = "all"
MULTIPLE_SEPARATOR = "+"


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # "code", "count", "number", "year", "date", "url", "trial_id", "text"
    vocabulary: Vocabulary | None = None
    required: bool = True  # the cell must have a value
    multiple: bool = False  # several codes joined by "+"
    allow_all: bool = False  # the code "all" stands for a total over unnamed members
    optional: bool = False  # the whole column may be left out of the file


Check = Callable[[pd.DataFrame, str], Iterator[Problem]]


@dataclass(frozen=True)
class Dataset:
    """One dataset: `name`.csv or `name`.xlsx in the data folder."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]  # what no two rows share; () for a one-row record
    checks: tuple[Check, ...] = ()
    optional: bool = False  # the folder may leave the file out


SOURCE = Column("source", "text")
NOTE = Column("note", "text", required=False)
# Where the words come from and what they mean, and the same in Swedish for the Swedish
# page (optional: the English shows where the Swedish is missing).
CITATION = (
    SOURCE,
    NOTE,
    Column("source_sv", "text", required=False, optional=True),
    Column("note_sv", "text", required=False, optional=True),
)
QUALIFIER_COLUMN = Column("qualifier", "code", QUALIFIER, required=False)
# Yearly series: a file may give one row per year instead of one for the whole period.
YEAR = Column("year", "year", required=False, optional=True)


def row_number(index: int) -> int:
    """Spreadsheet row of a data row: the header is row 1."""
    return int(index) + 2


def _check_trials(frame: pd.DataFrame, file: str) -> Iterator[Problem]:
    """Codes must belong to their dimension; breakdowns must add up to the total."""
    for index, row in frame.iterrows():
        dimension, code = row["dimension"], row["code"]
        if dimension == TOTAL:
            if code != ALL:
                yield Problem(
                    file,
                    "a total row must have the code 'all'",
                    "write 'all' in code",
                    row_number(index),
                    "code",
                    code,
                )
        elif dimension not in TRIAL_DIMENSIONS:
            allowed = ", ".join([TOTAL, *TRIAL_DIMENSIONS])
            yield Problem(
                file,
                "unknown dimension",
                f"use one of: {allowed}",
                row_number(index),
                "dimension",
                dimension,
            )
        elif code not in TRIAL_DIMENSIONS[dimension]:
            vocabulary = TRIAL_DIMENSIONS[dimension]
            yield Problem(
                file,
                f"unknown {vocabulary.name} code",
                f"use one of: {', '.join(vocabulary.codes())}",
                row_number(index),
                "code",
                code,
            )
    yield from _check_totals(frame, file)


def _check_totals(frame: pd.DataFrame, file: str) -> Iterator[Problem]:
    totals = frame[frame["dimension"] == TOTAL].set_index("centre")["trials"]
    breakdowns = frame[frame["dimension"].isin(TRIAL_DIMENSIONS)]
    for (centre, dimension), rows in breakdowns.groupby(["centre", "dimension"], sort=False):
        first = row_number(rows.index[0])
        if centre not in totals.index:
            yield Problem(
                file,
                f"no total row for centre '{centre}'",
                f"add a row '{centre},{TOTAL},{ALL},<number of trials>,...'",
                first,
                "centre",
                centre,
            )
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
                first,
                "trials",
                str(counted),
            )


def uniform(detail: str, per: tuple[str, ...]) -> Check:
    """Rows of one `per` group give `detail` all or none, so no count is taken twice.

    A centre with a whole-period row and yearly rows would be counted twice in a sum.
    """

    def check(frame: pd.DataFrame, file: str) -> Iterator[Problem]:
        for group, rows in frame.groupby(list(per), sort=False):
            given = rows[detail] != ""
            if given.any() and not given.all():
                first = row_number(rows.index[~given][0])
                name = ", ".join(
                    f"{column}={value}" for column, value in zip(per, group, strict=True)
                )
                yield Problem(
                    file,
                    f"the rows of {name} mix rows with and without a {detail}",
                    f"give a {detail} in every row of {name}, or in none (a row "
                    f"without {detail} is the total over all of them)",
                    first,
                    detail,
                    "",
                )

    return check


def _check_alternatives(frame: pd.DataFrame, file: str) -> Iterator[Problem]:
    """An alternative reading swaps labels: only on uncertain rows, and it keeps the sum."""
    given = frame["alternative"] != ""
    for index in frame.index[given & (frame["reading"] != "uncertain")]:
        yield Problem(
            file,
            "an alternative count is given for a certain reading",
            "give an alternative only where reading is 'uncertain', or empty the cell",
            row_number(index),
            "alternative",
            frame.at[index, "alternative"],
        )
    for (centre, dimension), rows in frame[given].groupby(["centre", "dimension"], sort=False):
        published = sum(int(value) for value in rows["trials"])
        alternative = sum(int(value) for value in rows["alternative"])
        if published != alternative:
            yield Problem(
                file,
                f"the alternative reading of the {dimension} rows of '{centre}' "
                f"adds up to {alternative}, the published one to {published}",
                "an alternative reading only moves counts between labels: make the "
                "alternatives of these rows add up to the same sum",
                row_number(rows.index[0]),
                "alternative",
                str(alternative),
            )


# The population that each count is divided by, for trials per 100,000: the same region,
# and the period of the count (ARM's 2014–2019 has its own population).
RATE_POPULATION = {
    "ongoing_trials": "population",
    "trials_initiated_2014_2019": "population_2014_2019",
}


def _check_population(frame: pd.DataFrame, file: str) -> Iterator[Problem]:
    """Trials per 100,000 is computed, so each region with ongoing trials needs a population."""
    measures = frame.groupby("region")["measure"].agg(set)
    for region, present in measures.items():
        if "ongoing_trials" in present and "population" not in present:
            first = row_number(frame.index[frame["region"] == region][0])
            yield Problem(
                file,
                f"region '{region}' has ongoing trials but no population",
                f"add a row '{region},population,<inhabitants>,...'",
                first,
                "region",
                region,
            )
    populations = frame[frame["measure"].isin(RATE_POPULATION.values())]
    for index, row in populations.iterrows():
        if float(row["value"]) == 0:
            yield Problem(
                file,
                "a population of 0 cannot divide",
                "give the population",
                row_number(index),
                "value",
                row["value"],
            )


def _check_shares(frame: pd.DataFrame, file: str) -> Iterator[Problem]:
    """A percentage is a share: 0 to 100."""
    for index in frame.index[frame["unit"] == "percent"]:
        if float(frame.at[index, "value"]) > 100:
            yield Problem(
                file,
                "a percentage above 100",
                "give the share as 0 to 100",
                row_number(index),
                "value",
                frame.at[index, "value"],
            )


def _check_networks(frame: pd.DataFrame, file: str) -> Iterator[Problem]:
    """A network's size is a number of something: a value and its unit."""
    networks = frame[frame["kind"] == "network"]
    for index, row in networks.iterrows():
        for column in ("value", "unit"):
            if row[column] == "":
                yield Problem(
                    file,
                    f"a network row needs its {column}",
                    "give the network's size and what it counts (mesh_terms, organisations)",
                    row_number(index),
                    column,
                )


def _check_one_row(frame: pd.DataFrame, file: str) -> Iterator[Problem]:
    if len(frame) != 1:
        yield Problem(
            file,
            f"the release record must be one row, not {len(frame)}",
            "keep one row under the header: the release this folder holds",
            row_number(frame.index[1]) if len(frame) > 1 else None,
        )


DATASETS: tuple[Dataset, ...] = (
    Dataset(
        "trials",
        (
            Column("centre", "code", CENTRE),
            Column("dimension", "text"),
            Column("code", "text"),
            Column("trials", "count"),
            Column("reading", "code", READING),
            Column("alternative", "count", required=False, optional=True),
            *CITATION,
        ),
        key=("centre", "dimension", "code"),
        checks=(_check_trials, _check_alternatives),
        optional=True,
    ),
    Dataset(
        "trial_register",
        (
            Column("trial_id", "trial_id"),
            Column("title", "text"),
            Column("centre", "code", CENTRE),
            Column("atmp_class", "code", ATMP_CLASS),
            Column("disease_area", "code", DISEASE_AREA),
            Column("phase", "code", PHASE),
            Column("status", "code", STATUS),
            Column("sponsor_type", "code", SPONSOR_TYPE),
            Column("own_product", "code", YES_NO),
            Column("start_year", "year"),
            Column("source", "text", required=False, optional=True),
            Column("note", "text", required=False, optional=True),
        ),
        key=("trial_id",),
        optional=True,
    ),
    Dataset(
        "cart",
        (
            Column("centre", "code", CENTRE),
            YEAR,
            Column("product", "code", CART_PRODUCT, required=False, optional=True),
            Column("patients", "count"),
            Column("products", "count", required=False),
            *CITATION,
        ),
        key=("centre", "year", "product"),
        checks=(uniform("year", ("centre",)), uniform("product", ("centre",))),
    ),
    Dataset(
        "hospital_exemption",
        (
            Column("centre", "code", CENTRE),
            Column("products", "code", HOSPITAL_EXEMPTION_PRODUCT, multiple=True),
            Column("patients", "count"),
            QUALIFIER_COLUMN,
            Column("since_year", "year", required=False),
            YEAR,
            *CITATION,
        ),
        key=("centre", "products", "year"),
        checks=(uniform("year", ("centre", "products")),),
    ),
    Dataset(
        "vecura",
        (
            Column("measure", "code", VECURA_MEASURE),
            YEAR,
            Column("value", "count"),
            QUALIFIER_COLUMN,
            *CITATION,
        ),
        key=("measure", "year"),
        checks=(uniform("year", ("measure",)),),
    ),
    Dataset(
        "vecura_exports",
        (
            Column("country", "code", COUNTRY, allow_all=True),
            YEAR,
            Column("countries", "count"),
            Column("patients", "count", required=False, optional=True),
            *CITATION,
        ),
        key=("country", "year"),
        checks=(uniform("year", ("country",)),),
    ),
    Dataset(
        "regional",
        (
            Column("region", "code", REGION),
            Column("measure", "code", REGIONAL_MEASURE),
            Column("value", "number"),
            QUALIFIER_COLUMN,
            Column("period", "text"),
            Column("period_sv", "text", required=False, optional=True),
            *CITATION,
        ),
        key=("region", "measure"),
        checks=(_check_population,),
    ),
    Dataset(
        "key_facts",
        (
            Column("fact", "code", KEY_FACT),
            Column("value", "number"),
            Column("unit", "code", UNIT),
            QUALIFIER_COLUMN,
            # The centres a fact belongs to, joined by "+"; empty for the whole cluster.
            Column("centre", "code", CENTRE, required=False, multiple=True, optional=True),
            *CITATION,
        ),
        key=("fact",),
        checks=(_check_shares,),
    ),
    Dataset(
        "release",
        (
            Column("title", "text"),
            Column("title_sv", "text", required=False, optional=True),
            Column("reference_period", "text"),
            Column("reference_period_sv", "text", required=False, optional=True),
            Column("published", "date"),
            Column("publisher", "text"),
            Column("publisher_sv", "text", required=False, optional=True),
            Column("source_title", "text"),
            Column("source_url", "url", required=False, optional=True),
            Column("licence", "text", required=False),
            Column("citation", "text"),
            Column("citation_sv", "text", required=False, optional=True),
            Column("next_update", "text", required=False, optional=True),
            Column("contact", "text", required=False, optional=True),
            Column("note", "text", required=False, optional=True),
            Column("note_sv", "text", required=False, optional=True),
        ),
        key=(),
        checks=(_check_one_row,),
    ),
    Dataset(
        "national_trials",
        (
            Column("hospital", "code", HOSPITAL, allow_all=True),
            Column("trials_since_2006", "count"),
            Column("open_now", "count", required=False),
            Column("published", "text"),
            Column("source", "text"),
            Column("source_url", "url"),
            *CITATION[1:],
        ),
        key=("hospital",),
        optional=True,
    ),
    Dataset(
        "uk_trials",
        (
            Column("year", "year"),
            Column("ongoing_trials", "count"),
            Column("published", "date", required=False),
            Column("source", "text"),
            Column("source_url", "url"),
            *CITATION[1:],
        ),
        key=("year",),
        optional=True,
    ),
    Dataset(
        "research",
        (
            Column("kind", "code", RESEARCH_KIND),
            Column("centre", "code", CENTRE, multiple=True),
            Column("item", "text"),
            Column("item_sv", "text", required=False, optional=True),
            Column("value", "count", required=False),
            Column("unit", "code", NETWORK_UNIT, required=False),
            Column("min_publications", "count", required=False),
            Column("period", "text", required=False),
            Column("place", "text", required=False),
            Column("place_sv", "text", required=False, optional=True),
            *CITATION,
        ),
        key=("kind", "centre", "item"),
        checks=(_check_networks,),
        optional=True,
    ),
)

DATASET_BY_NAME = {dataset.name: dataset for dataset in DATASETS}

# Decks for recurring meetings: data/decks/NAME.csv (or .xlsx), a slide per row in order.
DECKS = "decks"


def _check_deck_charts(frame: pd.DataFrame, file: str) -> Iterator[Problem]:
    """A chart slide names a chart of the dashboard; no other slide names one."""
    from atmp.views import CHARTS  # the charts are views of the data this module checks

    keys = [chart.key for chart in CHARTS]
    for index, row in frame.iterrows():
        if row["slide"] == "chart" and row["chart"] not in keys:
            yield Problem(
                file,
                "a chart slide needs one of the dashboard's charts",
                f"use one of: {', '.join(keys)}",
                row_number(index),
                "chart",
                row["chart"],
            )
        elif row["slide"] != "chart" and row["chart"]:
            yield Problem(
                file,
                f"a {row['slide']} slide has no chart",
                "leave the chart cell empty, or make the slide a chart slide",
                row_number(index),
                "chart",
                row["chart"],
            )


DECK = Dataset(
    "deck",
    (
        Column("slide", "code", SLIDE_KIND),
        Column("chart", "text", required=False),
        *(
            Column(dimension, "code", vocabulary, required=False, multiple=True, optional=True)
            for dimension, vocabulary in FILTER_DIMENSIONS.items()
        ),
        Column("heading", "text", required=False, optional=True),
        Column("heading_sv", "text", required=False, optional=True),
        Column("notes", "text", required=False, optional=True),
        Column("notes_sv", "text", required=False, optional=True),
    ),
    key=(),
    checks=(_check_deck_charts,),
)

_COUNT = re.compile(r"\d+")
# No count or number in this data comes near it (the world's population is 8.2 × 10⁹).
LARGEST = 10**12
_YEAR = re.compile(r"(19|20)\d\d")
_DATE = re.compile(r"(?P<year>(19|20)\d\d)(-(?P<month>\d\d)(-(?P<day>\d\d))?)?")
_URL = re.compile(r"https?://[^\s\"'<>]+")
# EU CT number (CTR, 2023-501234-12-00), EudraCT number (2019-001234-56), ClinicalTrials.gov.
_TRIAL_ID = re.compile(r"\d{4}-5\d{5}-\d{2}-\d{2}|(19|20)\d\d-\d{6}-\d{2}|NCT\d{8}")


def check_cell(column: Column, value: str) -> tuple[str, str] | None:
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
        if int(value) > LARGEST:
            return "the count is too large to be real", f"give a count up to {LARGEST:,}"
    elif column.kind == "number":
        try:
            number = float(value)
        except ValueError:
            return "not a number", "write digits with a decimal point, e.g. 2880000 or 1.5"
        if number != number or number in (float("inf"), float("-inf")):
            return "not a number", "write digits with a decimal point, e.g. 2880000 or 1.5"
        if number < 0:
            return "the number must be 0 or more", "give a number of 0 or more"
        if number > LARGEST:
            return "the number is too large to be real", f"give a number up to {LARGEST:,}"
    elif column.kind == "year" and not _YEAR.fullmatch(value):
        return "not a year", "write a four-digit year, e.g. 2016"
    elif column.kind == "date" and not _valid_date(value):
        return "not a date", "write the date as 2025, 2025-06 or 2025-06-12 (as precise as known)"
    elif column.kind == "url" and not _URL.fullmatch(value):
        return "not a web address", "write the whole address, starting with https://"
    elif column.kind == "trial_id" and not _TRIAL_ID.fullmatch(value):
        return (
            "not a trial id",
            "write an EU CT number (2023-501234-12-00), a EudraCT number "
            "(2019-001234-56) or a ClinicalTrials.gov id (NCT01234567)",
        )
    elif column.kind == "code" and not (column.allow_all and value == ALL):
        codes = value.split(MULTIPLE_SEPARATOR) if column.multiple else [value]
        unknown = [code for code in codes if code not in column.vocabulary]
        if unknown:
            allowed = ", ".join(column.vocabulary.codes())
            joined = f" joined by '{MULTIPLE_SEPARATOR}'" if column.multiple else ""
            return (
                f"unknown {column.vocabulary.name} code '{unknown[0]}'",
                f"use one of: {allowed}{joined}",
            )
    return None


def _valid_date(value: str) -> bool:
    match = _DATE.fullmatch(value)
    if not match:
        return False
    try:
        date(int(match["year"]), int(match["month"] or 1), int(match["day"] or 1))
    except ValueError:
        return False
    return True
