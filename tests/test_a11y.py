"""Accessibility in headless Chromium: axe-core finds no violation of any impact in any
view of the page (no waiver), and every control works from the keyboard with a visible
focus that is never under the sticky filter bar."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from atmp.figures import GRAPHIC_CONTRAST, contrast_ratio
from atmp.text import t
from atmp.views import CHARTS, SECTIONS, offered_charts, offered_dimensions
from components import ids
from components.cards import EXPORT_KINDS
from tests.support.browser import (
    downloaded,
    ids_selector,
    presenting,
    wait_for_all_charts,
    wait_for_bars,
    wait_for_slide,
)

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "axe" / "axe.min.js"  # axe-core 4.14.1, see README
FAILING_IMPACTS = ("minor", "moderate", "serious", "critical")
# A rule waived for one third-party node, with the reason it does not hurt anyone.
THIRD_PARTY = {
    (
        "aria-hidden-focus",
        "dash-dropdown-focus-target",
    ): "Dash 4's dcc.Dropdown puts a hidden read-only input in the tab order only to hand "
    "focus on at once to its button, which carries the name, the listbox popup and the "
    "expanded state (test_a11y002 checks that focus lands on that button).",
}
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}
# Every view the page has: themes, languages, filters with chips, open tables, slides, phone.
VIEWS = (
    ("light, English", "/", None),
    ("dark, English", "/?theme=dark", None),
    ("light, Swedish, filtered, tables open", "/?lang=sv&centre=akademiska&status=open", None),
    (
        "dark, Swedish, filtered, tables open",
        "/?lang=sv&theme=dark&centre=karolinska&class=sctmp",
        None,
    ),
    ("presentation, a chart, light", "/?present=1&slide=3", None),
    ("presentation, title slide, light", "/?present=1", None),
    ("presentation, key figures, dark, Swedish", "/?present=1&theme=dark&lang=sv&slide=2", None),
    ("presentation, dark, Swedish", "/?present=1&theme=dark&lang=sv&slide=8", None),
    ("presentation, sources, light", "/?present=1&slide=14&centre=karolinska", None),
    ("presenter view, dark", "/?present=1&slide=3&presenter=1&theme=dark", None),
    ("deck panel open, Swedish", "/?lang=sv&centre=akademiska#deck", None),
    ("phone, light, tables open", "/?centre=akademiska", PHONE),
    ("phone, dark", "/?theme=dark", PHONE),
)


def drawn(dash_duo, query: str, metrics: dict | None = None):
    """Open `query` (at a phone's size if `metrics`) and wait until every chart is drawn."""
    if metrics:
        dash_duo.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    else:
        dash_duo.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    dash_duo.driver.get(dash_duo.server_url + query.split("#")[0])
    if "present=1" in query:  # a chart's slide, or one of text
        dash_duo.wait_for_element(f"#{ids.SLIDE} .main-svg, #{ids.SLIDE_STAGE} .text-slide")
        if "presenter=1" in query:
            dash_duo.wait_for_element(f"#{ids.NEXT_SLIDE} .main-svg, .presenter-next .text-slide")
        return
    wait_for_all_charts(dash_duo)
    if query.endswith("#deck"):  # the deck panel, open, with a slide of the default deck
        dash_duo.find_element(f"#{ids.DECK_OPEN}").click()
        dash_duo.wait_for_element(".deck-slide .form-control")


def excused(rule: str, html: str) -> bool:
    return any(rule == waived and f'class="{css}' in html for waived, css in THIRD_PARTY)


# What Lighthouse's aria-hidden-focus finds: a control in the tab order, hidden from
# assistive technology.
HIDDEN_FOCUSABLE = """
return [...document.querySelectorAll('[aria-hidden=true]')].flatMap(
    hidden => [hidden, ...hidden.querySelectorAll('*')]
).filter(e => e.tabIndex >= 0 && !e.disabled
    && (e.matches('a[href], button, input, select, textarea') || e.hasAttribute('tabindex'))
).map(e => e.className || e.tagName);
"""


def axe_violations(driver) -> list[dict]:
    """axe-core's violations, of any impact, on the page as it is now."""
    if not driver.execute_script("return Boolean(window.axe)"):
        driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ['violations']})
           .then(r => done(r.violations), e => done(String(e)));""")
    assert isinstance(result, list), f"axe-core failed: {result}"
    found = []
    for violation in result:
        nodes = [node for node in violation["nodes"] if not excused(violation["id"], node["html"])]
        if violation["impact"] in FAILING_IMPACTS and nodes:
            found.append({**violation, "nodes": nodes})
    return found


def described(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines += [f"    {' '.join(node['target'])}" for node in violation["nodes"]]
    return "\n".join(lines)


def test_a11y001_axe_finds_no_violation_in_any_view(dash_duo, dash_app):
    dash_duo.start_server(dash_app)
    dash_duo.driver.set_script_timeout(60)
    report = []
    for name, query, metrics in VIEWS:
        drawn(dash_duo, query, metrics)
        if "tables open" in name:
            dash_duo.driver.execute_script(
                "document.querySelectorAll('.chart-table').forEach(d => { d.open = true; })"
            )
        violations = axe_violations(dash_duo.driver)
        if violations:
            report.append(f"== {name} ({query})\n{described(violations)}")
        hidden = dash_duo.driver.execute_script(HIDDEN_FOCUSABLE)
        if hidden:
            report.append(f"== {name} ({query})\nfocusable but aria-hidden: {hidden}")
    for page in ("/about", "/about?lang=sv"):
        dash_duo.driver.get(dash_duo.server_url + page)
        dash_duo.wait_for_element("#citation")
        violations = axe_violations(dash_duo.driver)
        if violations:
            report.append(f"== about ({page})\n{described(violations)}")
    assert not report, "axe-core found violations:\n" + "\n".join(report)
    assert dash_duo.get_logs() == []


# Keyboard: every control in a sensible order, each with a focus ring that can be seen.

FOCUSED = """
const e = document.activeElement;
if (!e || e === document.body) { return null; }
const card = e.closest('[data-chart]');
const name = e.dataset.go ? 'go:' + e.dataset.go
    : e.getAttribute('role') === 'region' ? 'region:' + e.getAttribute('aria-labelledby')
    : e.id && e.id[0] !== '{' ? '#' + e.id
    : (e.getAttribute('aria-label') || e.textContent).trim();
