"""Open data: the datasets at stable URLs, filtered as the page's links filter, and a clear
4xx for what the data cannot answer."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atmp import store
from atmp.data import load_snapshot
from tests.support.fuzzing import REQUEST_FUZZ


def test_opd001_the_catalogue_lists_every_dataset_with_its_release(client, published):
    answer = client.get("/api/v1/datasets")
    assert answer.status_code == 200 and answer.headers["Content-Security-Policy"]
    body = answer.get_json()
    assert body["release"]["reference_period"] == "spring 2025"
    assert "Karolinska ATMP-centrum" in body["release"]["citation"]
    rows = {entry["name"]: entry["rows"] for entry in body["datasets"]}
    assert rows == {name: len(frame) for name, frame in published.tables.items()}
    cart = next(entry for entry in body["datasets"] if entry["name"] == "cart")
    assert cart["csv"] == "/api/v1/datasets/cart.csv" and "patients" in cart["columns"]


def test_opd002_a_dataset_as_csv_and_json_with_the_pages_filters(client):
    answer = client.get("/api/v1/datasets/cart.csv?centre=akademiska")
    assert answer.headers["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(answer.get_data(as_text=True))))
    assert [(row["centre"], row["patients"]) for row in rows] == [("akademiska", "38")]
    trials = client.get("/api/v1/datasets/trials.json?centre=akademiska&class=tep").get_json()
    classes = [row for row in trials["rows"] if row["dimension"] == "atmp_class"]
    assert [(row["code"], row["trials"]) for row in classes] == [("tep", 2)]
    assert {row["centre"] for row in trials["rows"]} == {"akademiska"}
    assert trials["filters"] == "centre=akademiska&class=tep"
    assert trials["release"]["tag"] == "spring-2025"


@pytest.mark.parametrize(
    ("url", "status", "words"),
    [
        ("/api/v1/datasets/patients.csv", 404, "no dataset 'patients': datasets are trials"),
        ("/api/v1/datasets/cart.xml", 404, "ask for NAME.csv or NAME.json"),
        ("/api/v1/datasets/cart.csv?colour=red", 400, "not understood: colour"),
        ("/api/v1/datasets/cart.csv?centre=mars", 400, "not understood: centre=mars"),
        ("/api/v1/datasets/cart.json?release=autumn-1999", 400, "no release 'autumn-1999'"),
    ],
)
def test_opd003_what_the_data_cannot_answer_is_a_4xx_with_a_message(client, url, status, words):
    answer = client.get(url)
    assert answer.status_code == status
    assert words in answer.get_json()["error"]


def test_opd004_formulas_in_the_data_are_inert_in_the_csv(client, data_copy):
    path = data_copy / "cart.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(',"Report text', ',"=1+1 Report', 1),
        encoding="utf-8",
    )
    before = store.current()
    store.install(load_snapshot(data_copy))
    try:
        text = client.get("/api/v1/datasets/cart.csv").get_data(as_text=True)
    finally:
        store.install(before)
    assert "'=1+1 Report" in text


@REQUEST_FUZZ
@given(name=st.text(max_size=20), query=st.text(max_size=60))
def test_opd005_no_request_gets_a_5xx(client, name, query):
    from urllib.parse import quote

    answer = client.get(f"/api/v1/datasets/{quote(name, safe='')}.csv?{quote(query, safe='=&')}")
    assert answer.status_code < 500
