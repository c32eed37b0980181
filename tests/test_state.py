"""The whole view in the link: every piece of state survives the round trip; junk never errors."""

from __future__ import annotations

import pytest

from atmp.filters import Filters
from atmp.state import Offer, ViewState, from_query, join_query

CHARTS = Offer(("a", "b", "c"))


def links(state: ViewState, offer: Offer = CHARTS) -> dict[str, str]:
    """The whole query string of every move, as assets/20-view.js joins them."""
    filters = state.filters.to_query().lstrip("?")
    return {key: join_query(filters, move) for key, move in state.moves(offer).items()}


def test_sta001_every_piece_of_state_round_trips():
    state = ViewState(
        filters=Filters(centre=("akademiska",), status=("open",)),
        lang="sv",
        theme="dark",
        chart="b",
        present=True,
        slide=3,
        advance=20,
    )
    query = state.to_query()
    assert query == (
        "?centre=akademiska&status=open&lang=sv&theme=dark&chart=b&present=1&slide=3&advance=20"
    )
    assert from_query(query, CHARTS) == (state, [])


def test_sta002_the_default_view_is_the_plain_address():
    assert ViewState().to_query() == ""
    assert from_query("", CHARTS) == (ViewState(), [])


@pytest.mark.parametrize(
    ("search", "bad"),
    [
        ("?lang=de", "lang=de"),
        ("?theme=pink", "theme=pink"),
        ("?chart=zzz", "chart=zzz"),
        ("?present=yes", "present=yes"),
        ("?present=1&slide=9", "slide=9"),
        ("?present=1&slide=x", "slide=x"),
        ("?present=1&advance=1", "advance=1"),
        ("?present=1&advance=-5", "advance=-5"),
        ("?present=1&slide=0", "slide=0"),
    ],
)
def test_sta003_a_bad_value_falls_back_to_the_default_and_is_named(search, bad):
    state, unknown = from_query(search, CHARTS)
    assert unknown == [bad]
    assert state.lang == "en" and state.theme == "light" and state.chart is None
    assert state.slide == 1 and state.advance == 0


def test_sta004_slide_and_advance_only_live_in_presentation_mode():
    state, _ = from_query("?slide=2&advance=20", CHARTS)
    assert (state.present, state.slide, state.advance) == (False, 1, 0)
    assert state.to_query() == ""


def test_sta005_presenting_starts_at_the_chart_in_focus_and_leaving_focuses_the_slide():
    # The default deck: title, key figures, the charts a, b, c, sources.
    state, _ = from_query("?chart=b&present=1", CHARTS)
    assert state.slide == 4
    page = ViewState(chart="c")
    assert links(page)["present"] == "?chart=c&present=1&slide=5"
    presenting = ViewState(present=True, slide=3, advance=30)
    assert links(presenting)["exit"] == "?chart=a"
    # Leaving from a slide that is no chart keeps the chart in focus before.
    assert links(ViewState(chart="b", present=True, slide=1))["exit"] == "?chart=b"


def test_sta006_slides_wrap_around_both_ways():
    found = links(ViewState(present=True, slide=6, lang="sv"))
    assert found["next"] == "?lang=sv&present=1&slide=1"
    assert found["previous"] == "?lang=sv&present=1&slide=5"
    first = links(ViewState(present=True, slide=1))
    assert first["previous"] == "?present=1&slide=6"
    assert (first["first"], first["last"]) == ("?present=1&slide=1", "?present=1&slide=6")


def test_sta007_theme_and_language_switches_keep_the_rest_of_the_view():
    state = ViewState(filters=Filters(atmp_class=("tep",)), theme="dark")
    found = links(state)
    assert found["theme"] == "?class=tep"
    assert found["lang_sv"] == "?class=tep&lang=sv&theme=dark"
    assert found["chart_b"] == "?class=tep&theme=dark&chart=b"


def test_sta008_filters_and_state_errors_are_reported_together():
    state, unknown = from_query("?centre=mars&lang=sv&colour=red", CHARTS)
    assert state.lang == "sv"
    assert unknown == ["colour", "centre=mars"]


def test_sta009_a_crafted_request_with_no_query_string_gets_the_default_view():
    for search in (None, 42, ["?lang=sv"], {"lang": "sv"}):
        assert from_query(search, CHARTS) == (ViewState(), [])


def test_sta010_a_move_is_the_query_after_the_filters_so_filters_are_sent_once():
    plain = ViewState(lang="sv", chart="b")
    filtered = ViewState(
        filters=Filters(centre=("akademiska",), atmp_class=("tep",)), lang="sv", chart="b"
    )
    assert filtered.moves(CHARTS) == plain.moves(CHARTS)  # a filter change keeps every move
    assert all("centre" not in move for move in filtered.moves(CHARTS).values())
    assert links(filtered)["theme"] == "?centre=akademiska&class=tep&lang=sv&theme=dark&chart=b"
    for key, move in filtered.moves(CHARTS).items():
        assert links(filtered)[key] == join_query("centre=akademiska&class=tep", move)
    assert links(plain)["lang_en"] == "?chart=b"
    assert links(ViewState(lang="sv"))["lang_en"] == ""
    assert join_query("", "") == "" and join_query("class=tep", "") == "?class=tep"