const style = getComputedStyle(e);
let around = e.parentElement, background = null;
while (around && !background) {  // the first opaque background behind the ring
    const own = getComputedStyle(around);
    if (own.backgroundImage.includes('gradient')) { background = own.backgroundImage; }
    else if (!/rgba\\(.*, 0(\\.\\d+)?\\)|transparent/.test(own.backgroundColor)) {
        background = own.backgroundColor;
    }
    around = around.parentElement;
}
return {name: (card ? card.dataset.chart + ' ' : '') + name, outline: style.outlineStyle,
        width: parseFloat(style.outlineWidth), colour: style.outlineColor,
        background: background || 'rgb(255, 255, 255)'};
"""


def hex_colours(css: str) -> list[str]:
    """Every rgb()/rgba() colour in a computed style, as #rrggbb."""
    return [
        "#{:02x}{:02x}{:02x}".format(*map(int, rgb))
        for rgb in re.findall(r"rgba?\((\d+), (\d+), (\d+)", css)
    ]


def tab_through(dash_duo, limit: int = 200) -> list[dict]:
    """Focus each control in turn with Tab from the top of the page, as a keyboard user."""
    dash_duo.driver.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
    stops = []
    for _ in range(limit):
        ActionChains(dash_duo.driver).send_keys(Keys.TAB).perform()
        stop = dash_duo.driver.execute_script(FOCUSED)
        if stop is None or (stops and stop["name"] == stops[0]["name"]):
            break
        stops.append(stop)
    return stops


