"""Trial counts from the published aggregates or from a trial register, by one code path.

A count is a Range: exact where the data holds it, else the bounds that follow from
what is published. A register knows every dimension of every trial, so its counts
are exact under any filters. The report's aggregates publish each breakdown of a
centre's trials on its own (Figur 1a: Karolinska, sCTMP, 8 trials), never crossed:
one condition (a filter, or a chart's category) is read from its breakdown as
published; several at once are answered by the Fréchet bounds that follow from
their published counts (for a and b of n trials: max(0, a + b − n) to min(a, b)).
A filter on a dimension no row knows is named, not applied or invented.

The register is integer-coded numpy arrays, built once per snapshot, so a filter
change costs a few vectorised passes even over 100,000 trials.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from atmp.filters import Filters
from atmp.vocab import CENTRE, TRIAL_DIMENSIONS, Vocabulary

TOTAL = "total"
DIMENSIONS: dict[str, Vocabulary] = {"centre": CENTRE, **TRIAL_DIMENSIONS}
_NO_FILTERS = Filters()


@dataclass(frozen=True)
class Range:
    """A number of trials: exact (lower == upper), or the bounds the source allows."""

    lower: int
    upper: int
    uncertain: bool = False  # a count whose label is an uncertain reading went into it

    @property
    def exact(self) -> bool:
        return self.lower == self.upper

    @property
    def value(self) -> int:
        """The exact count; asking an interval for one is a mistake."""
        if not self.exact:
            raise ValueError(f"{self.lower}–{self.upper} is not one number")
        return self.lower

    def __add__(self, other: Range) -> Range:
        return Range(
            self.lower + other.lower, self.upper + other.upper, self.uncertain or other.uncertain
        )


NONE = Range(0, 0)


@dataclass(frozen=True)
class Mismatch:
    centre: str
    dimension: str
    counted: int
    declared: int


@dataclass(frozen=True)
class Cell:
    trials: int
    uncertain: bool


@dataclass(frozen=True)
class TrialFacts:
    """The trials of one snapshot: a register's coded rows, or the published breakdowns."""

    record_level: bool
    # A register: dimension -> index into its vocabulary per trial.
    codes: Mapping[str, np.ndarray] = field(default_factory=dict)
    # The aggregates: centre -> dimension -> code -> published cell; and each stated total.
    breakdowns: Mapping[str, Mapping[str, Mapping[str, Cell]]] = field(default_factory=dict)
    totals: Mapping[str, int] = field(default_factory=dict)
    mismatches: tuple[Mismatch, ...] = ()  # published breakdowns that miss their stated total
    # A register for some centres and the published aggregates for the others.
    parts: tuple[TrialFacts, ...] = ()

    def knows(self, dimension: str) -> bool:
        if self.parts:
            return any(part.knows(dimension) for part in self.parts)
        return (
            self.record_level
            or dimension == "centre"
            or any(dimension in mine for mine in self.breakdowns.values())
        )

    def sources(self) -> dict[str, str]:
        """Where each centre's trials come from: 'register' or 'aggregates'."""
        if self.parts:
            return {
                centre: source for part in self.parts for centre, source in part.sources().items()
            }
        if self.record_level:
            present = set(np.unique(self.codes["centre"]).tolist())
            return {code: "register" for k, code in enumerate(CENTRE.codes()) if k in present}
        return {centre: "aggregates" for centre in self.totals}


@dataclass(frozen=True)
class TrialCounts:
    """Trials per centre and category, and how the filters were answered."""

    counts: dict[str, dict[str, Range]]  # centre -> category code -> trials, vocabulary order
    ignored: tuple[str, ...] = ()  # filters no row knows: named, not applied
    crossed: tuple[str, ...] = ()  # dimensions answered together as bounds (aggregates)
    widened: tuple[Mismatch, ...] = ()  # breakdowns off their total that widened the bounds
    # Centres left out because their source cannot answer a filter that another's can
    # (a register for Karolinska knows phase; Akademiska's published figures do not).
    unanswered: tuple[tuple[str, str], ...] = ()  # (centre, dimension)

    def centres(self) -> list[str]:
        return list(self.counts)

    def per_centre(self) -> dict[str, Range]:
        return {centre: sum(row.values(), NONE) for centre, row in self.counts.items()}

    def exact_per_centre(self) -> dict[str, int]:
        """Trials per centre where every count is exact (no filter, or a register)."""
        return {centre: trials.value for centre, trials in self.per_centre().items()}

    def exact_counts(self) -> dict[str, dict[str, int]]:
        return {
            centre: {code: trials.value for code, trials in row.items()}
            for centre, row in self.counts.items()
        }

    def total(self) -> Range:
        return sum(self.per_centre().values(), NONE)

    @property
    def exact(self) -> bool:
        return all(cell.exact for row in self.counts.values() for cell in row.values())


