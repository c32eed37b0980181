"""A record-level trial register: every filter crosses every chart, through the same code path."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook

from atmp.data import DataError, load_snapshot
from atmp.filters import Filters
from atmp.quality import findings
from atmp.views import CHARTS, kpis
from atmp.views.key_figures import trial_total
from tests.support.every_view import render_every_view


def exact(per_centre):
    """A register's counts are exact: trials per centre as numbers."""
    return {centre: trials.value for centre, trials in per_centre.items()}


FIXTURE = Path(__file__).resolve().parent / "fixtures" / "trial_register.csv"
BY_KEY = {chart.key: chart for chart in CHARTS}


@pytest.fixture
def register_dir(data_copy: Path) -> Path:
    """The published folder with the register in place of the published aggregates."""
    (data_copy / "trials.csv").unlink()
    shutil.copy(FIXTURE, data_copy / "trial_register.csv")
    return data_copy


def bars(figure: dict) -> dict:
    return {
        (trace["name"], y): x
        for trace in figure["data"]
        if trace["type"] == "bar"
        for y, x in zip(trace["y"], trace["x"], strict=True)
    }


def test_reg001_register_replaces_the_aggregates(register_dir):
    snapshot = load_snapshot(register_dir)
    assert snapshot.trials.record_level and "trials" not in snapshot
    assert exact(trial_total(snapshot, Filters())) == {"karolinska": 5, "akademiska": 3}


def test_reg002_two_trial_filters_cross(register_dir):
    snapshot = load_snapshot(register_dir)
    filters = Filters(atmp_class=("ex_vivo_gtmp",), status=("open",))
    assert exact(trial_total(snapshot, filters)) == {"karolinska": 2, "akademiska": 1}
    assert kpis(snapshot, filters, "en")[0].value == "3"


def test_reg003_every_filter_applies_to_every_trial_chart(register_dir):
    snapshot = load_snapshot(register_dir)
    filters = Filters(atmp_class=("sctmp",), phase=("phase_1",))
    disease = BY_KEY["trials_by_disease"].build(snapshot, filters, "en")
    assert bars(disease.figure) == {("Karolinska", "Cardiology"): 1}
    assert disease.notes == ()
    status = BY_KEY["trials_by_status"].build(snapshot, Filters(disease_area=("oncology",)), "en")
    assert bars(status.figure) == {("Open", "Karolinska"): 3, ("Open", "Akademiska (Uppsala)"): 1}


def test_reg004_phase_chart_from_the_register_and_named_absent_in_aggregates(
    register_dir, published
):
    snapshot = load_snapshot(register_dir)
    phases = bars(BY_KEY["trials_by_phase"].build(snapshot, Filters(), "sv").figure)
    assert phases[("Fas I", "Karolinska")] == 2 and phases[("Fas II", "Akademiska (Uppsala)")] == 1
    aggregate = BY_KEY["trials_by_phase"].build(published, Filters(), "en")
    assert bars(aggregate.figure) == {}
    assert aggregate.notes == ("The data has no breakdown of trials by phase.",)
    assert aggregate.figure["layout"]["annotations"][0]["text"] == aggregate.notes[0]
    assert aggregate.figure["layout"]["xaxis"]["visible"] is False


def test_reg005_no_sum_findings_for_a_register_but_the_regional_count_is_compared(register_dir):
    found = findings(load_snapshot(register_dir), "en")
    assert not any("breakdown against total" in finding.what for finding in found)
    assert any(finding.found == "centres sum to 8" for finding in found)


def _write_xlsx(path: Path, rows: list[list[object]], merge: str | None = None) -> None:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    workbook.save(path)


def _csv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.reader(handle))


