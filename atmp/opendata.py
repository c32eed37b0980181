"""Open data: the datasets behind the page at stable URLs, filtered as the page filters.

`GET /api/v1/datasets` lists them (columns, rows, release, citation);
`GET /api/v1/datasets/NAME.csv` and `.json` give one, with the page's filter parameters
(`?centre=akademiska&class=tep`) and `release=` for an earlier release.
`GET /api/v1/charts/KEY.csv` and `.json` give a chart's numbers exactly as its CSV
download does, for the page's whole query string (filters, language, release, reading).
A request the data cannot answer (an unknown dataset, chart, parameter or code) is a 4xx
with a message.
"""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass

import pandas as pd

from atmp.data import Snapshot
from atmp.exports import TABLE_COLUMNS, as_text, filtered_tables, table_of, to_csv
from atmp.filters import Filters, from_params, parse_query
from atmp.schema import DATASETS
from atmp.state import from_query
from atmp.views import offer, offered_charts

FORMATS = ("csv", "json")
BASE = "/api/v1/datasets"
CHARTS_BASE = "/api/v1/charts"


@dataclass(frozen=True)
class Refused:
    """Why a request gets no data: the HTTP status and a message that says what to send."""

    status: int
    message: str


def _release(snapshot: Snapshot) -> dict:
    release = snapshot.release
    return {
        "tag": snapshot.tag,
        "reference_period": release.reference_period,
        "published": release.published,
        "publisher": release.publisher,
        "source": release.source_title,
        "source_url": release.source_url or None,
        "licence": release.licence or None,
        "citation": release.citation,
        "data_version": snapshot.version,
    }


def catalogue(served: Snapshot) -> dict:
    """Every dataset of the newest release, with its columns and rows, and the releases."""
    declared = {dataset.name: dataset for dataset in DATASETS}
    return {
        "release": _release(served),
        "releases": [release.tag for release in served.releases()],
        "datasets": [
            {
                "name": name,
                "columns": [column.name for column in declared[name].columns],
                "rows": len(frame),
                "csv": f"{BASE}/{name}.csv",
                "json": f"{BASE}/{name}.json",
            }
            for name, frame in served.tables.items()
        ],
        "filters": "centre, class, disease, status, phase: codes as in the page's links",
    }


def dataset(served: Snapshot, name: str, fmt: str, search: str) -> tuple[str, str] | Refused:
    """(body, media type) of one dataset under the query's filters, or why not."""
    if fmt not in FORMATS:
        return Refused(404, f"no format '{fmt[:10]}': ask for NAME.csv or NAME.json")
    params, unreadable = parse_query(search)
    release = (params.pop("release", None) or [""])[-1]
    tags = [earlier.tag for earlier in served.earlier]
    if release and release not in tags:
        return Refused(400, f"no release '{release}': releases are {', '.join(tags) or 'none'}")
    snapshot = served.release_as_read(release, "published")
    if name not in snapshot.tables:
        names = ", ".join(snapshot.tables)
        return Refused(404, f"no dataset '{name[:40]}': datasets are {names}")
    filters, unknown = from_params(params)
    if unreadable or unknown:
        return Refused(
            400,
            f"not understood: {'; '.join([*unreadable, *unknown])}. Filters "
            "are centre, class, disease, status and phase with their codes",
        )
    frame = filtered_tables(snapshot, filters)[name]
    if fmt == "csv":
        return _csv(frame), "text/csv; charset=utf-8"
    return _json(snapshot, name, frame, filters), "application/json"


def _csv(frame: pd.DataFrame) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(frame.columns)
    for record in frame.itertuples(index=False):
        writer.writerow("" if _missing(value) else as_text(value) for value in record)
    return out.getvalue()


def _json(snapshot: Snapshot, name: str, frame: pd.DataFrame, filters: Filters) -> str:
    rows = [
        {
            column: None if _missing(value) else value.item() if hasattr(value, "item") else value
            for column, value in zip(frame.columns, record, strict=True)
        }
        for record in frame.itertuples(index=False)
    ]
    return json.dumps(
        {
            "dataset": name,
            "release": _release(snapshot),
            "filters": filters.to_query().lstrip("?"),
            "columns": list(frame.columns),
            "rows": rows,
        },
        ensure_ascii=False,
    )


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def chart_numbers(served: Snapshot, key: str, fmt: str, search: str) -> tuple[str, str] | Refused:
    """(body, media type) of one chart's numbers for the page's query string, or why not."""
    if fmt not in FORMATS:
        return Refused(404, f"no format '{fmt[:10]}': ask for KEY.csv or KEY.json")
    charts = {chart.key: chart for chart in offered_charts(served)}
    if key not in charts:
        return Refused(404, f"no chart '{key[:40]}': charts are {', '.join(charts)}")
    state, unknown = from_query(search, offer(served))
    if unknown:
        return Refused(400, f"not understood: {'; '.join(unknown)}. Use the page's own link")
    chart, snapshot = charts[key], served.release_as_read(state.release, state.reading)
    table = table_of(
        chart, chart.build(snapshot, state.filters, state.lang), state.filters, snapshot, state.lang
    )
    if fmt == "csv":
        return to_csv(table), "text/csv; charset=utf-8"
    body = {
        "chart": key,
        "title": table.title,
        "header": [list(line) for line in table.header],
        "release": _release(snapshot),
        "columns": list(TABLE_COLUMNS),
        "rows": [[getattr(row, name) for name in TABLE_COLUMNS] for row in table.rows],
    }
    return json.dumps(body, ensure_ascii=False), "application/json"
