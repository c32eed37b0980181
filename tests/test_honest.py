"""Every view true at its scope: dates from the release record, crossed filters as bounds,
scope and certainty on every chart, slide and export, only filters the data can answer."""

from __future__ import annotations

import base64
import csv
import io
import json
import os
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from atmp import store
from atmp.data import load_snapshot
from atmp.exports import chart_rows
from atmp.filters import Filters
from atmp.trials import count_trials, facts_from_aggregates, facts_from_register
from atmp.views import CHARTS, offered_charts
from atmp.vocab import CENTRE, TRIAL_DIMENSIONS
from components import ids
from tests.support.dash_request import (
    dataset_request,
    export_request,
    page_request,
    rendered_prop,
)

BY_KEY = {chart.key: chart for chart in CHARTS}
OTHER_CENTRE = {"karolinska": "Akademiska", "akademiska": "Karolinska"}


def _post(client, body: dict) -> dict:
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return response.get_json()


def _download(client, dependencies, chart: str, kind: str, search: str) -> dict:
    return _post(client, export_request(dependencies, chart, kind, search))["response"]["download"][
        "data"
    ]


def _csv_lines(sent: dict) -> list[list[str]]:
    return list(csv.reader(io.StringIO(sent["content"].lstrip("\ufeff"))))


def _csv_rows(sent: dict) -> list[dict[str, str]]:
    lines = _csv_lines(sent)
    start = next(i for i, line in enumerate(lines) if line[:2] == ["category", "series"])
    return [dict(zip(lines[start], line, strict=True)) for line in lines[start + 1 :]]


def _workbook_values(sent: dict) -> dict[str, list[tuple]]:
    book = load_workbook(io.BytesIO(base64.b64decode(sent["content"])))
    return {name: list(book[name].values) for name in book.sheetnames}


def _rendered(client, dependencies, search: str) -> dict:
    return _post(client, page_request(dependencies, search))


def _ancestors(response: dict, component_id: str) -> list[dict]:
    """The props of the components that hold `component_id`, nearest first."""
    stack: list[tuple[object, list[dict]]] = [(response["response"], [])]
    while stack:
        node, above = stack.pop()
        if isinstance(node, list):
            stack.extend((child, above) for child in node)
        elif isinstance(node, dict):
            props = node.get("props", node)
            if props.get("id") == component_id:
                return above
            stack.extend(
                (value, [props, *above])
                for value in props.values()
                if isinstance(value, list | dict)
            )
    raise KeyError(component_id)


def _text(component) -> str:
    return json.dumps(component, ensure_ascii=False)


def _everything_seen(client) -> dict:
    """What a user meets for a few links: pages, slides, downloads and /healthz."""
    dependencies = client.get("/_dash-dependencies").get_json()
    seen: dict = {"healthz": client.get("/healthz").get_json()}
    for search in ("", "?centre=akademiska&lang=sv", "?present=1&slide=2&theme=dark"):
        seen[f"page {search}"] = _rendered(client, dependencies, search)
        seen[f"data {search}"] = (
            _workbook_values(
                sent := _post(client, dataset_request(dependencies, search))["response"][
                    "download"
                ]["data"]
            ),
            sent["filename"],
        )
        for kind in ("csv", "xlsx"):
            sent = _download(client, dependencies, "trials_by_status", kind, search)
            seen[f"{kind} {search}"] = (
                sent["filename"],
                sent["content"] if kind == "csv" else _workbook_values(sent),
            )
    return seen


def test_hon001_touching_every_data_file_changes_nothing_a_user_sees(served, client):
    before = _everything_seen(client)
    future = pd.Timestamp("2031-05-17").timestamp()
    for path in served.iterdir():
        os.utime(path, (future, future))
    store.refresh()
    store.refresh()  # a change is read once it held still for a look
    assert store.problem() is None
    after = _everything_seen(client)
    assert after == before
    assert before["healthz"]["data_date"] == "2025"
    assert before["healthz"]["reference_period"] == "spring 2025"
    names = [
        value[0] if key.startswith(("csv", "xlsx")) else value[1]
        for key, value in before.items()
        if key.startswith(("csv", "xlsx", "data"))
    ]
    assert names and all("spring-2025" in name for name in names), names
    assert "2031" not in _text(after) and "spring 2025" in _text(after["page "])


def test_hon002_a_changed_release_record_is_what_every_view_says(served, client):
    path = served / "release.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "spring 2025,våren 2025,2025,", "autumn 2025,hösten 2025,2025-11-30,"
        ),
        encoding="utf-8",
    )
    store.refresh()
    store.refresh()
    assert client.get("/healthz").get_json()["data_date"] == "2025-11-30"
    dependencies = client.get("/_dash-dependencies").get_json()
    sent = _download(client, dependencies, "cart", "csv", "")
    assert sent["filename"] == "cart-autumn-2025.csv"
    assert ["Data as of", "autumn 2025 (published 2025-11-30)"] in _csv_lines(sent)
    assert "autumn 2025" in _text(_rendered(client, dependencies, ""))


