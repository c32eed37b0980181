"""Cards of the page: key figures, charts, data quality and key facts."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from atmp.figures import GRAPH_CONFIG, SLIDE_HEIGHT, SLIDE_WIDTH
from atmp.opendata import CHARTS_BASE
from atmp.quality import Finding
from atmp.text import t
from atmp.views import Chart, ChartView, Kpi
from components import ids

EXPORT_KINDS = ("png", "svg", "csv", "xlsx")


def kpi_card(kpi: Kpi, scope: list, lang: str) -> dbc.Col:
    return dbc.Col(
        html.Div(
            [
                html.Div(t(f"kpi.{kpi.key}", lang), className="kpi-title"),
                html.Div(kpi.value, id=ids.kpi_value(kpi.key), className="kpi-value"),
                html.Div(kpi.detail, id=ids.kpi_detail(kpi.key), className="kpi-detail"),
                html.Div(scope, id=ids.kpi_scope(kpi.key)),
            ],
            className="kpi-card",
        ),
        xs=12,
        sm=6,
        xl=3,
    )


def scope_badge(scope: str, lang: str) -> list:
    """What a chart or key figure covers where an active filter does not apply to it."""
    if not scope:
        return []
    return [html.Span(t("scope.label", lang, scope=scope), className="scope-tag")]


def caption(products: list[tuple[str, list[str]]]) -> html.Ul:
    """Which centre gives which therapies under the hospital exemption."""
    return html.Ul(
        [html.Li(f"{centre}: {', '.join(therapies)}") for centre, therapies in products],
        className="chart-caption",
    )


def notes(view: ChartView) -> list:
    return [html.P(note, className="chart-note") for note in view.notes]


def slide_graph(figure: dict | None, graph_id: str = ids.SLIDE) -> dcc.Graph | None:
    """The presented slide; none outside presentation mode, so that a page nobody
    presents does not draw a hidden chart on every load."""
    if figure is None:
        return None
    return dcc.Graph(
        id=graph_id,
        figure=figure,
        config={**GRAPH_CONFIG, "responsive": False},
        style={"width": f"{SLIDE_WIDTH}px", "height": f"{SLIDE_HEIGHT}px"},
    )


def chart_image(title: str, *described_by: str) -> dict:
    """A drawn chart as one image named by its title, described by its notes and source.

    Plotly's SVG holds nothing to operate (no mode bar, GRAPH_CONFIG) and its text is
    a heap of ticks and labels, so a screen reader gets one named image and, next to it,
    the table of the numbers; a "figure" would let it wander through the SVG's text.
    """
    image = {"role": "img", "aria-labelledby": title}
    if described_by:
        image["aria-describedby"] = " ".join(described_by)
    return image


def chart_tools(chart: Chart, lang: str) -> html.Div:
    """A link to the chart and its downloads; the link is acted on by assets/20-view.js."""
    title = chart.title(lang)
    add = f"{t('deck.add', lang)}: {t('deck.add.title', lang, title=title)}"
    return html.Div(
        [
            html.Button(
                t("deck.add", lang),
                id=ids.deck_add(chart.key),
                className="tool tool-deck",
                n_clicks=0,
                title=add,
                **{"aria-label": add},
            ),
            html.Button(
                t("chart.link", lang),
                className="tool",
                **{
                    "data-go": f"chart_{chart.key}",
                    "data-copy": "1",
                    "title": t("chart.link.title", lang),
                    "aria-label": t("chart.link.title", lang),
                },
            ),
            html.A(
                t("chart.numbers_url", lang),
                href=f"{CHARTS_BASE.lstrip('/')}/{chart.key}.csv",
                className="tool",
                title=t("chart.numbers_url.title", lang, title=title),
                **{
                    "data-numbers": chart.key,
                    "aria-label": t("chart.numbers_url.title", lang, title=title),
                },
            ),
            *[
                html.Button(
                    kind.upper(),
                    id=ids.export(chart.key, kind),
                    className="tool",
                    n_clicks=0,
                    title=t("chart.download", lang, title=title, kind=kind.upper()),
                    **{"aria-label": t("chart.download", lang, title=title, kind=kind.upper())},
                )
                for kind in EXPORT_KINDS
            ],
        ],
        className="chart-tools",
        role="group",
    )


def chart_card(
    chart: Chart,
    figure: dict,
    note_items: list,
    table: dict,
    source: str,
    scope: list,
    extra: object,
    lang: str,
    tile: bool = False,
) -> html.Section:
    """A chart with its title, scope, notes, table and source; `tile` for one number."""
    height = figure["layout"]["height"] if tile else chart.height
    below = [html.Div(extra, id=ids.caption(chart.key))] if extra is not None else []
    return html.Section(
        [
            html.Div(
                [
                    html.H3(chart.title(lang), className="chart-title", id=f"title-{chart.key}"),
                    chart_tools(chart, lang),
                ],
                className="chart-head",
            ),
            html.Div(scope, id=ids.scope(chart.key)),
            html.Div(
                note_items,
                id=ids.notes(chart.key),
                className="chart-notes",
                **{"aria-live": "polite"},
            ),
            html.Div(
                dcc.Graph(
                    id=ids.graph(chart.key),
                    figure=figure,
                    config=GRAPH_CONFIG,
                    className="chart-graph",
                    style={"height": f"{height}px"},
                ),
                # The chart's place is kept while plotly.js's part of Dash loads: nothing
                # below it moves when it is drawn.
                style={"minHeight": f"{height}px"},
                className="chart-frame",
                **chart_image(
                    f"title-{chart.key}",
                    ids.summary(chart.section),
                    ids.notes(chart.key),
                    ids.source(chart.key),
                ),
            ),
            *below,
            html.Details(
                [
                    html.Summary(t("chart.table", lang), **{"aria-controls": ids.table(chart.key)}),
                    scrollable(
                        html.Div(id=ids.table(chart.key), className="numbers-table"),
                        f"title-{chart.key}",
                    ),
                    dcc.Store(id=ids.table_rows(chart.key), data=table),
                ],
                className="chart-table",
            ),
            html.P(source, id=ids.source(chart.key), className="chart-source"),
        ],
        className="chart-card chart-tile" if tile else "chart-card",
        id=ids.card(chart.key),
        **{"data-chart": chart.key},
    )


def scrollable(content, labelled_by: str) -> html.Div:
    """A box that scrolls sideways on a phone: a named region in the tab order, so that a
    keyboard can scroll it too (WCAG 2.1.1)."""
    return html.Div(
        content,
        className="scroll-x",
        tabIndex="0",
        role="region",
        **{"aria-labelledby": labelled_by},
    )


def text_table(header: list[str], rows: list[list[str]], class_name: str) -> dbc.Table:
    """A table of words: a header row and a row of cells per item."""
    return dbc.Table(
        [
            html.Thead(html.Tr([html.Th(title) for title in header])),
            html.Tbody([html.Tr([html.Td(cell) for cell in row]) for row in rows]),
        ],
        hover=True,
        className=class_name,
    )


def quality_table(findings: list[Finding], reading: str | None, lang: str) -> list:
    """The findings of the chosen centres, and, where the data records another reading of
    uncertain labels, a button that shows it (or goes back to the published one)."""
    header = [t(f"quality.{key}", lang) for key in ("what", "published", "found", "explanation")]
    rows = [[f.what, f.published, f.found, f.explanation, f.source] for f in findings]
    panel = [text_table([*header, t("source", lang)], rows, "quality-table")]
    if reading is not None:
        shown = "published" if reading == "alternative" else "alternative"
        panel.append(
            html.Button(
                t(f"quality.show_{shown}", lang), className="tool", **{"data-go": "reading"}
            )
        )
    return panel


def key_facts_list(facts: list[tuple[str, str, str, str]]) -> html.Dl:
    items = []
    for what, value, source, scope in facts:
        tag = [html.Span(scope, className="scope-tag")] if scope else []
        items += [
            html.Dt(value),
            html.Dd([what, html.Span(f" ({source})", className="fact-source"), *tag]),
        ]
    return html.Dl(items, className="key-facts")
