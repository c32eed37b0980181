"""Earlier releases kept in the data folder: served by link, compared number by number."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from atmp import store
from atmp.data import DataError, load_snapshot
from atmp.releases import changes
from components import ids
from tests.support.dash_request import export_request, page_request, rendered_prop

ROOT = Path(__file__).resolve().parent.parent


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def with_release(data_copy: Path) -> Path:
    """The published folder with the autumn 2024 release kept under releases/: 30 CAR-T
    patients and 12 trials at Akademiska then."""
    earlier = data_copy / "releases" / "autumn-2024"
    shutil.copytree(ROOT / "data", earlier)
    _edit(earlier / "release.csv", "spring 2025,våren 2025,2025,", "autumn 2024,hösten 2024,2024,")
    _edit(earlier / "cart.csv", "akademiska,38,", "akademiska,30,")
    _edit(earlier / "trials.csv", "akademiska,total,all,14,", "akademiska,total,all,12,")
    _edit(
        earlier / "trials.csv", "akademiska,status,follow_up,5,", "akademiska,status,follow_up,3,"
    )
    _edit(
        earlier / "trials.csv",
        "akademiska,atmp_class,ex_vivo_gtmp,7,",
        "akademiska,atmp_class,ex_vivo_gtmp,5,",
    )
    _edit(
        earlier / "trials.csv",
        "akademiska,disease_area,oncology,8,",
        "akademiska,disease_area,oncology,6,",
    )
    _edit(
        earlier / "regional.csv",
        "stockholm_uppsala,ongoing_trials,43,",
        "stockholm_uppsala,ongoing_trials,41,",
    )
    return data_copy


def test_rel001_every_number_that_moved_is_listed_in_both_languages(with_release):
    snapshot = load_snapshot(with_release)
    assert [earlier.tag for earlier in snapshot.earlier] == ["autumn-2024"]
    found = {
        (c.dataset, c.row, c.column): (c.old, c.new) for c in changes(snapshot.earlier[0], snapshot)
    }
    assert found == {
        ("Ongoing trials", "Akademiska (Uppsala)", "trials"): ("12", "14"),
        ("Ongoing trials", "Akademiska (Uppsala), Ex vivo GTMP", "trials"): ("5", "7"),
        ("Ongoing trials", "Akademiska (Uppsala), Oncology", "trials"): ("6", "8"),
        ("Ongoing trials", "Akademiska (Uppsala), Follow-up", "trials"): ("3", "5"),
        ("CAR-T in clinical routine", "Akademiska (Uppsala)", "patients"): ("30", "38"),
        ("Regional comparison", "Stockholm–Uppsala, Ongoing ATMP trials", "value"): ("41", "43"),
    }
    swedish = {c.row for c in changes(snapshot.earlier[0], snapshot, "sv")}
    assert "Akademiska (Uppsala), Uppföljning" in swedish


def test_rel002_atmp_diff_prints_them(with_release):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "atmp",
            "diff",
            str(with_release / "releases" / "autumn-2024"),
            str(with_release),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "autumn-2024 → spring-2025: 6 number(s) changed." in done.stdout
    assert "CAR-T in clinical routine | Akademiska (Uppsala) | patients: 30 → 38" in done.stdout


def test_rel003_a_broken_earlier_release_is_named_with_its_path(with_release):
    _edit(
        with_release / "releases" / "autumn-2024" / "cart.csv",
        "akademiska,30,",
        "akademiska,thirty,",
    )
    with pytest.raises(DataError) as caught:
        load_snapshot(with_release)
    assert any(
        p.file == "releases/autumn-2024/cart.csv" and p.row == 2 for p in caught.value.problems
    )


def test_rel004_two_releases_of_one_period_are_refused(with_release):
    _edit(
        with_release / "releases" / "autumn-2024" / "release.csv",
        "autumn 2024,hösten 2024,2024,",
        "spring 2025,våren 2025,2024,",
    )
    with pytest.raises(DataError) as caught:
        load_snapshot(with_release)
    assert any("two releases are both 'spring-2025'" in p.message for p in caught.value.problems)


@pytest.fixture
def client_of(with_release):
    from app import server

    before = store.current() if store._state else None
    store.install(load_snapshot(with_release))
    yield server.test_client()
    if before is not None:
        store.install(before)


def test_rel005_a_link_shows_an_earlier_release_and_says_newer_figures_exist(client_of):
    dependencies = client_of.get("/_dash-dependencies").get_json()

    def page(search: str) -> dict:
        return client_of.post(
            "/_dash-update-component", json=page_request(dependencies, search)
        ).get_json()

    earlier = page("?release=autumn-2024&centre=akademiska")
    assert rendered_prop(earlier, ids.kpi_value("trials"), "children") == "12"
    assert rendered_prop(earlier, ids.kpi_value("cart"), "children") == "30"
    text = str(earlier)
    assert "These are the figures of autumn 2024. Newer figures exist: spring 2025." in text
    assert "What changed since" not in text  # nothing older is kept
    newest = page("?centre=akademiska")
    assert rendered_prop(newest, ids.kpi_value("trials"), "children") == "14"
    assert "What changed since autumn 2024" in str(newest) and "Newer figures" not in str(newest)
    sent = client_of.post(
        "/_dash-update-component",
        json=export_request(dependencies, "cart", "csv", "?release=autumn-2024"),
    ).get_json()
    download = sent["response"]["download"]["data"]
    assert download["filename"] == "cart-autumn-2024.csv"
    assert "Data as of,autumn 2024 (published 2024)" in download["content"]
    unknown = page("?release=spring-1999")
    assert "release=spring-1999" in str(rendered_prop(unknown, ids.NOTICE, "children"))


def test_rel006_the_next_planned_update_is_named_where_the_release_gives_it(data_copy):
    from io import BytesIO

    from openpyxl import load_workbook

    from atmp.exports import dataset_xlsx
    from atmp.filters import Filters
    from components.layout import about

    _edit(data_copy / "release.csv", '2025.,,"atmp-centrum', '2025.,autumn 2025,"atmp-centrum')
    snapshot = load_snapshot(data_copy)
    assert snapshot.release.next_update == "autumn 2025"
    assert "Next update: autumn 2025." in str(about(snapshot, "en"))
    sheet = load_workbook(BytesIO(dataset_xlsx(snapshot, Filters(), "sv")))["Om"]
    assert ("Nästa uppdatering", "autumn 2025") in list(sheet.values)
