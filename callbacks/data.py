"""An open page learns of reloaded data, or of an update that could not be served."""

from __future__ import annotations

from dash import Input, Output, State, callback, no_update

from atmp import store
from atmp.state import from_query
from components import ids
from components.banner import data_banner, data_version
from components.render import CHART_KEYS


@callback(
    Output(ids.DATA_VERSION, "data"),
    Output(ids.DATA_BANNER, "children"),
    Input(ids.DATA_POLL, "n_intervals"),
    State(ids.DATA_VERSION, "data"),
    State(ids.URL, "search"),
    prevent_initial_call=True,
)
def poll_data(_ticks, shown, search):
    """A new version redraws every chart (the dashboard callback listens to it)."""
    snapshot, problem = store.current(), store.problem()
    version = data_version(snapshot, problem)
    if version == shown:
        return no_update, no_update
    state, _ = from_query(search, CHART_KEYS)
    return version, data_banner(snapshot, problem, state.lang)
