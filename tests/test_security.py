"""Security headers, the health endpoint, debug off, nothing from a request reflected."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app import app, server
from atmp import store
from atmp.data import load_snapshot
from atmp.settings import read_settings
from atmp.views import CHARTS
from components import ids
from serving import MAX_REQUEST_BYTES, content_security_policy
from tests.dash_request import dashboard_request
from tests.test_browser import downloaded, ids_selector
from tests.test_reload import _set_patients
from tests.test_sample import _write

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = "?centre=<script>alert(1)</script>&lang=\"><img src=x onerror=alert(1)>"
MARKUP = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")


@pytest.fixture(scope="module")
def client():
    return server.test_client()


@pytest.fixture(scope="module")
def dependencies(client):
    return client.get("/_dash-dependencies").get_json()


def policy(response) -> dict[str, str]:
    directives = (d.strip().split(" ", 1) for d in
                  response.headers["Content-Security-Policy"].split(";"))
    return {name: value for name, value in directives}


@pytest.mark.parametrize("path", ["/", "/healthz", "/_dash-layout", "/assets/20-view.js",
                                  "/no/such/page", "/_dash-component-suites/x/y.js"])
def test_sec001_every_response_carries_the_headers(client, path):
    with client.get(path) as response:  # closes the asset's file
        pass
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "fullscreen" not in response.headers["Permissions-Policy"]  # presentation mode
    csp = policy(response)
    assert csp["default-src"] == "'self'"
    assert csp["script-src"].split() == ["'self'", *app.csp_hashes()]
    assert "unsafe" not in csp["script-src"]
    assert csp["img-src"] == "'self' data: blob:"
    assert csp["connect-src"] == "'self'"
    assert csp["object-src"] == "'none'"
    assert (csp["base-uri"], csp["form-action"], csp["frame-ancestors"]) == ("'self'",) * 3


def test_sec002_every_inline_script_of_the_page_is_allowed_by_its_hash(client):
    """The renderer's start is the only inline script; a new one must be hashed too."""
    page = client.get("/").get_data(as_text=True)
    page = re.sub(r"<!--.*?-->", "", page, flags=re.S)  # Dash's note for Internet Explorer
    inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>",
                        page, flags=re.S)
    assert inline and len(inline) == len(app.csp_hashes())


def test_sec003_frame_ancestors_come_from_the_setting():
    settings = read_settings({"ATMP_FRAME_ANCESTORS": "'self'  https://intranet.example.se"})
    assert settings.frame_ancestors == "'self' https://intranet.example.se"
    assert read_settings({}).frame_ancestors == "'self'"
    csp = content_security_policy([], settings.frame_ancestors)
    assert csp.endswith("; frame-ancestors 'self' https://intranet.example.se")
    for smuggled in ("'self'; script-src *", "https://a.example, https://b.example", "x\ny"):
        with pytest.raises(ValueError, match="ATMP_FRAME_ANCESTORS"):
            read_settings({"ATMP_FRAME_ANCESTORS": smuggled})


def test_sec004_a_request_over_the_cap_is_a_413(client, dependencies):
    body = dashboard_request(dependencies, "url.search", {"url": "?" + "a" * MAX_REQUEST_BYTES})
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 413
    assert b"Traceback" not in response.data


def test_sec005_healthz_is_ok_never_cached(client, published):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert response.get_json() == {"status": "ok", "data_version": published.version,
                                   "data_date": published.data_date}
    assert re.fullmatch(r"[0-9a-f]{16}", published.version)


def test_sec006_healthz_is_degraded_after_a_failed_reload(client, data_copy):
    before = store.current()
    store.install(load_snapshot(data_copy))
    try:
        served = client.get("/healthz").get_json()
        _set_patients(data_copy, "akademiska", 38, -3)
        store.refresh()
        store.refresh()
        assert client.get("/healthz").get_json() == {**served, "status": "degraded"}
        _set_patients(data_copy, "akademiska", -3, 40)
        store.refresh()
        store.refresh()
        answer = client.get("/healthz").get_json()
        assert answer["status"] == "ok" and answer["data_version"] != served["data_version"]
    finally:
        store.install(before)


RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', function (event) {
  window.__violations.push(event.violatedDirective + ' ' + event.blockedURI);
});
window.alert = function (text) { window.__violations.push('alert ' + text); };
"""


def violations(dash_duo) -> list[str]:
    return dash_duo.driver.execute_script("return window.__violations")


@pytest.fixture
def sample_served(published, tmp_path):
    """The store serving the synthetic sample: unlike the published data, it has a map."""
    before = store.current()
    store.install(load_snapshot(_write(published, tmp_path / "sample")))
    yield
    store.install(before)


@pytest.mark.browser
def test_sec010_the_page_works_under_its_policy(dash_duo, sample_served):
    """Charts, the map, downloads and presentation mode: no violation, no console error."""
    dash_duo.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                                    {"source": RECORD_VIOLATIONS})
    dash_duo.driver.execute_cdp_cmd("Page.setDownloadBehavior",
                                    {"behavior": "allow", "downloadPath": dash_duo.download_path})
    dash_duo.start_server(app)
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", "43")
    for chart in CHARTS:
        dash_duo.wait_for_element(f"#{ids.graph(chart.key)} .js-plotly-plot .main-svg")
    dash_duo.wait_for_element(f"#{ids.graph('exports')} .geo .countries path")  # the topojson
    for kind in ("png", "csv"):  # plotly.js through data:/blob: images; a dcc.Download
        button = dash_duo.find_element(f"#{ids_selector(ids.export('exports', kind))}")
        dash_duo.driver.execute_script("arguments[0].click()", button)  # far down the page
        assert downloaded(dash_duo, f".{kind}").stat().st_size > 100
    dash_duo.driver.get(dash_duo.server_url + "/?present=1&slide=8&theme=dark")
    dash_duo.wait_for_element("#slide .geo .countries path")
    assert violations(dash_duo) == []
    assert dash_duo.get_logs() == []
