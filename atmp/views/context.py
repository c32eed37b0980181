"""Sweden and the world: ATMP Sweden's national list and the UK's ongoing trials per year.

Both come from outside the report, each row citing the page it was read on. They are
drawn beside the report's numbers, never added to or mixed with them: another date and
another definition, each said on the chart.
"""

from __future__ import annotations

import pandas as pd

from atmp.data import Snapshot
from atmp.figures import bar, layout, padded_range, series_layout
from atmp.filters import Filters
from atmp.text import localized, number, t
from atmp.views.chart import CHART_HEIGHT, NO_FILTER, ChartView, ignored_note
from atmp.vocab import HOSPITAL, REGION

# Each hospital takes two bars; six hospitals need more room than one chart row.
NATIONAL_HEIGHT = CHART_HEIGHT + 120


def national_rows(snapshot: Snapshot) -> tuple[dict | None, list[dict]]:
    """(the page's total row or None, the hospitals' rows in vocabulary order); none
    where the folder leaves the list out."""
    if "national_trials" not in snapshot:
        return None, []
    rows = snapshot["national_trials"].to_dict("records")
    total = next((row for row in rows if row["hospital"] == "all"), None)
    hospitals = sorted(
        (row for row in rows if row["hospital"] != "all"),
        key=lambda row: HOSPITAL.order(row["hospital"]),
    )
    return total, hospitals


def national_trials(snapshot: Snapshot, filters: Filters, lang: str) -> ChartView:
    """Trials since 2006 and open now at each university hospital, as the list prints
    them; its own discrepancies in the notes, as they are."""
    total, hospitals = national_rows(snapshot)
    traces = []
    for column, pattern in (("trials_since_2006", False), ("open_now", True)):
        shown = [row for row in hospitals if not pd.isna(row[column])]
        name = t(f"label.{column}", lang)
        values = [int(row[column]) for row in shown]
        traces.append(
            bar(
                name=name,
                y=[HOSPITAL.label(row["hospital"], lang) for row in shown],
                x=values,
                colour=[HOSPITAL.colour(row["hospital"]) for row in shown],
                text=[number(v, lang) for v in values],
                customdata=[["", ""]] * len(shown),
                hover=[
                    f"{HOSPITAL.label(row['hospital'], lang)}<br>{name}: {number(v, lang)}"
                    for row, v in zip(shown, values, strict=True)
                ],
                pattern=pattern,
            )
        )
    largest = max((int(row["trials_since_2006"]) for row in hospitals), default=0)
    figure = {
        "data": traces,
        "layout": layout(
            lang,
            x_title=t("axis.national_trials", lang),
            height=NATIONAL_HEIGHT,
            legend=True,
            x_range=padded_range(largest),
        ),
    }
    notes = ignored_note("national_trials", filters, NO_FILTER, lang)
    notes.append(t("note.national_basis", lang))
    for row in ([total] if total else []) + hospitals:
        remark = localized(row, "note", lang)
        if remark:
            where = (
                t("label.the_list", lang)
                if row["hospital"] == "all"
                else HOSPITAL.label(row["hospital"], lang)
            )
            notes.append(f"{where}: {remark}")
    return ChartView(figure, tuple(notes))


def uk_trials(snapshot: Snapshot, filters: Filters, lang: str) -> ChartView:
    """The Catapult's ongoing ATMP trials in the UK per year; a year without a verified
    figure is a gap on the axis, never filled in."""
    rows = (
        snapshot["uk_trials"].sort_values("year").to_dict("records")
        if "uk_trials" in snapshot
        else []
    )
    years = [int(row["year"]) for row in rows]
    values = [int(row["ongoing_trials"]) for row in rows]
    name = t("label.uk_ongoing", lang)
    trace = bar(
        name=name,
        x=years,
        y=values,
        colour=REGION.colour("united_kingdom"),
        text=[number(v, lang) for v in values],
        customdata=[["", ""]] * len(rows),
        hover=[
            f"{year}: {number(v, lang)}<br>{localized(row, 'source', lang)}"
            for year, v, row in zip(years, values, rows, strict=True)
        ],
        orientation="v",
    )
    base = series_layout(
        lang,
        x_title=t("axis.database_year", lang),
        y_title=t("axis.trials", lang),
        height=NATIONAL_HEIGHT,
        largest=max(values, default=0),
        years=years,
    )
    base["showlegend"] = False
    base["margin"]["t"] = 8
    if years:
        base["xaxis"]["range"] = [min(years) - 0.6, max(years) + 0.6]
    notes = ignored_note("uk_trials", filters, NO_FILTER, lang)
    notes.append(t("note.uk_basis", lang))
    missing = [
        str(year)
        for year in range(min(years, default=0), max(years, default=0) + 1)
        if year not in years
    ]
    if missing:
        notes.append(t("note.uk_gap", lang, years=", ".join(missing)))
    notes += [
        f"{year}: {localized(row, 'note', lang)}"
        for year, row in zip(years, rows, strict=True)
        if localized(row, "note", lang)
    ]
    return ChartView({"data": [trace], "layout": base}, tuple(notes))
