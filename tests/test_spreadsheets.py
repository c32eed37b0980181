"""Data folders as real spreadsheets write them: each tricky one read right, each broken one
named in a message (never a traceback), and every accepted one renders every view."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from atmp.data import DataError, load_snapshot
from atmp.exports import dataset_xlsx, table_of, to_csv
from atmp.filters import Filters
from atmp.spreadsheet import MAX_ROWS
from atmp.views import CHARTS
from tests.support.data_files import DATA_DIR
from tests.support.every_view import FILTERS, render_every_view


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def _write_csv(
    path: Path,
    rows: list[list[str]],
    *,
    separator: str = ",",
    encoding: str = "utf-8",
    trailing: str = "",
) -> None:
    out = io.StringIO()
    csv.writer(out, delimiter=separator, lineterminator=f"{trailing}\r\n").writerows(rows)
    path.write_bytes(out.getvalue().encode(encoding))


def _as_swedish_excel(name: str, encoding: str = "cp1252", separator: str = ";"):
    """The file as Swedish Excel's "CSV (semikolonavgränsad)" saves it."""

    def save(folder: Path) -> None:
        path = folder / f"{name}.csv"
        _write_csv(path, _rows(path), separator=separator, encoding=encoding)

    return save


def _with_trailing_separator(name: str):
    def save(folder: Path) -> None:
        path = folder / f"{name}.csv"
        rows = _rows(path)
        _write_csv(path, rows[:1], trailing="")
        with path.open("a", encoding="utf-8", newline="") as file:
            for row in rows[1:]:
                out = io.StringIO()
                csv.writer(out, lineterminator="").writerow(row)
                file.write(out.getvalue() + ",\r\n")

    return save


def _replace(name: str, old: str, new: str):
    def save(folder: Path) -> None:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return save


def _as_workbook(name: str, change=None):
    """The CSV as an Excel workbook (numbers as numbers), changed by `change(sheet)`."""

    def save(folder: Path) -> None:
        path = folder / f"{name}.csv"
        rows = _rows(path)
        path.unlink()
        workbook = Workbook()
        sheet = workbook.active
        for row in rows:
            sheet.append([int(cell) if cell.isdigit() else cell for cell in row])
        if change:
            change(sheet)
        workbook.save(folder / f"{name}.xlsx")

    return save


def _header_only(name: str):
    def save(folder: Path) -> None:
        path = folder / name
        path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")

    return save


def _cart(snapshot) -> dict[str, int]:
    cart = snapshot["cart"]
    return dict(zip(cart["centre"], cart["patients"], strict=True))


def _trials(snapshot, centre: str, dimension: str) -> dict[str, int]:
    trials = snapshot["trials"]
    rows = trials[(trials["centre"] == centre) & (trials["dimension"] == dimension)]
    return dict(zip(rows["code"], rows["trials"], strict=True))


def _blank_row_then_bad_cell(sheet) -> None:
    sheet.insert_rows(2)  # an empty row 2: the data starts on row 3
    sheet["B4"] = "many"


def _formula(sheet) -> None:
    sheet["B2"] = "=30+8"


def _date_cell(sheet) -> None:
    import datetime

    sheet["E2"] = datetime.date(2025, 6, 1)  # patients' note as a date, as Excel may turn it


