"""The page in headless Chromium: loads clean, filters, clicks, links and reset work."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from components import ids

pytestmark = pytest.mark.browser


@pytest.fixture
def dash_app():
    from app import app

    return app


def bars(dash_duo, chart: str) -> dict:
    """{(trace name, y label): x} of a chart as drawn by plotly.js."""
    return dash_duo.driver.execute_script(
        """
        const gd = document.querySelector(`#${arguments[0]} .js-plotly-plot`);
        const out = {};
        for (const trace of gd.data) {
            if (trace.type !== 'bar') continue;
            trace.y.forEach((y, i) => { out[`${trace.name}|${y}`] = trace.x[i]; });
        }
        return out;
        """,
        ids.graph(chart),
    )


def wait_for_bars(dash_duo, chart: str, condition, timeout: float = 8) -> dict:
    dash_duo.wait_for_element(f"#{ids.graph(chart)} .js-plotly-plot")
    result = {}

    def check(_driver):
        result["bars"] = bars(dash_duo, chart)
        return condition(result["bars"])

    dash_duo._wait_for(check, timeout=timeout, msg=f"{chart} never met the condition")
    return result["bars"]


def open_page(dash_duo, dash_app):
    dash_duo.start_server(dash_app)
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", "43")


def choose(dash_duo, dimension: str, code: str):
    """Open a filter dropdown, tick the option with value `code`, close it."""
    dash_duo.find_element(f"#{ids.dropdown(dimension)}").click()
    dash_duo.wait_for_element(f"[role=listbox] input[value={code}]").click()
    dash_duo.driver.switch_to.active_element.send_keys(Keys.ESCAPE)


def test_brw001_page_loads_with_every_chart_and_no_console_error(dash_duo, dash_app):
    open_page(dash_duo, dash_app)
    for chart in ("trials_by_class", "trials_by_disease", "trials_by_status", "cart",
                  "hospital_exemption", "vecura", "per_100k", "arm"):
        wait_for_bars(dash_duo, chart, lambda found: len(found) > 0)
    assert "Karolinska|Oncology" in bars(dash_duo, "trials_by_disease")
    assert dash_duo.get_logs() == []


def test_brw002_each_dropdown_changes_the_charts(dash_duo, dash_app):
    open_page(dash_duo, dash_app)
    choose(dash_duo, "centre", "akademiska")
    found = wait_for_bars(dash_duo, "trials_by_class",
                          lambda b: all("Akademiska" in key for key in b))
    assert found["Ex vivo GTMP|Akademiska (Uppsala)"] == 7
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", "14")
    assert dash_duo.driver.current_url.endswith("?centre=akademiska")

    choose(dash_duo, "atmp_class", "tep")
    wait_for_bars(dash_duo, "trials_by_class", lambda b: b == {"TEP|Akademiska (Uppsala)": 2})
    dash_duo.wait_for_contains_text(f"#{ids.notes('trials_by_disease')}", "ATMP class")

    choose(dash_duo, "disease_area", "oncology")
    wait_for_bars(dash_duo, "trials_by_disease",
                  lambda b: b == {"Akademiska (Uppsala)|Oncology": 8})
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", "Not available")

    choose(dash_duo, "status", "open")
    wait_for_bars(dash_duo, "trials_by_status", lambda b: b == {"Open|Akademiska (Uppsala)": 6})
    assert dash_duo.get_logs() == []


def click_bar(dash_duo, chart: str, index: int):
    points = dash_duo.driver.find_elements(By.CSS_SELECTOR, f"#{ids.graph(chart)} .point path")
    ActionChains(dash_duo.driver).move_to_element(points[index]).pause(0.3).click().perform()


def test_brw003_clicking_a_bar_filters_and_clicking_again_clears(dash_duo, dash_app):
    open_page(dash_duo, dash_app)
    wait_for_bars(dash_duo, "cart", lambda b: len(b) == 3)
    click_bar(dash_duo, "cart", 1)  # Akademiska
    wait_for_bars(dash_duo, "trials_by_class", lambda b: all("Akademiska" in k for k in b))
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('cart')}", "38")
    assert dash_duo.find_element(f"#{ids.dropdown('centre')}").text.startswith("Akademiska")

    wait_for_bars(dash_duo, "cart", lambda b: len(b) == 1)
    click_bar(dash_duo, "cart", 0)  # the same bar again
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('cart')}", "112")
    wait_for_bars(dash_duo, "trials_by_class", lambda b: len(b) == 7)
    assert dash_duo.get_logs() == []


def test_brw004_a_link_restores_its_filters_and_names_unknown_values(dash_duo, dash_app):
    open_page(dash_duo, dash_app)
    dash_duo.driver.get(dash_duo.server_url + "/?centre=akademiska&status=open,nope")
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", "6")
    wait_for_bars(dash_duo, "trials_by_status", lambda b: b == {"Open|Akademiska (Uppsala)": 6})
    dash_duo.wait_for_contains_text(f"#{ids.NOTICE}", "status=nope")
    chips = dash_duo.find_element(f"#{ids.CHIPS}").text
    assert "Centre: Akademiska (Uppsala)" in chips and "Status: Open" in chips


def test_brw005_reset_and_chip_removal(dash_duo, dash_app):
    open_page(dash_duo, dash_app)
    dash_duo.driver.get(dash_duo.server_url + "/?centre=karolinska&class=sctmp")
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", "8")
    chip = dash_duo.driver.find_element(By.CSS_SELECTOR, f"#{ids.CHIPS} button.chip")
    chip.click()  # removes the centre chip: sCTMP at both centres
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", "10")
    dash_duo.find_element(f"#{ids.RESET}").click()
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", "43")
    wait_for_bars(dash_duo, "trials_by_class", lambda b: len(b) == 7)
    assert "?" not in dash_duo.driver.current_url
    assert dash_duo.get_logs() == []


def test_brw006_back_restores_the_previous_filters(dash_duo, dash_app):
    open_page(dash_duo, dash_app)
    choose(dash_duo, "centre", "karolinska")
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", "29")
    dash_duo.driver.back()
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", "43")