TEP_OPEN = "?centre=akademiska&class=tep&status=open"


def test_hon003_crossed_filters_show_their_bounds_in_the_key_figure_and_the_csv(client):
    dependencies = client.get("/_dash-dependencies").get_json()
    page = _rendered(client, dependencies, TEP_OPEN)
    assert rendered_prop(page, ids.kpi_value("trials"), "children") == "0–2"
    assert "Not available" not in _text(page)
    rows = _csv_rows(_download(client, dependencies, "trials_by_class", "csv", TEP_OPEN))
    assert [(r["series"], r["value"], r["lower"], r["upper"]) for r in rows] == [
        ("TEP", "", "0", "2")
    ]
    # The possible part is drawn hatched on top of the certain part, and one note says why.
    figure = rendered_prop(page, ids.graph("trials_by_class"), "figure")
    possible = [trace for trace in figure["data"] if trace.get("base") is not None]
    assert possible and all(trace["marker"]["pattern"]["shape"] for trace in possible)
    notes = _text(rendered_prop(page, ids.notes("trials_by_class"), "children"))
    assert "only one at a time, never crossed" in notes


def test_hon004_a_breakdown_off_its_total_widens_the_bounds_and_says_so(published):
    # Karolinska: Figur 1c sums to 31 against 29 trials; 12 open, 13 ex vivo GTMP.
    filters = Filters(centre=("karolinska",), atmp_class=("ex_vivo_gtmp",), status=("open",))
    counts = count_trials(published.trials, filters)
    assert counts.total().lower == 0 and counts.total().upper == 12
    assert [(m.dimension, m.counted, m.declared) for m in counts.widened] == [("status", 31, 29)]
    view = BY_KEY["trials_by_class"].build(published, filters, "en")
    assert any("31, against 29" in note and "allow for either" in note for note in view.notes)


@pytest.mark.parametrize("centre", CENTRE.codes())
def test_hon005_every_chart_follows_the_centre_or_carries_its_scope(client, published, centre):
    dependencies = client.get("/_dash-dependencies").get_json()
    label = CENTRE.label(centre, "en")
    page = _rendered(client, dependencies, f"?centre={centre}")
    for chart in offered_charts(published):
        scope = _text(rendered_prop(page, ids.scope(chart.key), "children"))
        figure = _text(rendered_prop(page, ids.graph(chart.key), "figure"))
        slide_figure = rendered_prop(
            _rendered(client, dependencies, f"?centre={centre}&chart={chart.key}&present=1"),
            ids.SLIDE,
            "figure",
        )
        # The slide's words: its title (maybe wrapped) and the lines written under it.
        slide = re.sub("<[^>]+>", "", _text(slide_figure["layout"]).replace("<br>", " "))
        if chart.applies("centre"):
            assert OTHER_CENTRE[centre] not in figure, chart.key
            assert "scope-tag" not in scope, chart.key
            assert f"{label}: {chart.title('en')}" in slide, chart.key
            assert "not applicable here" not in slide, chart.key
        else:
            tag = chart.scope_tag(Filters(centre=(centre,)), "en")
            assert tag and tag in scope and "scope-tag" in scope, chart.key
            assert tag in slide, chart.key
            assert f"Centre: {label} · not applicable here" in slide, chart.key
        csv_text = _download(client, dependencies, chart.key, "csv", f"?centre={centre}")
        filters_line = dict(line[:2] for line in _csv_lines(csv_text) if len(line) > 1)
        assert ("not applicable here" in filters_line["Filters"]) != chart.applies("centre")


def test_hon006_key_figures_follow_the_centre_or_say_what_they_cover(client):
    dependencies = client.get("/_dash-dependencies").get_json()
    page = _rendered(client, dependencies, "?centre=akademiska")
    assert rendered_prop(page, ids.kpi_value("trials"), "children") == "14"
    assert rendered_prop(page, ids.kpi_value("cart"), "children") == "38"
    for key in ("vecura", "per_100k"):
        assert "scope-tag" in _text(rendered_prop(page, ids.kpi_scope(key), "children")), key
    # The caption, the data quality rows and the key facts follow the centre too.
    caption = _text(rendered_prop(page, ids.caption("hospital_exemption"), "children"))
    assert "Akademiska" in caption and "Karolinska" not in caption
    quality = _text(rendered_prop(page, ids.QUALITY, "children"))
    assert "Figur 2c" in quality and "Figur 1b" not in quality
    facts = _text(rendered_prop(page, ids.FACTS, "children"))
    assert "CAR-T cells for a clinical trial" in facts and "Vecura" not in facts
    assert "Whole cluster" in facts  # the cluster's 63 % of CAR-T patients, tagged so


