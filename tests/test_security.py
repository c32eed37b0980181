"""Security headers, the health endpoint, debug off, nothing from a request reflected."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from app import app
from atmp import store
from atmp.data import load_snapshot
from atmp.settings import read_settings
from atmp.views import CHARTS
from components import ids
from serving import MAX_REQUEST_BYTES, content_security_policy
from tests.support.browser import downloaded, ids_selector
from tests.support.dash_request import dashboard_request, page_request
from tests.support.data_files import set_patients, write_sample
from tests.support.gunicorn_app import free_port

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = '?centre=<script>alert(1)</script>&lang="><img src=x onerror=alert(1)>'
MARKUP = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")


def policy(response) -> dict[str, str]:
    directives = (
        d.strip().split(" ", 1) for d in response.headers["Content-Security-Policy"].split(";")
    )
    return {name: value for name, value in directives}


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/healthz",
        "/about",
        "/api/v1/charts/cart.csv",
        "/_dash-layout",
        "/assets/20-view.js",
        "/no/such/page",
        "/_dash-component-suites/x/y.js",
    ],
)
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
    inline = re.findall(
        r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", page, flags=re.S
    )
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
    assert response.get_json() == {
        "status": "ok",
        "data_version": published.version,
        "data_date": "2025",
        "reference_period": "spring 2025",
    }
    assert re.fullmatch(r"[0-9a-f]{16}", published.version)


def test_sec006_healthz_is_degraded_after_a_failed_reload(client, data_copy):
    before = store.current()
    store.install(load_snapshot(data_copy))
    try:
        served = client.get("/healthz").get_json()
        set_patients(data_copy, "akademiska", 38, -3)
        store.refresh()
        store.refresh()
        assert client.get("/healthz").get_json() == {
            **served,
            "status": "degraded",
            "problem_count": 1,
            "problems": [
                "cart.csv, row 2, column 'patients': a count cannot be negative "
                "(value '-3'). Fix: give a number of 0 or more"
            ],
        }
        set_patients(data_copy, "akademiska", -3, 40)
        store.refresh()
        store.refresh()
        answer = client.get("/healthz").get_json()
        assert answer["status"] == "ok" and answer["data_version"] != served["data_version"]
        assert "problems" not in answer
    finally:
        store.install(before)


def test_sec007_a_crafted_link_is_never_reflected_as_markup(client, dependencies):
    """Not in the page, nor in the answers of the callbacks that read the link."""
    page = client.get("/" + HOSTILE)
    rendered = client.post("/_dash-update-component", json=page_request(dependencies, HOSTILE))
    updated = client.post(
        "/_dash-update-component",
        json=dashboard_request(dependencies, "url.search", {"url": HOSTILE}),
    )
    for response in (page, rendered, updated):
        assert response.status_code == 200
        for markup in MARKUP:
            assert markup not in response.get_data(as_text=True)
    notice = json.dumps(updated.get_json()["response"]["link-notice"], ensure_ascii=False)
    assert "centre=<script>alert(1)</script>" in notice  # named as text, for React to escape


@contextlib.contextmanager
def serving(command: list[str], **environ: str):
    """The app started as `command` on a free port, with a clean environment of settings."""
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("ATMP_", "DASH_", "FLASK_"))
    }
    env.update(environ, PORT=str(port))
    process = subprocess.Popen(
        [*command, "--bind", f"127.0.0.1:{port}"] if "gunicorn" in command[0] else command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # the debug reloader's child too
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=5).close()
                break
            except OSError:
                time.sleep(0.1)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)


def dash_config(base: str) -> dict:
    with urllib.request.urlopen(base + "/", timeout=10) as response:
        page = response.read().decode()
    return json.loads(re.search(r'<script id="_dash-config"[^>]*>(.*?)</script>', page)[1])


def bad_request(base: str) -> tuple[int, str, dict]:
    request = urllib.request.Request(
        f"{base}/_dash-update-component",
        data=b'{"output": 1}',
        headers={"Content-Type": "application/json"},
    )
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(request, timeout=10)
    return error.value.code, error.value.read().decode(), dict(error.value.headers)


GUNICORN = [
    str(Path(sys.executable).parent / "gunicorn"),
    "app:server",
    "--config",
    "gunicorn.conf.py",
    "--workers",
    "1",
    "--access-logfile",
    "/dev/null",
]


@pytest.mark.server
def test_sec008_under_gunicorn_debug_is_off_and_the_server_gives_no_version():
    """Dash's and Flask's own debug switches do not turn it on: only ATMP_DEBUG does."""
    with serving(GUNICORN, DASH_DEBUG="true", FLASK_DEBUG="1") as base:
        config = dash_config(base)
        status, body, headers = bad_request(base)
        health = json.load(urllib.request.urlopen(base + "/healthz", timeout=10))
    assert (config["ui"], config["props_check"]) == (False, False)
    assert config["python_version"] == ""
    assert status == 400 and "Traceback" not in body and "/work" not in body
    assert headers["Server"] == "gunicorn"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert health["status"] == "ok"


@pytest.mark.server
@pytest.mark.parametrize(
    ("environ", "debug"),
    [({"DASH_DEBUG": "true", "FLASK_DEBUG": "1"}, False), ({"ATMP_DEBUG": "1"}, True)],
)
def test_sec009_python_app_py_debugs_only_with_atmp_debug(environ, debug):
    with serving([sys.executable, "app.py"], **environ) as base:
        config = dash_config(base)
        status, body, _headers = bad_request(base)
    assert (config["ui"], config["props_check"]) == (debug, debug)
    if debug:  # the dev tools show the error, with its traceback
        assert status == 500 and "Traceback" in body
    else:
        assert status == 400 and "Traceback" not in body


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
    store.install(load_snapshot(write_sample(published, tmp_path / "sample")))
    yield
    store.install(before)


@pytest.mark.browser
def test_sec010_the_page_works_under_its_policy(dash_duo, sample_served):
    """Charts, the map, downloads and presentation mode: no violation, no console error."""
    dash_duo.driver.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_VIOLATIONS}
    )
    dash_duo.driver.execute_cdp_cmd(
        "Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": dash_duo.download_path}
    )
    dash_duo.start_server(app)
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", "43")
    for chart in CHARTS:
        dash_duo.wait_for_element(f"#{ids.graph(chart.key)} .js-plotly-plot .main-svg")
    dash_duo.wait_for_element(f"#{ids.graph('exports')} .geo .countries path")  # the topojson
    for kind in ("png", "csv"):  # plotly.js through data:/blob: images; a dcc.Download
        button = dash_duo.find_element(f"#{ids_selector(ids.export('exports', kind))}")
        dash_duo.driver.execute_script("arguments[0].click()", button)  # far down the page
        assert downloaded(dash_duo, f".{kind}").stat().st_size > 100
    dash_duo.driver.get(dash_duo.server_url + "/?chart=exports&present=1&theme=dark")
    dash_duo.wait_for_element("#slide .geo .countries path")
    assert violations(dash_duo) == []
    assert dash_duo.get_logs() == []


@pytest.mark.browser
def test_sec011_a_crafted_link_shows_its_values_as_text_and_runs_nothing(dash_duo):
    dash_duo.driver.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_VIOLATIONS}
    )
    dash_duo.start_server(app)
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", "43")
    dash_duo.driver.get(dash_duo.server_url + "/" + HOSTILE)
    dash_duo.wait_for_contains_text(f"#{ids.NOTICE}", "centre=<script>alert(1)</script>")
    assert "<img src=x onerror=alert(1)>" in dash_duo.find_element(f"#{ids.NOTICE}").text
    injected = dash_duo.driver.execute_script(
        "return document.querySelectorAll('img[src=x], #page script, [onerror]').length"
    )
    assert injected == 0
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", "43")  # nothing filtered
    assert violations(dash_duo) == []  # no alert() either
    assert dash_duo.get_logs() == []


def test_sec020_a_scanner_asking_for_component_files_gets_a_404_and_no_traceback(client, caplog):
    caplog.set_level(logging.INFO, logger="atmp")
    response = client.get("/_dash-component-suites/dash/../../etc/passwd.js")
    missing = client.get("/_dash-component-suites/dash/nonexistent%0aFORGED.js")
    assert response.status_code in (400, 404) and missing.status_code == 404
    assert "Traceback" not in caplog.text
    assert "no such component file" in caplog.text
    assert "\nFORGED" not in caplog.text  # the path is quoted in the log
