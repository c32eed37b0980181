"""Each chart's numbers table, made in the browser from the rows the server sends
(assets/08-numbers-tables.js): a filter change sends rows of text, not a component per
cell, and the page loads no Markdown renderer."""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output, clientside_callback

from atmp.views import CHARTS
from components import ids

for chart in CHARTS:
    clientside_callback(
        ClientsideFunction("tables", "numbers"),
        Output(ids.table(chart.key), "children"),
        Input(ids.table_rows(chart.key), "data"),
    )