# (id, how the folder is made, what is read from it: a check on the snapshot)
READ = [
    (
        "cp1252-semicolon-trials",
        _as_swedish_excel("trials"),
        lambda s: _trials(s, "akademiska", "status") == {"start_up": 3, "open": 6, "follow_up": 5},
    ),
    (
        "cp1252-swedish-text",
        _as_swedish_excel("hospital_exemption"),
        lambda s: "Rapporttext" in " ".join(s["hospital_exemption"]["source_sv"]),
    ),
    (
        "utf16-tab",
        _as_swedish_excel("cart", "utf-16", "\t"),
        lambda s: _cart(s) == {"akademiska": 38, "karolinska": 74},
    ),
    (
        "utf8-bom-semicolon",
        _as_swedish_excel("cart", "utf-8-sig", ";"),
        lambda s: _cart(s) == {"akademiska": 38, "karolinska": 74},
    ),
    (
        "tab-separated",
        _as_swedish_excel("vecura", "utf-8", "\t"),
        lambda s: int(s["vecura"]["value"].sum()) > 0,
    ),
    (
        "separator-after-last-cell",
        _with_trailing_separator("cart"),
        lambda s: _cart(s) == {"akademiska": 38, "karolinska": 74},
    ),
    (
        "separator-after-last-cell-trials",
        _with_trailing_separator("trials"),
        lambda s: _trials(s, "karolinska", "atmp_class")["sctmp"] == 8,
    ),
    (
        "swedish-label",
        _replace(
            "trials.csv", "akademiska,disease_area,oncology", "akademiska,disease_area,Onkologi"
        ),
        lambda s: _trials(s, "akademiska", "disease_area")["oncology"] == 8,
    ),
    (
        "label-in-capitals",
        _replace(
            "trials.csv", "karolinska,disease_area,oncology", "karolinska,disease_area,ONCOLOGY"
        ),
        lambda s: _trials(s, "karolinska", "disease_area")["oncology"] == 16,
    ),
    (
        "swedish-status-label",
        _replace("trials.csv", "akademiska,status,open", "akademiska,status,Öppen"),
        lambda s: _trials(s, "akademiska", "status")["open"] == 6,
    ),
    (
        "centre-label",
        _replace("cart.csv", "akademiska,38", "Akademiska (Uppsala),38"),
        lambda s: _cart(s)["akademiska"] == 38,
    ),
    (
        "class-label-other-case",
        _replace("trials.csv", "akademiska,atmp_class,tep", "akademiska,atmp_class,Tep"),
        lambda s: _trials(s, "akademiska", "atmp_class")["tep"] == 2,
    ),
    (
        "label-with-extra-spaces",
        _replace(
            "trials.csv",
            "karolinska,disease_area,ent",
            'karolinska,disease_area,"  Ear,  nose and throat"',
        ),
        lambda s: _trials(s, "karolinska", "disease_area")["ent"] == 1,
    ),
    ("workbook", _as_workbook("cart"), lambda s: _cart(s) == {"akademiska": 38, "karolinska": 74}),
    (
        "workbook-stray-cell-far-down",
        _as_workbook("cart", lambda sheet: sheet.cell(row=1_048_576, column=30, value="x")),
        lambda s: _cart(s) == {"akademiska": 38, "karolinska": 74},
    ),
    (
        "workbook-date-cell",
        _as_workbook("cart", _date_cell),
        lambda s: s["cart"]["note"].iloc[0] == "2025-06-01",
    ),
    (
        "uncertain-rows-of-two-dimensions-share-a-note",
        _replace(
            "trials.csv",
            "akademiska,atmp_class,tep,2,certain,,Figur 2a,,,",
            'akademiska,atmp_class,tep,2,uncertain,,Figur 2b,"The extracted order of the labels '
            'with 1, 1, 2 and 2 trials in Figur 2b is a reading, not certain.",,',
        ),
        lambda s: _trials(s, "akademiska", "atmp_class")["tep"] == 2,
    ),
]


@pytest.mark.parametrize(("case", "make", "reads"), READ, ids=[case[0] for case in READ])
def test_spr001_what_spreadsheets_write_is_read_right_and_renders(data_copy, case, make, reads):
    make(data_copy)
    snapshot = load_snapshot(data_copy)
    assert reads(snapshot), case
    render_every_view(snapshot, FILTERS[:2])  # the crossed filters: test_spr006


def _unreadable(folder: Path) -> None:
    (folder / "cart.csv").unlink()
    (folder / "cart.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")


def _cart_of(rows: int, centre: str, patients: str):
    """A cart.csv of `rows` rows such as 'uppsala,x7,4,x,'."""

    def save(folder: Path) -> None:
        with (folder / "cart.csv").open("w", encoding="utf-8") as file:
            file.write("centre,patients,products,source,note\n")
            file.writelines(f"{centre},{patients.format(i)},1,x,\n" for i in range(rows))

    return save


_too_many_rows = _cart_of(MAX_ROWS + 1, "karolinska", "{}")
_every_row_wrong = _cart_of(5000, "uppsala", "x{}")


def _wide(folder: Path) -> None:
    rows = _rows(folder / "vecura.csv")
    _write_csv(
        folder / "vecura.csv",
        [rows[0] + [f"extra{i}" for i in range(3000)], *(row + [""] * 3000 for row in rows[1:])],
    )