def expected_stops(published, lang: str, chips: list[str]) -> list[str]:
    """The controls of the page in reading order: header, the filters the data offers,
    chips, the tools of each chart it offers, the data quality's reading switch and the
    footer's template download."""
    order = [
        t("skip", lang),
        "go:lang_en",
        "go:lang_sv",
        "go:theme",
        t("toolbar.copy", lang),
        f"#{ids.DATASET}",
        t("toolbar.about", lang),
        "go:present",
        f"#{ids.DECK_OPEN}",
        *[f"#{ids.dropdown(dimension)}" for dimension in offered_dimensions(published)],
        f"#{ids.RESET}",
        *chips,
    ]
    for section in SECTIONS:
        for chart in (chart for chart in offered_charts(published) if chart.section == section):
            title = chart.title(lang)
            add = f"{t('deck.add', lang)}: {t('deck.add.title', lang, title=title)}"
            order += [
                f"{chart.key} {add}",
                f"{chart.key} go:chart_{chart.key}",
                f"{chart.key} {t('chart.numbers_url.title', lang, title=title)}",
                *[
                    f"{chart.key} {t('chart.download', lang, title=title, kind=kind.upper())}"
                    for kind in EXPORT_KINDS
                ],
                f"{chart.key} {t('chart.table', lang)}",
            ]
    footer = [t("toolbar.about", lang), t("footer.template", lang)]
    return [*order, "region:title-quality", "go:reading", *footer]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a11y002_tab_reaches_every_control_in_order_with_a_visible_ring(
    dash_duo, dash_app, theme, published
):
    dash_duo.start_server(dash_app)
    drawn(dash_duo, f"/?centre=akademiska&theme={theme}")
    stops = tab_through(dash_duo)
    chip = t("filter.remove", "en", label="Centre: Akademiska (Uppsala)")
    assert [stop["name"] for stop in stops] == expected_stops(published, "en", [chip])
    for stop in stops:
        assert stop["outline"] == "solid" and stop["width"] >= 2, stop
        ring = hex_colours(stop["colour"])[0]
        for background in hex_colours(stop["background"]):  # every stop of a gradient
            assert contrast_ratio(ring, background) >= GRAPHIC_CONTRAST, stop
    dropdown = dash_duo.find_element(f"#{ids.dropdown('centre')}")
    # label, value, and the trials it holds under the other filters
    assert dropdown.accessible_name.lower() == "centre akademiska (uppsala) (14)"
    assert dash_duo.get_logs() == []


def keys(dash_duo, selector: str, *pressed: str) -> None:
    """Focus the control at `selector` as Tab would, then press `pressed` on it."""
    dash_duo.driver.execute_script("arguments[0].focus()", dash_duo.find_element(selector))
    for key in pressed:
        ActionChains(dash_duo.driver).send_keys(key).perform()