def test_hon007_uncertain_and_approximate_numbers_are_marked_where_they_are(client):
    dependencies = client.get("/_dash-dependencies").get_json()
    page = _rendered(client, dependencies, "")
    for chart, category, series, shown, reading, qualifier in (
        ("trials_by_status", "Akademiska (Uppsala)", "Open", "6*", "uncertain", ""),
        ("hospital_exemption", "Karolinska", "Patients", "≈\u00a020", "certain", "about"),
    ):
        figure = rendered_prop(page, ids.graph(chart), "figure")
        trace = next(tr for tr in figure["data"] if tr.get("name") == series)
        point = [y.split("<br>")[0] for y in trace["y"]].index(category)
        assert trace["text"][point] == shown, chart
        assert trace["marker"]["pattern"]["shape"][point], chart  # the bar is patterned
        table = rendered_prop(page, ids.table_rows(chart), "data")
        row = next(row for row in table["rows"] if row[:3] == [category, series, shown])
        assert row[3] == ("uncertain reading" if reading == "uncertain" else "about"), chart
        rows = _csv_rows(_download(client, dependencies, chart, "csv", ""))
        row = next(r for r in rows if r["series"] == series and r["category"] == category)
        assert (row["shown"], row["reading"], row["qualifier"]) == (shown, reading, qualifier)


def test_hon008_the_published_data_offers_no_phase_filter_card_or_slide(client, published):
    assert not published.trials.knows("phase")
    dependencies = client.get("/_dash-dependencies").get_json()
    page = _rendered(client, dependencies, "?present=1")
    assert any(
        "d-none" in str(props.get("className"))
        for props in _ancestors(page, ids.dropdown("phase"))[:3]
    )
    assert not any(
        "d-none" in str(props.get("className"))
        for props in _ancestors(page, ids.dropdown("status"))
    )
    cell = rendered_prop(page, ids.cell("trials_by_phase"), "className")
    assert "d-none" in cell
    count = len(offered_charts(published))
    assert count == len(CHARTS) - 1
    # The default deck: a title, the key figures, every offered chart, the sources.
    assert f"Slide 1 of {count + 3}" in _text(page)
    # A link that asks for phase is told, not shown an empty chart.
    asked = _rendered(client, dependencies, "?phase=phase_1")
    notice = _text(rendered_prop(asked, ids.NOTICE, "children"))
    assert "phase=phase_1" in notice


def test_hon009_every_option_counts_its_trials_and_an_empty_one_is_disabled(client):
    dependencies = client.get("/_dash-dependencies").get_json()
    page = _rendered(client, dependencies, "?centre=akademiska")
    options = {
        option["value"]: option
        for option in rendered_prop(page, ids.dropdown("atmp_class"), "options")
    }
    assert "(2)" in _text(options["tep"]["label"]) and not options["tep"].get("disabled")
    assert "(7)" in _text(options["ex_vivo_gtmp"]["label"])
    # Akademiska has no combined-class trial: shown, disabled, not hidden.
    assert options["combined"].get("disabled") is True


def test_hon010_every_comparison_names_its_area_and_period(published):
    for key in ("per_100k", "arm"):
        rows = chart_rows(BY_KEY[key].build(published, Filters(), "en").figure)
        assert rows, key
        for row in rows:
            category = row.category
            assert any(
                period in category for period in ("spring 2025", "December 2023", "2014–2019")
            ), (key, category)


def test_hon011_arm_trials_per_100000_use_the_populations_of_their_period(published):
    view = BY_KEY["arm"].build(published, Filters(), "en")
    regional = published["regional"]
    population = regional[regional["measure"] == "population_2014_2019"]
    assert set(population["region"]) == {"sweden", "united_kingdom"}
    assert all("SCB" in s or "ONS" in s for s in population["source"])
    text = _text(view.figure) + " ".join(view.notes)
    assert "per 100,000" in text
    # Sweden: 17 trials over 9,906,331 inhabitants (SCB, 30 June 2016).
    assert "0.17" in text


def test_hon012_the_alternative_reading_is_a_link_away(client):
    dependencies = client.get("/_dash-dependencies").get_json()
    alternative = _rendered(client, dependencies, "?centre=akademiska&reading=alternative")
    rows = _csv_rows(
        _download(
            client,
            dependencies,
            "trials_by_status",
            "csv",
            "?centre=akademiska&reading=alternative",
        )
    )
    assert {r["series"]: r["value"] for r in rows if r["series"]} == {
        "Start-up": "6",
        "Open": "3",
        "Follow-up": "5",
    }
    notes = _text(rendered_prop(alternative, ids.notes("trials_by_status"), "children"))
    assert "Figur 2c: shown with the other reading of its labels" in notes
    assert "Show the published reading" in _text(
        rendered_prop(alternative, ids.QUALITY, "children")
    )
    published = _csv_rows(
        _download(client, dependencies, "trials_by_status", "csv", "?centre=akademiska")
    )
    assert {r["series"]: r["value"] for r in published if r["series"]}["Start-up"] == "3"


