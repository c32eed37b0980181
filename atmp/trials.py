"""Trial counts from the published aggregates or from a trial register, by one code path.

Both sources become one table of facts: a centre, the trial dimensions a row
knows (unknown where it does not), and a weight. The report's aggregates are
rows that each know one dimension (Figur 1a: Karolinska, sCTMP, 8 trials) or
none (a centre's total); a register row knows every dimension and weighs one
trial. A question is answered by the rows that know what it asks about, and a
filter applies where those rows know its dimension; otherwise it is named, not
applied or invented. With a register every filter crosses every chart.

The facts are integer-coded numpy arrays, built once per snapshot, so a filter
change costs a few vectorised passes even over 100,000 trials.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from atmp.vocab import CENTRE, TRIAL_DIMENSIONS, Vocabulary

TOTAL = "total"
UNKNOWN = -1
DIMENSIONS: dict[str, Vocabulary] = {"centre": CENTRE, **TRIAL_DIMENSIONS}


@dataclass(frozen=True)
class TrialFacts:
    record_level: bool
    codes: dict[str, np.ndarray]  # dimension -> index into its vocabulary, UNKNOWN if not known
    weights: np.ndarray
    breakdown: np.ndarray  # per row: the dimension it knows ("total", "record", ...)
    declared: dict[str, int]  # a centre's total as the source states it


@dataclass(frozen=True)
class TrialCounts:
    """Trials per centre and category, and the filters these rows could not answer."""

    counts: dict[str, dict[str, int]]  # centre -> category code -> trials, vocabulary order
    ignored: tuple[str, ...]

    def centres(self) -> list[str]:
        return list(self.counts)

    def per_centre(self) -> dict[str, int]:
        return {centre: sum(row.values()) for centre, row in self.counts.items()}


def _encode(values: pd.Series, vocabulary: Vocabulary) -> np.ndarray:
    index = {code: position for position, code in enumerate(vocabulary.codes())}
    return np.array([index.get(value, UNKNOWN) for value in values], dtype=np.int16)


def facts_from_register(register: pd.DataFrame) -> TrialFacts:
    codes = {dim: _encode(register[dim], vocab) for dim, vocab in DIMENSIONS.items()}
    size = len(register)
    return TrialFacts(True, codes, np.ones(size, dtype=np.int64),
                      np.full(size, "record", dtype=object), {})


def facts_from_aggregates(trials: pd.DataFrame) -> TrialFacts:
    codes = {"centre": _encode(trials["centre"], CENTRE)}
    for dim, vocab in TRIAL_DIMENSIONS.items():
        known = np.where(trials["dimension"] == dim, trials["code"], "")
        codes[dim] = _encode(pd.Series(known), vocab)
    totals = trials[trials["dimension"] == TOTAL]
    return TrialFacts(False, codes, trials["trials"].to_numpy(dtype=np.int64),
                      trials["dimension"].to_numpy(dtype=object),
                      dict(zip(totals["centre"], totals["trials"].astype(int), strict=True)))


def _mask(facts: TrialFacts, rows: np.ndarray, filters, dimensions: list[str]) -> np.ndarray:
    for dim in dimensions:
        wanted = [DIMENSIONS[dim].order(code) for code in filters.get(dim)]
        rows = rows & np.isin(facts.codes[dim], wanted)
    return rows


def count_trials(facts: TrialFacts, filters, by: str | None = None) -> TrialCounts | None:
    """Trials per centre (and per category of `by`) under the filters.

    Without `by` (a total) every trial filter must be answerable: the aggregates
    answer one trial filter through its own breakdown, and two at once not at
    all (the report never crosses them), which gives None.
    """
    active = filters.active()
    trial_filters = [dim for dim in active if dim != "centre"]
    if facts.record_level:
        rows, knows = np.ones(len(facts.weights), dtype=bool), set(DIMENSIONS)
    else:
        if by is None and len(trial_filters) > 1:
            return None
        breakdown = by or (trial_filters[0] if trial_filters else TOTAL)
        rows, knows = facts.breakdown == breakdown, {"centre", breakdown}
    rows = _mask(facts, rows, filters, [dim for dim in active if dim in knows])
    ignored = tuple(dim for dim in active if dim not in knows)
    return TrialCounts(_tally(facts, rows, by), ignored)


def _tally(facts: TrialFacts, rows: np.ndarray, by: str | None) -> dict[str, dict[str, int]]:
    centre = facts.codes["centre"][rows]
    weights = facts.weights[rows]
    categories = (DIMENSIONS[by].codes() if by else ("all",))
    category = facts.codes[by][rows] if by else np.zeros(len(centre), dtype=np.int16)
    cell = centre.astype(np.int64) * len(categories) + category
    size = len(CENTRE.codes()) * len(categories)
    sums = np.bincount(cell, weights=weights, minlength=size)
    present = np.bincount(cell, minlength=size)
    counts: dict[str, dict[str, int]] = {}
    for c, centre_code in enumerate(CENTRE.codes()):
        row = {code: int(sums[c * len(categories) + k]) for k, code in enumerate(categories)
               if present[c * len(categories) + k]}
        if row:
            counts[centre_code] = row
    return counts


@dataclass(frozen=True)
class Mismatch:
    centre: str
    dimension: str
    counted: int
    declared: int


def breakdown_mismatches(facts: TrialFacts) -> list[Mismatch]:
    """Where a centre's published breakdown does not add up to its stated total (Figur 1c)."""
    found = []
    for dim in TRIAL_DIMENSIONS:
        rows = facts.breakdown == dim
        sums = np.bincount(facts.codes["centre"][rows], weights=facts.weights[rows],
                           minlength=len(CENTRE.codes()))
        for c, centre in enumerate(CENTRE.codes()):
            present = bool(np.any(facts.codes["centre"][rows] == c))
            if present and centre in facts.declared and int(sums[c]) != facts.declared[centre]:
                found.append(Mismatch(centre, dim, int(sums[c]), facts.declared[centre]))
    return found
