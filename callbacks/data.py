"""An open page learns of reloaded data, or of an update that could not be served."""

from __future__ import annotations

from dash import Input, Output, State, callback, no_update

from atmp import store
from atmp.state import from_query
from atmp.views import offer
from components import ids
from components.banner import data_banner, data_version
from components.layout import create_page, page_structure


@callback(
    Output(ids.DATA_VERSION, "data"),
    Output(ids.DATA_BANNER, "children"),
    Output(ids.PAGE, "children", allow_duplicate=True),
    Input(ids.DATA_POLL, "n_intervals"),
    State(ids.DATA_VERSION, "data"),
    State(ids.URL, "search"),
    State(ids.STRUCTURE, "data"),
    prevent_initial_call=True,
)
def poll_data(_ticks, shown, search, structure):
    """A new version redraws every chart (the dashboard callback listens to it); data that
    offers other charts or filters (a register with phases) gets the page anew."""
    snapshot, problem = store.current(), store.problem()
    version = data_version(snapshot, problem)
    if version == shown:
        return no_update, no_update, no_update
    state, unknown = from_query(search, offer(snapshot))
    if page_structure(snapshot) != structure:
        return no_update, no_update, create_page(snapshot, problem, state, search or "", unknown)
    return version, data_banner(snapshot, problem, state.lang), no_update
