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

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from atmp.filters import Filters
from atmp.vocab import CENTRE, TRIAL_DIMENSIONS, Vocabulary

TOTAL = "total"
DIMENSIONS: dict[str, Vocabulary] = {"centre": CENTRE, **TRIAL_DIMENSIONS}
_NO_FILTERS = Filters()


@dataclass(frozen=True)
class Mismatch:
    centre: str
    dimension: str
    counted: int
    declared: int


@dataclass(frozen=True)
class TrialFacts:
    record_level: bool
    # dimension -> index into its vocabulary; len(vocabulary) where the row does not know it
    codes: dict[str, np.ndarray]
    weights: np.ndarray
    breakdown: dict[str, np.ndarray]  # the rows of each published breakdown, and of "total"
    mismatches: tuple[Mismatch, ...] = ()  # published breakdowns that miss their stated total

    def knows(self, dimension: str) -> bool:
        return self.record_level or bool(self.breakdown[dimension].any())


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
    codes = vocabulary.codes()
    return pd.Categorical(values, categories=codes).codes.astype(np.int16) % (len(codes) + 1)


def facts_from_register(register: pd.DataFrame) -> TrialFacts:
    codes = {dim: _encode(register[dim], vocab) for dim, vocab in DIMENSIONS.items()}
    return TrialFacts(True, codes, np.ones(len(register), dtype=np.int64), {})


def facts_from_aggregates(trials: pd.DataFrame) -> TrialFacts:
    codes = {"centre": _encode(trials["centre"], CENTRE)}
    for dim, vocab in TRIAL_DIMENSIONS.items():
        codes[dim] = _encode(trials["code"].where(trials["dimension"] == dim), vocab)
    breakdown = {name: (trials["dimension"] == name).to_numpy()
                 for name in (TOTAL, *TRIAL_DIMENSIONS)}
    facts = TrialFacts(False, codes, trials["trials"].to_numpy(dtype=np.int64), breakdown)
    totals = trials[trials["dimension"] == TOTAL]
    declared = dict(zip(totals["centre"], totals["trials"].astype(int), strict=True))
    return replace(facts, mismatches=tuple(_mismatches(facts, declared)))


def _mask(facts: TrialFacts, rows: np.ndarray, filters: Filters,
          dimensions: list[str]) -> np.ndarray:
    """The rows whose code is one of the filter's, per dimension (a table lookup, not isin)."""
    for dim in dimensions:
        chosen = np.zeros(len(DIMENSIONS[dim].codes()) + 1, dtype=bool)
        chosen[[DIMENSIONS[dim].order(code) for code in filters.get(dim)]] = True
        rows = rows & chosen[facts.codes[dim]]
    return rows


def count_trials(facts: TrialFacts, filters: Filters, by: str | None = None) -> TrialCounts | None:
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
        rows, knows = facts.breakdown[breakdown], {"centre", breakdown}
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


def _mismatches(facts: TrialFacts, declared: dict[str, int]):
    """Where a centre's published breakdown does not add up to its stated total (Figur 1c)."""
    for dim in TRIAL_DIMENSIONS:
        for centre, counted in count_trials(facts, _NO_FILTERS, dim).per_centre().items():
            if centre in declared and counted != declared[centre]:
                yield Mismatch(centre, dim, counted, declared[centre])
