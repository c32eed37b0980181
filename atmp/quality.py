"""The data-quality view: where the source disagrees with itself, or is read with doubt.

Every finding is computed from the data, so an update that fixes (or adds) a
discrepancy changes this view without a code change.
"""

from __future__ import annotations

from dataclasses import dataclass

from atmp.data import Snapshot
from atmp.filters import Filters
from atmp.text import join_words, localized, number, t
from atmp.trials import count_trials
from atmp.views.comparison import per_100k, regional_measures
from atmp.views.routine import cart_rest_of_sweden
from atmp.vocab import CENTRE, REGION, TRIAL_DIMENSIONS


@dataclass(frozen=True)
class Finding:
    what: str
    published: str
    found: str
    explanation: str
    source: str
    centre: str | None = None  # the centre it concerns; None for the whole cluster


def _sum_mismatches(snapshot: Snapshot, lang: str) -> list[Finding]:
    findings = []
    for mismatch in snapshot.trials.mismatches:
        trials = snapshot["trials"]  # only published aggregates declare totals
        rows = trials[
            (trials["centre"] == mismatch.centre) & (trials["dimension"] == mismatch.dimension)
        ]
        findings.append(
            Finding(
                t(
                    "quality.sum_mismatch",
                    lang,
                    centre=CENTRE.label(mismatch.centre, lang),
                    dimension=t(f"dimension.{mismatch.dimension}", lang),
                ),
                t("quality.sum_mismatch.published", lang, declared=mismatch.declared),
                t("quality.sum_mismatch.found", lang, counted=mismatch.counted),
                localized(rows.iloc[0], "note", lang),
                localized(rows.iloc[0], "source", lang),
                mismatch.centre,
            )
        )
    return findings


def _uncertain_readings(snapshot: Snapshot, lang: str) -> list[Finding]:
    if "trials" not in snapshot:
        return []
    trials = snapshot["trials"]
    uncertain = trials[trials["reading"] == "uncertain"]
    findings = []
    for (centre, _, _, _), rows in uncertain.groupby(
        ["centre", "dimension", "source", "note"], sort=False
    ):
        vocabulary = TRIAL_DIMENSIONS[rows["dimension"].iloc[0]]
        source = localized(rows.iloc[0], "source", lang)
        labels = join_words(
            [
                f"{vocabulary.label(code, lang)} {n}"
                for code, n in zip(rows["code"], rows["trials"], strict=True)
            ],
            lang,
        )
        findings.append(
            Finding(
                t("quality.reading", lang, centre=CENTRE.label(centre, lang), figure=source),
                labels,
                t("quality.reading.found", lang),
                localized(rows.iloc[0], "note", lang),
                source,
                centre,
            )
        )
    return findings


def _stated_densities(snapshot: Snapshot, lang: str) -> list[Finding]:
    table = regional_measures(snapshot)
    needed = {"ongoing_trials", "population", "stated_trials_per_100k"}
    if not needed <= set(table.columns):
        return []
    findings = []
    for region, row in table.dropna(subset=list(needed)).iterrows():
        computed = per_100k(row["ongoing_trials"], row["population"])
        stated = row["stated_trials_per_100k"]
        decimals = 2 if stated < 1 else 1
        # "about 0.25" for 0.256 is a fair rounding; "about 1.0" for 1.49 is not.
        agrees = abs(computed - stated) <= 0.05 * stated
        findings.append(
            Finding(
                t("quality.per_100k", lang, region=REGION.label(region, lang)),
                t("quality.per_100k.published", lang, stated=number(stated, lang, decimals)),
                t(
                    "quality.per_100k.found",
                    lang,
                    trials=number(row["ongoing_trials"], lang),
                    population=number(row["population"] / 1e6, lang, 2),
                    computed=number(computed, lang, 3 if computed < 1 else 2),
                ),
                t("quality.per_100k.agrees" if agrees else "quality.per_100k.explanation", lang),
                t("source.per_100k", lang),
            )
        )
    return findings


def _regional_total(snapshot: Snapshot, lang: str) -> list[Finding]:
    table = regional_measures(snapshot)
    counted = count_trials(snapshot.trials, Filters()).total().value
    if "stockholm_uppsala" not in table.index or "ongoing_trials" not in table:
        return []
    regional = table.at["stockholm_uppsala", "ongoing_trials"]
    if regional == counted:
        return []
    return [
        Finding(
            t("quality.regional_total", lang),
            number(regional, lang),
            t("quality.regional_total.found", lang, counted=counted),
            t("quality.regional_total.explanation", lang),
            t("source.per_100k", lang),
        )
    ]


def _derived_cart(snapshot: Snapshot, lang: str) -> list[Finding]:
    derived = cart_rest_of_sweden(snapshot)
    if not derived:
        return []
    words = {
        key: number(value, lang, 2 if key == "fraction" else 0) for key, value in derived.items()
    }
    return [
        Finding(
            t("quality.cart_sweden", lang),
            t("quality.cart_sweden.published", lang, **words),
            t("quality.cart_sweden.found", lang, **words),
            t("quality.cart_sweden.explanation", lang, **words),
            t("source.cart", lang),
        )
    ]


def _trial_sources(snapshot: Snapshot, lang: str) -> list[Finding]:
    """Where a register covers some centres and the published figures the others."""
    if not snapshot.trials.parts:
        return []
    by_source: dict[str, list[str]] = {"register": [], "aggregates": []}
    for centre, source in snapshot.trials.sources().items():
        by_source[source].append(CENTRE.label(centre, lang))
    return [
        Finding(
            t("quality.sources", lang),
            "",
            t(
                "quality.sources.found",
                lang,
                **{source: join_words(names, lang) for source, names in by_source.items()},
            ),
            t("quality.sources.explanation", lang),
            t("source.register", lang),
        )
    ]


def findings(snapshot: Snapshot, lang: str, filters: Filters | None = None) -> list[Finding]:
    """Every finding of the chosen centres and of the whole cluster."""
    filters = filters or Filters()
    found = (
        _trial_sources(snapshot, lang)
        + _sum_mismatches(snapshot, lang)
        + _regional_total(snapshot, lang)
        + _stated_densities(snapshot, lang)
        + _uncertain_readings(snapshot, lang)
        + _derived_cart(snapshot, lang)
    )
    return [
        finding
        for finding in found
        if not filters.centre or finding.centre in (None, *filters.centre)
    ]
