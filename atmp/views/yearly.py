"""The yearly form of the per-centre patient charts (CAR-T, hospital exemption)."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from atmp.figures import bar, series_layout, small_marks, without_data
from atmp.text import t
from atmp.views.chart import CHART_HEIGHT, ChartView
from atmp.views.labels import approx, qualifier_of
from atmp.views.small_numbers import (
    drawn,
    hidden_cells,
    largest_shown,
    small_numbers_notes,
    split_lines,
)
from atmp.vocab import CENTRE


def yearly(rows: pd.DataFrame) -> bool:
    return bool(rows["year"].notna().any())


def by_centre_and_year(rows: pd.DataFrame) -> dict[str, dict[int | None, list[dict]]]:
    """centre -> year (None for a whole-period row) -> its rows, centres in vocabulary order.

    Plain records: a few dozen rows, read on every filter change, cost less than pandas masks.
    """
    groups: dict[str, dict[int | None, list[dict]]] = {}
    for row in rows.to_dict("records"):
        year = None if pd.isna(row["year"]) else int(row["year"])
        groups.setdefault(row["centre"], {}).setdefault(year, []).append(row)
    return {centre: groups[centre] for centre in CENTRE.codes() if centre in groups}


def centre_series(
    groups: dict[str, dict[int | None, list[dict]]],
    lang: str,
    *,
    part: Callable[[dict], str],
    hide: bool,
    total_shown: bool,
) -> tuple[list[dict], float]:
    """Patients per year, a bar per centre and year; the hover splits a bar by `part` of a row.

    Returns (traces, largest shown value).
    """
    traces, marks, largest = [], [], 0.0
    unit = t("unit.patients", lang)
    # Marks span every year of the chart (empty text where nothing is hidden), so plotly
    # spaces them as it spaces the bars.
    chart_years = sorted(
        {year for by_year in groups.values() for year in by_year if year is not None}
    )
    for centre, by_year in groups.items():
        years = sorted(year for year in by_year if year is not None)
        if not years:
            continue
        label = CENTRE.label(centre, lang)
        totals = [sum(int(row["patients"]) for row in by_year[year]) for year in years]
        hidden = hidden_cells(totals, hide, total_shown)
        text, hover = [], []
        for year, total, mark in zip(years, totals, hidden, strict=True):
            shown = mark or approx(total, qualifier_of(by_year[year]), lang)
            parts = [(part(row), int(row["patients"])) for row in by_year[year]]
            text.append(shown)
            hover.append(
                f"{label} {year}: {shown} {unit}" + ("" if mark else split_lines(parts, lang, hide))
            )
        traces.append(
            {
                **bar(
                    name=label,
                    x=years,
                    y=drawn(totals, hidden),
                    colour=CENTRE.colour(centre),
                    text=text,
                    customdata=[["centre", centre]] * len(years),
                    hover=hover,
                    orientation="v",
                ),
                "offsetgroup": centre,
            }
        )
        if any(hidden):
            cells = dict(zip(years, zip(hidden, hover, strict=True), strict=True))
            marks.append(
                small_marks(
                    x=chart_years,
                    y=[0] * len(chart_years),
                    text=[(cells.get(year, (None, ""))[0] or "") for year in chart_years],
                    hover=[cells.get(year, (None, f"{label} {year}"))[1] for year in chart_years],
                    offsetgroup=centre,
                )
            )
        largest = max(largest, largest_shown(totals, hidden))
    return traces + marks, largest


def not_by_year(groups: dict[str, dict[int | None, list[dict]]], lang: str) -> list[str]:
    """Notes for centres whose rows have no year: their whole-period count, as given."""
    notes = []
    for centre, by_year in groups.items():
        if None in by_year:
            mine = by_year[None]
            notes.append(
                t(
                    "note.not_by_year",
                    lang,
                    label=CENTRE.label(centre, lang),
                    value=approx(
                        sum(int(row["patients"]) for row in mine), qualifier_of(mine), lang
                    ),
                    unit=t("unit.patients", lang),
                )
            )
    return notes


def series_view(
    rows: pd.DataFrame,
    notes: list[str],
    lang: str,
    *,
    part: Callable[[dict], str],
    hide: bool,
    total_shown: bool,
) -> ChartView:
    """The yearly form of a per-centre patient chart."""
    groups = by_centre_and_year(rows)
    traces, largest = centre_series(groups, lang, part=part, hide=hide, total_shown=total_shown)
    years = [year for by_year in groups.values() for year in by_year if year is not None]
    figure = {
        "data": traces,
        "layout": {
            **series_layout(
                lang,
                x_title=t("axis.year", lang),
                y_title=t("axis.patients", lang),
                height=CHART_HEIGHT,
                largest=largest,
                years=years,
            ),
            "scattermode": "group",
        },
    }
    whole_period = not_by_year(groups, lang)
    if not traces:
        figure = without_data(figure, (whole_period or [t("note.no_data", lang)])[-1])
    return ChartView(figure, tuple(notes + whole_period + small_numbers_notes(figure, lang)))
