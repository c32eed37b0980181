"""The page in headless Chromium: loads clean, filters, clicks, links and reset work."""

from __future__ import annotations

import csv
import io
import struct
import time

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from atmp.figures import PALETTES
from atmp.views import CHARTS
from components import ids
from tests.support.browser import (
    bars,
    choose,
    click_centred,
    downloaded,
    ids_selector,
    presenting,
    press,
    slide_title,
    wait_for_all_charts,
    wait_for_bars,
    wait_for_slide,
    wait_for_text_slide,
)

pytestmark = pytest.mark.browser


def open_page(dash_duo, dash_app):
    dash_duo.start_server(dash_app)
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", "43")


def test_brw001_page_loads_with_every_chart_and_no_console_error(dash_duo, dash_app):
    open_page(dash_duo, dash_app)
    for chart in (
        "trials_by_class",
        "trials_by_disease",
        "trials_by_status",
        "cart",
        "hospital_exemption",
        "vecura",
        "per_100k",
        "arm",
    ):
        wait_for_bars(dash_duo, chart, lambda found: len(found) > 0)
    assert "Karolinska|Oncology" in bars(dash_duo, "trials_by_disease")
    # The charts are drawn by the partial plotly.js bundle of assets/; the full one is
    # never fetched, nor code the page does not use (Markdown and highlight.js, which the
    # numbers tables once needed, DataTable, and @babel/polyfill of which Dash's scripts
    # need only regeneratorRuntime), even with a table open.
    click_centred(dash_duo, f"#{ids.card('cart')} summary")
    dash_duo.wait_for_element(f"#{ids.table('cart')} table")
    fetched = dash_duo.driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert any("/assets/05-plotly-" in name for name in fetched)
    unused = ("plotly.min.js", "async-markdown", "highlight", "dash_table", "polyfill@")
    assert not [name for name in fetched if any(part in name for part in unused)]
    assert dash_duo.get_logs() == []


def test_brw002_each_dropdown_changes_the_charts(dash_duo, dash_app):
    open_page(dash_duo, dash_app)
    choose(dash_duo, "centre", "akademiska")
    found = wait_for_bars(
        dash_duo, "trials_by_class", lambda b: all("Akademiska" in key for key in b)
    )
    assert found["Ex vivo GTMP|Akademiska (Uppsala)"] == 7
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", "14")
    assert dash_duo.driver.current_url.endswith("?centre=akademiska")

    choose(dash_duo, "atmp_class", "tep")
    wait_for_bars(dash_duo, "trials_by_class", lambda b: b == {"TEP|Akademiska (Uppsala)": 2})
    dash_duo.wait_for_contains_text(f"#{ids.notes('trials_by_disease')}", "ATMP class")

    # TEP (2) and oncology (8) of Akademiska's 14 trials: the source never crossed them.
    choose(dash_duo, "disease_area", "oncology")
    wait_for_bars(
        dash_duo, "trials_by_disease", lambda b: b == {"Akademiska (Uppsala)|Oncology": "0–2"}
    )
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", "0–2")

    choose(dash_duo, "status", "open")
    wait_for_bars(dash_duo, "trials_by_status", lambda b: list(b.values()) == ["0–2"])
    dash_duo.wait_for_contains_text(f"#{ids.notes('trials_by_status')}", "never crossed")
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


# Meeting-ready: presentation mode, links, themes, exports, Swedish.


def test_brw007_presentation_mode_moves_by_keyboard_and_esc_leaves(dash_duo, dash_app):
    open_page(dash_duo, dash_app)
    # The default deck: a title, the key figures, every chart, the sources.
    dash_duo.driver.get(
        dash_duo.server_url + f"/?centre=akademiska&chart={CHARTS[0].key}&present=1"
    )
    wait_for_slide(dash_duo, CHARTS[0])
    assert presenting(dash_duo)
    press(dash_duo, Keys.ARROW_RIGHT)
    wait_for_slide(dash_duo, CHARTS[1])
    assert "slide=4" in dash_duo.driver.current_url
    press(dash_duo, Keys.PAGE_DOWN)  # what a clicker sends
    wait_for_slide(dash_duo, CHARTS[2])
    press(dash_duo, Keys.ARROW_LEFT)
    wait_for_slide(dash_duo, CHARTS[1])
    press(dash_duo, Keys.PAGE_UP)
    wait_for_slide(dash_duo, CHARTS[0])
    press(dash_duo, Keys.HOME)  # the title slide
    wait_for_text_slide(dash_duo, "ATMP in the Stockholm–Uppsala cluster")
    press(dash_duo, Keys.ARROW_LEFT)  # wraps round to the last slide, the sources
    wait_for_text_slide(dash_duo, "Sources")
    press(dash_duo, Keys.ARROW_LEFT)
    wait_for_slide(dash_duo, CHARTS[-1])
    footer = dash_duo.driver.execute_script(
        "return document.querySelector('#slide .js-plotly-plot').layout.annotations"
        ".map(a => a.text).join(' ')"
    )
    assert "Filters: Centre: Akademiska (Uppsala)" in footer and "Source:" in footer

    press(dash_duo, Keys.ESCAPE)
    dash_duo._wait_for(lambda _driver: not presenting(dash_duo), timeout=8, msg="still presenting")
    url = dash_duo.driver.current_url
    assert f"chart={CHARTS[-1].key}" in url and "present" not in url
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", "14")
    dash_duo.driver.back()  # back into the presentation, at the slide it was left on
    dash_duo._wait_for(lambda _driver: presenting(dash_duo), timeout=8, msg="back did not present")
    wait_for_slide(dash_duo, CHARTS[-1])
    assert dash_duo.get_logs() == []


