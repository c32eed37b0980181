"""A workbook to start a data update from: one sheet per dataset with its columns in
order, drop-down lists of the codes and labels (both languages) for every category
column, and instructions in Swedish and English. `atmp template OUT.xlsx` writes it;
the page's footer links to it."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from atmp.schema import DATASETS, Column, Dataset
from atmp.vocab import TRIAL_DIMENSIONS, Vocabulary

DOWNLOAD_PATH = "/download/template.xlsx"  # where the page's footer links to it
ROWS = 1000  # rows under the header that the drop-down lists cover
LISTS = "lists"

INSTRUCTIONS = {
    "en": (
        "How to use this template",
        "Each sheet is one dataset: fill it in under its header, then save the sheet as its "
        "own file in the data folder, named as the sheet (cart.xlsx, or cart.csv as 'CSV "
        "UTF-8' or Swedish Excel's 'CSV (semikolonavgränsad)').",
        "Category cells have a drop-down list: the code or its English or Swedish label "
        "are all read as the code.",
        "Every row names its source in 'source'; 'note' explains a reading or a discrepancy.",
        "Check the folder before it is served: atmp check-data FOLDER. It names every "
        "problem with its file, row and column, and how to fix it.",
        "The columns and their meaning: data/README.md.",
    ),
    "sv": (
        "Så använder du mallen",
        "Varje flik är en datamängd: fyll i den under rubrikraden och spara sedan fliken som "
        "en egen fil i datamappen, med flikens namn (cart.xlsx, eller cart.csv som 'CSV "
        "UTF-8' eller 'CSV (semikolonavgränsad)').",
        "Kategoricellerna har en rullgardinslista: koden eller dess engelska eller svenska "
        "etikett läses alla som koden.",
        "Varje rad anger sin källa i 'source'; 'note' förklarar en avläsning eller en avvikelse.",
        "Kontrollera mappen innan den används: atmp check-data MAPP. Den anger varje problem "
        "med fil, rad och kolumn, och hur det rättas.",
        "Kolumnerna och vad de betyder: data/README.md.",
    ),
}


def _entries(vocabulary: Vocabulary) -> list[str]:
    """What a cell of the vocabulary may hold: each code, then its labels (once each)."""
    entries: list[str] = []
    for term in vocabulary.terms:
        entries += [text for text in (term.code, term.en, term.sv) if text not in entries]
    return entries


def _trial_codes() -> Vocabulary:
    """The codes a trials.csv `code` cell may hold: those of every trial dimension."""
    return Vocabulary(
        "trial category",
        tuple(term for vocabulary in TRIAL_DIMENSIONS.values() for term in vocabulary.terms),
    )


def _vocabulary(dataset: Dataset, column: Column) -> Vocabulary | None:
    if dataset.name == "trials" and column.name == "code":
        return _trial_codes()
    if column.kind == "code" and not column.multiple:
        return column.vocabulary
    return None


def template_xlsx() -> bytes:
    workbook = Workbook()
    about = workbook.active
    about.title = "instructions"
    for lang in ("sv", "en"):
        title, *lines = INSTRUCTIONS[lang]
        about.append([title])
        about.cell(about.max_row, 1).font = Font(bold=True, size=13)
        for line in lines:
            about.append([line])
            about.cell(about.max_row, 1).alignment = Alignment(wrap_text=True)
        about.append([])
    about.column_dimensions["A"].width = 110

    lists = workbook.create_sheet(LISTS)
    list_ranges: dict[str, str] = {}

    def list_range(vocabulary: Vocabulary) -> str:
        if vocabulary.name not in list_ranges:
            column = len(list_ranges) + 1
            entries = _entries(vocabulary)
            lists.cell(1, column, vocabulary.name).font = Font(bold=True)
            for row, entry in enumerate(entries, start=2):
                lists.cell(row, column, entry)
            letter = get_column_letter(column)
            list_ranges[vocabulary.name] = f"{LISTS}!${letter}$2:${letter}${len(entries) + 1}"
        return list_ranges[vocabulary.name]

    for dataset in DATASETS:
        sheet = workbook.create_sheet(dataset.name)
        sheet.append([column.name for column in dataset.columns])
        for index, column in enumerate(dataset.columns, start=1):
            letter = get_column_letter(index)
            sheet.cell(1, index).font = Font(bold=True)
            sheet.column_dimensions[letter].width = max(14, len(column.name) + 4)
            vocabulary = _vocabulary(dataset, column)
            if vocabulary is not None:
                validation = DataValidation(
                    type="list",
                    formula1=f"={list_range(vocabulary)}",
                    allow_blank=True,
                    showErrorMessage=True,
                    errorTitle=column.name,
                    error=f"Choose a {vocabulary.name} from the list (code or label).",
                )
                validation.add(f"{letter}2:{letter}{ROWS + 1}")
                sheet.add_data_validation(validation)
        sheet.freeze_panes = "A2"
    lists.sheet_state = "hidden"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
