"""Driving the dashboard in headless Chromium: Debian's Chromium and what the browser
tests read from the page (bars as plotly.js drew them, the slide, downloads)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from selenium.webdriver.chrome.options import Options
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from atmp.figures import CERTAIN_PART
from atmp.views import Chart
from components import ids


def chromium_options() -> Options:
    """Debian's Chromium, headless, as root, with no calls to the outside network."""
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1600,1000",
    ):
        options.add_argument(argument)
    return options


def bars(dash_duo, chart: str) -> dict:
    """{(trace name, y label): x} of a chart as drawn by plotly.js; "lower–upper" for a bar
    drawn as a range (its certain part is left out: the possible part holds both bounds)."""
    return dash_duo.driver.execute_script(
        """
        const gd = document.querySelector(`#${arguments[0]} .js-plotly-plot`);
        const out = {};
        for (const trace of gd.data) {
            if (trace.type !== 'bar' || trace.meta === arguments[1]) continue;
            trace.y.forEach((y, i) => {
                out[`${trace.name}|${y}`] = trace.base
                    ? `${trace.base[i]}–${trace.base[i] + trace.x[i]}` : trace.x[i];
            });
        }
        return out;
        """,
        ids.graph(chart),
        CERTAIN_PART,
    )


def wait_for_bars(dash_duo, chart: str, condition, timeout: float = 8) -> dict:
    dash_duo.wait_for_element(f"#{ids.graph(chart)} .js-plotly-plot")
    result = {}

    def check(_driver):
        result["bars"] = bars(dash_duo, chart)
        return condition(result["bars"])

    dash_duo._wait_for(check, timeout=timeout, msg=f"{chart} never met the condition")
    return result["bars"]


def wait_for_all_charts(dash_duo, timeout: float = 20) -> None:
    """Until every chart shown is drawn (assets/06-draw-in-turn.js). On a phone a chart
    is drawn as it nears the screen: the page is scrolled through as a reader would,
    then back to its top."""

    def drawn(driver) -> bool:
        return driver.execute_script("""
            if (performance.getEntriesByName('atmp:all-charts-drawn').length) { return true; }
            const waiting = [...document.querySelectorAll('.chart-graph')]
              .find(graph => graph.offsetParent && !graph.querySelector('.main-svg'));
            if (waiting) { waiting.scrollIntoView({block: 'center', behavior: 'instant'}); }
            return false;""")

    dash_duo._wait_for(drawn, timeout=timeout, msg="the charts were never all drawn")
    dash_duo.driver.execute_script("window.scrollTo({top: 0, behavior: 'instant'})")


def ids_selector(component_id: dict) -> str:
    """The CSS id of a pattern-matching component, as Dash writes it into the page."""
    text = json.dumps(component_id, sort_keys=True, separators=(",", ":"))
    return "".join(f"\\{c}" if not c.isalnum() and c not in "-_" else c for c in text)


def slide_title(dash_duo) -> str:
    return dash_duo.driver.execute_script(
        "const gd = document.querySelector('#slide .js-plotly-plot');"
        "return gd && gd.layout && gd.layout.title ? gd.layout.title.text : '';"
    )


def wait_for_slide(dash_duo, chart: Chart, lang: str = "en", timeout: float = 8):
    """The slide of `chart`, whose title names its scope ("Akademiska (Uppsala): …")."""
    title = chart.title(lang)
    dash_duo._wait_for(
        lambda _driver: (
            title in re.sub("<[^>]+>", "", (slide_title(dash_duo) or "").replace("<br>", " "))
        ),
        timeout=timeout,
        msg=f"the slide never showed {chart.key}",
    )


def wait_for_text_slide(dash_duo, title: str, timeout: float = 8):
    """A slide that is not a chart (title, key figures, caveats, sources) titled `title`."""
    dash_duo._wait_for(
        lambda _driver: (
            _driver.execute_script(
                "const h = document.querySelector('#slide-stage .slide-title');"
                "return h ? h.textContent : '';"
            )
            == title
        ),
        timeout=timeout,
        msg=f"the slide never showed {title!r}",
    )


def choose(dash_duo, dimension: str, code: str):
    """Open a filter dropdown, tick the option with value `code`, close it."""
    dash_duo.find_element(f"#{ids.dropdown(dimension)}").click()
    dash_duo.wait_for_element(f"[role=listbox] input[value={code}]").click()
    dash_duo.driver.switch_to.active_element.send_keys(Keys.ESCAPE)


def click_centred(dash_duo, selector: str):
    """Click a control in the middle of the window, clear of the sticky filter strip."""
    element = dash_duo.wait_for_element(selector)
    dash_duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element
    )
    element.click()


def press(dash_duo, key: str):
    ActionChains(dash_duo.driver).send_keys(key).perform()


def presenting(dash_duo) -> bool:
    return "presenting" in dash_duo.find_element(f"#{ids.APP}").get_attribute("class")


def downloaded(dash_duo, suffix: str, timeout: float = 8) -> Path:
    folder = Path(dash_duo.download_path)
    found = {}

    def ready(_driver):
        files = [f for f in folder.iterdir() if f.name.endswith(suffix)]
        found["file"] = files[0] if files else None
        return bool(files)

    dash_duo._wait_for(ready, timeout=timeout, msg=f"no {suffix} was downloaded")
    return found["file"]


# Every text a drawn chart writes (ticks, legend, values, notes, axis titles) that runs out
# of its chart or into another: [chart, "clipped" or "overlap", text, other].
TEXT_PROBLEMS = """
return (function () {
  const found = [];
  document.querySelectorAll('.chart-graph .js-plotly-plot').forEach(function (gd) {
    const card = gd.closest('[data-chart]');
    if (!card || !gd.offsetParent) { return; }
    const svg = gd.querySelector('.main-svg').getBoundingClientRect();
    const texts = [...gd.querySelectorAll('.xtick text, .ytick text, .legendtext, .bartext, '
        + '.textpoint text, .annotation-text, .g-xtitle text, .g-ytitle text')]
      .filter(t => t.textContent.trim() && t.getAttribute('opacity') !== '0')
      .map(t => ({text: t.textContent.trim().slice(0, 40), box: t.getBoundingClientRect()}))
      .filter(t => t.box.width > 0);
    texts.forEach(function (t) {
      const b = t.box;
      if (b.left < svg.left - 1 || b.right > svg.right + 1 || b.top < svg.top - 1
          || b.bottom > svg.bottom + 1) {
        found.push([card.dataset.chart, 'clipped', t.text, '']);
      }
    });
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i].box, b = texts[j].box;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 2 && h > 2) {
          found.push([card.dataset.chart, 'overlap', texts[i].text, texts[j].text]);
        }
      }
    }
  });
  return found;
}());
"""
