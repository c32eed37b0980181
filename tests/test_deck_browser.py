"""Decks in headless Chromium: built on the page, shared as a link, played with the keys,
followed by the presenter's window."""

from __future__ import annotations

import base64
import re
from urllib.parse import parse_qs, urlparse

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from atmp.deck import Deck, Slide, decode
from atmp.filters import Filters
from atmp.state import ViewState
from atmp.vocab import FILTER_DIMENSIONS
from components import ids
from tests.support.browser import (
    choose,
    chromium_options,
    click_centred,
    ids_selector,
    presenting,
    press,
    slide_title,
    wait_for_text_slide,
)

pytestmark = pytest.mark.browser

CHARTS = ("trials_by_class", "trials_by_status", "cart", "vecura", "per_100k", "arm")


def _deck_of(url: str) -> Deck:
    value = parse_qs(urlparse(url).query)["deck"][0]
    return decode(
        value,
        (*CHARTS, "trials_by_disease", "hospital_exemption", "exports"),
        tuple(FILTER_DIMENSIONS),
    )


def _wait_for_deck(dash_duo, count: int) -> Deck:
    dash_duo.wait_for_text_to_equal(f"#{ids.DECK_OPEN}", f"Deck ({count})")
    dash_duo._wait_for(lambda d: "deck=" in d.current_url, timeout=8, msg="no deck in the link")
    return _deck_of(dash_duo.driver.current_url)


def open_deck_panel(dash_duo) -> None:
    """Open the deck panel and wait until it has slid in: a click during the slide lands
    where the control was a moment before."""
    click_centred(dash_duo, f"#{ids.DECK_OPEN}")
    dash_duo.wait_for_element(f"#{ids.DECK_SHEET}.show:not(.showing)")


def _labels(driver) -> list[str]:
    """The deck panel's slides, read at once (the panel is redrawn after every edit)."""
    return driver.execute_script(
        "return [...document.querySelectorAll('.deck-slide-label')].map(e => e.textContent)"
    )


def test_dkb001_three_views_become_a_deck_that_a_link_carries_to_a_fresh_browser(
    dash_duo, dash_app
):
    dash_duo.start_server(dash_app)
    dash_duo.driver.get(dash_duo.server_url + "/?centre=karolinska")
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", "29")
    click_centred(dash_duo, "#" + ids_selector(ids.deck_add("trials_by_class")))
    _wait_for_deck(dash_duo, 1)
    click_centred(dash_duo, f"#{ids.RESET}")
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", "43")
    click_centred(dash_duo, "#" + ids_selector(ids.deck_add("cart")))
    _wait_for_deck(dash_duo, 2)
    choose(dash_duo, "centre", "akademiska")
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", "14")
    click_centred(dash_duo, "#" + ids_selector(ids.deck_add("trials_by_status")))
    deck = _wait_for_deck(dash_duo, 3)
    assert [(s.chart, s.filters.centre) for s in deck.slides] == [
        ("trials_by_class", ("karolinska",)),
        ("cart", ()),
        ("trials_by_status", ("akademiska",)),
    ]

    open_deck_panel(dash_duo)
    dash_duo.wait_for_element(".deck-slide:nth-child(3)")
    click_centred(dash_duo, "#" + ids_selector(ids.deck_edit("up", 2)))  # by mouse
    dash_duo._wait_for(
        lambda d: _labels(d)[1].startswith("Chart: Trials by status"), timeout=8, msg="not moved"
    )
    dash_duo.find_element("#" + ids_selector(ids.deck_edit("down", 0))).send_keys(
        Keys.ENTER
    )  # keys
    dash_duo._wait_for(
        lambda d: _labels(d)[0].startswith("Chart: Trials by status"), timeout=8, msg="not moved"
    )
    notes = dash_duo.find_element("#" + ids_selector(ids.deck_text("notes", 0)))
    notes.send_keys("Uppsala: open trials doubled.")
    dash_duo.find_element(
        "#" + ids_selector(ids.deck_text("heading", 1))
    ).click()  # notes lose focus
    dash_duo._wait_for(
        lambda d: _deck_of(d.current_url).slides[0].notes == "Uppsala: open trials doubled.",
        timeout=8,
        msg="the notes never reached the link",
    )
    expected = [
        "Chart: Trials by status — Akademiska (Uppsala)",
        "Chart: Trials by ATMP class — Karolinska",
        "Chart: CAR-T patients in clinical routine — Karolinska and Akademiska (Uppsala)",
    ]
    assert _labels(dash_duo.driver) == expected
    click_centred(dash_duo, ".deck-actions [data-copy]")
    dash_duo.wait_for_text_to_equal(f"#{ids.COPY_STATUS}", "Link copied.")
    link = dash_duo.driver.current_url
    assert len(urlparse(link).query) < 2000

    fresh = webdriver.Chrome(options=chromium_options())
    try:
        fresh.get(link)
        fresh.implicitly_wait(10)
        fresh.find_element(By.ID, ids.DECK_OPEN).click()
        fresh.find_element(By.CSS_SELECTOR, ".deck-slide:nth-child(3)")
        assert _labels(fresh) == expected
        first_notes = fresh.find_element(
            By.CSS_SELECTOR, "#" + ids_selector(ids.deck_text("notes", 0))
        )
        assert first_notes.get_attribute("value") == "Uppsala: open trials doubled."
    finally:
        fresh.quit()
    assert dash_duo.get_logs() == []


