"""The key figures above the charts (KPIs) and the key facts of the report."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from atmp.data import Snapshot
from atmp.filters import Filters
from atmp.text import join_words, localized, number, t
from atmp.trials import count_trials
from atmp.views.chart import of_centres
from atmp.views.comparison import per_100k, regional_measures
from atmp.vocab import CENTRE, KEY_FACT, QUALIFIER, UNIT


@dataclass(frozen=True)
class Kpi:
    key: str
    value: str
    detail: str


def trial_total(snapshot: Snapshot, filters: Filters) -> dict[str, int] | None:
    """Trials per centre under the filters, or None where the source has no such number."""
    counts = count_trials(snapshot.trials, filters)
    return None if counts is None else counts.per_centre()


def key_fact(snapshot: Snapshot, fact: str) -> float | None:
    """A key fact's value, or None where the file lacks it (a KPI and a chart read some)."""
    facts = snapshot["key_facts"].set_index("fact")["value"]
    return float(facts[fact]) if fact in facts.index else None


def kpis(snapshot: Snapshot, filters: Filters, lang: str) -> list[Kpi]:
    per_centre = trial_total(snapshot, filters)
    if per_centre is None:
        dimensions = [dim for dim in filters.active() if dim != "centre"]
        names = join_words([t(f"dimension.{d}", lang) for d in dimensions], lang)
        trials = Kpi("trials", t("kpi.not_available", lang),
                     t("note.not_crossed", lang, dimensions=names))
    else:
        trials = Kpi("trials", number(sum(per_centre.values()), lang), " · ".join(
            f"{CENTRE.label(c, lang)} {number(n, lang)}" for c, n in per_centre.items()))

    cart_rows = of_centres(snapshot["cart"], filters)
    share = key_fact(snapshot, "cart_share_of_sweden")
    cart_detail = (t("kpi.cart.share", lang, share=number(share, lang))
                   if share and not filters.centre else t("kpi.cart.products", lang))
    cart = Kpi("cart", number(int(cart_rows["patients"].sum()), lang), cart_detail)

    measures: dict[str, int] = {}
    for row in snapshot["vecura"].to_dict("records"):  # summed over the years, if any
        measures[row["measure"]] = measures.get(row["measure"], 0) + int(row["value"])
    vecura_patients = Kpi(
        "vecura",
        number(int(measures.get("patients_incl_imports", measures.get("patients", 0))), lang),
        t("kpi.vecura.detail", lang, patients=number(int(measures.get("patients", 0)), lang)),
    )

    table = regional_measures(snapshot)
    region = table.loc["stockholm_uppsala"] if "stockholm_uppsala" in table.index else None
    uk = table.loc["united_kingdom"] if "united_kingdom" in table.index else None
    if region is None or pd.isna(region.get("ongoing_trials")):
        density = Kpi("per_100k", t("kpi.not_available", lang), "")
    else:
        uk_text = (number(per_100k(uk["ongoing_trials"], uk["population"]), lang, 2)
                   if uk is not None and pd.notna(uk.get("ongoing_trials")) else "–")
        density = Kpi(
            "per_100k",
            number(per_100k(region["ongoing_trials"], region["population"]), lang, 2),
            t("kpi.per_100k.detail", lang, trials=number(region["ongoing_trials"], lang),
              population=number(region["population"] / 1e6, lang, 2), uk=uk_text),
        )
    return [trials, cart, vecura_patients, density]


def key_facts(snapshot: Snapshot, lang: str) -> list[tuple[str, str, str]]:
    """(what, value, source) for each key fact, in the file's order."""
    facts = []
    for row in snapshot["key_facts"].itertuples():
        decimals = 0 if float(row.value).is_integer() else 1
        value = (str(int(row.value)) if row.unit == "year"
                 else number(row.value, lang, decimals))
        qualifier = QUALIFIER.label(row.qualifier, lang) + " " if row.qualifier else ""
        unit = UNIT.label(row.unit, lang)
        shown = f"{qualifier}{value}{'' if unit == '%' else ' '}{unit}".strip()
        facts.append((KEY_FACT.label(row.fact, lang), shown, localized(row, "source", lang)))
    return facts
