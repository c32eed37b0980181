"""Routine care: CAR-T patients per centre (and the rest of Sweden) and hospital exemption."""

from __future__ import annotations

import pandas as pd

from atmp.data import Snapshot
from atmp.figures import DERIVED, bar, layout, padded_range
from atmp.filters import Filters
from atmp.text import number, t
from atmp.views.chart import (
    CENTRE_ONLY,
    CHART_HEIGHT,
    ChartView,
    ignored_note,
    key_fact,
    of_centres,
)
from atmp.views.labels import APPROX, approx, axis_label, certainty_notes
from atmp.views.small_numbers import HIDE_SMALL, small_numbers_notes, split_lines
from atmp.views.yearly import series_view, yearly
from atmp.vocab import CART_PRODUCT, CENTRE, HOSPITAL_EXEMPTION_PRODUCT


def cart_rest_of_sweden(snapshot: Snapshot) -> dict | None:
    """Sweden's CAR-T patients outside the two centres, derived from the published share."""
    share = key_fact(snapshot, "cart_share_of_sweden")
    if not share:
        return None
    centres = int(snapshot["cart"]["patients"].sum())

    def rest(percent: float) -> float:
        return centres / (percent / 100) - centres

    return {
        "share": share,
        "centres": centres,
        "fraction": share / 100,
        "sweden": centres / (share / 100),
        "rest": rest(share),
        "low": rest(share + 0.5),
        "high": rest(share - 0.5),
    }


def cart(
    snapshot: Snapshot, filters: Filters, lang: str, *, hide_small: bool = HIDE_SMALL
) -> ChartView:
    """Patients per centre, or per year and centre; per-product rows split each bar's hover."""
    rows = of_centres(snapshot["cart"], filters)
    notes = ignored_note("cart", filters, CENTRE_ONLY, lang)

    def product(row: dict) -> str:
        return CART_PRODUCT.label(row["product"], lang) if row["product"] else ""

    if yearly(snapshot["cart"]):
        return series_view(rows, notes, lang, part=product, hide=hide_small, total_shown=True)
    # Plain records: a few rows, read on every filter change, cost less than pandas masks.
    by_centre: dict[str, list[dict]] = {}
    for row in rows.to_dict("records"):
        by_centre.setdefault(row["centre"], []).append(row)
    centres = [code for code in CENTRE.codes() if code in by_centre]
    labels, patients, hover = [], [], []
    for centre in centres:
        named = [row for row in by_centre[centre] if row["product"]]
        products = (
            len(named)
            if named
            else next(
                (int(row["products"]) for row in by_centre[centre] if pd.notna(row["products"])),
                None,
            )
        )
        label = (
            CENTRE.label(centre, lang)
            if products is None
            else axis_label(
                CENTRE.label(centre, lang), f"{number(products, lang)} {t('unit.products', lang)}"
            )
        )
        total = sum(int(row["patients"]) for row in by_centre[centre])
        parts = [(product(row), int(row["patients"])) for row in named]
        labels.append(label)
        patients.append(total)
        hover.append(
            f"{label}: {number(total, lang)} {t('unit.patients', lang)}"
            + split_lines(parts, lang, hide_small)
        )
    traces = [
        bar(
            name=t("axis.patients", lang),
            y=labels,
            x=patients,
            colour=[CENTRE.colour(c) for c in centres],
            text=[number(p, lang) for p in patients],
            customdata=[["centre", c] for c in centres],
            hover=hover,
        )
    ]
    derived = cart_rest_of_sweden(snapshot)
    largest = max(patients, default=0)
    if derived and not filters.centre:
        words = {
            key: number(value, lang, 2 if key == "fraction" else 0)
            for key, value in derived.items()
        }
        traces.append(
            bar(
                name=t("label.rest_of_sweden", lang),
                y=[axis_label(t("label.rest_of_sweden", lang), t("label.derived", lang))],
                x=[round(derived["rest"], 1)],
                colour=DERIVED,
                pattern=True,
                text=[f"{APPROX}{words['rest']}"],
                customdata=[["", ""]],
                hover=[t("hover.derived_cart", lang, **words)],
            )
        )
        largest = max(largest, derived["rest"])
    elif derived:
        notes.append(t("note.rest_hidden", lang))
    figure = {
        "data": traces,
        "layout": layout(
            lang,
            x_title=t("axis.patients", lang),
            height=CHART_HEIGHT,
            x_range=padded_range(largest, 0.15),
        ),
    }
    return ChartView(
        figure, tuple(notes + small_numbers_notes(figure, lang) + certainty_notes(figure, lang))
    )


def hospital_exemption_therapies(products: str, lang: str) -> list[str]:
    return [HOSPITAL_EXEMPTION_PRODUCT.label(p, lang) for p in products.split("+")]


def hospital_exemption(
    snapshot: Snapshot, filters: Filters, lang: str, *, hide_small: bool = HIDE_SMALL
) -> ChartView:
    """Patients per centre and therapies, or per year and centre with the therapies in hover."""
    rows = of_centres(snapshot["hospital_exemption"], filters)
    if yearly(snapshot["hospital_exemption"]):
        return series_view(
            rows,
            ignored_note("hospital_exemption", filters, CENTRE_ONLY, lang),
            lang,
            part=lambda row: ", ".join(hospital_exemption_therapies(row["products"], lang)),
            hide=hide_small,
            total_shown=False,
        )
    rows = rows.assign(rank=rows["centre"].map(CENTRE.order)).sort_values(["rank", "products"])
    labels, text, hover = [], [], []
    for row in rows.itertuples():
        products = hospital_exemption_therapies(row.products, lang)
        since = t("label.since", lang, year=row.since_year) if pd.notna(row.since_year) else ""
        label = axis_label(CENTRE.label(row.centre, lang), since)
        value = approx(row.patients, row.qualifier, lang)
        labels.append(label)
        text.append(value)
        hover.append(f"{label}: {value} {t('unit.patients', lang)}<br>{'<br>'.join(products)}")
    traces = [
        bar(
            name=t("axis.patients", lang),
            y=labels,
            x=rows["patients"].tolist(),
            colour=[CENTRE.colour(c) for c in rows["centre"]],
            text=text,
            customdata=[["centre", c] for c in rows["centre"]],
            hover=hover,
            qualifier=rows["qualifier"].tolist(),
        )
    ]
    figure = {
        "data": traces,
        "layout": layout(
            lang,
            x_title=t("axis.patients", lang),
            height=CHART_HEIGHT,
            x_range=padded_range(max(rows["patients"], default=0), 0.15),
        ),
    }
    notes = ignored_note("hospital_exemption", filters, CENTRE_ONLY, lang)
    return ChartView(figure, tuple(notes + certainty_notes(figure, lang)))


def hospital_exemption_products(
    snapshot: Snapshot, filters: Filters, lang: str
) -> list[tuple[str, list[str]]]:
    """(centre, therapies) for the caption under the hospital-exemption chart, once each,
    for the chosen centres."""
    rows = of_centres(snapshot["hospital_exemption"], filters).drop_duplicates(
        ["centre", "products"]
    )
    return [
        (CENTRE.label(row.centre, lang), hospital_exemption_therapies(row.products, lang))
        for row in rows.itertuples()
    ]
