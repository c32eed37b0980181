"""Checks across files that warn and do not stop a release: each file is valid, but
together they may say something the maintainer did not mean (a share from one period
applied to counts of another). `atmp check-data` prints them."""

from __future__ import annotations

import re

import pandas as pd

from atmp.data import Snapshot
from atmp.filters import Filters
from atmp.trials import count_trials
from atmp.vocab import CENTRE

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# The datasets whose rows belong to a centre, and what they hold.
_BY_CENTRE = ("cart", "hospital_exemption")


def warnings(snapshot: Snapshot) -> list[str]:
    return [
        *_regional_total(snapshot),
        *_share_period(snapshot),
        *_centres_without_rows(snapshot),
        *_rows_newer_than_release(snapshot),
    ]


def _years(texts: pd.Series | list) -> list[int]:
    return [int(year) for text in texts for year in _YEAR.findall(str(text))]


def _release_year(snapshot: Snapshot) -> int | None:
    years = _years([snapshot.release.reference_period, snapshot.release.published])
    return max(years) if years else None


def _row_years(frame: pd.DataFrame) -> list[int]:
    """The years a table's rows are of: its year column, else the years in its sources."""
    if "year" in frame and frame["year"].notna().any():
        return [int(year) for year in frame["year"].dropna()]
    return _years(frame["source"]) if "source" in frame else []


def _regional_total(snapshot: Snapshot) -> list[str]:
    regional = snapshot.regional_rows.get(("stockholm_uppsala", "ongoing_trials"))
    counts = count_trials(snapshot.trials, Filters())
    if regional is None or not counts.exact:
        return []
    counted = sum(counts.exact_per_centre().values())
    if int(regional["value"]) == counted:
        return []
    return [
        f"regional.csv: Stockholm–Uppsala's ongoing trials are {int(regional['value'])}, "
        f"the centres' trials add up to {counted}: update one of the two, or say why in "
        "the regional row's note."
    ]


def _share_period(snapshot: Snapshot) -> list[str]:
    """The CAR-T share of Sweden derives the rest of Sweden from the centres' counts: both
    must be of the same period."""
    facts = snapshot["key_facts"]
    share = facts[facts["fact"] == "cart_share_of_sweden"]
    if share.empty:
        return []
    share_years = _years(share[["source", "note"]].to_numpy().ravel()) or [_release_year(snapshot)]
    count_years = _row_years(snapshot["cart"]) or [_release_year(snapshot)]
    if None in share_years or None in count_years or max(count_years) <= max(share_years):
        return []
    value = float(share["value"].iloc[0])
    return [
        f"key_facts.csv: the CAR-T share of Sweden ({value:g} %) is of {max(share_years)}, "
        f"the CAR-T counts it derives the rest of Sweden from are of {max(count_years)}: "
        "update the share with the counts (and its source), or remove its row."
    ]


def _centres_without_rows(snapshot: Snapshot) -> list[str]:
    """A centre with no trials (in the register or the aggregates), CAR-T or hospital-
    exemption rows."""
    holding = {"trials": set(snapshot.trials.sources())}
    holding.update({name: set(snapshot[name]["centre"]) for name in _BY_CENTRE if name in snapshot})
    return [
        f"{name}: no rows for {CENTRE.label(code, 'en')}; its charts will show no bar "
        "for it. Add its rows if it has any."
        for name, centres in holding.items()
        for code in CENTRE.codes()
        if code not in centres
    ]


def _rows_newer_than_release(snapshot: Snapshot) -> list[str]:
    release = _release_year(snapshot)
    if release is None:
        return []
    found = []
    for name, frame in snapshot.tables.items():
        if name != "release" and "year" in frame and frame["year"].notna().any():
            newest = int(frame["year"].max())
            if newest > release:
                found.append(
                    f"{name}: rows of {newest}, but release.csv is of {release}: "
                    "update reference_period and published in release.csv."
                )
    return found
