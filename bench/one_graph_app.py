"""The smallest Dash page with a chart: one graph of the published trials per centre,
drawn from the layout, the yardstick of `make bench`'s page load. Served like the dashboard:

    ATMP_DATA_DIR=data gunicorn 'bench.one_graph_app:create_server()' --config gunicorn.conf.py
"""

from __future__ import annotations

import dash
import plotly.express as px
from dash import dcc, html
from flask import Flask

from atmp import store
from atmp.filters import Filters
from atmp.settings import read_settings
from atmp.trials import count_trials
from atmp.vocab import CENTRE


def create_server() -> Flask:
    """The app for gunicorn, with its data loaded (the module itself loads nothing)."""
    store.load_or_exit(read_settings().data_dir)
    per_centre = count_trials(store.current().trials, Filters(), "atmp_class").exact_per_centre()
    figure = px.bar(
        x=[CENTRE.label(code, "en") for code in per_centre],
        y=list(per_centre.values()),
        labels={"x": "Centre", "y": "Trials"},
    )
    app = dash.Dash(__name__, title="One graph")
    app.layout = html.Div([html.H1("One graph"), dcc.Graph(id="chart", figure=figure)])
    return app.server
