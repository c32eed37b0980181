"""The data template: a sheet per dataset with its columns, drop-down lists of codes and
labels, instructions in both languages; filled in and saved sheet by sheet, it is read."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

from openpyxl import Workbook, load_workbook

from atmp.data import load_snapshot
from atmp.schema import DATASETS

ROOT = Path(__file__).resolve().parent.parent


def _template(tmp_path: Path):
    out = tmp_path / "template.xlsx"
    done = subprocess.run(
        [sys.executable, "-m", "atmp", "template", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return load_workbook(out)


def test_tpl001_a_sheet_per_dataset_with_its_columns_lists_and_instructions(tmp_path):
    book = _template(tmp_path)
    assert book.sheetnames[0] == "instructions"
    words = " ".join(str(row[0]) for row in book["instructions"].values if row[0])
    assert "Så använder du mallen" in words and "How to use this template" in words
    for dataset in DATASETS:
        header = [cell.value for cell in book[dataset.name][1]]
        assert header == [column.name for column in dataset.columns], dataset.name
    validations = book["trials"].data_validations.dataValidation
    lists = {str(v.sqref): v.formula1 for v in validations}
    assert "A2:A1001" in lists  # centre
    entries = [row[0] for row in book["lists"].values]
    assert {"karolinska", "Akademiska (Uppsala)"} <= set(entries)
    trial_codes = next(
        column
        for column in book["lists"].iter_cols(values_only=True)
        if column[0] == "trial category"
    )
    assert {"oncology", "Onkologi", "Öppen", "tep"} <= set(trial_codes)


def test_tpl002_a_filled_template_saved_sheet_by_sheet_is_served(tmp_path, published):
    """As a coordinator does: the published rows pasted under the template's headers (the
    categories as Swedish labels where the lists offer them), each sheet saved on its own."""
    book = _template(tmp_path)
    folder = tmp_path / "data"
    folder.mkdir()
    data = ROOT / "data"
    for dataset in DATASETS:
        source = data / f"{dataset.name}.csv"
        if not source.is_file():
            continue
        rows = list(csv.DictReader(io.StringIO(source.read_text(encoding="utf-8"))))
        header = [cell.value for cell in book[dataset.name][1]]
        sheet_book = Workbook()
        sheet = sheet_book.active
        sheet.append(header)
        for row in rows:
            cells = [row.get(name, "") for name in header]
            sheet.append([int(cell) if cell.isdigit() else cell for cell in cells])
        if dataset.name == "trials":
            for cells in sheet.iter_rows(min_row=2):
                if cells[2].value == "open":
                    cells[2].value = "Öppen"
        sheet_book.save(folder / f"{dataset.name}.xlsx")
    snapshot = load_snapshot(folder)
    for name in published.tables:
        mine, theirs = snapshot[name].reset_index(drop=True), published[name].reset_index(drop=True)
        assert mine.astype(str).equals(theirs.astype(str)), name


def test_tpl003_the_page_links_to_the_template():
    from app import server

    client = server.test_client()
    response = client.get("/download/template.xlsx")
    assert response.status_code == 200
    assert "atmp-data-template.xlsx" in response.headers["Content-Disposition"]
    assert load_workbook(io.BytesIO(response.data)).sheetnames[1] == "lists"