# (id, how the folder is broken, file, row, column, words of the message)
BROKEN = [
    ("header-only-cart", _header_only("cart.csv"), "cart.csv", 2, None, "no data rows"),
    ("header-only-vecura", _header_only("vecura.csv"), "vecura.csv", 2, None, "no data rows"),
    ("header-only-trials", _header_only("trials.csv"), "trials.csv", 2, None, "no data rows"),
    ("header-only-release", _header_only("release.csv"), "release.csv", 2, None, "no data rows"),
    (
        "count-of-20-digits",
        _replace("cart.csv", "akademiska,38", "akademiska,38000000000000000000"),
        "cart.csv",
        2,
        "patients",
        "too large to be real",
    ),
    (
        "number-inf",
        _replace("regional.csv", "population,68350000", "population,inf"),
        "regional.csv",
        6,
        "value",
        "not a number",
    ),
    (
        "number-nan",
        _replace("regional.csv", "population,68350000", "population,NaN"),
        "regional.csv",
        6,
        "value",
        "not a number",
    ),
    (
        "number-overflowing",
        _replace("regional.csv", "population,68350000", "population,1e400"),
        "regional.csv",
        6,
        "value",
        "not a number",
    ),
    (
        "number-absurd",
        _replace("regional.csv", "population,68350000", "population,1e300"),
        "regional.csv",
        6,
        "value",
        "too large to be real",
    ),
    (
        "population-zero-decimals",
        _replace("regional.csv", "population,68350000", "population,0.00"),
        "regional.csv",
        6,
        "value",
        "population of 0",
    ),
    (
        "share-above-100",
        _replace("key_facts.csv", "cart_share_of_sweden,63", "cart_share_of_sweden,163"),
        "key_facts.csv",
        2,
        "value",
        "percentage above 100",
    ),
    (
        "repeated-column",
        _replace(
            "cart.csv",
            "centre,patients,products,source,note",
            "centre,patients,products,source,patients",
        ),
        "cart.csv",
        1,
        "patients",
        "more than once",
    ),
    (
        "workbook-repeated-column",
        _as_workbook("cart", lambda sheet: sheet.cell(row=1, column=5, value="patients")),
        "cart.xlsx",
        1,
        "patients",
        "more than once",
    ),
    (
        "workbook-row-number-after-blank-row",
        _as_workbook("cart", _blank_row_then_bad_cell),
        "cart.xlsx",
        4,
        "patients",
        "not a whole number",
    ),
    (
        "workbook-formula-without-saved-value",
        _as_workbook("cart", _formula),
        "cart.xlsx",
        2,
        "patients",
        "missing",
    ),
    ("not-a-workbook", _unreadable, "cart.xlsx", None, None, "not a readable Excel workbook"),
    (
        "cells-past-the-header",
        _replace(
            "trials.csv",
            "karolinska,status,start_up,9,certain,,",
            "karolinska,status,start_up,9,certain,,=HYPERLINK(x),",
        ),
        "trials.csv",
        14,
        None,
        "cells, the header",
    ),
    (
        "text-after-a-closing-quote",
        _replace("cart.csv", 'spring 2025",,"Rapporttext', 'spring 2025,,"Rapporttext'),
        "cart.csv",
        2,
        None,
        "not valid CSV",
    ),
    (
        "unknown-label",
        _replace("trials.csv", "akademiska,status,open", "akademiska,status,Öppna"),
        "trials.csv",
        27,
        "code",
        "unknown status code",
    ),
    (
        "no-encoding-a-spreadsheet-writes",
        lambda d: (d / "cart.csv").write_bytes(
            b"centre,patients,products,source,note\nakademiska,38,4,\x81\x8d\x8f,\n"
        ),
        "cart.csv",
        None,
        None,
        "text encoding",
    ),
    ("too-many-rows", _too_many_rows, "cart.csv", None, None, "more than 200,000 rows"),
    (
        "every-row-wrong",
        _every_row_wrong,
        "cart.csv",
        None,
        None,
        "more problems in this file are not listed",
    ),
    (
        "thousands-of-unknown-columns",
        _wide,
        "vecura.csv",
        None,
        None,
        "more problems in this file are not listed",
    ),
]


@pytest.mark.parametrize(
    ("case", "breaks", "file", "row", "column", "words"), BROKEN, ids=[case[0] for case in BROKEN]
)
def test_spr002_a_broken_folder_is_a_message_never_a_traceback(
    data_copy, case, breaks, file, row, column, words
):
    breaks(data_copy)
    with pytest.raises(DataError) as caught:
        load_snapshot(data_copy)
    problems = caught.value.problems
    assert len(problems) <= 201 + 10  # capped per file, whatever the file holds
    matching = [p for p in problems if p.file == file and words in p.message]
    assert matching, f"{case}: {[str(p) for p in problems][:5]}"
    assert (matching[0].row, matching[0].column) == (row, column), str(matching[0])
    assert "Fix:" in str(matching[0]) and len(str(matching[0])) < 600


