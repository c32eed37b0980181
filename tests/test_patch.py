"""A filter change sends only what changes, and what it sends makes exactly the new view."""

from __future__ import annotations

import copy
import itertools
import json

import numpy
import pytest
from dash import Patch, no_update
from plotly.io.json import to_json_plotly

from atmp import store
from atmp.data import load_snapshot
from atmp.diff import REMOVED, Inserted, changes
from atmp.filters import Filters
from atmp.sample import generate, marker_text, write
from atmp.state import ViewState
from callbacks.patches import changed_outputs
from components.banner import data_version
from components.render import PER_ITEM, outputs, page_form, render
from tests.support.dash_request import dashboard_request
from tests.support.data_files import DATA_DIR

# Filter states one after another: each dimension alone, crossed, narrowed, cleared.
FILTER_STEPS = [
    Filters(),
    Filters(centre=("akademiska",)),
    Filters(centre=("akademiska",), atmp_class=("ex_vivo_gtmp", "tep")),
    Filters(centre=("akademiska",), atmp_class=("tep",), disease_area=("oncology",)),
    Filters(atmp_class=("tep",), disease_area=("oncology",), status=("open",)),
    Filters(status=("open",), phase=("phase_1",)),
    Filters(phase=("phase_1", "phase_1_2")),
    Filters(centre=("karolinska",), disease_area=("immunological", "oncology")),
    Filters(centre=("karolinska", "akademiska"), status=("follow_up",)),
    Filters(),
    Filters(disease_area=("skin",)),
    Filters(
        centre=("akademiska",),
        atmp_class=("combined",),
        disease_area=("ent",),
        status=("start_up",),
        phase=("phase_3",),
    ),  # no trial: charts without data
    Filters(),
]
VIEWS = [
    {"lang": "en", "theme": "light"},
    {"lang": "sv", "theme": "dark"},
    {"lang": "en", "theme": "dark", "present": True, "slide": 3},
    {"lang": "sv", "theme": "light", "present": True, "slide": 5, "chart": "cart"},
]


def _set(value: object, path: tuple | list, new: object) -> None:
    *parents, key = path
    for part in parents:
        value = value[part]
    if new is REMOVED:
        del value[key]
    elif isinstance(new, Inserted):
        value.insert(key, new.value)
    elif isinstance(value, list) and key == len(value):
        value.append(new)
    else:
        value[key] = new


def applied(value: object, found: list) -> object:
    """`value` after the changes, each assignment or removal in turn."""
    value = copy.deepcopy(value)
    for path, new in found:
        _set(value, path, new)
    return value


def patched(value: object, patch: dict) -> object:
    """`value` after a Dash Patch's operations, as dash-renderer applies them."""
    value = copy.deepcopy(value)
    for operation in patch["operations"]:
        kind, location = operation["operation"], operation["location"]
        if kind == "Merge":
            target = value
            for part in location:
                target = target[part]
            target.update(operation["params"]["value"])
        elif kind == "Insert":
            target = value
            for part in location:
                target = target[part]
            target.insert(operation["params"]["index"], operation["params"]["value"])
        else:
            assert kind in ("Assign", "Delete"), kind
            _set(value, location, operation["params"]["value"] if kind == "Assign" else REMOVED)
    return value


def on_page(shown: object, sent: object) -> object:
    """An output's JSON on the page after the callback sent `sent` for it."""
    if sent is no_update:
        return shown
    plain = json.loads(to_json_plotly(sent))
    return patched(shown, plain) if isinstance(sent, Patch) else plain


@pytest.fixture(scope="module")
def synthetic(published, tmp_path_factory):
    folder = tmp_path_factory.mktemp("synthetic")
    write(generate(published, 7, 3000), folder, marker_text(7, 3000), DATA_DIR)
    return load_snapshot(folder)


def transitions():
    for view in VIEWS:
        for before, after in itertools.pairwise(FILTER_STEPS):
            yield ViewState(filters=before, **view), ViewState(filters=after, **view)


@pytest.mark.parametrize("data", ["published", "synthetic"])
def test_pat001_the_changes_turn_every_output_of_one_view_into_the_next(data, request):
    snapshot = request.getfixturevalue(data)
    for before, after in transitions():
        old, new = render(snapshot, before).as_json, render(snapshot, after).as_json
        found = changes(old, new)
        assert applied(old, found) == new, (before, after)
        assert old == new or found


@pytest.mark.parametrize("data", ["published", "synthetic"])
def test_pat002_the_patches_sent_make_exactly_the_new_view_on_the_page(data, request):
    snapshot = request.getfixturevalue(data)
    for before, after in transitions():
        shown, rendered = render(snapshot, before), render(snapshot, after)
        sent = changed_outputs(shown, rendered)
        page = {}
        for name, value in sent.items():
            if name in PER_ITEM:
                page[name] = [
                    on_page(old, item) for old, item in zip(shown.as_json[name], value, strict=True)
                ]
            elif value is not no_update or name in shown.as_json:
                page[name] = on_page(shown.as_json.get(name), value)
        assert page == rendered.as_json, (before, after)


