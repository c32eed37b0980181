"""The benchmarks' own parts, cheaply: the figures are measured by `make bench`, never here."""

from __future__ import annotations

import json
from itertools import islice

from atmp import store
from atmp.vocab import FILTER_DIMENSIONS
from bench import baseline_app
from bench.sequence import UPDATE, Page, walk
from components.banner import data_version


def test_bch001_the_baseline_draws_every_chart_and_applies_the_filters(published):
    plain = baseline_app.figures(published, {dim: [] for dim in FILTER_DIMENSIONS})
    crossed = baseline_app.figures(
        published,
        {
            **{dim: [] for dim in FILTER_DIMENSIONS},
            "centre": ["karolinska"],
            "atmp_class": ["ex_vivo_gtmp", "sctmp"],
            "status": ["open"],
        },
    )
    for drawn in (plain, crossed):
        assert len(drawn) == len(baseline_app.CHARTS)
        assert all(figure.layout.height for figure in drawn)
    assert len(crossed[0].data) < len(plain[0].data)  # two ATMP classes of five


def test_bch002_the_walk_changes_one_dropdown_at_a_time_crossing_and_clearing_filters():
    changes = list(islice(walk(1), 200))
    assert changes == list(islice(walk(1), 200))
    previous: dict[str, list[str]] = {}
    for trigger, values in changes:
        changed = {key for key, codes in values.items() if codes != previous.get(key, [])}
        assert changed == {trigger.removesuffix(".value")}
        for key, codes in values.items():
            vocabulary = FILTER_DIMENSIONS[key.removeprefix("filter-")]
            assert codes == [code for code in vocabulary.codes() if code in codes]
        previous = values
    active = [sum(1 for codes in values.values() if codes) for _, values in changes]
    assert max(active) >= 3 and 0 in active


def test_bch003_a_change_carries_the_pages_data_version_and_the_link_the_last_answer_set():
    from app import server

    client = server.test_client()

    def post(body: bytes) -> dict:
        answer = client.post(UPDATE, data=body, content_type="application/json")
        assert answer.status_code == 200
        return answer.get_json()

    page = Page(client.get("/_dash-dependencies").get_json())
    page.opened(post(page.open_body()))
    page.answered(
        post(page.change_body(("filter-centre.value", {"filter-centre": ["karolinska"]})))
    )
    body = json.loads(
        page.change_body(
            ("filter-status.value", {"filter-centre": ["karolinska"], "filter-status": ["open"]})
        )
    )
    sent = {item["id"]: item["value"] for item in body["inputs"] if isinstance(item, dict)}
    assert sent["url"] == "?centre=karolinska"
    assert sent["data-version"] == data_version(store.current(), store.problem())
