"""The charts' numbers tables, made in the browser from the rows the server sends
(assets/08-numbers-tables.js): a filter change sends rows of text, not a component per
cell, and the page loads no Markdown renderer. One callback for every table, so that a
page's first load runs it once, not once per chart."""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output, clientside_callback

from atmp.views import CHARTS
from components import ids

clientside_callback(
    ClientsideFunction("tables", "numbers"),
    [Output(ids.table(chart.key), "children") for chart in CHARTS],
    [Input(ids.table_rows(chart.key), "data") for chart in CHARTS],
)