def _write_swedish_csv(path: Path, rows: list[list[str]]) -> None:
    """As Swedish Excel saves 'CSV (semikolonavgränsad)': ';' between cells, a BOM."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)


def test_reg006_xlsx_register_reads_like_the_csv(register_dir):
    rows = _csv_rows(register_dir / "trial_register.csv")
    (register_dir / "trial_register.csv").unlink()
    typed = [rows[0]] + [
        [int(cell) if cell.isdigit() else cell for cell in row] for row in rows[1:]
    ]
    _write_xlsx(register_dir / "trial_register.xlsx", typed)
    snapshot = load_snapshot(register_dir)
    assert exact(trial_total(snapshot, Filters())) == {"karolinska": 5, "akademiska": 3}
    assert snapshot["trial_register"]["start_year"].tolist()[:2] == [2023, 2022]


def test_reg007_swedish_excel_csv_with_semicolons_and_decimal_commas(register_dir):
    register = register_dir / "trial_register.csv"
    _write_swedish_csv(register, _csv_rows(register))
    regional = register_dir / "regional.csv"
    rows = _csv_rows(regional)
    for row in rows[1:]:
        row[2] = row[2].replace(".", ",").replace("2880000", "2\u00a0880\u00a0000")
    _write_swedish_csv(regional, rows)
    snapshot = load_snapshot(register_dir)
    values = snapshot["regional"].set_index(["region", "measure"])["value"]
    assert values[("united_kingdom", "stated_trials_per_100k")] == 0.25
    assert values[("stockholm_uppsala", "population")] == 2_880_000
    assert exact(trial_total(snapshot, Filters(centre=("akademiska",)))) == {"akademiska": 3}


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


REGISTER = "trial_register.csv"
# (id, how to break the folder, file, row, column, words in the message)
BROKEN = [
    (
        "malformed-trial-id",
        lambda d: _replace(d / REGISTER, "2019-001234-56", "2019-1234-56"),
        REGISTER,
        4,
        "trial_id",
        "not a trial id",
    ),
    (
        "duplicate-trial-id",
        lambda d: _replace(d / REGISTER, "NCT01234568", "NCT01234567"),
        REGISTER,
        6,
        None,
        "duplicate row for trial_id=NCT01234567",
    ),
    (
        "unknown-phase",
        lambda d: _replace(d / REGISTER, "phase_3", "phase_9"),
        REGISTER,
        6,
        "phase",
        "unknown phase code 'phase_9'",
    ),
    (
        "own-product-not-yes-no",
        lambda d: _replace(d / REGISTER, "academic,yes,2023", "academic,maybe,2023"),
        REGISTER,
        2,
        "own_product",
        "unknown yes/no code 'maybe'",
    ),
    (
        "missing-start-year",
        lambda d: _replace(d / REGISTER, "no,2022,", "no,,"),
        REGISTER,
        3,
        "start_year",
        "missing",
    ),
    (
        "a-centre-in-both-sources",
        lambda d: shutil.copy(Path("data/trials.csv"), d / "trials.csv"),
        "trials.csv",
        2,
        "centre",
        "Karolinska's trials are in both",
    ),
    (
        "no-trial-source",
        lambda d: (d / REGISTER).unlink(),
        "trials.csv",
        None,
        None,
        "neither is there",
    ),
    (
        "xlsx-merged-header",
        lambda d: (
            (d / REGISTER).unlink(),
            _write_xlsx(
                d / "trial_register.xlsx", [["Trials", None], ["trial_id", "title"]], merge="A1:B1"
            ),
        ),
        "trial_register.xlsx",
        1,
        None,
        "header cells are merged (A1:B1)",
    ),
    (
        "xlsx-not-a-workbook",
        lambda d: ((d / REGISTER).unlink(), (d / "trial_register.xlsx").write_text("not a zip")),
        "trial_register.xlsx",
        None,
        None,
        "not a readable Excel workbook",
    ),
    (
        "csv-and-xlsx",
        lambda d: _write_xlsx(d / "cart.xlsx", [["centre"]]),
        "cart.csv",
        None,
        None,
        "both cart.csv and cart.xlsx",
    ),
    (
        "yearly-mixed-with-total",
        lambda d: (d / "cart.csv").write_text(
            "centre,year,patients,products,source,note\nakademiska,,38,4,S,\n"
            "karolinska,2024,30,,S,\nkarolinska,,44,,S,\n",
            encoding="utf-8",
        ),
        "cart.csv",
        4,
        "year",
        "mix rows with and without a year",
    ),
    (
        "unknown-country",
        lambda d: (d / "vecura_exports.csv").write_text(
            "country,year,countries,patients,source,note\nNOR,2024,1,3,S,\nXXX,2024,1,2,S,\n",
            encoding="utf-8",
        ),
        "vecura_exports.csv",
        3,
        "country",
        "unknown country code 'XXX'",
    ),
]


@pytest.mark.parametrize(
    ("case", "breaks", "file", "row", "column", "words"), BROKEN, ids=[case[0] for case in BROKEN]
)
def test_reg008_broken_register_and_series_files_are_named_precisely(
    register_dir, case, breaks, file, row, column, words
):
    breaks(register_dir)
    with pytest.raises(DataError) as caught:
        load_snapshot(register_dir)
    problems = caught.value.problems
    matching = [p for p in problems if p.file == file and words in p.message]
    assert matching, f"{case}: {[str(p) for p in problems]}"
    assert (matching[0].row, matching[0].column) == (row, column)
    assert matching[0].fix


@pytest.fixture
def mixed_dir(data_copy: Path) -> Path:
    """Karolinska's trials from a register, Akademiska's from the published aggregates."""
    with FIXTURE.open(encoding="utf-8") as file:
        rows = list(csv.reader(file))
    with (data_copy / "trial_register.csv").open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows([rows[0], *(row for row in rows[1:] if row[2] == "karolinska")])
    trials = data_copy / "trials.csv"
    lines = trials.read_text(encoding="utf-8").splitlines(keepends=True)
    trials.write_text(
        "".join(line for line in lines if not line.startswith("karolinska")), encoding="utf-8"
    )
    return data_copy


def test_reg010_a_register_for_one_centre_keeps_the_others_published_figures(mixed_dir):
    snapshot = load_snapshot(mixed_dir)
    assert snapshot.trials.sources() == {"karolinska": "register", "akademiska": "aggregates"}
    assert exact(trial_total(snapshot, Filters())) == {"karolinska": 5, "akademiska": 14}
    # Crossed filters: exact for the register's centre, bounds for the published one.
    crossed = trial_total(snapshot, Filters(atmp_class=("ex_vivo_gtmp",), status=("open",)))
    assert crossed["karolinska"].value == 2  # counted in the register
    # Akademiska: 7 ex vivo GTMP and 6 open of 14 trials: 0 to 6.
    assert (crossed["akademiska"].lower, crossed["akademiska"].upper) == (0, 6)
    # Phase: only the register knows it; Akademiska is left out and the chart says why.
    phase = Filters(phase=("phase_1",))
    assert set(trial_total(snapshot, phase)) == {"karolinska"}
    notes = BY_KEY["trials_by_class"].build(snapshot, phase, "en").notes
    assert any(
        "Akademiska (Uppsala): its trials are the report's published figures, which "
        "have no breakdown by phase" in note
        for note in notes
    )
    found = [f for f in findings(snapshot, "en") if f.what.startswith("Where each centre")]
    assert found and "Karolinska: trial register; Akademiska (Uppsala): published" in (
        found[0].found
    )
    render_every_view(snapshot)


def test_reg011_check_data_names_each_centres_source(mixed_dir, capsys):
    from atmp.cli import main

    assert main(["check-data", str(mixed_dir)]) == 0
    out = capsys.readouterr().out
    assert "Karolinska 5 (trial register), Akademiska (Uppsala) 14 (published figures)" in out
