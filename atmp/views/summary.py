"""The sentence that opens each section, computed from the data for the view's scope:
what a board member reads before the bars ("Akademiska (Uppsala) runs 14 of the
cluster's 43 ongoing ATMP trials; 8 in oncology; the only TEP trials (2).").

The same sentence describes the section's charts to a screen reader. A sentence is ''
where the data cannot say it for the scope (a range of trials, a missing dataset).
"""

from __future__ import annotations

import pandas as pd

from atmp.data import Snapshot
from atmp.filters import Filters
from atmp.text import inline, join_words, number, t
from atmp.trials import count_trials
from atmp.views.chart import key_fact, of_centres
from atmp.views.comparison import per_100k, regional_row
from atmp.views.context import national_rows
from atmp.views.labels import approx, count_text, qualifier_of
from atmp.views.manufacturing import export_countries
from atmp.vocab import (
    ATMP_CLASS,
    CENTRE,
    DISEASE_AREA,
    HOSPITAL,
    HOSPITAL_EXEMPTION_PRODUCT,
    HOSPITAL_OF_CENTRE,
    REGION,
)


def _largest_area(snapshot: Snapshot, filters: Filters, lang: str) -> str:
    """'8 in oncology': the disease area with most trials, where counts are exact."""
    counts = count_trials(snapshot.trials, filters, by="disease_area")
    totals: dict[str, int] = {}
    for row in counts.counts.values():
        for code, trials in row.items():
            if not trials.exact:
                return ""
            totals[code] = totals.get(code, 0) + trials.value
    if not totals:
        return ""
    code = max(totals, key=lambda key: (totals[key], -DISEASE_AREA.order(key)))
    return t("summary.area", lang, n=totals[code], area=inline(DISEASE_AREA.label(code, lang)))


def only_here(snapshot: Snapshot, centre: str, lang: str) -> str:
    """'the only TEP trials (2)': the classes that no other centre has."""
    counts = count_trials(snapshot.trials, Filters(), by="atmp_class").counts
    mine = counts.get(centre, {})
    others = {code for other, row in counts.items() if other != centre for code in row}
    only = [
        (code, trials.value)
        for code, trials in mine.items()
        if code not in others and trials.exact and trials.value
    ]
    if not only:
        return ""
    names = join_words([f"{ATMP_CLASS.label(code, lang)} ({n})" for code, n in only], lang)
    return t("summary.only", lang, classes=names)


def trials_summary(snapshot: Snapshot, filters: Filters, lang: str) -> str:
    """One sentence for the trials section; '' where the data gives no count."""
    everything = count_trials(snapshot.trials, Filters())
    if not everything.exact or not everything.counts:
        return ""
    cluster = everything.total().value
    scoped = count_trials(snapshot.trials, filters)
    if scoped.ignored:
        return ""
    total = scoped.total()
    trial_filters = [dim for dim in filters.active() if dim != "centre"]
    parts: list[str] = []
    if len(filters.centre) == 1 and not trial_filters:
        centre = filters.centre[0]
        parts.append(
            t(
                "summary.centre",
                lang,
                centre=CENTRE.label(centre, lang),
                n=count_text(total, lang),
                all=cluster,
            )
        )
        parts += [
            part
            for part in (_largest_area(snapshot, filters, lang), only_here(snapshot, centre, lang))
            if part
        ]
    elif not filters.active():
        per_centre = join_words(
            [
                f"{CENTRE.label(c, lang)} {count_text(n, lang)}"
                for c, n in scoped.per_centre().items()
            ],
            lang,
        )
        parts.append(t("summary.cluster", lang, n=cluster, centres=per_centre))
        area = _largest_area(snapshot, filters, lang)
        parts += [area] if area else []
    else:
        parts.append(
            t(
                "summary.filtered",
                lang,
                n=count_text(total, lang),
                filters=filters.describe(lang),
                all=cluster,
            )
        )
    return "; ".join(parts) + "."


def _patients(rows: list[dict]) -> int:
    return sum(int(row["patients"]) for row in rows)


