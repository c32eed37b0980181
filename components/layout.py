"""The shell, and the whole page for one view state, composed from its pieces.

Dash asks for the layout without the page's query string, so the layout is only
a shell; the page is rendered by a callback that has the link (language, filters,
theme, presentation), in one round trip, already showing the link's view.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from atmp.about import PATH as ABOUT_PATH
from atmp.data import DataError, Snapshot
from atmp.filters import Filters
from atmp.memo import Kept
from atmp.state import ViewState
from atmp.template import DOWNLOAD_PATH
from atmp.text import LANGUAGES, t
from atmp.views import CHARTS, SECTIONS, offer, offered_charts, offered_dimensions
from atmp.views.chart import NO_FILTER
from components import ids
from components.banner import data_banner, data_version
from components.cards import chart_card, chart_image, kpi_card, scrollable
from components.deck_panel import deck_sheet
from components.filters import filter_bar, filter_sheet, link_notice
from components.releases import changes_section, release_links, release_notice
from components.render import Rendered, render

# How often an open page asks whether the data was reloaded.
DATA_POLL_SECONDS = 30


def create_shell() -> html.Div:
    """What Dash serves as the layout: the boot store, the place for the page, and the
    data poll's clock. The clock is here, not in the page: an input arriving with a page
    would run the poll (its output, the page, is outside the new page) on every load."""
    return html.Div(
        [
            dcc.Store(id=ids.BOOT),
            dcc.Store(id=ids.APPLIED),
            dcc.Interval(id=ids.DATA_POLL, interval=DATA_POLL_SECONDS * 1000),
            html.Div(id=ids.PAGE),
        ]
    )


def toolbar(state: ViewState, links: dict[str, str], deck_count: str) -> html.Div:
    """Language, theme, link, presentation and data download; see assets/20-view.js."""
    lang = state.lang
    other_theme = "light" if state.theme == "dark" else "dark"
    languages = [
        html.A(
            t(f"lang.{code}", lang),
            lang=code,
            className="tool tool-lang",
            href=links[f"lang_{code}"] or "?",
            **{
                "data-go": f"lang_{code}",
                "data-reload": "1",
                "aria-current": "true" if code == lang else "false",
            },
        )
        for code in LANGUAGES
    ]
    return html.Div(
        [
            html.Div(
                languages,
                className="tool-group",
                role="group",
                **{"aria-label": t("toolbar.language", lang)},
            ),
            html.Button(
                t(f"toolbar.theme.{other_theme}", lang), className="tool", **{"data-go": "theme"}
            ),
            html.Button(t("toolbar.copy", lang), className="tool", **{"data-copy": "1"}),
            html.Button(
                t("toolbar.dataset", lang),
                id=ids.DATASET,
                className="tool",
                n_clicks=0,
                title=t("toolbar.dataset.title", lang),
            ),
            html.A(
                t("toolbar.about", lang),
                href=f"{ABOUT_PATH.lstrip('/')}?lang={lang}",
                className="tool",
            ),
            html.Button(
                t("toolbar.present", lang), className="tool tool-present", **{"data-go": "present"}
            ),
            html.Button(deck_count, id=ids.DECK_OPEN, className="tool", **{"data-deck": "open"}),
            html.Span(
                className="copy-status",
                id=ids.COPY_STATUS,
                role="status",
                **{
                    "data-done": t("toolbar.copied", lang),
                    "data-failed": t("toolbar.copy_failed", lang),
                },
            ),
        ],
        className="toolbar",
    )


def header(state: ViewState, rendered: Rendered, snapshot: Snapshot) -> html.Header:
    lang, release = state.lang, snapshot.release
    subtitle = f"{t('app.subtitle', lang)} " + t(
        "header.release", lang, publisher=release.by(lang), as_of=release.as_of(lang)
    )
    return html.Header(
        dbc.Container(
            html.Div(
                [
                    html.Div(
                        [
                            html.H1(t("app.title", lang), className="app-title"),
                            html.P(subtitle, className="app-subtitle"),
                        ]
                    ),
                    toolbar(state, rendered.links, rendered.deck_count),
                ],
                className="header-row",
            ),
            fluid=True,
            className="page-width",
        ),
        className="app-header",
    )


def charts_section(section: str, snapshot: Snapshot, rendered: Rendered, lang: str) -> html.Section:
    """The section's charts; one the data cannot draw stays hidden (its outputs exist)."""
    offered, compact = offered_charts(snapshot), tiles(snapshot)
    cells = []
    for i, chart in enumerate(CHARTS):
        if chart.section != section:
            continue
        tile = chart.key in compact
        extra = rendered.caption if chart.key == "hospital_exemption" else None
        card = chart_card(
            chart,
            rendered.figures[i],
            rendered.notes[i],
            rendered.tables[i],
            rendered.sources[i],
            rendered.scopes[i],
            extra,
            lang,
            tile=tile,
        )
        classes = (
            ["chart-cell"] + ["chart-cell-tall"] * chart.tall + ["d-none"] * (chart not in offered)
        )
        cells.append(html.Div(card, className=" ".join(classes), id=ids.cell(chart.key)))
    shown = [chart for chart in offered if chart.section == section]
    summary = rendered.summaries[SECTIONS.index(section)]
    return html.Section(
        [
            html.H2(t(f"section.{section}", lang), className="section-title"),
            html.P(summary, id=ids.summary(section), className="section-summary"),
            html.Div(
                cells, className="chart-grid chart-grid-single" if len(shown) == 1 else "chart-grid"
            ),
        ],
        className="dashboard-section",
    )


