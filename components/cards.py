"""Cards of the page: key figures, charts, data quality and key facts."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from atmp.data import Snapshot
from atmp.figures import GRAPH_CONFIG
from atmp.quality import Finding
from atmp.text import t
from atmp.views import Chart, ChartView, Kpi, hospital_exemption_products
from components import ids


def kpi_card(kpi: Kpi, lang: str) -> dbc.Col:
    return dbc.Col(html.Div([
        html.Div(t(f"kpi.{kpi.key}", lang), className="kpi-title"),
        html.Div(kpi.value, id=ids.kpi_value(kpi.key), className="kpi-value"),
        html.Div(kpi.detail, id=ids.kpi_detail(kpi.key), className="kpi-detail"),
    ], className="kpi-card"), xs=12, sm=6, xl=3)


def notes(view: ChartView) -> list:
    return [html.P(note, className="chart-note") for note in view.notes]


def chart_card(chart: Chart, view: ChartView, snapshot: Snapshot, lang: str) -> html.Section:
    caption = []
    if chart.key == "hospital_exemption":
        caption = [html.Ul([html.Li(f"{centre}: {', '.join(products)}")
                            for centre, products in hospital_exemption_products(snapshot, lang)],
                           className="chart-caption")]
    return html.Section([
        html.H3(chart.title(lang), className="chart-title", id=f"title-{chart.key}"),
        html.Div(notes(view), id=ids.notes(chart.key), className="chart-notes",
                 **{"aria-live": "polite"}),
        html.Div(dcc.Graph(id=ids.graph(chart.key), figure=view.figure, config=GRAPH_CONFIG,
                           className="chart-graph", style={"height": f"{chart.height}px"}),
                 role="figure", **{"aria-labelledby": f"title-{chart.key}"}),
        *caption,
        html.P(chart.source(snapshot, lang), id=ids.source(chart.key), className="chart-source"),
    ], className="chart-card")


def quality_table(findings: list[Finding], lang: str) -> dbc.Table:
    header = html.Thead(html.Tr([html.Th(t(f"quality.{key}", lang)) for key in
                                 ("what", "published", "found", "explanation")]
                                + [html.Th(t("source", lang))]))
    body = html.Tbody([html.Tr([html.Td(f.what), html.Td(f.published), html.Td(f.found),
                                html.Td(f.explanation), html.Td(f.source)]) for f in findings])
    return dbc.Table([header, body], responsive=True, hover=True, className="quality-table")


def key_facts_list(facts: list[tuple[str, str, str]]) -> html.Dl:
    items = []
    for what, value, source in facts:
        items += [html.Dt(value),
                  html.Dd([what, html.Span(f" ({source})", className="fact-source")])]
    return html.Dl(items, className="key-facts")
