"""Earlier releases on the page: a notice when a link shows one, what changed since the
release before, and links to the releases kept in the data folder. A release is a whole
page: its links load the page anew."""

from __future__ import annotations

from dataclasses import replace

import dash_bootstrap_components as dbc
from dash import html

from atmp.data import Snapshot
from atmp.releases import changes
from atmp.state import ViewState
from atmp.text import t
from components.cards import text_table


def _link(state: ViewState, release: str) -> str:
    """The same view of another release ('' the newest)."""
    return replace(state, release=release).to_query() or "?"


def release_notice(served: Snapshot, state: ViewState) -> list:
    """On an earlier release: whose figures these are, and the way to the newest."""
    shown = served.release_as_read(state.release, "published")
    if shown is served:
        return []
    lang = state.lang
    return [
        dbc.Container(
            dbc.Alert(
                [
                    t(
                        "banner.earlier_release",
                        lang,
                        shown=shown.release.period(lang),
                        newest=served.release.period(lang),
                    ),
                    " ",
                    html.A(
                        t("banner.show_newest", lang), href=_link(state, ""), className="alert-link"
                    ),
                ],
                color="info",
                className="data-banner release-banner",
            ),
            fluid=True,
            className="page-width",
        )
    ]


def changes_section(served: Snapshot, state: ViewState) -> list:
    """What changed between the release shown and the one before it, where one is kept."""
    releases = served.releases()
    shown = served.release_as_read(state.release, "published")
    position = next(i for i, release in enumerate(releases) if release.tag == shown.tag)
    if position + 1 >= len(releases):
        return []
    previous, lang = releases[position + 1], state.lang
    found = changes(previous, shown, lang)
    header = [t(f"changes.{key}", lang) for key in ("dataset", "row", "column", "old", "new")]
    rows = [[c.dataset, c.row, c.column, c.old, c.new] for c in found]
    content = (
        text_table(header, rows, "changes-table") if found else html.P(t("changes.none", lang))
    )
    return [
        html.Section(
            [
                html.H2(
                    t("changes.title", lang, previous=previous.release.period(lang)),
                    className="section-title",
                    id="title-changes",
                ),
                html.Div(content, className="panel"),
            ],
            className="dashboard-section",
            id="what-changed",
        )
    ]


def release_links(served: Snapshot, state: ViewState) -> list:
    """The releases kept in the folder, each a link to this view of it."""
    if not served.earlier:
        return []
    lang = state.lang
    links = []
    for release in served.releases():
        tag = "" if release is served else release.tag
        if links:
            links.append(" · ")
        links.append(
            html.A(
                release.release.period(lang),
                href=_link(state, tag),
                **({"aria-current": "page"} if tag == state.release else {}),
            )
        )
    return [html.P([f"{t('footer.releases', lang)}: ", *links])]
