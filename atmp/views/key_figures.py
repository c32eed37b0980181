"""The key figures above the charts (KPIs) and the key facts of the report."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from atmp.data import Snapshot
from atmp.filters import Filters
from atmp.text import join_words, localized, number, t
from atmp.trials import Range, count_trials
from atmp.views.chart import CENTRE_ONLY, NO_FILTER, key_fact, of_centres, scope_tag
from atmp.views.comparison import area_label, per_100k, regional_row
from atmp.views.labels import count_text
from atmp.vocab import CENTRE, KEY_FACT, QUALIFIER, UNIT


@dataclass(frozen=True)
class Kpi:
    key: str
    value: str
    detail: str
    scope: str = ""  # what it covers, where an active filter does not apply to it


def trial_total(snapshot: Snapshot, filters: Filters) -> dict[str, Range] | None:
    """Trials per centre under the filters, or None where a filter has no data at all."""
    counts = count_trials(snapshot.trials, filters)
    return None if counts.ignored else counts.per_centre()


def _trials_kpi(snapshot: Snapshot, filters: Filters, lang: str) -> Kpi:
    counts = count_trials(snapshot.trials, filters)
    if counts.ignored:
        names = join_words([t(f"dimension.{d}", lang) for d in counts.ignored], lang)
        return Kpi(
            "trials", t("kpi.not_available", lang), t("note.no_breakdown", lang, dimension=names)
        )
    total = counts.total()
    detail = " · ".join(
        f"{CENTRE.label(c, lang)} {count_text(n, lang)}" for c, n in counts.per_centre().items()
    )
    if not total.exact:
        names = join_words([t(f"dimension.{d}", lang) for d in counts.crossed], lang)
        detail = f"{detail}. {t('kpi.trials.bounds', lang, dimensions=names)}"
    if total.uncertain:
        detail = f"{detail}. {t('kpi.trials.uncertain', lang)}"
    for centre, dim in counts.unanswered:
        detail = f"{detail}. " + t(
            "note.unanswered",
            lang,
            centre=CENTRE.label(centre, lang),
            dimension=t(f"dimension.{dim}", lang),
        ).rstrip(".")
    return Kpi("trials", count_text(total, lang), detail)


def _per_100k_kpi(snapshot: Snapshot, filters: Filters, lang: str) -> Kpi:
    scope = scope_tag(NO_FILTER, "regions", filters, lang)
    region = _rate(snapshot, "stockholm_uppsala")
    if region is None:
        return Kpi("per_100k", t("kpi.not_available", lang), "", scope)
    uk = _rate(snapshot, "united_kingdom")
    uk_text = (
        t(
            "kpi.per_100k.uk",
            lang,
            area=area_label(snapshot, "united_kingdom", lang),
            rate=number(per_100k(*uk), lang, 2),
        )
        if uk is not None
        else ""
    )
    trials, population = region
    return Kpi(
        "per_100k",
        number(per_100k(trials, population), lang, 2),
        t(
            "kpi.per_100k.detail",
            lang,
            area=area_label(snapshot, "stockholm_uppsala", lang),
            trials=number(trials, lang),
            population=number(population / 1e6, lang, 2),
        )
        + uk_text,
        scope,
    )


def _rate(snapshot: Snapshot, region: str) -> tuple[float, float] | None:
    """A region's ongoing trials and population, or None where it has no count of trials
    or no population."""
    rows = [regional_row(snapshot, region, measure) for measure in ("ongoing_trials", "population")]
    if any(row is None or pd.isna(row["value"]) for row in rows):
        return None
    return rows[0]["value"], rows[1]["value"]


def kpis(snapshot: Snapshot, filters: Filters, lang: str) -> list[Kpi]:
    cart_rows = of_centres(snapshot["cart"], filters)
    share = key_fact(snapshot, "cart_share_of_sweden")
    cart_detail = (
        t("kpi.cart.share", lang, share=number(share, lang))
        if share and not filters.centre
        else t("kpi.cart.products", lang)
    )
    cart = Kpi(
        "cart",
        number(int(cart_rows["patients"].sum()), lang),
        cart_detail,
        scope_tag(CENTRE_ONLY, "cart", filters, lang),
    )

    measures: dict[str, int] = {}
    vecura = snapshot["vecura"]
    for measure, value in zip(vecura["measure"], vecura["value"], strict=True):  # over the years
        measures[measure] = measures.get(measure, 0) + int(value)
    vecura_patients = Kpi(
        "vecura",
        number(int(measures.get("patients_incl_imports", measures.get("patients", 0))), lang),
        t("kpi.vecura.detail", lang, patients=number(int(measures.get("patients", 0)), lang)),
        scope_tag(NO_FILTER, "vecura", filters, lang),
    )
    return [
        _trials_kpi(snapshot, filters, lang),
        cart,
        vecura_patients,
        _per_100k_kpi(snapshot, filters, lang),
    ]


def fact_centres(row: object) -> tuple[str, ...]:
    """The centres a key fact belongs to; none for the whole cluster."""
    centres = getattr(row, "centre", "") or ""
    return tuple(centres.split("+")) if centres else ()


def key_facts(snapshot: Snapshot, filters: Filters, lang: str) -> list[tuple[str, str, str, str]]:
    """(what, value, source, scope) for each key fact of the chosen centres, in the file's
    order; a fact of the whole cluster stays, tagged so under a centre filter."""
    facts = []
    for row in snapshot["key_facts"].itertuples():
        centres = fact_centres(row)
        if filters.centre and centres and not set(centres) & set(filters.centre):
            continue
        decimals = 0 if float(row.value).is_integer() else 1
        value = str(int(row.value)) if row.unit == "year" else number(row.value, lang, decimals)
        qualifier = QUALIFIER.label(row.qualifier, lang) + " " if row.qualifier else ""
        unit = UNIT.label(row.unit, lang)
        shown = f"{qualifier}{value}{'' if unit == '%' else ' '}{unit}".strip()
        scope = t("scope.cluster", lang) if filters.centre and not centres else ""
        facts.append((KEY_FACT.label(row.fact, lang), shown, localized(row, "source", lang), scope))
    return facts