@pytest.mark.parametrize("data", ["published", "synthetic"])
def test_pat007_the_form_a_change_is_computed_against_is_what_the_page_holds(data, request):
    snapshot = request.getfixturevalue(data)
    for _, view in transitions():
        for name, value in outputs(render(snapshot, view)).items():
            if value is not no_update:
                assert page_form(value) == json.loads(to_json_plotly(value)), (view, name)
    odd = {"x": (1, float("nan"), float("inf")), "y": numpy.array([1.5, 2]), "n": numpy.int64(3)}
    assert (
        page_form(odd)
        == json.loads(to_json_plotly(odd))
        == {
            "x": [1, None, None],
            "y": [1.5, 2],
            "n": 3,
        }
    )


def test_pat003_changes_keep_what_stays_and_remove_items_from_the_end():
    long = list(range(100))  # so that changing the list costs less than sending it
    old = {
        "data": [{"x": long, "marker": {"color": "a"}}, {"x": [2]}, {"x": [3]}],
        "layout": {"height": 300, "annotations": [{"text": "none"}]},
    }
    new = {"data": [{"x": long, "marker": {"color": "b"}}], "layout": {"height": 300}}
    assert changes(old, old) == []
    assert changes(old, new) == [
        (("data", 0, "marker", "color"), "b"),
        (("data", 2), REMOVED),
        (("data", 1), REMOVED),
        (("layout", "annotations"), REMOVED),
    ]
    assert applied(old, changes(old, new)) == new
    assert applied(new, changes(new, old)) == old
    # A short list whose items all change is sent whole, not as an operation per item.
    short_old = {"data": [{"x": [1]}, {"x": [2]}, {"x": [3]}]}
    assert changes(short_old, {"data": [{"x": [4]}]}) == [(("data",), [{"x": [4]}])]
    assert changes([], [{"x": 1}]) == [((), [{"x": 1}])]  # an empty list is set whole
    assert changes("Karolinska", "Akademiska") == [((), "Akademiska")]


def test_pat004_a_filter_change_on_the_page_sends_patches_a_link_sends_everything():
    from app import server  # registers the callbacks; serves the published data

    client = server.test_client()
    dependencies = client.get("/_dash-dependencies").get_json()
    version = data_version(store.current(), store.problem())

    def answer(trigger: str, **values) -> dict:
        body = dashboard_request(dependencies, trigger, values)
        response = client.post("/_dash-update-component", json=body)
        assert response.status_code == 200
        return response.get_json()["response"]

    change = {
        "url": "?centre=akademiska",
        "filter-centre": ["akademiska"],
        "filter-status": ["open"],
    }
    patch = answer("filter-status.value", **change, **{"data-version": version})
    assert "__dash_patch_update" in patch["chart-trials_by_status"]["figure"]
    assert "source-cart" not in patch  # the same data: its source stays
    assert "filter-status" not in patch  # the dropdown already shows the selection
    assert patch["url"]["search"] == "?centre=akademiska&status=open"

    full = answer("filter-status.value", **change, **{"data-version": "an older version"})
    link = answer("url.search", **change, **{"data-version": version})
    for whole in (full, link):
        assert "__dash_patch_update" not in json.dumps(whole)
        assert whole["source-cart"]["children"].startswith("Source")
    assert full["chart-trials_by_status"]["figure"] == json.loads(
        to_json_plotly(
            outputs(
                render(
                    store.current(),
                    ViewState(filters=Filters(centre=("akademiska",), status=("open",))),
                )
            )["figures"][1]
        )
    )


def test_pat005_an_item_that_came_or_went_is_inserted_or_removed_not_shifted_along():
    def chip(code: str) -> dict:
        return {"type": "Button", "props": {"id": {"code": code}, "children": code.upper()}}

    old, new = [chip("a"), chip("c"), chip("d")], [chip("a"), chip("b"), chip("c")]
    assert changes(old, new) == [((1,), Inserted(chip("b"))), ((3,), REMOVED)]
    assert applied(old, changes(old, new)) == new
    assert applied(new, changes(new, old)) == old
    series = {"type": "bar", "name": "Open", "x": [1, 2]}
    total = {"type": "scatter", "mode": "text", "x": [3], "text": ["Σ 3"]}
    assert changes([series, total], [total]) == [((0,), REMOVED)]


def test_pat006_an_item_whose_changes_take_more_bytes_than_itself_is_sent_whole():
    styled = {
        "type": "bar",
        "x": [1, 2],
        "orientation": "h",
        "marker": {"color": ["#44BB99", "#44BB99"], "line": {"width": 1}},
        "customdata": [["status", "open"]] * 2,
        "hovertemplate": "%{hovertext}",
    }
    plain = {"type": "bar", "x": [3]}
    assert changes({"data": [styled]}, {"data": [plain]}) == [(("data", 0), plain)]
    moved = {**styled, "x": [4, 2]}  # a few values differ: only they are sent
    assert changes({"data": [styled]}, {"data": [moved]}) == [(("data", 0, "x"), [4, 2])]