def _encode(values: pd.Series, vocabulary: Vocabulary) -> np.ndarray:
    codes = vocabulary.codes()
    return pd.Categorical(values, categories=codes).codes.astype(np.int16) % (len(codes) + 1)


def facts_from_register(register: pd.DataFrame) -> TrialFacts:
    return TrialFacts(
        True, codes={dim: _encode(register[dim], vocab) for dim, vocab in DIMENSIONS.items()}
    )


def facts_from_aggregates(trials: pd.DataFrame, reading: str = "trials") -> TrialFacts:
    """The published breakdowns; `reading` "alternative" takes the other reading of an
    uncertain label where the file records one."""
    weights = trials["trials"]
    if reading == "alternative":
        weights = trials["alternative"].fillna(trials["trials"]).astype("int64")
    breakdowns: dict[str, dict[str, dict[str, Cell]]] = {}
    totals: dict[str, int] = {}
    for row, trials_count in zip(trials.to_dict("records"), weights, strict=True):
        if row["dimension"] == TOTAL:
            totals[row["centre"]] = int(trials_count)
        else:
            breakdowns.setdefault(row["centre"], {}).setdefault(row["dimension"], {})[
                row["code"]
            ] = Cell(int(trials_count), row["reading"] == "uncertain")
    ordered = {
        centre: {
            dim: {
                code: mine[dim][code] for code in TRIAL_DIMENSIONS[dim].codes() if code in mine[dim]
            }  # vocabulary order, whatever the file's
            for dim in TRIAL_DIMENSIONS
            if dim in mine
        }
        for centre, mine in ((c, breakdowns.get(c, {})) for c in CENTRE.codes())
        if centre in totals
    }
    facts = TrialFacts(False, breakdowns=ordered, totals=totals)
    return TrialFacts(
        False, breakdowns=ordered, totals=totals, mismatches=tuple(_mismatches(facts))
    )


def facts_by_centre(register: TrialFacts, aggregates: TrialFacts) -> TrialFacts:
    """A register for the centres it covers, the published aggregates for the others."""
    return TrialFacts(False, mismatches=aggregates.mismatches, parts=(register, aggregates))


def count_trials(facts: TrialFacts, filters: Filters, by: str | None = None) -> TrialCounts:
    """Trials per centre (and per category of `by`) under the filters."""
    if facts.parts:
        return _by_centre_counts(facts, filters, by)
    if facts.record_level:
        return _register_counts(facts, filters, by)
    return _aggregate_counts(facts, filters, by)


def _register_counts(facts: TrialFacts, filters: Filters, by: str | None) -> TrialCounts:
    rows = np.ones(len(facts.codes["centre"]), dtype=bool)
    for dim in filters.active():  # a table lookup per dimension, not isin
        chosen = np.zeros(len(DIMENSIONS[dim].codes()) + 1, dtype=bool)
        chosen[[DIMENSIONS[dim].order(code) for code in filters.get(dim)]] = True
        rows &= chosen[facts.codes[dim]]
    centre = facts.codes["centre"][rows]
    categories = DIMENSIONS[by].codes() if by else ("all",)
    category = facts.codes[by][rows] if by else np.zeros(len(centre), dtype=np.int16)
    cells = np.bincount(
        centre.astype(np.int64) * len(categories) + category,
        minlength=len(CENTRE.codes()) * len(categories),
    )
    counts: dict[str, dict[str, Range]] = {}
    for c, centre_code in enumerate(CENTRE.codes()):
        row = {
            code: Range(int(cells[c * len(categories) + k]), int(cells[c * len(categories) + k]))
            for k, code in enumerate(categories)
            if cells[c * len(categories) + k]
        }
        if row:
            counts[centre_code] = row
    return TrialCounts(counts)


@dataclass(frozen=True)
class _Condition:
    """One condition a trial must meet, as one published breakdown knows it."""

    dimension: str
    trials: int  # of the breakdown's cells that meet it
    published: int  # the breakdown's sum: 0 where the centre has no such breakdown
    uncertain: bool


