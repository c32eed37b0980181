"""The data contract and its documentation say the same: every dataset and column declared
in atmp/schema.py is documented in data/README.md, and nothing documented is undeclared."""

from __future__ import annotations

import re

from atmp.schema import CITATION, DATASETS
from tests.support.data_files import DATA_DIR

# Columns every file may have, documented once at the top of data/README.md.
SHARED = {column.name for column in CITATION}


def _sections() -> dict[str, str]:
    """{dataset name: its section of data/README.md}."""
    text = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    parts = re.split(r"^## ", text, flags=re.M)
    return {
        match.group(1): part
        for part in parts
        if (match := re.match(r"`(\w+)\.(?:csv|xlsx)`", part))
    }


def _documented_columns(section: str) -> set[str]:
    """The backticked names in the first cell of each row of the section's column table."""
    names = set()
    for line in section.splitlines():
        cells = line.split("|")
        if line.startswith("|") and len(cells) > 2 and "`" in cells[1]:
            names.update(re.findall(r"`(\w+)`", cells[1]))
    return names


def test_sch001_every_dataset_and_column_is_documented_and_nothing_more():
    sections = _sections()
    assert set(sections) == {dataset.name for dataset in DATASETS}
    for dataset in DATASETS:
        declared = {column.name for column in dataset.columns}
        documented = _documented_columns(sections[dataset.name])
        missing = declared - documented - SHARED
        assert not missing, f"{dataset.name}: not in data/README.md: {sorted(missing)}"
        unknown = documented - declared
        assert not unknown, f"{dataset.name}: documented, not declared: {sorted(unknown)}"