def test_brw008_auto_advance_moves_on_and_any_key_pauses(dash_duo, dash_app):
    open_page(dash_duo, dash_app)
    dash_duo.driver.get(dash_duo.server_url + f"/?chart={CHARTS[0].key}&present=1&advance=5")
    wait_for_slide(dash_duo, CHARTS[0])
    wait_for_slide(dash_duo, CHARTS[1], timeout=9)
    assert "advance=5" in dash_duo.driver.current_url
    press(dash_duo, "x")
    dash_duo.wait_for_element(".deck-is-paused .deck-paused")
    time.sleep(6)
    assert slide_title(dash_duo) == f"<b>{CHARTS[1].title('en')}</b>"  # paused
    press(dash_duo, "p")
    wait_for_slide(dash_duo, CHARTS[2], timeout=9)
    assert dash_duo.get_logs() == []


def test_brw009_a_link_restores_filters_language_and_slide(dash_duo, dash_app):
    open_page(dash_duo, dash_app)
    dash_duo.driver.get(dash_duo.server_url + "/?centre=akademiska&lang=sv&present=1&slide=5")
    wait_for_slide(dash_duo, CHARTS[2], "sv")
    slide = dash_duo.driver.execute_script(
        "const gd = document.querySelector('#slide .js-plotly-plot');"
        "return [gd.data.map(t => t.name), gd.layout.annotations.map(a => a.text).join(' ')];"
    )
    assert slide[0] == ["Akademiska (Uppsala)"]
    assert "Filter: Centrum: Akademiska (Uppsala)" in slide[1] and "Källa:" in slide[1]
    assert dash_duo.driver.execute_script("return document.documentElement.lang") == "sv"
    assert dash_duo.driver.title == "ATMP i Stockholm–Uppsalaklustret"

    press(dash_duo, Keys.ESCAPE)
    dash_duo._wait_for(lambda _driver: not presenting(dash_duo), timeout=8, msg="still presenting")
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", "14")
    assert "Centrum: Akademiska (Uppsala)" in dash_duo.find_element(f"#{ids.CHIPS}").text
    assert dash_duo.find_element(".app-title").text == "ATMP i Stockholm–Uppsalaklustret"
    assert dash_duo.get_logs() == []


def figure_colour(dash_duo, chart: str) -> str:
    return dash_duo.driver.execute_script(
        "const gd = document.querySelector(`#${arguments[0]} .js-plotly-plot`);"
        "return gd && gd.layout ? gd.layout.font.color : null;",
        ids.graph(chart),
    )


def test_brw010_theme_switch_recolours_the_figures_and_is_remembered(dash_duo, dash_app):
    open_page(dash_duo, dash_app)
    wait_for_bars(dash_duo, "cart", lambda b: len(b) == 3)
    assert figure_colour(dash_duo, "cart") == PALETTES["light"].ink
    dash_duo.find_element("[data-go=theme]").click()
    dash_duo._wait_for(
        lambda _d: figure_colour(dash_duo, "cart") == PALETTES["dark"].ink,
        timeout=8,
        msg="the chart kept its light colours",
    )
    assert "theme=dark" in dash_duo.driver.current_url
    html = "return document.documentElement.getAttribute('data-bs-theme')"
    assert dash_duo.driver.execute_script(html) == "dark"

    dash_duo.driver.get(dash_duo.server_url + "/")  # a plain link: the remembered theme
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", "43")
    dash_duo._wait_for(
        lambda _d: figure_colour(dash_duo, "cart") == PALETTES["dark"].ink,
        timeout=8,
        msg="the theme was not remembered",
    )
    assert dash_duo.driver.execute_script(html) == "dark"
    assert dash_duo.get_logs() == []


