"""Hostile and malformed requests: never a 5xx, a traceback or an internal path in an answer.

Property-based (hypothesis), through Flask's test client: mutations of the requests the page
really sends (built from /_dash-dependencies), raw bodies that are not JSON, and crafted links.
Derandomized and without a example database, so every run tries the same examples.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.dash_request import dashboard_request, dataset_request, page_request

ROOT = Path(__file__).resolve().parent.parent
LEAKS = ("Traceback", "site-packages", '.py"', 'File "', str(ROOT), "/work/")
UPDATE = "/_dash-update-component"

HOSTILE = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "javascript:alert(1)",
        "../../../../etc/passwd",
        "..\\..\\windows\\win.ini",
        "/work/../etc/shadow",
        "%2e%2e%2f",
        "\x00",
        "\ud800",
        "\u202e",
        "😀" * 50,
        "' OR 1=1 --",
        "{{7*7}}",
        "${7*7}",
        "__proto__",
        "constructor",
        "ALL",
        "MATCH",
        "NaN",
        "-1",
        "1e400",
        "a" * 100_000,
    ]
)
SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40) | HOSTILE
JSON = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.dictionaries(st.text(max_size=10) | HOSTILE, inner, max_size=5)
    ),
    max_leaves=20,
)
# Far deeper than any request, deeper than Python's recursion limit too: a marker in the
# value, nested brackets in the text that is sent (json.dumps cannot write them).
DEEP = st.integers(10, 5000).map(lambda depth: f"<deep {depth}>")
QUERY_VALUES = (
    st.text(max_size=30)
    | HOSTILE
    | st.sampled_from(["akademiska", "karolinska", "sv", "dark", "1", "0", "99"])
)
QUERY_KEYS = st.sampled_from(
    [
        "centre",
        "atmp_class",
        "disease_area",
        "status",
        "phase",
        "lang",
        "theme",
        "chart",
        "present",
        "slide",
        "advance",
        "reading",
        "release",
        "class",
        "disease",
    ]
)
QUERIES = st.lists(st.tuples(QUERY_KEYS | st.text(max_size=10), QUERY_VALUES), max_size=6).map(
    lambda pairs: "?" + "&".join(f"{key}={value}" for key, value in pairs)
)
FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=False,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)


@pytest.fixture(scope="module")
def requests(client) -> list[dict]:
    """A real request of each server-side callback the page sends."""
    dependencies = client.get("/_dash-dependencies").get_json()
    return [
        dashboard_request(dependencies, "url.search", {"url": "?centre=akademiska"}),
        dashboard_request(
            dependencies,
            "filter-centre.value",
            {"filter-centre": ["akademiska"], "filter-phase": ["1"]},
        ),
        page_request(dependencies, "?lang=sv&present=1&slide=2"),
        dataset_request(dependencies, "?status=open"),
    ]


@pytest.fixture(scope="module", autouse=True)
def answers(client, requests) -> list[dict]:
    """The answers to the real requests before any fuzzing."""
    return [answer(client, body) for body in requests]


@pytest.fixture(autouse=True)
def quiet(caplog):
    """The error log of thousands of rejected requests is not wanted in the test output."""
    caplog.set_level(logging.CRITICAL, logger="atmp")


def assert_handled(response) -> None:
    body = response.get_data(as_text=True)
    assert response.status_code < 500, body[:500]
    for leak in LEAKS:
        assert leak not in body, (leak, body[:500])


def paths(value, path=()):
    """Every place in a JSON value, as a path of keys and indices."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, (*path, index))


def mutate(body: dict, draw) -> dict:
    """One to three changes at random places: replace, delete, add, or rename a key."""
    body = json.loads(json.dumps(body))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(list(paths(body))))
        if not path:
            body = draw(JSON | DEEP)
            continue
        parent = body
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        action = draw(st.sampled_from(["replace", "delete", "add", "deep", "rename"]))
        if action == "replace":
            parent[last] = draw(JSON)
        elif action == "deep":
            parent[last] = draw(DEEP)
        elif action == "delete":
            del parent[last]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.text(max_size=10) | HOSTILE)] = draw(JSON)
        elif action == "add":
            parent.append(draw(JSON))
        elif isinstance(parent, dict):
            parent[draw(HOSTILE | st.text(max_size=10))] = parent.pop(last)
    return body


def serialized(body) -> bytes:
    text = json.dumps(body)
    return re.sub(r'"<deep (\d+)>"', lambda m: "[" * int(m[1]) + "]" * int(m[1]), text).encode()


@settings(FUZZ, max_examples=1000)
@given(data=st.data())
def test_fuz001_mutated_callback_requests(client, requests, data):
    body = mutate(data.draw(st.sampled_from(requests)), data.draw)
    assert_handled(
        client.post(UPDATE, data=serialized(body), headers={"Content-Type": "application/json"})
    )


@settings(FUZZ, max_examples=1000)
@given(
    body=st.binary(max_size=200)
    | st.text(max_size=200).map(str.encode)
    | JSON.map(lambda value: json.dumps(value).encode()),
    content_type=st.sampled_from(
        [
            None,
            "application/json",
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "application/json; charset=latin-1",
            "<script>",
        ]
    ),
)
def test_fuz002_bodies_that_are_not_requests(client, body, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    assert_handled(client.post(UPDATE, data=body, headers=headers))


@settings(FUZZ, max_examples=100)
@given(query=QUERIES)
def test_fuz003_crafted_links_to_the_page_and_its_callbacks(client, requests, query):
    assert_handled(client.get("/" + quote(query, safe="?&=", errors="surrogatepass")))
    page = json.loads(json.dumps(requests[2]))
    page["inputs"][0]["value"] = {"search": query}
    assert_handled(client.post(UPDATE, json=page))
    dashboard = json.loads(json.dumps(requests[0]))
    dashboard["inputs"][0]["value"] = query
    assert_handled(client.post(UPDATE, json=dashboard))


def test_fuz004_the_app_answers_as_before_after_the_fuzzing(client, requests, answers):
    """Runs after the fuzz tests (file order): they left nothing behind."""
    assert [answer(client, body) for body in requests] == answers


def answer(client, body: dict) -> dict:
    """The callback's answer; a download's content without its XLSX's time of writing."""
    response = client.post(UPDATE, json=body).get_json()["response"]
    if "download" in response:
        response["download"]["data"].pop("content")
    return response


def test_fuz005_a_failed_request_is_logged_with_what_it_needs(client, requests, caplog):
    caplog.set_level(logging.ERROR, logger="atmp")
    body = json.loads(json.dumps(requests[0]))
    body["inputs"] = body["inputs"][:2]  # fewer inputs than the callback takes
    assert client.post(UPDATE, json=body).status_code == 400
    [record] = caplog.records
    message = record.getMessage()
    assert message.startswith("request POST '/_dash-update-component' failed")
    assert body["output"][:150] in message  # which callback
    assert record.exc_info is not None and "IndexError" in caplog.text  # the traceback
