"""Page load to all charts drawn in headless Chromium: the dashboard against a one-graph page.

"All charts drawn": the page holds the expected number of plotly graphs that are
drawn, a graph being drawn when it has its SVG and a trace group (`g.trace`) for
every trace of its figure that has points, or, for a figure without any points
(a chart that says "no breakdown"), its annotation. A script that Chromium runs
in every new document, before the page's own, watches the DOM with a
MutationObserver and notes `performance.now()` (milliseconds since the navigation
started) at the first mutation after which the condition holds.

Each page is loaded once unmeasured, then measured with the browser's cache (a
returning visitor: Dash's scripts are cached) and without it (a first visit).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from atmp.views import CHARTS
from bench.servers import DASHBOARD, ONE_GRAPH, serve
from tests.support.browser import chromium_options

WATCH = """
(() => {
  const expected = %d;
  const hasPoints = (trace) => ["x", "y", "z", "locations", "values", "value"].some(
    (key) => Array.isArray(trace[key]) ? trace[key].length > 0 : typeof trace[key] === "number");
  const drawn = (graph) => {
    if (!graph._fullLayout || !graph.querySelector(".main-svg")) return false;
    const traces = (graph.data || []).filter(hasPoints).length;
    return traces ? graph.querySelectorAll("g.trace").length >= traces
                  : graph.querySelectorAll("g.annotation").length > 0;
  };
  const observer = new MutationObserver(() => {
    const graphs = [...document.querySelectorAll(".js-plotly-plot")].filter(drawn);
    if (graphs.length >= expected) {
      window.__allChartsDrawn = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, {childList: true, subtree: true});
})();
"""

# Waits in the page for the moment the watcher noted; the poll only collects it.
COLLECT = """
const done = arguments[arguments.length - 1];
const look = () => window.__allChartsDrawn ? done(window.__allChartsDrawn)
                                           : requestAnimationFrame(look);
look();
"""


@dataclass(frozen=True)
class PageLoad:
    page: str
    graphs: int
    cached: list[float]  # ms, navigation start to all charts drawn
    uncached: list[float]


def browser() -> webdriver.Chrome:
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=chromium_options())
    driver.set_script_timeout(60)
    driver.execute_cdp_cmd("Network.enable", {})
    return driver


def load(driver: webdriver.Chrome, url: str) -> float:
    driver.get(url)
    return driver.execute_async_script(COLLECT)


def measure(driver: webdriver.Chrome, app: str, graphs: int, loads: int, log_dir: Path) -> PageLoad:
    watcher = driver.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument", {"source": WATCH % graphs}
    )
    try:
        with serve(app, Path("data").resolve(), 1, log_dir) as server:
            url = f"http://127.0.0.1:{server.port}/"
            load(driver, url)
            cached = [load(driver, url) for _ in range(loads)]
            driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
            uncached = [load(driver, url) for _ in range(loads)]
            driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})
    finally:
        driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", watcher)
    return PageLoad(app, graphs, cached, uncached)


def run(loads: int, log_dir: Path) -> list[PageLoad]:
    driver = browser()
    try:
        return [
            measure(driver, DASHBOARD, len(CHARTS), loads, log_dir),
            measure(driver, ONE_GRAPH, 1, loads, log_dir),
        ]
    finally:
        driver.quit()


def report(results: list[PageLoad]) -> list[str]:
    ours, one = results
    lines = [
        f"Page load to all charts drawn, headless Chromium, median of {len(ours.cached)} "
        "loads (ms; 1 gunicorn worker, published data)",
        f"  {'page':<22}{'graphs':>7}{'cached':>9}{'uncached':>10}",
    ]
    for result, name in ((ours, "dashboard"), (one, "one-graph page")):
        lines.append(
            f"  {name:<22}{result.graphs:>7}{statistics.median(result.cached):>9.0f}"
            f"{statistics.median(result.uncached):>10.0f}"
        )
    cached = statistics.median(ours.cached) / statistics.median(one.cached)
    uncached = statistics.median(ours.uncached) / statistics.median(one.uncached)
    lines.append(
        f"  ratio dashboard / one-graph (target <= 1.3x): cached {cached:.2f}x, "
        f"uncached {uncached:.2f}x"
    )
    return lines
