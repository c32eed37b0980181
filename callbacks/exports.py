"""Downloads: a chart as PNG/SVG (drawn in the browser), CSV/XLSX, and the filtered data."""

from __future__ import annotations

import threading

from dash import ALL, Input, Output, State, callback, ctx, dcc, no_update
from dash.exceptions import PreventUpdate

from atmp import store
from atmp.exports import XLSX, chart_slide, dataset_xlsx, table_of, to_csv, to_xlsx
from atmp.figures import GRAPH_CONFIG
from atmp.memo import Kept
from atmp.state import from_query
from atmp.views import CHARTS, offer
from components import ids

BY_KEY = {chart.key: chart for chart in CHARTS}


# The last few data workbooks (as sent), by data version, release, filters and language:
# a meeting's twenty downloads of the same view cost one.
_workbooks = Kept(16)
# One workbook written at a time in a worker: writing is CPU work, so more at once only
# share one core, and the worker's other threads keep answering /healthz and filters.
_writing = threading.Semaphore(1)


@callback(
    output={"file": Output(ids.DOWNLOAD, "data"), "image": Output(ids.IMAGE, "data")},
    inputs={"_clicks": Input(ids.export(ALL, ALL), "n_clicks"), "search": State(ids.URL, "search")},
    prevent_initial_call=True,
)
def export_chart(_clicks, search):
    """The chart as the link shows it: an image goes to the browser to draw, a table is sent."""
    button = ctx.triggered_id
    if not isinstance(button, dict) or not ctx.triggered[0]["value"]:
        raise PreventUpdate
    chart, kind = BY_KEY.get(button.get("chart")), button.get("kind")
    if chart is None or kind not in ("png", "svg", "csv", "xlsx"):
        raise PreventUpdate
    served = store.current()
    state, _ = from_query(search, offer(served))
    snapshot = served.release_as_read(state.release, state.reading)
    view = chart.build(snapshot, state.filters, state.lang)
    filename = f"{chart.key}-{snapshot.release.file_tag}"
    if kind in ("png", "svg"):
        figure = chart_slide(chart, view, state.filters, snapshot, state.lang, state.theme)
        return {
            "file": no_update,
            "image": {
                "figure": figure,
                "config": GRAPH_CONFIG,
                "format": kind,
                "filename": filename,
            },
        }
    table = table_of(chart, view, state.filters, snapshot, state.lang)
    if kind == "csv":
        file = dcc.send_string(to_csv(table), f"{filename}.csv", type="text/csv")
    else:
        file = dcc.send_bytes(to_xlsx(table), f"{filename}.xlsx", type=XLSX)
    return {"file": file, "image": no_update}


@callback(
    Output(ids.DOWNLOAD, "data", allow_duplicate=True),
    Input(ids.DATASET, "n_clicks"),
    State(ids.URL, "search"),
    prevent_initial_call=True,
)
def export_dataset(clicks, search):
    """Every dataset, filtered as far as each table can be, with the filters and source."""
    if not clicks:
        raise PreventUpdate
    served = store.current()
    state, _ = from_query(search, offer(served))
    snapshot = served.release_as_read(state.release, "published")

    def write() -> dict:
        with _writing:
            content = dataset_xlsx(snapshot, state.filters, state.lang)
        return dcc.send_bytes(content, f"atmp-data-{snapshot.release.file_tag}.xlsx", type=XLSX)

    return _workbooks.get((snapshot.version, snapshot.tag, state.filters, state.lang), write)