def routine_summary(snapshot: Snapshot, filters: Filters, lang: str) -> str:
    """CAR-T in routine care and the hospital exemption, for the chosen centres."""
    cart = of_centres(snapshot["cart"], filters).to_dict("records")
    exemption = of_centres(snapshot["hospital_exemption"], filters).to_dict("records")
    parts = []
    by_centre: dict[str, list[dict]] = {}
    for row in cart:
        by_centre.setdefault(row["centre"], []).append(row)
    if len(by_centre) == 1:
        centre, rows = next(iter(by_centre.items()))
        products = {int(row["products"]) for row in rows if pd.notna(row["products"])}
        key = "summary.cart_centre" if len(products) == 1 else "summary.cart_centre_plain"
        parts.append(
            t(
                key,
                lang,
                centre=CENTRE.label(centre, lang),
                n=number(_patients(rows), lang),
                products=next(iter(products), 0),
            )
        )
    elif by_centre:
        centres = join_words(
            [
                f"{CENTRE.label(c, lang)} {number(_patients(by_centre[c]), lang)}"
                for c in CENTRE.codes()
                if c in by_centre
            ],
            lang,
        )
        parts.append(
            t("summary.cart_cluster", lang, n=number(_patients(cart), lang), centres=centres)
        )
        share = key_fact(snapshot, "cart_share_of_sweden")
        if share:
            parts[-1] += ", " + t("summary.cart_share", lang, share=f"{number(share, lang)} %")
    if exemption:
        products = sorted(
            {code for row in exemption for code in row["products"].split("+")},
            key=HOSPITAL_EXEMPTION_PRODUCT.order,
        )
        parts.append(
            t(
                "summary.exemption",
                lang,
                n=approx(_patients(exemption), qualifier_of(exemption), lang),
                what=join_words(
                    [inline(HOSPITAL_EXEMPTION_PRODUCT.label(code, lang)) for code in products],
                    lang,
                ),
            )
        )
    return "; ".join(parts) + "." if parts else ""


def manufacturing_summary(snapshot: Snapshot, lang: str) -> str:
    """Vecura's whole-period figures (a yearly row is not a whole-period figure)."""
    rows = snapshot["vecura"]
    whole = rows[rows["year"].isna()].to_dict("records") if "year" in rows else []
    by_measure = {row["measure"]: row for row in whole}

    def shown(measure: str) -> str:
        row = by_measure[measure]
        return approx(row["value"], row["qualifier"], lang)

    figures = [
        t(f"summary.vecura_{measure}", lang, n=shown(measure))
        for measure in ("batches", "products", "patients")
        if measure in by_measure
    ]
    if "patients" in by_measure and "patients_incl_imports" in by_measure:
        figures[-1] += " " + t(
            "summary.vecura_with_imports", lang, n=shown("patients_incl_imports")
        )
    countries = export_countries(snapshot["vecura_exports"])
    if countries:
        figures.append(t("summary.export_countries", lang, n=number(countries, lang)))
    if not figures:
        return ""
    return t("summary.vecura", lang, figures=join_words(figures, lang)) + "."


def comparison_summary(snapshot: Snapshot, lang: str) -> str:
    """Ongoing trials per 100,000 inhabitants, each area with its own period."""
    parts = []
    for region in REGION.codes():
        count = regional_row(snapshot, region, "ongoing_trials")
        population = regional_row(snapshot, region, "population")
        if not count or not population or not population["value"]:
            continue
        parts.append(
            t(
                "summary.rate",
                lang,
                area=REGION.label(region, lang),
                n=number(count["value"], lang),
                period=count["period_sv" if lang == "sv" and count.get("period_sv") else "period"],
                rate=number(per_100k(count["value"], population["value"]), lang, 2),
            )
        )
    return t("summary.rates", lang, rates=join_words(parts, lang)) + "." if parts else ""


def context_summary(snapshot: Snapshot, filters: Filters, lang: str) -> str:
    """ATMP Sweden's list and the UK's latest year, each with its own basis; the chosen
    centre's hospital named where the filter picks one."""
    parts = []
    if "national_trials" in snapshot:
        total, hospitals = national_rows(snapshot)
        rows = {row["hospital"]: row for row in hospitals}
        wanted = [HOSPITAL_OF_CENTRE[c] for c in filters.centre] or [
            HOSPITAL_OF_CENTRE[c] for c in CENTRE.codes()
        ]
        named = join_words(
            [
                t(
                    "summary.hospital",
                    lang,
                    hospital=HOSPITAL.label(code, lang),
                    n=number(rows[code]["trials_since_2006"], lang),
                )
                for code in wanted
                if code in rows
            ],
            lang,
        )
        if total is not None:
            parts.append(
                t(
                    "summary.national",
                    lang,
                    n=number(total["trials_since_2006"], lang),
                    named=named,
                )
            )
    if "uk_trials" in snapshot and len(snapshot["uk_trials"]):
        latest = snapshot["uk_trials"].sort_values("year").iloc[-1]
        parts.append(
            t(
                "summary.uk",
                lang,
                n=number(latest["ongoing_trials"], lang),
                year=int(latest["year"]),
            )
        )
    return "; ".join(parts) + "." if parts else ""


def centre_summaries(snapshot: Snapshot, filters: Filters, lang: str) -> dict[str, str]:
    """The sentences of the sections that follow the centre at most (kept per centre)."""
    return {
        "routine": routine_summary(snapshot, filters, lang),
        "manufacturing": manufacturing_summary(snapshot, lang),
        "comparison": comparison_summary(snapshot, lang),
        "context": context_summary(snapshot, filters, lang),
    }


def section_summaries(snapshot: Snapshot, filters: Filters, lang: str) -> dict[str, str]:
    """The opening sentence of every chart section, by section, in the page's order
    (atmp.views.SECTIONS)."""
    return {
        "trials": trials_summary(snapshot, filters, lang),
        **centre_summaries(snapshot, filters, lang),
    }
