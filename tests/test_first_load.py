"""First load: every text answer compressed as the browser accepts, files that never
change cached for good, the page itself revalidated."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import brotli
import pytest

from atmp.data import load_snapshot
from atmp.filters import Filters
from atmp.views import CHARTS
from components import ids
from tests.support.browser import TEXT_PROBLEMS, choose, wait_for_all_charts, wait_for_bars
from tests.support.dash_request import page_request
from tests.support.data_files import write_sample

BROWSER = "gzip, deflate, br, zstd"
IMMUTABLE = "public, max-age=31536000, immutable"


def _get(client, path: str, encoding: str = ""):
    """(headers, body) of a GET, the answer closed (a file answer holds the file open)."""
    with client.get(path, headers={"Accept-Encoding": encoding} if encoding else {}) as answer:
        return answer.headers, answer.data


def _scripts(client) -> list[str]:
    return re.findall(r'src="(/_dash-component-suites/[^"]+)"', _get(client, "/")[1].decode())


def test_fst001_text_answers_are_compressed_as_the_browser_accepts(client, dependencies):
    headers, page = _get(client, "/", BROWSER)
    assert headers["Content-Encoding"] == "br" and headers["Vary"] == "Accept-Encoding"
    assert brotli.decompress(page).startswith(b"<!DOCTYPE html>")
    headers, page = _get(client, "/", "gzip")
    assert headers["Content-Encoding"] == "gzip" and b"dash_renderer" in gzip.decompress(page)
    assert "Content-Encoding" not in _get(client, "/")[0]  # asked for nothing
    script = max(_scripts(client), key=lambda path: len(_get(client, path)[1]))
    headers, squeezed = _get(client, script, BROWSER)
    assert headers["Content-Encoding"] == "br"
    assert brotli.decompress(squeezed) == _get(client, script)[1]
    assert len(squeezed) < len(_get(client, script)[1]) / 3
    body = page_request(dependencies, "?centre=akademiska")
    callback = client.post(
        "/_dash-update-component", json=body, headers={"Accept-Encoding": BROWSER}
    )
    assert callback.headers["Content-Encoding"] == "br"
    assert b"Akademiska" in brotli.decompress(callback.data)
    headers, _ = _get(client, "/api/v1/datasets/trials.csv", "br")
    assert headers["Content-Encoding"] == "br"


def test_fst013_plotly_is_a_low_priority_preload_not_a_script_the_page_waits_for(client):
    page = _get(client, "/")[1].decode()
    scripts = re.findall(r'<script[^>]* src="([^"]+)"', page)
    assert not [src for src in scripts if "/05-plotly-" in src or "polyfill@" in src]
    (preload,) = re.findall(r'<link rel="preload" as="script" fetchpriority="low"[^>]*>', page)
    (bundle,) = re.findall(r'href="(/assets/05-plotly-[^"]+-atmp\.min\.js\?m=[^"]+)"', preload)
    headers, body = _get(client, bundle)
    assert headers["Cache-Control"] == IMMUTABLE and body.startswith(b"/* plotly.js")


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_fst002_a_component_file_is_compressed_once_and_served_alike(client, encoding):
    renderer = next(path for path in _scripts(client) if "dash_renderer" in path)
    first, again = _get(client, renderer, encoding), _get(client, renderer, encoding)
    assert first[0]["Content-Encoding"] == encoding and first[1] == again[1]


def test_fst003_files_that_never_change_are_cached_for_good_the_page_revalidated(client):
    for script in _scripts(client):
        assert _get(client, script)[0]["Cache-Control"] == IMMUTABLE, script
    page = _get(client, "/")
    css = re.search(r'href="(/assets/10-dashboard\.css\?m=[^"]+)"', page[1].decode()).group(1)
    assert _get(client, css)[0]["Cache-Control"] == IMMUTABLE
    assert page[0]["Cache-Control"] == "no-cache"
    assert _get(client, "/healthz")[0]["Cache-Control"] == "no-store"
    for changing in ("/_dash-layout", "/assets/10-dashboard.css"):
        assert "immutable" not in (_get(client, changing)[0].get("Cache-Control") or "")


def test_fst004_a_shared_link_previews_with_a_title_a_description_and_an_icon(client):
    page = _get(client, "/")[1].decode()
    for tag in ('name="description"', 'property="og:title"', 'property="og:description"'):
        assert re.search(rf'<meta[^>]*{tag}[^>]*content="[^"]{{20,}}"', page), tag
    icon = re.search(r'<link rel="icon" type="image/x-icon" href="([^"]+)"', page).group(1)
    headers, body = _get(client, icon)
    assert body[:4] == b"\x00\x00\x01\x00" and headers["Cache-Control"] == IMMUTABLE


def test_fst005_made_up_addresses_neither_grow_the_compressed_files_nor_miss_them(client):
    cache = client.application.extensions["compress"].cache
    renderer = next(path for path in _scripts(client) if "dash_renderer" in path)
    first = _get(client, renderer, "br")[1]
    for n in range(40):  # another fingerprint, another ?m=: the same files
        made_up = re.sub(r"m\d+\.", f"m{n}.", renderer, count=1)
        assert _get(client, made_up, "br")[1] == first
        _get(client, f"/assets/10-dashboard.css?m={n}", "br")
    keys = [key for key in cache.kept.values if "dash_renderer" in key or "dashboard.css" in key]
    assert len(keys) <= 2 * 3  # each file at most once per algorithm (br, zstd, gzip)


ASSETS = Path(__file__).resolve().parent.parent / "assets"


def _bundle() -> tuple[Path, set[str]]:
    """The plotly.js bundle in assets/ and the trace types its banner says it holds."""
    (bundle,) = ASSETS.glob("05-plotly-*-atmp.min.js")
    banner = bundle.read_text(encoding="utf-8")[:300]
    traces = re.search(r"traces ([a-z, ]+)\.", banner)
    assert traces, banner
    return bundle, set(traces[1].split(", "))


def _trace_types(snapshot) -> set[str]:
    """Every trace type the charts draw for this data, in a few scopes and both languages."""
    scopes = (Filters(), Filters(centre=("akademiska",)), Filters(status=("open",)))
    return {
        trace.get("type", "scatter")
        for chart in CHARTS
        if chart.offered(snapshot)
        for filters in scopes
        for lang in ("en", "sv")
        for trace in chart.build(snapshot, filters, lang).figure["data"]
    }


def test_fst006_the_plotly_bundle_holds_every_trace_type_a_figure_uses(published, tmp_path):
    _, bundled = _bundle()
    sample = load_snapshot(write_sample(published, tmp_path / "sample"))  # with a map
    used = _trace_types(published) | _trace_types(sample)
    assert {"bar", "choropleth", "indicator"} <= used
    assert used <= bundled, f"rebuild the bundle (make plotly-bundle) with {used - bundled}"


def test_fst007_the_page_loads_the_partial_bundle_not_plotlys_full_one(client):
    bundle, _ = _bundle()
    page = _get(client, "/")[1].decode()
    assert f"/assets/{bundle.name}" in page
    assert "plotly.min.js" not in page
    headers, body = _get(client, f"/assets/{bundle.name}", BROWSER)
    assert headers["Content-Encoding"] == "br"
    assert len(body) < 500_000  # plotly.js whole is 1.3 MB compressed


# In the browser: nothing moves once the page is painted; charts drawn one at a time.

SHIFTS = """
window.__shifts = [];
new PerformanceObserver(list => list.getEntries().forEach(entry => {
  if (!entry.hadRecentInput) { window.__shifts.push(entry.value); }
})).observe({type: 'layout-shift', buffered: true});
"""


@pytest.mark.browser
@pytest.mark.parametrize(
    ("width", "height", "query"),
    [(1350, 940, "/"), (1350, 940, "/?centre=karolinska&lang=sv"), (390, 844, "/?theme=dark")],
)
def test_fst008_nothing_moves_after_the_first_paint(dash_duo, dash_app, width, height, query):
    dash_duo.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": SHIFTS})
    dash_duo.driver.set_window_size(width, height)
    dash_duo.start_server(dash_app)
    dash_duo.driver.get(dash_duo.server_url + query)
    wait_for_all_charts(dash_duo)
    shifts = dash_duo.driver.execute_script("return window.__shifts")
    assert sum(shifts) <= 0.02, shifts
    assert dash_duo.get_logs() == []


@pytest.mark.browser
def test_fst009_charts_on_the_screen_are_drawn_first_each_in_a_task_of_its_own(dash_duo, dash_app):
    dash_duo.driver.set_window_size(1350, 940)
    dash_duo.start_server(dash_app)
    dash_duo.driver.get(dash_duo.server_url + "/")
    wait_for_all_charts(dash_duo)
    first, every = dash_duo.driver.execute_script(
        "return ['atmp:first-screen-drawn', 'atmp:all-charts-drawn']"
        ".map(name => performance.getEntriesByName(name)[0].startTime)"
    )
    assert first < every
    drawn = dash_duo.driver.execute_script(
        "return [...document.querySelectorAll('.chart-graph')].filter("
        "g => g.offsetParent && g.querySelector('.main-svg')).length"
    )
    shown = dash_duo.driver.execute_script(
        "return [...document.querySelectorAll('.chart-graph')].filter(g => g.offsetParent).length"
    )
    assert drawn == shown  # every chart on the page, drawn in the end
    # A filter change redraws the charts already drawn.
    choose(dash_duo, "centre", "akademiska")
    wait_for_bars(dash_duo, "trials_by_class", lambda b: b and all("Akademiska" in k for k in b))
    assert dash_duo.get_logs() == []


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_fst010_no_chart_text_runs_out_of_its_chart_or_into_another(
    dash_duo, dash_app, lang, width
):
    if width < 500:  # a phone: its own width, and text as a phone draws it
        dash_duo.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": 844, "deviceScaleFactor": 1, "mobile": True},
        )
    else:
        dash_duo.driver.set_window_size(width, 900)
    dash_duo.start_server(dash_app)
    dash_duo.driver.get(dash_duo.server_url + f"/?lang={lang}")
    wait_for_all_charts(dash_duo)
    assert dash_duo.driver.execute_script(TEXT_PROBLEMS) == []


@pytest.mark.browser
def test_fst011_on_a_4k_screen_the_charts_text_grows_with_the_pages(dash_duo, dash_app):
    dash_duo.start_server(dash_app)
    sizes = {}
    for width, height in ((1920, 1080), (3840, 2160)):
        dash_duo.driver.set_window_size(width, height)
        dash_duo.driver.get(dash_duo.server_url + "/")
        dash_duo.wait_for_element(f"#{ids.graph('trials_by_class')} .ytick text")
        sizes[width] = dash_duo.driver.execute_script(
            "const tick = document.querySelector('#chart-trials_by_class .ytick text');"
            "const kpi = document.querySelector('.kpi-value');"
            "return [tick.getBoundingClientRect().height, kpi.getBoundingClientRect().height];"
        )
    chart = sizes[3840][0] / sizes[1920][0]
    page = sizes[3840][1] / sizes[1920][1]
    assert page == pytest.approx(1.5, abs=0.1) and chart == pytest.approx(page, abs=0.1)


@pytest.mark.browser
def test_fst012_the_pages_text_does_not_wait_for_plotly(dash_duo, dash_app):
    """plotly.js (455 KB) is not one of the page's scripts, which run before Dash's
    renderer: with its download held back, the key figures and section sentences show,
    and the charts are drawn once it arrives (assets/04-plotly-later.js)."""
    driver = dash_duo.driver
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/assets/05-plotly-*"]})
    dash_duo.start_server(dash_app)
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", "43")
    assert "43" in dash_duo.find_element(f"#{ids.summary('trials')}").text
    assert not driver.find_elements("css selector", ".chart-graph .main-svg")
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
    driver.get(dash_duo.server_url + "/")
    wait_for_all_charts(dash_duo)
    assert driver.execute_script("return typeof Plotly.react") == "function"
