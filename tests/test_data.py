"""Loading and validation: the published folder loads; each kind of broken file is named."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from atmp.data import DataError, load_snapshot
from atmp.schema import DATASETS

ROOT = Path(__file__).resolve().parent.parent


def test_dat001_published_data_loads_with_typed_columns(published):
    assert {dataset.name for dataset in DATASETS} - {"trial_register"} == set(published.tables)
    trials = published["trials"]
    assert trials["trials"].dtype == "int64"
    totals = trials[trials["dimension"] == "total"].set_index("centre")["trials"]
    assert totals.to_dict() == {"karolinska": 29, "akademiska": 14}
    assert published["regional"]["value"].dtype == "float64"


def test_dat002_every_row_names_its_source(published):
    for name, frame in published.tables.items():
        source = "source_title" if name == "release" else "source"
        assert (frame[source].str.len() > 0).all(), name


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _drop_lines(path: Path, start: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith(start)), encoding="utf-8")


def _append_copy_of_last_line(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text + text.splitlines(keepends=True)[-1], encoding="utf-8")


def _problems(data_dir: Path) -> list:
    with pytest.raises(DataError) as caught:
        load_snapshot(data_dir)
    return caught.value.problems


# (id, how to break the folder, file, row, column, words in the message)
BROKEN = [
    ("missing-file", lambda d: (d / "cart.csv").unlink(), "cart.csv", None, None, "missing"),
    ("empty-file", lambda d: (d / "vecura.csv").write_text(""), "vecura.csv", None, None, "empty"),
    (
        "no-spreadsheet-encoding",
        lambda d: (d / "cart.csv").write_bytes(
            b"centre,patients,products,source,note\nakademiska,38,4,K\x81\x8d,\n"
        ),
        "cart.csv",
        None,
        None,
        "text encoding is not one a spreadsheet writes",
    ),
    (
        "missing-column",
        lambda d: _replace(d / "cart.csv", "patients,products", "products"),
        "cart.csv",
        1,
        "patients",
        "required column is missing",
    ),
    (
        "unknown-column",
        lambda d: _replace(d / "vecura.csv", "source,note", "source,note,extra"),
        "vecura.csv",
        1,
        "extra",
        "unknown column",
    ),
    (
        "unknown-centre",
        lambda d: _replace(d / "cart.csv", "akademiska,38", "uppsala,38"),
        "cart.csv",
        2,
        "centre",
        "unknown centre code 'uppsala'",
    ),
    (
        "unknown-class",
        lambda d: _replace(d / "trials.csv", "atmp_class,tep", "atmp_class,xyz"),
        "trials.csv",
        19,
        "code",
        "unknown ATMP class code",
    ),
    (
        "unknown-dimension",
        lambda d: _replace(d / "trials.csv", "karolinska,status,open", "karolinska,stage,open"),
        "trials.csv",
        15,
        "dimension",
        "unknown dimension",
    ),
    (
        "negative-count",
        lambda d: _replace(d / "cart.csv", "akademiska,38", "akademiska,-38"),
        "cart.csv",
        2,
        "patients",
        "cannot be negative",
    ),
    (
        "not-a-number",
        lambda d: _replace(d / "vecura.csv", "batches,192", "batches,many"),
        "vecura.csv",
        2,
        "value",
        "not a whole number",
    ),
    (
        "decimal-count",
        lambda d: _replace(d / "vecura.csv", "batches,192", "batches,19.5"),
        "vecura.csv",
        2,
        "value",
        "not a whole number",
    ),
    (
        "missing-value",
        lambda d: _replace(d / "cart.csv", "akademiska,38", "akademiska,"),
        "cart.csv",
        2,
        "patients",
        "missing",
    ),
    (
        "bad-year",
        lambda d: _replace(d / "hospital_exemption.csv", ",2016,", ",16,"),
        "hospital_exemption.csv",
        2,
        "since_year",
        "not a year",
    ),
    (
        "unknown-product",
        lambda d: _replace(d / "hospital_exemption.csv", "+fetal_msc+", "+fetal_cells+"),
        "hospital_exemption.csv",
        3,
        "products",
        "unknown hospital-exemption product",
    ),
    (
        "duplicate-row",
        lambda d: _replace(d / "cart.csv", "karolinska,74", "akademiska,74"),
        "cart.csv",
        3,
        None,
        "duplicate row for centre=akademiska",
    ),
    (
        "totals-disagree",
        lambda d: _replace(d / "trials.csv", "atmp_class,sctmp,8", "atmp_class,sctmp,9"),
        "trials.csv",
        4,
        "trials",
        "add up to 30, but its total row says 29",
    ),
    (
        "no-total",
        lambda d: _replace(
            d / "trials.csv", "akademiska,total,all,14", "akademiska,atmp_class,combined,0"
        ),
        "trials.csv",
        3,
        "centre",
        "no total row for centre 'akademiska'",
    ),
    (
        "bad-csv",
        lambda d: (d / "cart.csv").write_text(
            'centre,patients,products,source,note\nakademiska,38,4,"unclosed,\n'
        ),
        "cart.csv",
        2,
        None,
        "not valid CSV",
    ),
    (
        "population-missing",
        lambda d: _drop_lines(d / "regional.csv", "united_kingdom,population"),
        "regional.csv",
        5,
        "region",
        "has ongoing trials but no population",
    ),
    (
        "zero-population",
        lambda d: _replace(d / "regional.csv", "population,68350000", "population,0"),
        "regional.csv",
        6,
        "value",
        "population of 0",
    ),
    (
        "release-missing",
        lambda d: (d / "release.csv").unlink(),
        "release.csv",
        None,
        None,
        "missing",
    ),
    (
        "release-two-rows",
        lambda d: _append_copy_of_last_line(d / "release.csv"),
        "release.csv",
        3,
        None,
        "must be one row, not 2",
    ),
    (
        "release-bad-date",
        lambda d: _replace(d / "release.csv", "våren 2025,2025,", "våren 2025,spring,"),
        "release.csv",
        2,
        "published",
        "not a date",
    ),
    (
        "release-bad-url",
        lambda d: _replace(
            d / "release.csv", "Capital of Life,,", "Capital of Life,www.example.se,"
        ),
        "release.csv",
        2,
        "source_url",
        "not a web address",
    ),
    (
        "alternative-on-certain",
        lambda d: _replace(d / "trials.csv", "oncology,16,certain,,", "oncology,16,certain,15,"),
        "trials.csv",
        13,
        "alternative",
        "alternative count is given for a certain reading",
    ),
    (
        "alternative-sum",
        lambda d: _replace(d / "trials.csv", "start_up,3,uncertain,6,", "start_up,3,uncertain,7,"),
        "trials.csv",
        26,
        "alternative",
        "adds up to 10, the published one to 9",
    ),
]


@pytest.mark.parametrize(
    ("case", "breaks", "file", "row", "column", "words"), BROKEN, ids=[case[0] for case in BROKEN]
)
def test_dat003_broken_file_is_named_precisely(data_copy, case, breaks, file, row, column, words):
    breaks(data_copy)
    problems = _problems(data_copy)
    matching = [p for p in problems if p.file == file and words in p.message]
    assert matching, f"{case}: {[str(p) for p in problems]}"
    problem = matching[0]
    assert problem.row == row
    assert problem.column == column
    assert problem.fix  # every problem says how to fix it
    assert file in str(problem) and "Fix:" in str(problem)


def test_dat004_utf8_bom_is_accepted(data_copy):
    path = data_copy / "cart.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_snapshot(data_copy)["cart"]["patients"].sum() == 112


def test_dat005_explained_discrepancy_is_served_unexplained_one_refused(data_copy):
    """Figur 1c sums to 31 against 29: served because each row's note explains it."""
    load_snapshot(data_copy)
    text = (data_copy / "trials.csv").read_text(encoding="utf-8")
    lines = [
        line.split(",Figur 1c,")[0] + ",Figur 1c," if ",Figur 1c," in line else line
        for line in text.splitlines()
    ]
    (data_copy / "trials.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = _problems(data_copy)
    assert any("add up to 31, but its total row says 29" in p.message for p in problems)


def test_dat006_all_problems_of_a_folder_are_reported_at_once(data_copy):
    _replace(data_copy / "cart.csv", "akademiska,38", "akademiska,-38")
    (data_copy / "vecura.csv").unlink()
    files = {problem.file for problem in _problems(data_copy)}
    assert files == {"cart.csv", "vecura.csv"}


def test_dat007_missing_folder(tmp_path):
    problems = _problems(tmp_path / "nowhere")
    assert "does not exist" in problems[0].message


@pytest.mark.server
def test_dat008_app_refuses_to_start_on_invalid_data(data_copy):
    _replace(data_copy / "cart.csv", "akademiska,38", "akademiska,-38")
    env = {**os.environ, "ATMP_DATA_DIR": str(data_copy)}
    result = subprocess.run(
        [sys.executable, "-c", "import app"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "cart.csv, row 2, column 'patients': a count cannot be negative" in result.stderr
    assert "Traceback" not in result.stderr
