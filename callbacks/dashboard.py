"""One round trip per interaction: link, dropdowns, bar clicks and reset update everything.

A link (or back/forward) or new data redraws everything. A filter change sends only
what changes: the URL's query string still holds the view the page shows, so the
callback renders that view too (usually a kept render) and sends the difference,
with no per-user state on the server.
"""

from __future__ import annotations

from dataclasses import replace

from dash import ALL, Input, Output, State, callback, ctx, no_update
from dash.exceptions import PreventUpdate

from atmp import store
from atmp.filters import Filters, from_values
from atmp.state import from_query
from atmp.views import CHARTS, SECTIONS, offer
from atmp.vocab import FILTER_DIMENSIONS
from callbacks.deck import edited_deck, is_deck_edit
from callbacks.patches import changed_outputs
from components import ids
from components.banner import data_version
from components.filters import link_notice
from components.render import outputs, render

CLICKABLE = [chart for chart in CHARTS if chart.click_dimension]
KPI_KEYS = ("trials", "cart", "vecura", "per_100k")


def _clicked(filters: Filters, click: object) -> Filters:
    """The filters after a click on a bar: its (dimension, code) toggles that filter."""
    try:
        dimension, code = click["points"][0]["customdata"][:2]
    except (TypeError, KeyError, IndexError, ValueError):
        return filters
    if dimension in FILTER_DIMENSIONS and code in FILTER_DIMENSIONS[dimension]:
        return filters.toggled(dimension, code)
    return filters


@callback(
    output={
        "dropdowns": [Output(ids.dropdown(dim), "value") for dim in FILTER_DIMENSIONS],
        "search": Output(ids.URL, "search"),
        "chips": Output(ids.CHIPS, "children"),
        "notice": Output(ids.NOTICE, "children"),
        "figures": [Output(ids.graph(chart.key), "figure") for chart in CHARTS],
        "notes": [Output(ids.notes(chart.key), "children") for chart in CHARTS],
        "sources": [Output(ids.source(chart.key), "children") for chart in CHARTS],
        "tables": [Output(ids.table_rows(chart.key), "data") for chart in CHARTS],
        "clicks": [Output(ids.graph(chart.key), "clickData") for chart in CLICKABLE],
        "kpi_values": [Output(ids.kpi_value(key), "children") for key in KPI_KEYS],
        "kpi_details": [Output(ids.kpi_detail(key), "children") for key in KPI_KEYS],
        "slide": Output(ids.SLIDE_STAGE, "children"),
        "slide_status": Output(ids.SLIDE_STATUS, "children"),
        "presenter": Output(ids.PRESENTER, "children"),
        "handout": Output(ids.HANDOUT_PAGES, "children"),
        "deck_panel": Output(ids.DECK_PANEL, "children"),
        "deck_count": Output(ids.DECK_OPEN, "children"),
        "browser": Output(ids.VIEW, "data"),
        "app_class": Output(ids.APP, "className"),
        "scopes": [Output(ids.scope(chart.key), "children") for chart in CHARTS],
        "kpi_scopes": [Output(ids.kpi_scope(key), "children") for key in KPI_KEYS],
        "options": [Output(ids.dropdown(dim), "options") for dim in FILTER_DIMENSIONS],
        "caption": Output(ids.caption("hospital_exemption"), "children"),
        "quality": Output(ids.QUALITY, "children"),
        "facts": Output(ids.FACTS, "children"),
        "summaries": [Output(ids.summary(section), "children") for section in SECTIONS],
        "research": Output(ids.RESEARCH, "children"),
        "profile": Output(ids.PROFILE, "children"),
        # A full answer from data the page did not have moves the page's data version,
        # so that a later change (to any instance) is computed against what it shows.
        "version": Output(ids.DATA_VERSION, "data", allow_duplicate=True),
    },
    inputs={
        "search": Input(ids.URL, "search"),
        "selections": [Input(ids.dropdown(dim), "value") for dim in FILTER_DIMENSIONS],
        "clicks": [Input(ids.graph(chart.key), "clickData") for chart in CLICKABLE],
        "_reset": Input(ids.RESET, "n_clicks"),
        "shown_data": Input(ids.DATA_VERSION, "data"),
        "_adds": Input(ids.deck_add(ALL), "n_clicks"),
        "_edits": Input(ids.deck_edit(ALL, ALL), "n_clicks"),
        "_blurs": Input(ids.deck_text(ALL, ALL), "n_blur"),
        "_renamed": Input(ids.DECK_NAME, "n_blur"),
        "_texts": State(ids.deck_text(ALL, ALL), "value"),
        "name": State(ids.DECK_NAME, "value"),
    },
    # The page is rendered already showing its link's view (callbacks/page.py).
    prevent_initial_call=True,
)
def update_dashboard(
    search, selections, clicks, _reset, shown_data, _adds, _edits, _blurs, _renamed, _texts, name
):
    trigger = ctx.triggered_id
    from_link = trigger in (None, ids.URL)
    snapshot = store.current()
    offered = offer(snapshot)
    shown, unknown = from_query(search, offered)
    state = shown
    if is_deck_edit(trigger):
        if not ctx.triggered[0]["value"]:
            raise PreventUpdate  # a button or field that appeared, not one used
        fields = ctx.args_grouping["_texts"]  # each with its id, to match the one used
        state = replace(shown, deck=edited_deck(shown, offered, trigger, fields, name))
    elif not from_link:
        filters, _ = from_values(dict(zip(FILTER_DIMENSIONS, selections, strict=True)))
        filters = filters.only(offered.dimensions)  # a hidden dropdown answers nothing
        for chart, click in zip(CLICKABLE, clicks, strict=True):
            if trigger == ids.graph(chart.key) and click:
                filters = _clicked(filters, click)
        if trigger == ids.RESET:
            filters = Filters()
        state = state.with_filters(filters)

    rendered = render(snapshot, state)
    version = data_version(snapshot, store.problem())
    same_data = shown_data == version
    if from_link or trigger == ids.DATA_VERSION or not same_data:
        shown_outputs = outputs(rendered)
    else:
        shown_outputs = changed_outputs(render(snapshot, shown), rendered)
    query = state.to_query()
    dropdowns = [list(state.filters.get(dim)) for dim in FILTER_DIMENSIONS]
    return {
        **shown_outputs,
        "dropdowns": [
            no_update if value == selected else value
            for value, selected in zip(dropdowns, selections, strict=True)
        ],
        "search": no_update if from_link or query == search else query,
        "notice": link_notice(unknown, state.lang) if from_link else no_update,
        "clicks": [None if click else no_update for click in clicks],
        "version": no_update if same_data else version,
    }


@callback(
    [Output(ids.dropdown(dim), "value", allow_duplicate=True) for dim in FILTER_DIMENSIONS],
    inputs={
        "chip_clicks": Input(ids.chip(ALL, ALL), "n_clicks"),
        "selections": [State(ids.dropdown(dim), "value") for dim in FILTER_DIMENSIONS],
    },
    prevent_initial_call=True,
)
def remove_chip(chip_clicks, selections):
    """A click on a chip's × removes that one value from its filter."""
    chip = ctx.triggered_id
    if not isinstance(chip, dict) or not any(clicks for clicks in chip_clicks if clicks):
        return [no_update] * len(FILTER_DIMENSIONS)
    filters, _ = from_values(dict(zip(FILTER_DIMENSIONS, selections, strict=True)))
    filters = filters.without(chip["dimension"], chip["code"])
    return [list(filters.get(dim)) for dim in FILTER_DIMENSIONS]