THREE = Deck(
    (
        Slide("title", heading="Cluster meeting", notes="Welcome everyone."),
        Slide("chart", "trials_by_class", Filters(centre=("karolinska",)), notes="Karolinska."),
        Slide("chart", "cart", Filters(centre=("akademiska",)), "Uppsala treats more"),
    ),
    "Cluster meeting",
)


def _shown(dash_duo) -> str:
    """The slide on the stage: a chart's title or a text slide's."""
    return dash_duo.driver.execute_script(
        "const h = document.querySelector('#slide-stage .slide-title');"
        "return h ? h.textContent : '';"
    ) or slide_title(dash_duo)


def _wait_for_shown(dash_duo, words: str) -> None:
    dash_duo._wait_for(lambda _d: words in _shown(dash_duo), timeout=8, msg=f"never {words!r}")


def test_dkb002_the_deck_plays_with_a_clicker_keys_numbers_and_a_black_screen(dash_duo, dash_app):
    dash_duo.start_server(dash_app)
    dash_duo.driver.get(dash_duo.server_url + "/" + ViewState(deck=THREE).to_query())
    dash_duo.wait_for_text_to_equal(f"#{ids.DECK_OPEN}", "Deck (3)")
    open_deck_panel(dash_duo)
    click_centred(dash_duo, ".deck-actions .tool-present")
    wait_for_text_slide(dash_duo, "Cluster meeting")
    assert presenting(dash_duo)
    press(dash_duo, Keys.PAGE_DOWN)
    _wait_for_shown(dash_duo, "Karolinska: Trials by ATMP class")
    press(dash_duo, Keys.END)
    _wait_for_shown(dash_duo, "Uppsala treats more")
    press(dash_duo, Keys.HOME)
    wait_for_text_slide(dash_duo, "Cluster meeting")
    press(dash_duo, "2")
    press(dash_duo, Keys.ENTER)
    _wait_for_shown(dash_duo, "Karolinska: Trials by ATMP class")
    assert "slide=2" in dash_duo.driver.current_url
    press(dash_duo, "b")
    dash_duo.wait_for_element("body.deck-black")
    assert not dash_duo.find_element(f"#{ids.SLIDE_STAGE}").is_displayed()
    press(dash_duo, "x")  # any key brings the slide back, and moves nowhere
    dash_duo._wait_for(
        lambda d: not d.find_elements(By.CSS_SELECTOR, "body.deck-black"), timeout=4, msg="black"
    )
    assert "slide=2" in dash_duo.driver.current_url
    press(dash_duo, Keys.ARROW_LEFT)
    wait_for_text_slide(dash_duo, "Cluster meeting")
    press(dash_duo, Keys.ESCAPE)
    dash_duo._wait_for(lambda _d: not presenting(dash_duo), timeout=8, msg="still presenting")
    assert "deck=" in dash_duo.driver.current_url  # leaving keeps the deck
    assert dash_duo.get_logs() == []


def test_dkb003_auto_advance_has_a_pause_button_for_a_touch_screen(dash_duo, dash_app):
    dash_duo.start_server(dash_app)
    query = ViewState(deck=THREE, present=True, advance=5).to_query()
    dash_duo.driver.get(dash_duo.server_url + "/" + query)
    wait_for_text_slide(dash_duo, "Cluster meeting")
    _wait_for_shown(dash_duo, "Karolinska: Trials by ATMP class")  # advanced by itself
    play = dash_duo.find_element(".deck-play")
    assert play.get_attribute("aria-label") == "Pause"
    play.click()
    dash_duo.wait_for_element(".deck-is-paused")
    assert play.get_attribute("aria-label") == "Play"
    assert "slide=2" in dash_duo.driver.current_url
    play.click()
    _wait_for_shown(dash_duo, "Uppsala treats more")