def test_a11y003_every_control_works_from_the_keyboard_alone(dash_duo, dash_app):
    dash_duo.start_server(dash_app)
    driver = dash_duo.driver
    driver.execute_cdp_cmd(
        "Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": dash_duo.download_path}
    )
    driver.execute_cdp_cmd(
        "Browser.grantPermissions",
        {
            "origin": dash_duo.server_url,
            "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"],
        },
    )
    drawn(dash_duo, "/")
    trials = f"#{ids.kpi_value('trials')}"

    # A dropdown: Tab onto it, Enter opens, arrows move, Space ticks, Esc closes, Delete clears.
    keys(dash_duo, f"#{ids.DECK_OPEN}", Keys.TAB, Keys.ENTER)
    dash_duo.wait_for_element("[role=listbox]")
    for key, focused in ((Keys.ARROW_DOWN, "karolinska"), (Keys.ARROW_DOWN, "akademiska")):
        ActionChains(driver).send_keys(key).perform()
        dash_duo._wait_for(
            lambda d, code=focused: d.switch_to.active_element.get_attribute("value") == code,
            timeout=4,
            msg=f"the arrow key did not reach {focused}",
        )
    ActionChains(driver).send_keys(Keys.SPACE, Keys.ESCAPE).perform()
    dash_duo.wait_for_text_to_equal(trials, "14")
    wait_for_bars(dash_duo, "trials_by_class", lambda b: b and all("Akademiska" in k for k in b))
    assert driver.switch_to.active_element.get_attribute("id") == ids.dropdown("centre")
    ActionChains(driver).send_keys(Keys.DELETE).perform()
    dash_duo.wait_for_text_to_equal(trials, "43")

    # A chip, then reset.
    drawn(dash_duo, "/?centre=karolinska&class=sctmp")
    dash_duo.wait_for_text_to_equal(trials, "8")
    keys(dash_duo, f"#{ids.CHIPS} button.chip", Keys.ENTER)
    dash_duo.wait_for_text_to_equal(trials, "10")
    keys(dash_duo, f"#{ids.RESET}", Keys.ENTER)
    dash_duo.wait_for_text_to_equal(trials, "43")

    # A chart's tools: the table opens, a download is sent, the link is copied.
    card = f"#{ids.card('trials_by_class')}"
    keys(dash_duo, f"{card} summary", Keys.ENTER)
    dash_duo.wait_for_element(f"#{ids.table('trials_by_class')} table")
    keys(dash_duo, f"#{ids_selector(ids.export('trials_by_class', 'csv'))}", Keys.ENTER)
    assert downloaded(dash_duo, ".csv").name.startswith("trials_by_class")
    keys(dash_duo, f"{card} [data-go=chart_trials_by_class]", Keys.ENTER)
    dash_duo.wait_for_text_to_equal(f"#{ids.COPY_STATUS}", "Link copied.")
    keys(dash_duo, ".toolbar [data-copy]:not([data-go])", Keys.ENTER)
    dash_duo.wait_for_text_to_equal(f"#{ids.COPY_STATUS}", "Link copied.")

    # Theme, presentation and its keys, language.
    keys(dash_duo, "[data-go=theme]", Keys.ENTER)
    dash_duo._wait_for(
        lambda d: (
            d.execute_script("return document.documentElement.getAttribute('data-bs-theme')")
            == "dark"
        ),
        timeout=8,
        msg="Enter on the theme switch did nothing",
    )
    keys(dash_duo, "[data-go=present]", Keys.ENTER)
    wait_for_slide(dash_duo, CHARTS[0])
    ActionChains(driver).send_keys(Keys.ARROW_RIGHT).perform()
    wait_for_slide(dash_duo, CHARTS[1])
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    dash_duo._wait_for(lambda _d: not presenting(dash_duo), timeout=8, msg="still presenting")
    keys(dash_duo, "[data-go=lang_sv]", Keys.ENTER)
    dash_duo.wait_for_text_to_equal(".app-title", "ATMP i Stockholm–Uppsalaklustret")
    assert dash_duo.get_logs() == []


def test_a11y004_each_chart_is_an_image_named_by_its_title_with_its_table(
    dash_duo, dash_app, published
):
    dash_duo.start_server(dash_app)
    drawn(dash_duo, "/?lang=sv&centre=akademiska")
    for chart in offered_charts(published):
        card = f"#{ids.card(chart.key)}"
        image = dash_duo.find_element(f"{card} [role=img]")
        assert image.accessible_name == chart.title("sv")
        described = image.get_attribute("aria-describedby").split()
        # the section's opening sentence, the chart's notes and its source
        assert described == [
            ids.summary(chart.section),
            ids.notes(chart.key),
            ids.source(chart.key),
        ]
        assert "Källa" in dash_duo.find_element(f"#{described[2]}").text
        inside = dash_duo.driver.execute_script(
            "return arguments[0].querySelectorAll('a, button, input, [tabindex]').length", image
        )
        assert inside == 0  # nothing to operate hides inside the image
        summary = dash_duo.find_element(f"{card} summary")
        assert summary.get_attribute("aria-controls") == ids.table(chart.key)
    assert dash_duo.find_element(f"#{ids.SLIDE_STAGE}").get_attribute("role") == "img"
    assert dash_duo.get_logs() == []


OBSCURED = """
const e = document.activeElement, strip = document.querySelector('.filter-strip');
if (!e || e === document.body || strip.contains(e)) { return null; }
const box = e.getBoundingClientRect(), bar = strip.getBoundingClientRect();
return box.top < bar.bottom - 1 ? (e.getAttribute('aria-label') || e.textContent || e.id) : '';
"""


def settled(dash_duo) -> None:
    """Wait for the next two frames: the page has scrolled to the focused control."""
    dash_duo.driver.execute_async_script(
        "const done = arguments[0];"
        "requestAnimationFrame(() => requestAnimationFrame(() => done()));"
    )


