"""The page rendered from a link: its language everywhere, its view, and a notice for junk."""

from __future__ import annotations

import json

from plotly.utils import PlotlyJSONEncoder

from atmp.state import from_query
from atmp.views import offer
from components.layout import create_page


def page_text(published, search: str) -> str:
    state, unknown = from_query(search, offer(published))
    page = create_page(published, None, state, search, unknown)
    return json.dumps(page.to_plotly_json(), cls=PlotlyJSONEncoder, ensure_ascii=False)


def test_pag001_a_swedish_link_renders_no_english_words_of_the_interface(published):
    text = page_text(published, "?lang=sv")
    for english in (
        '"Copy link"',
        '"Present"',
        '"Table of the numbers"',
        '"Dark theme"',
        '"Skip to the charts"',
        '"Reset filters"',
        '"Ongoing trials"',
        '"Source: ',
        '"Chart 1 of',
        '"Select All"',
        '"Search"',
        '"No options found"',
    ):
        assert english not in text, english
    for swedish in (
        "Kopiera länk",
        "Presentera",
        "Tabell med siffrorna",
        "Mörkt tema",
        "Hoppa till",
        "Källa:",
        "Pågående prövningar",
        "1,49",
        '"select_all": "Välj alla"',
        '"search": "Sök"',
    ):
        assert swedish in text, swedish


def test_pag002_the_page_opens_showing_the_links_view(published):
    text = page_text(published, "?centre=akademiska&theme=dark&present=1&slide=4")
    assert '"className": "app presenting"' in text and '"theme": "dark"' in text
    assert "Slide 4 of" in text and "Centre: Akademiska (Uppsala)" in text
    assert "Karolinska 29" not in text  # the key figure is already filtered


def test_pag003_junk_in_a_link_is_named_in_a_notice_not_an_error(published):
    text = page_text(published, "?lang=xx&slide=99&present=1&centre=<script>")
    assert "lang=xx" in text and "slide=99" in text and "centre=<script>" in text
    assert "ignored" in text


def test_pag004_the_served_page_has_no_second_footer_landmark_and_no_inline_ie_script():
    from app import server

    html = server.test_client().get("/").get_data(as_text=True)
    assert "<footer" not in html and "Internet Explorer" not in html
    assert '<html lang="en">' in html