def research_section(snapshot: Snapshot, rendered: Rendered, lang: str) -> html.Section:
    """The report's research section; hidden where the data has none (its output exists)."""
    return html.Section(
        [
            html.H2(t("section.research", lang), className="section-title"),
            html.Div(rendered.research, id=ids.RESEARCH),
        ],
        className="dashboard-section" + ("" if "research" in snapshot else " d-none"),
        id="research",
    )


def deck(state: ViewState, rendered: Rendered) -> html.Div:
    """Presentation mode: one slide, scaled to the screen, with buttons for a mouse."""
    lang = state.lang

    def button(key: str, symbol: str, go: str) -> html.Button:
        return html.Button(
            symbol,
            className="deck-button",
            title=t(key, lang),
            **{"aria-label": t(key, lang), "data-go": go},
        )

    return html.Div(
        [
            html.Div(
                html.Div(
                    rendered.slide,
                    id=ids.SLIDE_STAGE,
                    className="deck-stage",
                    **chart_image(ids.SLIDE_STATUS),
                ),
                className="deck-frame",
            ),
            html.Div(rendered.presenter, id=ids.PRESENTER, className="presenter-side"),
            html.Div(
                [
                    button("deck.previous", "←", "previous"),
                    html.Div(
                        rendered.slide_status,
                        id=ids.SLIDE_STATUS,
                        className="deck-status",
                        **{"aria-live": "polite"},
                    ),
                    button("deck.next", "→", "next"),
                    html.Button(
                        className="deck-button deck-play",
                        title=t("deck.pause", lang),
                        **{
                            "aria-label": t("deck.pause", lang),
                            "data-pause": t("deck.pause", lang),
                            "data-play": t("deck.play", lang),
                        },
                    ),
                    html.Button(
                        className="deck-button deck-fullscreen",
                        title=t("deck.fullscreen", lang),
                        **{"aria-label": t("deck.fullscreen", lang), "data-fullscreen": "1"},
                    ),
                    button("deck.exit", "×", "exit"),
                ],
                className="deck-controls",
            ),
        ],
        id=ids.DECK,
        className="deck",
        role="region",
        **{"aria-label": t("deck.region", lang)},
    )


def handout(rendered: Rendered, lang: str) -> html.Div:
    """The deck's every slide, one per page when printed ("Save as PDF" gives a handout)."""
    return html.Div(
        [
            html.Div(
                [
                    html.Button(
                        t("deck.print", lang), className="btn btn-primary", **{"data-print": "1"}
                    ),
                    html.A(
                        t("deck.handout.back", lang),
                        href="?",
                        className="btn btn-outline-secondary",
                        **{"data-go": "exit"},
                    ),
                ],
                className="handout-tools",
            ),
            html.Div(rendered.handout, id=ids.HANDOUT_PAGES),
        ],
        id=ids.HANDOUT,
        className="handout",
        role="region",
        **{"aria-label": t("deck.handout", lang)},
    )