def test_spr003_a_huge_file_is_refused_briefly(data_copy):
    """One short message, not a problem per row (how fast: make bench, not a test)."""
    _too_many_rows(data_copy)
    with pytest.raises(DataError) as caught:
        load_snapshot(data_copy)
    assert len(str(caught.value)) < 2000


def test_spr004_check_data_and_start_up_say_it_without_a_traceback(data_copy):
    _with_trailing_separator("cart")(data_copy)
    _replace("cart.csv", "akademiska,38", "akademiska,38000000000000000000")(data_copy)
    checked = subprocess.run(
        [sys.executable, "-m", "atmp", "check-data", str(data_copy)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert checked.returncode == 1
    assert "too large to be real" in checked.stdout + checked.stderr
    assert "Traceback" not in checked.stdout + checked.stderr


def test_spr005_formulas_in_the_data_are_inert_in_every_export(data_copy):
    _replace(
        "cart.csv",
        'akademiska,38,4,"Report',
        'akademiska,38,4,"=HYPERLINK(""http://example.com"")Report',
    )(data_copy)
    _replace("hospital_exemption.csv", "Report text", "@SUM(1+1) Report text")(data_copy)
    snapshot = load_snapshot(data_copy)
    book = load_workbook(io.BytesIO(dataset_xlsx(snapshot, Filters(), "en")))
    texts = [
        cell
        for name in book.sheetnames
        for row in book[name].values
        for cell in row
        if isinstance(cell, str)
    ]
    live = [text for text in texts if text.startswith(("=", "+", "-", "@"))]
    assert not live, live
    assert any(text.startswith("'=HYPERLINK") for text in texts)
    chart = next(chart for chart in CHARTS if chart.key == "hospital_exemption")
    table = table_of(chart, chart.build(snapshot, Filters(), "en"), Filters(), snapshot, "en")
    for line in csv.reader(io.StringIO(to_csv(table).lstrip("\ufeff"))):
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in line), line


# Odd but legal values: counts from 0 up, text in any script or with markup and formulas,
# optional cells left empty. Every accepted folder renders every view.
_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40)
_COUNT = st.integers(0, 10**9)


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    cart=st.tuples(_COUNT, _COUNT),
    vecura=st.lists(_COUNT, min_size=1, max_size=12),
    note=_TEXT,
    source=_TEXT.filter(str.strip),
    population=st.integers(1, 10**10),
    share=st.integers(0, 100),
)
def test_spr006_every_accepted_folder_renders_every_view(
    tmp_path_factory, cart, vecura, note, source, population, share
):
    folder = tmp_path_factory.mktemp("odd") / "data"
    shutil.copytree(DATA_DIR, folder)
    rows = _rows(folder / "cart.csv")
    for row, patients in zip(rows[1:], cart, strict=True):
        row[1], row[4] = str(patients), note
    _write_csv(folder / "cart.csv", rows)
    rows = _rows(folder / "vecura.csv")
    for row, value in zip(rows[1:], vecura * len(rows), strict=False):
        row[1], row[3] = str(value), source
    _write_csv(folder / "vecura.csv", rows)
    rows = _rows(folder / "regional.csv")
    for row in rows[1:]:
        if row[1] == "population":
            row[2] = str(population)
    _write_csv(folder / "regional.csv", rows)
    _replace("key_facts.csv", "cart_share_of_sweden,63", f"cart_share_of_sweden,{share}")(folder)
    try:
        snapshot = load_snapshot(folder)
    except DataError as error:  # refused is fine, as long as it says why
        assert all("Fix:" in str(problem) for problem in error.problems)
        return
    render_every_view(snapshot)


def test_spr007_words_derived_from_data_come_from_the_data(data_copy):
    _replace("key_facts.csv", "cart_share_of_sweden,63", "cart_share_of_sweden,58")(data_copy)
    cart = next(chart for chart in CHARTS if chart.key == "cart")
    snapshot = load_snapshot(data_copy)
    assert "derived from the 58 % share" in cart.source(snapshot, "en")
    assert "ur andelen 58 %" in cart.source(snapshot, "sv")
    shown = render_every_view(snapshot)
    assert "63 %" not in shown and "63&nbsp;%" not in shown and "58 %" in shown
