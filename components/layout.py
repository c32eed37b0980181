"""The whole page, composed from its pieces."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from atmp.data import DataError, Snapshot
from atmp.filters import Filters
from atmp.quality import findings
from atmp.text import t
from atmp.views import CHARTS, key_facts, kpis
from components import ids
from components.banner import data_banner, data_version
from components.cards import chart_card, key_facts_list, kpi_card, quality_table
from components.filters import chips, filter_bar

SECTIONS = ("trials", "routine", "manufacturing", "comparison")
# How often an open page asks whether the data was reloaded.
DATA_POLL_SECONDS = 30


def header(lang: str) -> html.Header:
    return html.Header(dbc.Container([
        html.H1(t("app.title", lang), className="app-title"),
        html.P(t("app.subtitle", lang), className="app-subtitle"),
    ], fluid=True, className="page-width"), className="app-header")


def charts_section(section: str, snapshot: Snapshot, lang: str) -> html.Section:
    charts = [chart for chart in CHARTS if chart.section == section]
    return html.Section([
        html.H2(t(f"section.{section}", lang), className="section-title"),
        html.Div([
            html.Div(chart_card(chart, chart.build(snapshot, Filters(), lang), snapshot, lang),
                     className="chart-cell chart-cell-tall" if chart.tall else "chart-cell")
            for chart in charts
        ], className="chart-grid chart-grid-single" if len(charts) == 1 else "chart-grid"),
    ], className="dashboard-section")


def create_layout(snapshot: Snapshot, problem: DataError | None = None,
                  lang: str = "en") -> html.Div:
    """The page at its default state; the dashboard callback then applies the link's filters."""
    loaded = snapshot.loaded_at.strftime("%Y-%m-%d %H:%M UTC")
    return html.Div([
        dcc.Location(id=ids.URL, refresh=False),
        dcc.Store(id=ids.DATA_VERSION, data=data_version(snapshot, problem)),
        dcc.Interval(id=ids.DATA_POLL, interval=DATA_POLL_SECONDS * 1000),
        html.A("Skip to the charts", href="#main", className="skip-link"),
        header(lang),
        html.Div(data_banner(snapshot, problem, lang), id=ids.DATA_BANNER, role="status"),
        html.Div(dbc.Container([
            filter_bar(lang),
            html.Div(chips(Filters(), lang), id=ids.CHIPS, className="chips",
                     **{"aria-live": "polite"}),
            html.Div(id=ids.NOTICE),
        ], fluid=True, className="page-width"), className="filter-strip"),
        html.Main(dbc.Container([
            dbc.Row([kpi_card(kpi, lang) for kpi in kpis(snapshot, Filters(), lang)],
                    className="g-3 kpi-row"),
            *[charts_section(section, snapshot, lang) for section in SECTIONS],
            html.Section([
                html.H2(t("section.quality", lang), className="section-title"),
                html.Div(quality_table(findings(snapshot, lang), lang), className="panel"),
            ], className="dashboard-section", id="data-quality"),
            html.Section([
                html.H2(t("section.facts", lang), className="section-title"),
                html.Div(key_facts_list(key_facts(snapshot, lang)), className="panel"),
            ], className="dashboard-section"),
        ], fluid=True, className="page-width"), id="main"),
        html.Footer(dbc.Container(html.P(t("footer.about", lang, data_dir=snapshot.data_dir.name,
                                           loaded_at=loaded)), fluid=True, className="page-width"),
                    className="app-footer"),
    ], className="app")
