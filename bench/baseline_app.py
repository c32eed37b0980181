"""The dashboard's filters and charts rebuilt the naive way, as a yardstick for `make bench`.

The same data folder (ATMP_DATA_DIR, loaded once as the dashboard does), the same
five filters and the same ten charts from the same datasets and aggregations,
built with plotly express in one callback that returns every figure on every
change: pandas masks and group-bys, `px.bar`/`px.line`/`px.choropleth` and the
default template. Served like the dashboard:

    ATMP_DATA_DIR=data gunicorn 'bench.baseline_app:create_server()' --config gunicorn.conf.py
"""

from __future__ import annotations

import dash
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
from dash import Input, Output, dcc, html
from flask import Flask

from atmp import store
from atmp.settings import read_settings
from atmp.vocab import CENTRE, FILTER_DIMENSIONS, REGION, VECURA_MEASURE

BY = {"trials_by_class": "atmp_class", "trials_by_status": "status", "trials_by_phase": "phase"}
CHARTS = (
    *BY,
    "trials_by_disease",
    "cart",
    "hospital_exemption",
    "vecura",
    "exports",
    "per_100k",
    "arm",
)
CENTRE_COLOURS = {CENTRE.label(code, "en"): CENTRE.colour(code) for code in CENTRE.codes()}


def labelled(rows: pd.DataFrame, column: str) -> pd.DataFrame:
    """Codes replaced by their English labels, as a plotly express user would."""
    vocabulary = FILTER_DIMENSIONS[column]
    return rows.assign(**{column: rows[column].map(lambda code: vocabulary.label(code, "en"))})


def colours(column: str) -> dict[str, str]:
    vocabulary = FILTER_DIMENSIONS[column]
    return {vocabulary.label(code, "en"): vocabulary.colour(code) for code in vocabulary.codes()}


def trial_counts(snapshot, filters: dict[str, list[str]], by: str) -> pd.DataFrame:
    """Trials per centre and category of `by`: every filter on a register; on the published
    aggregates only the centre and `by`'s own filter, as the dashboard does."""
    if "trial_register" in snapshot:
        rows = snapshot["trial_register"]
        for dimension, codes in filters.items():
            if codes:
                rows = rows[rows[dimension].isin(codes)]
        return rows.groupby(["centre", by]).size().reset_index(name="trials")
    rows = snapshot["trials"]
    rows = rows[rows["dimension"] == by].rename(columns={"code": by})
    for dimension in ("centre", by):
        if filters.get(dimension):
            rows = rows[rows[dimension].isin(filters[dimension])]
    return rows[["centre", by, "trials"]]


def composition(snapshot, filters: dict, by: str, title: str) -> go.Figure:
    counts = labelled(labelled(trial_counts(snapshot, filters, by), "centre"), by)
    return px.bar(
        counts,
        x="trials",
        y="centre",
        color=by,
        orientation="h",
        title=title,
        color_discrete_map=colours(by),
        text="trials",
        height=300,
    )


def by_disease(snapshot, filters: dict) -> go.Figure:
    counts = labelled(
        labelled(trial_counts(snapshot, filters, "disease_area"), "centre"), "disease_area"
    )
    return px.bar(
        counts,
        x="trials",
        y="disease_area",
        color="centre",
        orientation="h",
        barmode="group",
        color_discrete_map=CENTRE_COLOURS,
        text="trials",
        title="Trials by disease area",
        height=728,
    )


def patients(rows: pd.DataFrame, filters: dict, title: str) -> go.Figure:
    """Patients per centre, or per year and centre where the data has years."""
    if filters["centre"]:
        rows = rows[rows["centre"].isin(filters["centre"])]
    rows = labelled(rows, "centre")
    if rows["year"].notna().any():
        totals = rows.groupby(["year", "centre"], as_index=False)["patients"].sum()
        return px.bar(
            totals,
            x="year",
            y="patients",
            color="centre",
            barmode="group",
            color_discrete_map=CENTRE_COLOURS,
            text="patients",
            title=title,
            height=300,
        )
    totals = rows.groupby("centre", as_index=False)["patients"].sum()
    return px.bar(
        totals,
        x="patients",
        y="centre",
        color="centre",
        orientation="h",
        color_discrete_map=CENTRE_COLOURS,
        text="patients",
        title=title,
        height=300,
    )