def _condition(cells: Mapping[str, Cell] | None, dim: str, codes: tuple[str, ...]) -> _Condition:
    cells = cells or {}
    chosen = [cells[code] for code in codes if code in cells]
    return _Condition(
        dim,
        sum(cell.trials for cell in chosen),
        sum(cell.trials for cell in cells.values()),
        any(cell.uncertain for cell in chosen),
    )


def _aggregate_counts(facts: TrialFacts, filters: Filters, by: str | None) -> TrialCounts:
    active = filters.active()
    ignored = tuple(dim for dim in active if not facts.knows(dim))
    dimensions = [dim for dim in active if dim not in ("centre", by) and dim not in ignored]
    asked = [*dimensions, by] if by else dimensions
    counts: dict[str, dict[str, Range]] = {}
    for centre in CENTRE.codes():
        if centre not in facts.totals or (filters.centre and centre not in filters.centre):
            continue
        mine, total = facts.breakdowns.get(centre, {}), facts.totals[centre]
        conditions = [_condition(mine.get(dim), dim, filters.get(dim)) for dim in dimensions]
        if by is None:
            if not conditions:
                counts[centre] = {"all": Range(total, total)}
            elif len(conditions) > 1 or dimensions[0] in mine:
                counts[centre] = {"all": _bounds(conditions, total)}
        elif by in mine:
            counts[centre] = {
                code: _bounds([_condition(mine[by], by, (code,)), *conditions], total)
                for code in mine[by]
                if code in (filters.get(by) or mine[by])
            }
    crossed = tuple(dim for dim in TRIAL_DIMENSIONS if dim in asked) if len(asked) > 1 else ()
    widened = tuple(
        mismatch
        for mismatch in facts.mismatches
        if mismatch.centre in counts and mismatch.dimension in crossed
    )
    return TrialCounts(
        {centre: row for centre, row in counts.items() if row}, ignored, crossed, widened
    )


def _by_centre_counts(facts: TrialFacts, filters: Filters, by: str | None) -> TrialCounts:
    """Each part's counts for its own centres. A part that cannot answer a filter or the
    chart's dimension that another part can gives no count, rather than one that ignores
    it beside one that applies it; a filter no part knows is named as usual."""
    asked = [*filters.active(), *([by] if by else [])]
    known = {dim for dim in asked if facts.knows(dim)}
    counts: dict[str, dict[str, Range]] = {}
    ignored: set[str] = set()
    crossed: set[str] = set()
    widened: list[Mismatch] = []
    unanswered: list[tuple[str, str]] = []
    for part in facts.parts:
        missing = [dim for dim in known if not part.knows(dim)]
        if missing:
            unanswered += [
                (centre, missing[0])
                for centre in part.sources()
                if not filters.centre or centre in filters.centre
            ]
            continue
        found = count_trials(part, filters, by)
        counts.update(found.counts)
        ignored.update(found.ignored)
        crossed.update(found.crossed)
        widened += found.widened
    ordered = {centre: counts[centre] for centre in CENTRE.codes() if centre in counts}
    return TrialCounts(
        ordered,
        tuple(dim for dim in asked if dim in ignored),
        tuple(dim for dim in TRIAL_DIMENSIONS if dim in crossed),
        tuple(widened),
        tuple(unanswered),
    )


def _bounds(conditions: list[_Condition], total: int) -> Range:
    """The trials that meet every condition, each known only from its own breakdown.

    One condition is its published count. Several give the Fréchet bounds: at least
    max(0, Σ counts − (k − 1)·n), at most the smallest count. A breakdown that does not
    add up to the total (Figur 1c: 31 against 29, where 1a and 1b agree with the total)
    may hold that many counts too many, or miss that many trials, so its counts are
    widened by the difference before the bounds are taken.
    """
    uncertain = any(condition.uncertain for condition in conditions)
    if len(conditions) == 1:
        return Range(conditions[0].trials, conditions[0].trials, uncertain)
    low = [max(0, c.trials - max(0, c.published - total)) if c.published else 0 for c in conditions]
    high = [
        min(total, c.trials + max(0, total - c.published)) if c.published else total
        for c in conditions
    ]
    return Range(max(0, sum(low) - (len(conditions) - 1) * total), min(high), uncertain)


def _mismatches(facts: TrialFacts):
    """Where a centre's published breakdown does not add up to its stated total (Figur 1c)."""
    for centre, mine in facts.breakdowns.items():
        for dim, cells in mine.items():
            counted = sum(cell.trials for cell in cells.values())
            if counted != facts.totals[centre]:
                yield Mismatch(centre, dim, counted, facts.totals[centre])