def test_a11y005_focus_never_hides_under_the_sticky_filter_bar(dash_duo, dash_app):
    """Shift+Tab from the foot of the page back up: every control it reaches lies below
    the sticky filter bar, none under it (WCAG 2.2, 2.4.11 focus not obscured)."""
    dash_duo.start_server(dash_app)
    drawn(dash_duo, "/?centre=akademiska")  # a chip makes the bar taller
    driver = dash_duo.driver
    driver.execute_script("document.documentElement.style.scrollBehavior = 'auto'")  # no wait
    driver.execute_script("document.querySelector('.app-footer a:last-of-type').focus()")
    settled(dash_duo)
    hidden = []
    for _ in range(30):
        ActionChains(dash_duo.driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(
            Keys.SHIFT
        ).perform()
        settled(dash_duo)
        under = dash_duo.driver.execute_script(OBSCURED)
        if under:
            hidden.append(under.strip()[:60])
    assert hidden == []
    assert dash_duo.get_logs() == []


def test_a11y006_on_a_phone_the_filters_are_a_sheet_opened_by_touch_and_keyboard(
    dash_duo, dash_app
):
    dash_duo.start_server(dash_app)
    drawn(dash_duo, "/?centre=akademiska", PHONE)
    driver = dash_duo.driver
    toggle = dash_duo.find_element("[data-sheet=open]")
    classes = dash_duo.find_element(f"#{ids.dropdown('atmp_class')}")
    trials = f"#{ids.kpi_value('trials')}"
    assert toggle.text == "Filters (1)" and not classes.is_displayed()
    figure = dash_duo.find_element(trials).rect
    assert figure["y"] + figure["height"] <= PHONE["height"]  # a key figure on the first screen
    toggle.click()  # a tap
    dash_duo._wait_for(lambda _d: classes.is_displayed(), timeout=4, msg="the sheet stayed shut")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert driver.switch_to.active_element.get_attribute("id") == ids.dropdown("centre")
    violations = axe_violations(driver)
    assert not violations, described(violations)
    # Keyboard: on the class dropdown, Enter opens it, an arrow and Space tick its first
    # class, Esc closes the list, a second Esc the sheet, focus back on its button.
    keys(dash_duo, f"#{ids.dropdown('atmp_class')}", Keys.ENTER)
    dash_duo.wait_for_element("[role=listbox]")
    ActionChains(driver).send_keys(Keys.ARROW_DOWN).perform()
    dash_duo._wait_for(
        lambda d: d.switch_to.active_element.get_attribute("value") == "ex_vivo_gtmp",
        timeout=4,
        msg="the arrow key did not reach the first class",
    )
    ActionChains(driver).send_keys(Keys.SPACE).perform()
    dash_duo.wait_for_text_to_equal(trials, "7")  # Akademiska's ex vivo GTMP trials
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    dash_duo._wait_for(
        lambda d: not d.find_elements("css selector", "[role=listbox]"),
        timeout=4,
        msg="Esc did not close the list",
    )
    assert classes.is_displayed()  # the first Esc closed the list only
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    dash_duo._wait_for(lambda _d: not classes.is_displayed(), timeout=4, msg="still open")
    assert driver.switch_to.active_element.get_attribute("data-sheet") == "open"
    dash_duo.wait_for_text_to_equal("[data-sheet=open]", "Filters (2)")
    tap = "arguments[0].click()"  # below the emulated phone's fold, where WebDriver aims wrong
    driver.execute_script(tap, toggle)
    dash_duo._wait_for(lambda _d: classes.is_displayed(), timeout=4, msg="the sheet stayed shut")
    driver.execute_script(tap, dash_duo.find_element("[data-sheet=close]"))  # its own button
    dash_duo._wait_for(lambda _d: not classes.is_displayed(), timeout=4, msg="still open")
    drawn(dash_duo, "/")  # a wide screen: no button, the filters shown
    assert not dash_duo.find_element("[data-sheet=open]").is_displayed()
    assert dash_duo.find_element(f"#{ids.dropdown('atmp_class')}").is_displayed()
    assert dash_duo.get_logs() == []