def test_brw011_csv_of_a_filtered_chart_holds_exactly_its_numbers(dash_duo, dash_app):
    open_page(dash_duo, dash_app)
    dash_duo.driver.execute_cdp_cmd(
        "Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": dash_duo.download_path}
    )
    choose(dash_duo, "centre", "akademiska")
    drawn = wait_for_bars(
        dash_duo, "trials_by_class", lambda b: b and all("Akademiska" in key for key in b)
    )
    click_centred(dash_duo, f"#{ids_selector(ids.export('trials_by_class', 'csv'))}")
    text = downloaded(dash_duo, ".csv").read_text(encoding="utf-8-sig")
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[0] == ["Akademiska (Uppsala): Trials by ATMP class"]
    assert ["Filters", "Centre: Akademiska (Uppsala)"] in lines
    assert ["Data as of", "spring 2025 (published 2025)"] in lines
    assert any(line and line[0] == "Source" and "Figur 2a" in line[1] for line in lines)
    start = (
        lines.index(
            ["category", "series", "value", "lower", "upper", "shown", "reading", "qualifier"]
        )
        + 1
    )
    rows = lines[start:]
    bars_in_csv = {f"{row[1]}|{row[0]}": float(row[2]) for row in rows if row[1]}
    assert bars_in_csv == {key: float(value) for key, value in drawn.items()}
    # the sum written on the chart
    assert ["Akademiska (Uppsala)", "", "14", "14", "14", "Σ 14", "certain", ""] in rows

    summary = dash_duo.find_element(f"#{ids.card('trials_by_class')} summary")
    summary.send_keys(Keys.ENTER)  # the table beside the chart, by keyboard
    table = dash_duo.wait_for_element(f"#{ids.table('trials_by_class')} table")
    cells = [row.split("\t") for row in table.get_attribute("innerText").splitlines()]
    assert len(cells) == 1 + len(rows)
    assert ["Akademiska (Uppsala)", "TEP", "2"] in cells

    click_centred(dash_duo, f"#{ids_selector(ids.export('trials_by_class', 'svg'))}")
    svg = downloaded(dash_duo, ".svg").read_text(encoding="utf-8")
    assert 'width="1920" height="1080"' in svg
    for burned_in in (
        "Akademiska (Uppsala): Trials by ATMP class",
        "Filters: Centre: Akademiska (Uppsala)",
        "Source: Figur 1a",
    ):
        assert burned_in in svg

    click_centred(dash_duo, f"#{ids_selector(ids.export('trials_by_class', 'png'))}")
    png = downloaded(dash_duo, ".png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (1920, 1080)  # the IHDR's width and height
    assert dash_duo.get_logs() == []


def test_brw012_the_swedish_page_writes_decimal_commas(dash_duo, dash_app):
    open_page(dash_duo, dash_app)
    dash_duo.driver.get(dash_duo.server_url + "/?status=open")
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", "18")
    dash_duo.find_element("[data-go=lang_sv]").click()  # a new page, in Swedish
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('per_100k')}", "1,49")
    assert dash_duo.driver.current_url.endswith("/?status=open&lang=sv")
    assert "Status: Öppen" in dash_duo.find_element(f"#{ids.CHIPS}").text
    dash_duo.wait_for_element(f"#{ids.graph('per_100k')} .js-plotly-plot")
    texts = dash_duo.driver.execute_script(
        "return [...document.querySelectorAll(`#${arguments[0]} svg text`)]"
        ".map(t => t.textContent)",
        ids.graph("per_100k"),
    )
    assert "1,49 (43 / 2,88 M)" in texts  # written on the bar
    assert "0,5" in texts and "1,5" in texts  # plotly's own axis ticks
    assert "prövningar per 100 000 invånare" in dash_duo.find_element(".kpi-row").text.lower()
    assert dash_duo.get_logs() == []


def test_brw013_a_charts_link_focuses_it_and_is_copied(dash_duo, dash_app):
    open_page(dash_duo, dash_app)
    dash_duo.driver.execute_cdp_cmd(
        "Browser.grantPermissions",
        {
            "origin": dash_duo.server_url,
            "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"],
        },
    )
    dash_duo.driver.get(dash_duo.server_url + "/?centre=karolinska")
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", "29")
    for chart in CHARTS:  # the page has settled: every chart above the link is drawn
        dash_duo.wait_for_element(f"#{ids.graph(chart.key)} .main-svg")
    link = dash_duo.find_element(f"#{ids.card('cart')} [data-go=chart_cart]")
    # Bootstrap scrolls smoothly; the click must wait for nothing.
    dash_duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", link
    )
    link.click()
    dash_duo.wait_for_element(f"#{ids.card('cart')}.is-focus")
    assert dash_duo.driver.current_url.endswith("?centre=karolinska&chart=cart")
    dash_duo.wait_for_text_to_equal(f"#{ids.COPY_STATUS}", "Link copied.")
    copied = dash_duo.driver.execute_async_script(
        "navigator.clipboard.readText().then(arguments[0], () => arguments[0](null))"
    )
    assert copied == dash_duo.driver.current_url

    dash_duo.driver.get(copied)  # the link on another machine: same filters, same focus
    dash_duo.wait_for_element(f"#{ids.card('cart')}.is-focus")
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", "29")
    assert dash_duo.get_logs() == []