def test_hon013_a_folder_without_alternatives_names_the_reading_link_in_a_notice(data_copy):
    path = data_copy / "trials.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame["alternative"] = ""
    frame.to_csv(path, index=False)
    snapshot = load_snapshot(data_copy)
    from atmp.state import from_query
    from atmp.views import offer

    state, unknown = from_query("?reading=alternative", offer(snapshot))
    assert state.reading == "published" and "reading=alternative" in " ".join(unknown)


MAINTAINER_WORDS = ("README", "data/", "check-data", ".csv")


@pytest.mark.parametrize(
    "search",
    ["", "?centre=akademiska", "?lang=sv&centre=karolinska", TEP_OPEN + "&present=1&slide=9"],
)
def test_hon014_no_instruction_for_the_maintainer_reaches_the_audience(client, search):
    dependencies = client.get("/_dash-dependencies").get_json()
    page = _text(_rendered(client, dependencies, search))
    shown = [page]
    for chart in ("exports", "trials_by_class", "vecura"):
        shown.append(_download(client, dependencies, chart, "csv", search)["content"])
    for words in MAINTAINER_WORDS:
        for text in shown:
            # Addresses are not words: the template's and each chart's numbers' (a link).
            seen = re.sub(r"api/v1/charts/\w+\.csv", "", text.replace("atmp-data-", ""))
            assert words not in seen, (words, search)


def test_hon015_a_chart_with_nothing_to_draw_is_a_compact_tile(client):
    dependencies = client.get("/_dash-dependencies").get_json()
    page = _rendered(client, dependencies, "")
    card = _text(rendered_prop(page, ids.card("exports"), "className"))
    assert "tile" in card


# A register of trials (every dimension known) and the breakdowns it would publish one at
# a time: the bounds of the breakdowns always hold the register's exact count.
_TRIAL = st.fixed_dictionaries(
    {
        "centre": st.sampled_from(CENTRE.codes()),
        **{dim: st.sampled_from(vocab.codes()) for dim, vocab in TRIAL_DIMENSIONS.items()},
    }
)


def _published_breakdowns(register: pd.DataFrame, off_by: tuple[str, int] | None) -> pd.DataFrame:
    rows = []
    for centre, mine in register.groupby("centre"):
        rows.append((centre, "total", "all", len(mine)))
        for dim in TRIAL_DIMENSIONS:
            counts = mine[dim].value_counts()
            for code, trials in counts.items():
                rows.append((centre, dim, code, int(trials)))
    frame = pd.DataFrame(rows, columns=["centre", "dimension", "code", "trials"])
    if off_by is not None:  # a breakdown that misses its total, as Figur 1c does
        dim, difference = off_by
        first = frame.index[frame["dimension"] == dim][0]
        frame.at[first, "trials"] = max(0, frame.at[first, "trials"] + difference)
    frame["reading"] = "certain"
    return frame


_FILTERS = st.builds(
    Filters,
    **{
        dim: st.lists(st.sampled_from(vocab.codes()), max_size=2, unique=True).map(tuple)
        for dim, vocab in TRIAL_DIMENSIONS.items()
    },
)


@settings(max_examples=150, deadline=None)
@given(
    trials=st.lists(_TRIAL, min_size=1, max_size=40),
    filters=_FILTERS,
    by=st.sampled_from([None, *TRIAL_DIMENSIONS]),
    off_by=st.none() | st.tuples(st.sampled_from(list(TRIAL_DIMENSIONS)), st.integers(-3, 3)),
)
def test_hon016_the_bounds_of_the_breakdowns_hold_the_registers_count(trials, filters, by, off_by):
    register = pd.DataFrame(trials)
    truth = count_trials(facts_from_register(register), filters, by).counts
    answered = count_trials(
        facts_from_aggregates(_published_breakdowns(register, off_by)), filters, by
    )
    if off_by is not None and off_by[0] not in answered.crossed:
        return  # one breakdown on its own is read as published, off its total or not
    bounds = answered.counts
    for centre in CENTRE.codes():
        exact, ranged = truth.get(centre, {}), bounds.get(centre, {})
        for code in set(exact) | set(ranged):
            count = exact.get(code)
            trials_range = ranged.get(code)
            assert trials_range is not None or count is None, (centre, code)
            if trials_range is None:
                continue
            value = count.value if count else 0
            assert trials_range.lower <= value <= trials_range.upper, (centre, code)
