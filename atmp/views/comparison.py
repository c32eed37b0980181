"""The regional comparison: ongoing trials per 100,000 inhabitants and trials initiated.

A comparison names its area and period on every bar, and a rate divides a count by
the population of the same area and period; where the data's periods differ (or a
population is not dated) the chart says so.
"""

from __future__ import annotations

import re

import pandas as pd

from atmp.data import Snapshot
from atmp.figures import bar, layout, padded_range
from atmp.filters import Filters
from atmp.schema import RATE_POPULATION
from atmp.text import localized, number, t
from atmp.views.chart import CHART_HEIGHT, NO_FILTER, ChartView, ignored_note
from atmp.views.labels import approx, axis_label, certainty_notes
from atmp.vocab import REGION

_YEAR = re.compile(r"(?:19|20)\d\d")


def regional_measures(snapshot: Snapshot) -> pd.DataFrame:
    """Regions as rows, measures as columns (NaN where a region lacks a measure)."""
    cells: dict[str, dict[str, float]] = {}
    for (region, measure), row in snapshot.regional_rows.items():
        cells.setdefault(measure, {})[region] = row["value"]
    return pd.DataFrame(cells)


def regional_row(snapshot: Snapshot, region: str, measure: str) -> dict | None:
    return snapshot.regional_rows.get((region, measure))


def period(row: dict, lang: str) -> str:
    return localized(row, "period", lang)


def area_label(snapshot: Snapshot, region: str, lang: str, measure: str = "ongoing_trials") -> str:
    """'Stockholm–Uppsala, spring 2025': the area and the period of its count."""
    row = regional_row(snapshot, region, measure)
    label = REGION.label(region, lang)
    return f"{label}, {period(row, lang)}" if row else label


def per_100k(trials: float, population: float) -> float:
    return trials / population * 100_000


def same_period(count: dict, population: dict) -> bool:
    """Whether the population is of the count's period: its years within the count's."""
    count_years = [int(year) for year in _YEAR.findall(count["period"])]
    population_years = [int(year) for year in _YEAR.findall(population["period"])]
    return bool(count_years and population_years) and all(
        min(count_years) <= year <= max(count_years) for year in population_years
    )


def mixed_periods(snapshot: Snapshot, regions: list[str], measure: str, lang: str) -> list[str]:
    """A note for each rate whose count and population come from different periods."""
    notes = []
    for region in regions:
        count = regional_row(snapshot, region, measure)
        population = regional_row(snapshot, region, RATE_POPULATION[measure])
        if count and population and not same_period(count, population):
            notes.append(
                t(
                    "note.mixed_periods",
                    lang,
                    area=REGION.label(region, lang),
                    count_period=period(count, lang),
                    population_period=period(population, lang),
                )
            )
    return notes


def trials_per_100k(snapshot: Snapshot, filters: Filters, lang: str) -> ChartView:
    table = regional_measures(snapshot)
    regions = (
        [r for r in REGION.codes() if r in table.index and pd.notna(table.at[r, "ongoing_trials"])]
        if "ongoing_trials" in table
        else []
    )
    labels = [
        axis_label(REGION.label(r, lang), period(regional_row(snapshot, r, "ongoing_trials"), lang))
        for r in regions
    ]
    computed = [per_100k(table.at[r, "ongoing_trials"], table.at[r, "population"]) for r in regions]
    text = [
        f"{number(v, lang, 2)} ({number(table.at[r, 'ongoing_trials'], lang)} / "
        f"{number(table.at[r, 'population'] / 1e6, lang, 2)} M)"
        for r, v in zip(regions, computed, strict=True)
    ]
    traces = [
        bar(
            name=t("label.computed", lang),
            y=labels,
            x=[round(v, 3) for v in computed],
            colour=[REGION.colour(r) for r in regions],
            text=text,
            customdata=[["", ""]] * len(regions),
            hover=[f"{label}: {value}" for label, value in zip(labels, text, strict=True)],
        )
    ]
    if "stated_trials_per_100k" in table:
        stated = [r for r in regions if pd.notna(table.at[r, "stated_trials_per_100k"])]
        values = [table.at[r, "stated_trials_per_100k"] for r in stated]
        shown = [approx(v, "about", lang, 2 if v < 1 else 1) for v in values]
        traces.append(
            bar(
                name=t("label.stated", lang),
                y=[labels[regions.index(r)] for r in stated],
                x=values,
                colour=[REGION.colour(r) for r in stated],
                pattern=True,
                text=shown,
                customdata=[["", ""]] * len(stated),
                hover=[
                    f"{REGION.label(r, lang)}<br>{t('label.stated', lang)}: {w}"
                    for r, w in zip(stated, shown, strict=True)
                ],
                qualifier=["about"] * len(stated),
            )
        )
    figure = {
        "data": traces,
        "layout": layout(
            lang,
            x_title=t("axis.per_100k", lang),
            height=CHART_HEIGHT,
            legend=True,
            x_range=padded_range(max(computed, default=0), 0.6),
            counts=False,
        ),
    }
    notes = ignored_note("regional", filters, NO_FILTER, lang)
    notes += mixed_periods(snapshot, regions, "ongoing_trials", lang)
    return ChartView(figure, tuple(notes + certainty_notes(figure, lang)))


def trials_initiated(snapshot: Snapshot, filters: Filters, lang: str) -> ChartView:
    """Trials initiated in the ARM period, and per 100,000 inhabitants of that period where
    the data gives the population."""
    rows = snapshot["regional"]
    rows = rows[rows["measure"] == "trials_initiated_2014_2019"]
    rows = rows.assign(rank=rows["region"].map(REGION.order)).sort_values("rank")
    records = rows.to_dict("records")
    labels = [axis_label(REGION.label(row["region"], lang), period(row, lang)) for row in records]
    values = [row["value"] for row in records]
    text, rates = [], []
    for row in records:
        population = regional_row(snapshot, row["region"], "population_2014_2019")
        shown = number(row["value"], lang)
        if population:
            rate = number(per_100k(row["value"], population["value"]), lang, 2)
            shown = t("label.count_and_rate", lang, count=shown, rate=rate)
            rates.append(
                t(
                    "note.rate",
                    lang,
                    area=REGION.label(row["region"], lang),
                    count=number(row["value"], lang),
                    population=number(population["value"] / 1e6, lang, 2),
                    period=period(population, lang),
                    rate=rate,
                    source=localized(population, "source", lang),
                )
            )
        else:
            rates.append(t("note.no_rate", lang, area=REGION.label(row["region"], lang)))
        text.append(shown)
    remarks = [localized(row, "note", lang) for row in records]
    traces = [
        bar(
            name=t("axis.trials_initiated", lang),
            y=labels,
            x=values,
            colour=[REGION.colour(r) for r in rows["region"]],
            text=text,
            customdata=[["", ""]] * len(values),
            hover=[
                f"{label}: {value}<br>{note}"
                for label, value, note in zip(labels, text, remarks, strict=True)
            ],
        )
    ]
    figure = {
        "data": traces,
        "layout": layout(
            lang,
            x_title=t("axis.trials_initiated", lang),
            height=CHART_HEIGHT,
            x_range=padded_range(max(values, default=0), 0.6),
        ),
    }
    notes = ignored_note("regional", filters, NO_FILTER, lang)
    notes += [
        f"{REGION.label(row['region'], lang)}: {note}"
        for row, note in zip(records, remarks, strict=True)
        if note
    ]
    notes += rates + mixed_periods(
        snapshot, list(rows["region"]), "trials_initiated_2014_2019", lang
    )
    return ChartView(figure, tuple(notes))
