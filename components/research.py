"""The research section and the centre profile: words and a few figures, as the report
publishes them, laid out as panels (no chart: the network sizes are not comparable)."""

from __future__ import annotations

from dash import html

from atmp.data import Snapshot
from atmp.text import opening, t
from atmp.views.chart import publisher_line
from atmp.views.research import Research


def _panel(title: str, body: list) -> html.Div:
    return html.Div([html.H3(title, className="panel-title"), *body], className="panel")


def research_panels(found: Research | None, snapshot: Snapshot, lang: str) -> list:
    """The section's body for the chosen centres; nothing where the data has no research."""
    if found is None:
        return []
    networks = html.Ul(
        [
            html.Li(
                [
                    html.Span(network.value, className="network-value"),
                    html.Span(network.what, className="network-what"),
                    html.Span(network.definition, className="network-definition"),
                    *([html.Span(network.note, className="network-note")] if network.note else []),
                ],
                className="network",
            )
            for network in found.networks
        ],
        className="networks",
    )
    focus = html.Dl(
        [
            part
            for whose, areas in found.focus
            for part in (html.Dt(opening(whose)), html.Dd("; ".join(areas)))
        ],
        className="research-list",
    )
    partners = [
        part
        for group, names in found.partners
        for part in (
            html.H4(group, className="panel-subtitle"),
            html.Ul(
                [html.Li(f"{name} ({place})" if place else name) for name, place in names],
                className="partners",
            ),
        )
    ]
    panels = [_panel(t("research.networks", lang), [networks])]
    if found.focus:
        panels.append(_panel(t("research.focus", lang), [focus]))
    if found.co_publication:
        panels.append(
            _panel(
                t("research.co_publication", lang),
                [html.Ol([html.Li(area) for area in found.co_publication])],
            )
        )
    if partners:
        panels.append(_panel(t("research.partners", lang), partners))
    if found.caveats:
        caveats = _panel(
            t("research.caveats", lang), [html.Ul([html.Li(caveat) for caveat in found.caveats])]
        )
        caveats.className += " panel-wide"
        panels.append(caveats)
    source = f"{t('source', lang)}: {'; '.join(found.sources)}. {publisher_line(snapshot, lang)}."
    return [
        *([html.P(found.summary, className="section-summary")] if found.summary else []),
        html.Div(panels, className="research-grid"),
        html.P(source, className="chart-source"),
    ]


def profile_panel(heading: str, lines: list[str]) -> list:
    """The centre profile of a link filtered to one centre; nothing otherwise."""
    if not heading:
        return []
    return [
        html.Div(
            [
                html.H2(heading, className="panel-title"),
                html.Ul([html.Li(line) for line in lines], className="profile-lines"),
            ],
            className="panel profile",
        )
    ]
