"""The benchmarks' own parts, cheaply: the figures are measured by `make bench`, never here."""

from __future__ import annotations

from bench import baseline_app, sequence
from tests.dash_request import dashboard_request, search_after


def test_bch001_the_baseline_draws_every_chart_and_applies_the_filters(published):
    def figures(values: dict) -> list:
        return baseline_app.figures(published, {
            dim: values.get(f"filter-{dim}", []) for dim in baseline_app.FILTER_DIMENSIONS})

    plain, crossed = figures({}), figures(sequence.selections()[4][1])
    for drawn in (plain, crossed):
        assert len(drawn) == len(baseline_app.CHARTS)
        assert all(figure.layout.height for figure in drawn)
    assert len(crossed[0].data) < len(plain[0].data)  # two ATMP classes of five


def test_bch002_the_filter_cycle_uses_known_codes_and_ends_on_the_plain_dashboard():
    for dimension, codes in sequence.CHANGES:
        assert all(code in baseline_app.FILTER_DIMENSIONS[dimension] for code in codes)
    assert not any(sequence.selections()[-1][1].values())


def test_bch003_each_change_carries_the_link_the_previous_answer_set():
    from app import server

    client = server.test_client()
    dependencies = client.get("/_dash-dependencies").get_json()
    search = ""
    for trigger, values in sequence.selections()[:2]:
        body = dashboard_request(dependencies, trigger, {**values, "url": search})
        assert {"id": "url", "property": "search", "value": search} in body["inputs"]
        search = search_after(client.post(sequence.UPDATE, json=body).get_json(), search)
    assert search == "?centre=karolinska&class=ex_vivo_gtmp,sctmp"