def test_dkb004_the_presenter_window_and_the_audience_window_keep_to_one_slide(dash_duo, dash_app):
    dash_duo.start_server(dash_app)
    driver = dash_duo.driver
    driver.get(dash_duo.server_url + "/" + ViewState(deck=THREE).to_query())
    dash_duo.wait_for_text_to_equal(f"#{ids.DECK_OPEN}", "Deck (3)")
    audience = driver.current_window_handle
    open_deck_panel(dash_duo)
    click_centred(dash_duo, ".deck-actions [data-presenter]")
    dash_duo._wait_for(lambda d: len(d.window_handles) == 2, timeout=8, msg="no presenter window")
    presenter = next(handle for handle in driver.window_handles if handle != audience)
    wait_for_text_slide(dash_duo, "Cluster meeting")  # the audience presents

    driver.switch_to.window(presenter)
    dash_duo._wait_for(
        lambda d: (
            "presenter=1" in d.current_url and d.find_elements(By.CSS_SELECTOR, ".presenter-notes")
        ),
        timeout=10,
        msg="no presenter view",
    )
    dash_duo.wait_for_contains_text(".presenter-notes", "Welcome everyone.")
    dash_duo.wait_for_contains_text(".presenter-next", "Karolinska: Trials by ATMP class")
    press(dash_duo, Keys.ARROW_RIGHT)  # the presenter moves on
    dash_duo.wait_for_contains_text(".presenter-notes", "Karolinska.")

    driver.switch_to.window(audience)
    _wait_for_shown(dash_duo, "Karolinska: Trials by ATMP class")  # the audience follows
    press(dash_duo, Keys.ARROW_RIGHT)  # and the other way round
    _wait_for_shown(dash_duo, "Uppsala treats more")
    driver.switch_to.window(presenter)
    dash_duo.wait_for_contains_text(".presenter-next", "End of the deck")
    assert "slide=3" in driver.current_url


def test_dkb005_a_damaged_or_unknown_deck_gets_a_notice_and_the_default_deck(dash_duo, dash_app):
    dash_duo.start_server(dash_app)
    damaged = ViewState(deck=THREE).to_query()[:-8]  # cut short, as a mail client might
    dash_duo.driver.get(dash_duo.server_url + "/" + damaged)
    dash_duo.wait_for_contains_text(f"#{ids.NOTICE}", "the deck in the link is damaged")
    dash_duo.wait_for_text_to_equal(f"#{ids.DECK_OPEN}", "Deck (14)")  # the default deck
    dash_duo.driver.get(dash_duo.server_url + "/" + damaged + "&present=1")
    wait_for_text_slide(dash_duo, "ATMP in the Stockholm–Uppsala cluster")
    dash_duo.driver.get(dash_duo.server_url + "/?deck=7xyz&lang=sv")
    dash_duo.wait_for_contains_text(f"#{ids.NOTICE}", "en annan version")
    assert dash_duo.find_element(f"#{ids.DECK_OPEN}").text.startswith("Bildserie (")
    assert dash_duo.get_logs() == []


def test_dkb006_the_handout_prints_one_slide_per_a4_landscape_page(dash_duo, dash_app):
    dash_duo.start_server(dash_app)
    dash_duo.driver.get(dash_duo.server_url + "/" + ViewState(deck=THREE, theme="dark").to_query())
    open_deck_panel(dash_duo)
    click_centred(dash_duo, ".deck-actions [data-go=handout]")
    dash_duo.wait_for_element(f"#{ids.handout_slide(3)} .main-svg")
    assert "handout=1" in dash_duo.driver.current_url
    assert len(dash_duo.find_elements(".handout-page")) == len(THREE)
    printed = dash_duo.driver.execute_cdp_cmd(
        "Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True}
    )
    pdf = base64.b64decode(printed["data"])
    sizes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert len(sizes) == len(THREE)  # a page per slide, none blank after the last
    width, height = (float(value) for value in sizes[0])
    assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points
    # Printed on white whatever the theme: the handout's text slide is black on white.
    colours = dash_duo.driver.execute_script(
        "const s = getComputedStyle(document.querySelector('.handout .text-slide'));"
        "return [s.color, s.backgroundColor];"
    )
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    click_centred(dash_duo, ".handout-tools [data-go=exit]")
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('trials')}", "43")
    assert "handout" not in dash_duo.driver.current_url
    assert dash_duo.get_logs() == []


def test_dkb007_a_deck_file_of_the_data_folder_is_listed_and_opens(dash_duo, dash_app):
    dash_duo.start_server(dash_app)
    dash_duo.driver.get(dash_duo.server_url + "/?lang=sv")
    open_deck_panel(dash_duo)
    click_centred(dash_duo, ".deck-files [data-go='deck_cluster-meeting']")
    dash_duo.wait_for_text_to_equal(f"#{ids.DECK_OPEN}", "Bildserie (9)")
    dash_duo.wait_for_element(".deck-slide:nth-child(9)")
    heading = dash_duo.find_element("#" + ids_selector(ids.deck_text("heading", 0)))
    assert heading.get_attribute("value") == "ATMP i klustret: läget"
    assert dash_duo.get_logs() == []
