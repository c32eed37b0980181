"""The ATMP cluster dashboard: `server` for gunicorn, `python app.py` for development."""

import re
from pathlib import Path

import dash

import callbacks  # noqa: F401  (registers the callbacks)
from atmp import store
from atmp.settings import settings_or_exit
from atmp.text import t
from components.layout import create_shell, create_validation_layout
from serving import harden

# The page has no DataTable, yet Dash loads dash_table's bundle on every page: not this one.
dash.dash_table._js_dist.clear()
# Dash loads @babel/polyfill (core-js, for browsers of ten years ago) before React: 99 KB
# to run on every load, and its String.prototype.trim, slower than the browser's, is in
# every chart's drawing. Of it, Dash's scripts need only the global regeneratorRuntime:
# assets/01-regenerator-runtime-*.min.js gives it.
for paths in dash._dash_renderer._js_dist_dependencies[0].values():
    if isinstance(paths, dict):
        for mode in paths:
            paths[mode] = [path for path in paths[mode] if "polyfill@" not in path]
# Every page draws graphs and dropdowns: their chunks load with the page's scripts, not in
# a round trip after the page is built.
for resource in dash.dcc._js_dist:
    if resource.get("relative_package_path") in ("dcc/async-graph.js", "dcc/async-dropdown.js"):
        del resource["async"]

settings = settings_or_exit()
store.load_or_exit(settings.data_dir)

# The partial plotly.js (make plotly-bundle): not a script tag of the page, which would
# hold back the page's text until it has loaded; assets/04-plotly-later.js has dcc.Graph
# load it from the preload below.
PLOTLY = next((Path(__file__).parent / "assets").glob("05-plotly-*-atmp.min.js"))

app = dash.Dash(
    __name__,
    title=t("app.title"),
    update_title=None,
    # /about's script, and the plotly.js bundle: served, not loaded by Dash.
    assets_ignore=rf"^(about\.js|{re.escape(PLOTLY.name)})$",
    meta_tags=[
        {"name": "viewport", "content": "width=device-width, initial-scale=1"},
        # What a search result, a mail or a chat shows of a shared link.
        {"name": "description", "content": t("app.description")},
        {"property": "og:title", "content": t("app.title")},
        {"property": "og:description", "content": t("app.description")},
        {"property": "og:type", "content": "website"},
    ],
)
# Dash's own template wraps its scripts in a <footer>, a second "contentinfo" landmark
# beside the page's; it also carries a script for Internet Explorer, which the CSP forbids.
app.index_string = """<!DOCTYPE html>
<html lang="en">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
        <link rel="preload" as="script" fetchpriority="low" id="atmp-plotly" href="PLOTLY">
    </head>
    <body>
        {%app_entry%}
        <div>
            {%config%}
            {%scripts%}
            {%renderer%}
        </div>
    </body>
</html>""".replace("PLOTLY", f"{app.get_asset_url(PLOTLY.name)}?m={PLOTLY.stat().st_mtime}")
app.layout = create_shell()
# The page is rendered by a callback; Dash checks the callbacks against shell and page.
app.validation_layout = create_validation_layout(store.current())
server = app.server
harden(app, settings.frame_ancestors)

if __name__ == "__main__":
    store.watch(settings.reload_seconds)
    app.run(host="127.0.0.1", port=settings.port, debug=settings.debug)
