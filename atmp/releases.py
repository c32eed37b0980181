"""What changed between two releases: every number that moved, was added or went away.

Rows are matched by their dataset's key (a centre and a measure, a trial's id); each
number column is compared. Labels are in the reader's language, so the list can be
read by whoever presents the update.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from atmp.data import Snapshot
from atmp.filters import Filters
from atmp.schema import DATASETS, Dataset
from atmp.text import number, t
from atmp.trials import count_trials
from atmp.vocab import CENTRE, TRIAL_DIMENSIONS

_NUMBERS = ("count", "number")


@dataclass(frozen=True)
class Change:
    dataset: str
    row: str  # the row's key, in words: "Akademiska (Uppsala), Open"
    column: str
    old: str  # as shown: "38", or "—" where the row is new
    new: str


def _key_words(dataset: Dataset, row: dict, lang: str) -> str:
    words = []
    for name in dataset.key:
        value = row.get(name)
        if value in (None, "") or (isinstance(value, float) and math.isnan(value)):
            continue
        column = next(column for column in dataset.columns if column.name == name)
        vocabulary = column.vocabulary
        if vocabulary is not None and str(value) in vocabulary:
            words.append(vocabulary.label(str(value), lang))
        else:
            words.append(str(value))
    return ", ".join(words)


def _shown(value: object, lang: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return "—"
    return number(value, lang, 0 if float(value).is_integer() else 2)


def changes(old: Snapshot, new: Snapshot, lang: str = "en") -> list[Change]:
    """Every number of `new` that differs from `old`, dataset by dataset, in file order."""
    found: list[Change] = []
    for dataset in DATASETS:
        if dataset.name in ("release", "trials", "trial_register"):
            continue  # trials are compared as counts, whichever source holds them
        before = _rows(old, dataset)
        after = _rows(new, dataset)
        columns = [column.name for column in dataset.columns if column.kind in _NUMBERS]
        for key in [*after, *(key for key in before if key not in after)]:
            was, now = before.get(key, {}), after.get(key, {})
            for name in columns:
                old_text = _shown(was.get(name), lang)
                new_text = _shown(now.get(name), lang)
                if old_text != new_text:
                    found.append(
                        Change(
                            t(f"dataset.{dataset.name}", lang),
                            _key_words(dataset, now or was, lang),
                            t(f"column.{name}", lang),
                            old_text,
                            new_text,
                        )
                    )
    return _trial_changes(old, new, lang) + found


def _trial_counts(snapshot: Snapshot, lang: str) -> dict[str, int]:
    """Trials per centre, and per centre and category of each breakdown, where exact."""
    counts: dict[str, int] = {}
    for dimension in (None, *TRIAL_DIMENSIONS):
        found = count_trials(snapshot.trials, Filters(), by=dimension)
        vocabulary = TRIAL_DIMENSIONS.get(dimension)
        for centre, row in found.counts.items():
            for code, trials in row.items():
                if trials.exact:
                    words = [CENTRE.label(centre, lang)]
                    if vocabulary is not None:
                        words.append(vocabulary.label(code, lang))
                    counts[", ".join(words)] = trials.value
    return counts


def _trial_changes(old: Snapshot, new: Snapshot, lang: str) -> list[Change]:
    before, after = _trial_counts(old, lang), _trial_counts(new, lang)
    return [
        Change(
            t("dataset.trials", lang),
            row,
            t("column.trials", lang),
            _shown(before.get(row), lang),
            _shown(after.get(row), lang),
        )
        for row in [*after, *(row for row in before if row not in after)]
        if before.get(row) != after.get(row)
    ]


def _rows(snapshot: Snapshot, dataset: Dataset) -> dict[tuple, dict]:
    if dataset.name not in snapshot:
        return {}
    frame = snapshot[dataset.name]
    return {tuple(str(row[name]) for name in dataset.key): row for row in frame.to_dict("records")}