def create_page(
    snapshot: Snapshot, problem: DataError | None, state: ViewState, search: str, unknown: list[str]
) -> html.Div:
    """The page of one link, already showing its view; later changes go through callbacks."""
    lang = state.lang
    rendered = render(snapshot, state)
    shown = snapshot.release_as_read(state.release, "published")  # the release the link asks for
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False, search=search),
            dcc.Store(id=ids.DATA_VERSION, data=data_version(snapshot, problem)),
            dcc.Store(id=ids.STRUCTURE, data=page_structure(snapshot)),
            dcc.Store(id=ids.VIEW, data=rendered.browser),
            dcc.Download(id=ids.DOWNLOAD),
            dcc.Store(id=ids.IMAGE),
            html.A(t("skip", lang), href="#main", className="skip-link"),
            header(state, rendered, shown),
            html.Div(data_banner(snapshot, problem, lang), id=ids.DATA_BANNER, role="status"),
            html.Div(release_notice(snapshot, state), role="status"),
            html.Div(
                dbc.Container(
                    [
                        *filter_sheet(
                            filter_bar(
                                state.filters, lang, offered_dimensions(snapshot), rendered.options
                            ),
                            state.filters,
                            lang,
                        ),
                        html.Div(
                            rendered.chips,
                            id=ids.CHIPS,
                            className="chips",
                            **{"aria-live": "polite"},
                        ),
                        html.Div(link_notice(unknown, lang), id=ids.NOTICE),
                    ],
                    fluid=True,
                    className="page-width",
                ),
                className="filter-strip",
            ),
            html.Main(
                dbc.Container(
                    [
                        dbc.Row(
                            [
                                kpi_card(kpi, scope, lang)
                                for kpi, scope in zip(
                                    rendered.kpis, rendered.kpi_scopes, strict=True
                                )
                            ],
                            className="g-3 kpi-row",
                        ),
                        html.Div(rendered.profile, id=ids.PROFILE),
                        *[
                            part
                            for section in SECTIONS
                            for part in (
                                charts_section(section, snapshot, rendered, lang),
                                *(
                                    [research_section(snapshot, rendered, lang)]
                                    if section == "manufacturing"
                                    else []
                                ),
                            )
                        ],
                        html.Section(
                            [
                                html.H2(
                                    t("section.quality", lang),
                                    className="section-title",
                                    id="title-quality",
                                ),
                                html.Div(
                                    scrollable(
                                        html.Div(rendered.quality, id=ids.QUALITY), "title-quality"
                                    ),
                                    className="panel",
                                ),
                            ],
                            className="dashboard-section",
                            id="data-quality",
                        ),
                        html.Section(
                            [
                                html.H2(t("section.facts", lang), className="section-title"),
                                html.Div(rendered.facts, id=ids.FACTS, className="panel"),
                            ],
                            className="dashboard-section",
                        ),
                        *changes_section(snapshot, state),
                    ],
                    fluid=True,
                    className="page-width",
                ),
                id="main",
            ),
            html.Footer(
                dbc.Container(
                    [*about(shown, lang), *release_links(snapshot, state)],
                    fluid=True,
                    className="page-width",
                ),
                className="app-footer",
            ),
            deck(state, rendered),
            handout(rendered, lang),
            deck_sheet(rendered.deck_panel, lang),
        ],
        id=ids.APP,
        className=rendered.app_class,
        lang=lang,
    )


def page_structure(snapshot: Snapshot) -> str:
    """What of the page the data decides, not the filters: the charts and filters it
    offers, and which charts are tiles. A data update that changes it redraws the page."""
    offered = offer(snapshot)
    return "|".join(
        [
            ",".join(offered.charts),
            ",".join(offered.dimensions),
            ",".join(offered.readings),
            ",".join(sorted(tiles(snapshot))),
            ",".join(offered.releases),
            "research" if "research" in snapshot else "",
        ]
    )


# The tiles of the last few snapshots: every page and data poll asks, and each answer
# builds every chart that ignores the filters.
_tiles = Kept(8)


def tiles(snapshot: Snapshot) -> frozenset[str]:
    """The charts that are one number whatever the filters: drawn as compact tiles."""
    return _tiles.get(
        (snapshot.version, snapshot.tag, snapshot.reading),
        lambda: frozenset(
            chart.key
            for chart in CHARTS
            if chart.answers == NO_FILTER and chart.build(snapshot, Filters(), "en").tile
        ),
    )


def about(snapshot: Snapshot, lang: str) -> list:
    """The release: what the data is, when it applies, how to cite it, its licence."""
    release = snapshot.release
    lines = [
        t(
            "footer.about",
            lang,
            title=release.named(lang),
            as_of=release.as_of(lang),
            version=snapshot.version,
            cite=release.cite(lang),
        ),
        t("footer.licence", lang, licence=release.licence or t("release.licence_none", lang)),
    ]
    if release.contact:
        lines.append(t("footer.contact", lang, contact=release.contact))
    if release.next_update:
        lines.append(t("footer.next_update", lang, when=release.next_update))
    source = [html.A(release.source_title, href=release.source_url)] if release.source_url else []
    template = html.A(t("footer.template", lang), href=DOWNLOAD_PATH.lstrip("/"), download="")
    about_link = html.A(t("toolbar.about", lang), href=f"{ABOUT_PATH.lstrip('/')}?lang={lang}")
    return [
        html.P(" ".join(lines)),
        *([html.P(source)] if source else []),
        html.P([about_link, " · ", template]),
    ]


def create_validation_layout(snapshot: Snapshot) -> html.Div:
    """Shell and page together, so that Dash can check every callback's ids."""
    return html.Div([create_shell(), create_page(snapshot, None, ViewState(), "", [])])
