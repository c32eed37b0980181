"""A deck's slide on the screen: a chart as the 1920×1080 slide figure, any other slide as
text laid out on the same 1920×1080 stage (scaled to the screen by assets/20-view.js)."""

from __future__ import annotations

from dash import html

from atmp.data import Snapshot
from atmp.exports import chart_slide
from atmp.slides import SlideContent
from atmp.text import t
from components.cards import slide_graph


def slide_view(
    content: SlideContent | None, snapshot: Snapshot, lang: str, theme: str, graph_id: str
) -> object:
    """The slide as the stage holds it; an empty deck says so."""
    if content is None:
        return html.Div(html.P(t("deck.empty", lang)), className="text-slide")
    if content.kind == "chart":
        figure = chart_slide(
            content.chart,
            content.view,
            content.filters,
            snapshot,
            lang,
            theme,
            heading=content.title if content.subtitle else "",
        )
        return slide_graph(figure, graph_id)
    body: list = []
    if content.kind == "key_figures":
        body.append(
            html.Div(
                [
                    html.Div(
                        [
                            html.Div(kpi.value, className="slide-kpi-value"),
                            html.Div(t(f"kpi.{kpi.key}", lang), className="slide-kpi-label"),
                            html.Div(kpi.detail, className="slide-kpi-detail"),
                            *([html.Div(kpi.scope, className="scope-tag")] if kpi.scope else []),
                        ],
                        className="slide-kpi",
                    )
                    for kpi in content.kpis
                ],
                className="slide-kpis",
            )
        )
    elif content.lines:
        tag = html.P if content.kind == "title" else html.Li
        items = [tag(line) for line in content.lines]
        body.append(html.Div(items) if content.kind == "title" else html.Ul(items))
    return html.Div(
        [
            html.H2(content.title, className="slide-title"),
            *([html.P(content.subtitle, className="slide-subtitle")] if content.subtitle else []),
            html.Div(body, className="slide-body"),
            html.Div([html.P(line) for line in content.footer], className="slide-footer"),
        ],
        className=f"text-slide text-slide-{content.kind}",
    )


def presenter_panel(current: SlideContent | None, following: object, lang: str) -> list:
    """The presenter's side of the screen: the next slide, this slide's notes and a clock
    (kept by assets/20-view.js; the server keeps no state of a presentation)."""
    notes = current.notes if current else ""
    return [
        html.Section(
            [
                html.H2(t("deck.presenter.next", lang)),
                html.Div(
                    html.Div(following, className="deck-stage")
                    if following is not None
                    else html.P(t("deck.presenter.end", lang)),
                    className="presenter-next-frame",
                ),
            ],
            className="presenter-next",
        ),
        html.Section(
            [
                html.H2(t("deck.notes", lang)),
                html.Div(
                    [html.P(line) for line in notes.splitlines() if line.strip()]
                    or html.P(t("deck.presenter.none", lang), className="text-muted"),
                    className="presenter-notes-text",
                ),
            ],
            className="presenter-notes",
        ),
        html.P(
            [
                html.Span(t("deck.presenter.clock", lang) + " "),
                html.Time(className="presenter-clock", **{"data-clock": "now"}),
                html.Span(" · " + t("deck.presenter.elapsed", lang) + " "),
                html.Time(className="presenter-clock", **{"data-clock": "elapsed"}),
            ],
            className="presenter-time",
        ),
    ]


def handout_page(number: int, count: int, content: SlideContent, view: object, lang: str):
    """One slide of the handout, its number and its notes: a printed page of its own."""
    counter = t("deck.counter", lang, n=number, count=count)
    notes = [html.P(line) for line in content.notes.splitlines() if line.strip()]
    return html.Section(
        [
            html.Div(html.Div(view, className="deck-stage"), className="handout-frame"),
            html.Div(
                [html.P(counter, className="handout-counter"), *notes], className="handout-notes"
            ),
        ],
        className="handout-page",
        **{"aria-label": f"{counter}: {content.title}"},
    )