def vecura(snapshot) -> go.Figure:
    rows = snapshot["vecura"].assign(
        measure=lambda rows: rows["measure"].map(lambda m: VECURA_MEASURE.label(m, "en"))
    )
    if rows["year"].notna().any():
        totals = rows.groupby(["year", "measure"], as_index=False)["value"].sum()
        return px.line(
            totals, x="year", y="value", color="measure", markers=True, title="Vecura", height=340
        )
    return px.bar(
        rows, x="value", y="measure", orientation="h", text="value", title="Vecura", height=340
    )


def exports(snapshot) -> go.Figure:
    rows = snapshot["vecura_exports"]
    named = rows[rows["country"] != "all"]
    if len(named):
        totals = named.groupby("country", as_index=False)["patients"].sum()
        return px.choropleth(
            totals, locations="country", color="patients", title="Vecura exports", height=340
        )
    unnamed = rows[rows["country"] == "all"]
    if unnamed["year"].notna().any():
        return px.bar(unnamed, x="year", y="countries", title="Vecura exports", height=340)
    return go.Figure(
        go.Indicator(
            mode="number", value=int(unnamed["countries"].sum()), title="Recipient countries"
        ),
        layout={"height": 340},
    )


def regional(snapshot) -> pd.DataFrame:
    table = snapshot["regional"].pivot_table(index="region", columns="measure", values="value")
    return table.assign(label=[REGION.label(region, "en") for region in table.index])


def per_100k(snapshot) -> go.Figure:
    table = regional(snapshot).dropna(subset=["ongoing_trials"])
    table = table.assign(per_100k=table["ongoing_trials"] / table["population"] * 100_000)
    return px.bar(
        table,
        x="per_100k",
        y="label",
        orientation="h",
        text="per_100k",
        title="Trials per 100,000 inhabitants",
        height=300,
    )


def initiated(snapshot) -> go.Figure:
    table = regional(snapshot).dropna(subset=["trials_initiated_2014_2019"])
    return px.bar(
        table,
        x="trials_initiated_2014_2019",
        y="label",
        orientation="h",
        text="trials_initiated_2014_2019",
        title="Trials initiated 2014–2019",
        height=300,
    )


def figures(snapshot, filters: dict[str, list[str]]) -> list[go.Figure]:
    """Every chart for the filters, from scratch."""
    return [
        *(composition(snapshot, filters, by, key) for key, by in BY.items()),
        by_disease(snapshot, filters),
        patients(snapshot["cart"], filters, "CAR-T patients"),
        patients(snapshot["hospital_exemption"], filters, "Hospital exemption patients"),
        vecura(snapshot),
        exports(snapshot),
        per_100k(snapshot),
        initiated(snapshot),
    ]


def total_trials(snapshot, filters: dict) -> str:
    return f"{int(trial_counts(snapshot, filters, 'atmp_class')['trials'].sum())} trials"


def create_layout(snapshot) -> html.Div:
    empty: dict[str, list[str]] = {dim: [] for dim in FILTER_DIMENSIONS}
    options = {
        dim: [{"label": vocab.label(code, "en"), "value": code} for code in vocab.codes()]
        for dim, vocab in FILTER_DIMENSIONS.items()
    }
    return html.Div(
        [
            html.H1("ATMP (baseline)"),
            *(
                dcc.Dropdown(id=f"filter-{dim}", options=options[dim], value=[], multi=True)
                for dim in FILTER_DIMENSIONS
            ),
            html.P(total_trials(snapshot, empty), id="total"),
            *(
                dcc.Graph(id=f"chart-{key}", figure=figure)
                for key, figure in zip(CHARTS, figures(snapshot, empty), strict=True)
            ),
        ]
    )


def update(*selections):
    snapshot = store.current()
    filters = {
        dim: list(codes or []) for dim, codes in zip(FILTER_DIMENSIONS, selections, strict=True)
    }
    return [*figures(snapshot, filters), total_trials(snapshot, filters)]


def create_server() -> Flask:
    """The app for gunicorn, with its data loaded (the module itself loads nothing)."""
    store.load_or_exit(read_settings().data_dir)
    app = dash.Dash(__name__, title="ATMP (baseline)")
    app.layout = create_layout(store.current())
    app.callback(
        [Output(f"chart-{key}", "figure") for key in CHARTS] + [Output("total", "children")],
        [Input(f"filter-{dim}", "value") for dim in FILTER_DIMENSIONS],
        prevent_initial_call=True,
    )(update)
    return app.server