# Layout keys that the browser rewrites as it draws: dcc.Graph sizes a responsive graph
# itself, plotly.js turns autorange "reversed" into a reversed range, and
# assets/06-legend-room.js raises a top margin (margin.t) to hold the legend.
REWRITTEN = ("height", "autorange", "t")


def drawn_matches(dash_duo, expected: dict) -> bool:
    """Whether every chart as drawn holds its expected figure (plotly adds keys of its own)."""
    drawn = dash_duo.driver.execute_script(
        "return arguments[0].map(id => {"
        "  const gd = document.querySelector(`#${id} .js-plotly-plot`);"
        "  return gd && gd.data ? {data: gd.data, layout: gd.layout} : null; });",
        list(expected),
    )

    def holds(actual, wanted) -> bool:
        if isinstance(wanted, dict):
            return isinstance(actual, dict) and all(
                key in actual and holds(actual[key], value)
                for key, value in wanted.items()
                if key not in REWRITTEN
            )
        if isinstance(wanted, list):
            return (
                isinstance(actual, list)
                and len(actual) == len(wanted)
                and all(holds(a, w) for a, w in zip(actual, wanted, strict=True))
            )
        return actual == wanted

    return all(
        holds(figure, wanted) for figure, wanted in zip(drawn, expected.values(), strict=True)
    )


def test_brw014_filter_changes_sent_as_patches_draw_exactly_the_views_figures(dash_duo, dash_app):
    from atmp import store
    from atmp.state import from_query
    from atmp.views import CHARTS, offer
    from components.render import render

    open_page(dash_duo, dash_app)

    def check(search: str) -> None:
        dash_duo._wait_for(
            lambda driver: driver.current_url.endswith(search),
            timeout=8,
            msg=f"the link never became {search}",
        )
        state, _ = from_query(search, offer(store.current()))
        expected = dict(
            zip(
                [ids.graph(chart.key) for chart in CHARTS],
                render(store.current(), state).as_json["figures"],
                strict=True,
            )
        )
        dash_duo._wait_for(
            lambda _driver: drawn_matches(dash_duo, expected),
            timeout=8,
            msg=f"the charts drawn differ from the view {search}",
        )

    choose(dash_duo, "centre", "akademiska")
    check("?centre=akademiska")
    choose(dash_duo, "atmp_class", "tep")
    choose(dash_duo, "status", "open")
    check("?centre=akademiska&class=tep&status=open")
    dash_duo.driver.find_element(By.CSS_SELECTOR, f"#{ids.CHIPS} button.chip").click()
    check("?class=tep&status=open")
    choose(dash_duo, "disease_area", "oncology")
    check("?class=tep&disease=oncology&status=open")
    dash_duo.find_element(f"#{ids.RESET}").click()
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", "43")
    check("/")
    assert dash_duo.get_logs() == []


def test_brw015_margins_hold_labels_and_legends_so_each_chart_draws_once(dash_duo, dash_app):
    """Plotly's automargin pushes nothing (a push draws the chart again): the server's
    margins hold the axis labels, assets/06-legend-room.js makes room for a legend (at
    this width, some legends take two rows)."""
    dash_duo.driver.set_window_size(1350, 940)
    open_page(dash_duo, dash_app)
    for search, trials in (("", "43"), ("?lang=sv", "43"), ("?centre=akademiska&theme=dark", "14")):
        dash_duo.driver.get(dash_duo.server_url + "/" + search)
        dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", trials)
        wait_for_all_charts(dash_duo)
        drawn = dash_duo.driver.execute_script("""
            return [...document.querySelectorAll('.chart-graph .js-plotly-plot')]
              .filter(gd => gd.offsetParent)
              .map(gd => [gd.parentNode.id, !!gd._fullLayout.showlegend,
                          ['l', 'r', 't', 'b'].filter(
                            side => gd._fullLayout._size[side] > gd.layout.margin[side])]);""")
        assert len(drawn) >= 10 and sum(legend for _, legend, _ in drawn) >= 4, drawn
        assert [(name, pushed) for name, _, pushed in drawn if pushed] == [], search
