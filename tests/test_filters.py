"""Filters and their query string: the link is the state."""

from __future__ import annotations

from atmp.filters import Filters, from_params, from_values, parse_query


def from_query(search: str | None) -> tuple[Filters, list[str]]:
    """The filters of a link, as the page reads them, and what it did not understand."""
    params, unreadable = parse_query(search)
    filters, unknown = from_params(params)
    return filters, unreadable + unknown


def test_flt001_query_round_trip_in_vocabulary_order():
    filters = Filters(centre=("karolinska",), atmp_class=("in_vivo_gtmp", "tep"))
    query = filters.to_query()
    assert query == "?centre=karolinska&class=in_vivo_gtmp,tep"
    assert from_query(query) == (filters, [])


def test_flt002_unknown_values_and_params_are_reported_not_applied():
    filters, unknown = from_query("?centre=akademiska,mars&class=tep&colour=red&status=")
    assert filters == Filters(centre=("akademiska",), atmp_class=("tep",))
    assert unknown == ["colour", "centre=mars"]


def test_flt003_hostile_queries_give_empty_filters():
    for search in (None, "", "?", "?centre", "?%ZZ", "?centre=<script>", "?" + "a=b&" * 2000):
        filters, _ = from_query(search)
        assert filters == Filters()


def test_flt004_click_toggles_a_single_value():
    filters = Filters(status=("open", "follow_up"))
    assert filters.toggled("status", "open") == Filters(status=("open",))
    assert filters.toggled("status", "open").toggled("status", "open") == Filters()


def test_flt005_chip_removes_one_value():
    filters = Filters(disease_area=("oncology", "cardiology"))
    assert filters.without("disease_area", "oncology") == Filters(disease_area=("cardiology",))


def test_flt006_values_from_dropdowns_ignore_junk():
    filters, unknown = from_values({"centre": ["akademiska", 3, None], "status": "open"})
    assert filters == Filters(centre=("akademiska",), status=("open",))
    assert len(unknown) == 2
