"""Accessibility in headless Chromium: axe-core finds no serious or critical violation in
any view of the page, and every control works from the keyboard with a visible focus."""

from __future__ import annotations

from pathlib import Path

import pytest

from atmp.views import CHARTS
from components import ids

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "axe" / "axe.min.js"  # axe-core 4.14.1, see README
FAILING_IMPACTS = ("serious", "critical")
# A rule waived for one third-party node, with the reason it does not hurt anyone.
THIRD_PARTY = {
    ("aria-hidden-focus", "dash-dropdown-focus-target"):
        "Dash 4's dcc.Dropdown puts a hidden read-only input in the tab order only to hand "
        "focus on at once to its button, which carries the name, the listbox popup and the "
        "expanded state (test_a11y002 checks that focus lands on that button).",
}
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}
# Every view the page has: themes, languages, filters with chips, open tables, slides, phone.
VIEWS = (
    ("light, English", "/", None),
    ("dark, English", "/?theme=dark", None),
    ("light, Swedish, filtered, tables open", "/?lang=sv&centre=akademiska&status=open", None),
    ("dark, Swedish, filtered, tables open", "/?lang=sv&theme=dark&centre=karolinska&class=sctmp",
     None),
    ("presentation, light", "/?present=1", None),
    ("presentation, dark, Swedish", "/?present=1&theme=dark&lang=sv&slide=6", None),
    ("phone, light, tables open", "/?centre=akademiska", PHONE),
    ("phone, dark", "/?theme=dark", PHONE),
)


@pytest.fixture
def dash_app():
    from app import app

    return app


def drawn(dash_duo, query: str, metrics: dict | None = None):
    """Open `query` (at a phone's size if `metrics`) and wait until every chart is drawn."""
    if metrics:
        dash_duo.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    else:
        dash_duo.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    dash_duo.driver.get(dash_duo.server_url + query)
    graphs = [ids.SLIDE] if "present=1" in query else [ids.graph(chart.key) for chart in CHARTS]
    for graph in graphs:
        dash_duo.wait_for_element(f"#{graph} .main-svg")


def excused(rule: str, html: str) -> bool:
    return any(rule == waived and f'class="{css}' in html for waived, css in THIRD_PARTY)


def axe_violations(driver) -> list[dict]:
    """axe-core's serious and critical violations on the page as it is now."""
    if not driver.execute_script("return Boolean(window.axe)"):
        driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ['violations']})
           .then(r => done(r.violations), e => done(String(e)));""")
    assert isinstance(result, list), f"axe-core failed: {result}"
    found = []
    for violation in result:
        nodes = [node for node in violation["nodes"]
                 if not excused(violation["id"], node["html"])]
        if violation["impact"] in FAILING_IMPACTS and nodes:
            found.append({**violation, "nodes": nodes})
    return found


def described(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines += [f"    {' '.join(node['target'])}" for node in violation["nodes"]]
    return "\n".join(lines)


def test_a11y001_axe_finds_no_serious_violation_in_any_view(dash_duo, dash_app):
    dash_duo.start_server(dash_app)
    dash_duo.driver.set_script_timeout(60)
    report = []
    for name, query, metrics in VIEWS:
        drawn(dash_duo, query, metrics)
        if "tables open" in name:
            dash_duo.driver.execute_script(
                "document.querySelectorAll('.chart-table').forEach(d => { d.open = true; })")
        violations = axe_violations(dash_duo.driver)
        if violations:
            report.append(f"== {name} ({query})\n{described(violations)}")
    assert not report, "axe-core found violations:\n" + "\n".join(report)
    assert dash_duo.get_logs() == []
