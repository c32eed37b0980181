"""The page in the link's language, and the browser-side behaviour of assets/20-view.js."""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output, callback, clientside_callback

from atmp import store
from atmp.state import from_query
from atmp.views import offer
from components import ids
from components.layout import create_page

# The browser reads the link (and the remembered theme) before anything is rendered.
clientside_callback(
    ClientsideFunction("atmp", "boot"), Output(ids.BOOT, "data"), Input(ids.BOOT, "id")
)


@callback(Output(ids.PAGE, "children"), Input(ids.BOOT, "data"), prevent_initial_call=True)
def render_page(boot):
    """The whole page for the link it was opened with, in its language: one round trip.

    A change of language is a new page load (the language links navigate), so this
    runs once per page; every later change goes through the dashboard callback.
    """
    search = boot.get("search", "") if isinstance(boot, dict) else ""
    search = search if isinstance(search, str) else ""
    snapshot = store.current()
    state, unknown = from_query(search, offer(snapshot))
    return create_page(snapshot, store.problem(), state, search, unknown)


# Theme, language attribute, presentation keys, auto-advance and focus follow the view.
clientside_callback(
    ClientsideFunction("atmp", "apply"), Output(ids.APPLIED, "data"), Input(ids.VIEW, "data")
)

clientside_callback(
    ClientsideFunction("atmp", "downloadImage"), Input(ids.IMAGE, "data"), prevent_initial_call=True
)
