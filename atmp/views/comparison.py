"""The regional comparison: ongoing trials per 100,000 inhabitants and trials initiated."""

from __future__ import annotations

import pandas as pd

from atmp.data import Snapshot
from atmp.figures import bar, layout, padded_range
from atmp.filters import Filters
from atmp.text import localized, number, t
from atmp.views.chart import CHART_HEIGHT, NO_FILTER, ChartView, ignored_note
from atmp.views.labels import approx
from atmp.vocab import REGION


def regional_measures(snapshot: Snapshot) -> pd.DataFrame:
    """Regions as rows, measures as columns (NaN where a region lacks a measure)."""
    cells: dict[str, dict[str, float]] = {}
    for region, measure, value in snapshot["regional"][["region", "measure", "value"]].itertuples(
            index=False):
        cells.setdefault(measure, {})[region] = value
    return pd.DataFrame(cells)


def per_100k(trials: float, population: float) -> float:
    return trials / population * 100_000


def trials_per_100k(snapshot: Snapshot, filters: Filters, lang: str) -> ChartView:
    table = regional_measures(snapshot)
    regions = [r for r in REGION.codes() if r in table.index
               and pd.notna(table.at[r, "ongoing_trials"])] if "ongoing_trials" in table else []
    labels = [REGION.label(r, lang) for r in regions]
    computed = [per_100k(table.at[r, "ongoing_trials"], table.at[r, "population"])
                for r in regions]
    text = [f"{number(v, lang, 2)} ({number(table.at[r, 'ongoing_trials'], lang)} / "
            f"{number(table.at[r, 'population'] / 1e6, lang, 2)} M)"
            for r, v in zip(regions, computed, strict=True)]
    traces = [bar(name=t("label.computed", lang), y=labels, x=[round(v, 3) for v in computed],
                  colour=[REGION.colour(r) for r in regions], text=text,
                  customdata=[["", ""]] * len(regions),
                  hover=[f"{label}: {value}" for label, value in zip(labels, text, strict=True)])]
    if "stated_trials_per_100k" in table:
        stated = [r for r in regions if pd.notna(table.at[r, "stated_trials_per_100k"])]
        values = [table.at[r, "stated_trials_per_100k"] for r in stated]
        shown = [approx(v, "about", lang, 2 if v < 1 else 1) for v in values]
        traces.append(bar(
            name=t("label.stated", lang), y=[REGION.label(r, lang) for r in stated], x=values,
            colour=[REGION.colour(r) for r in stated], pattern=True,
            text=shown, customdata=[["", ""]] * len(stated),
            hover=[f"{REGION.label(r, lang)}<br>{t('label.stated', lang)}: {w}"
                   for r, w in zip(stated, shown, strict=True)],
        ))
    figure = {"data": traces, "layout": layout(
        lang, x_title=t("axis.per_100k", lang), height=CHART_HEIGHT, legend=True,
        x_range=padded_range(max(computed, default=0), 0.6))}
    return ChartView(figure, tuple(ignored_note("regional", filters, NO_FILTER, lang)))


def trials_initiated(snapshot: Snapshot, filters: Filters, lang: str) -> ChartView:
    rows = snapshot["regional"]
    rows = rows[rows["measure"] == "trials_initiated_2014_2019"]
    rows = rows.assign(rank=rows["region"].map(REGION.order)).sort_values("rank")
    labels = [REGION.label(r, lang) for r in rows["region"]]
    values = rows["value"].tolist()
    text = [number(v, lang) for v in values]
    remarks = [localized(row, "note", lang) for row in rows.to_dict("records")]
    traces = [bar(name=t("axis.trials_initiated", lang), y=labels, x=values,
                  colour=[REGION.colour(r) for r in rows["region"]], text=text,
                  customdata=[["", ""]] * len(values),
                  hover=[f"{label}: {value}<br>{note}" for label, value, note
                         in zip(labels, text, remarks, strict=True)])]
    figure = {"data": traces, "layout": layout(
        lang, x_title=t("axis.trials_initiated", lang), height=CHART_HEIGHT,
        x_range=padded_range(max(values, default=0), 0.15))}
    notes = ignored_note("regional", filters, NO_FILTER, lang)
    notes += [f"{label}: {note}" for label, note in zip(labels, remarks, strict=True) if note]
    return ChartView(figure, tuple(notes))
