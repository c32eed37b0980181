"""A centre's profile, for a link filtered to one centre: its share of the cluster, what
only it has, its firsts from the key facts, and its place on ATMP Sweden's list (another
count, named as such)."""

from __future__ import annotations

from atmp.data import Snapshot
from atmp.filters import Filters
from atmp.text import inline, join_words, number, opening, t
from atmp.trials import count_trials
from atmp.views.context import national_rows
from atmp.views.key_figures import fact_centres
from atmp.views.labels import count_text
from atmp.views.summary import only_here
from atmp.vocab import CENTRE, HOSPITAL_EXEMPTION_PRODUCT, HOSPITAL_OF_CENTRE, KEY_FACT


def _percent(part: float, whole: float, lang: str) -> str:
    return f"{number(100 * part / whole, lang)} %"


def _trials(snapshot: Snapshot, centre: str, lang: str) -> list[str]:
    everything = count_trials(snapshot.trials, Filters())
    if not everything.exact or not everything.counts:
        return []
    cluster = everything.total().value
    mine = count_trials(snapshot.trials, Filters(centre=(centre,))).total()
    share = f" ({_percent(mine.value, cluster, lang)})" if mine.exact and cluster else ""
    line = t("profile.trials", lang, n=count_text(mine, lang), all=cluster, share=share)
    only = only_here(snapshot, centre, lang)
    return [line, opening(only)] if only else [line]


def _cart(snapshot: Snapshot, centre: str, lang: str) -> list[str]:
    patients = snapshot["cart"].groupby("centre")["patients"].sum()
    if centre not in patients or not patients.sum():
        return []
    return [
        t(
            "profile.cart",
            lang,
            n=number(patients[centre], lang),
            all=number(patients.sum(), lang),
            share=_percent(patients[centre], patients.sum(), lang),
        )
    ]


def _exemption(snapshot: Snapshot, centre: str, lang: str) -> list[str]:
    rows = snapshot["hospital_exemption"]
    products = {row["centre"]: set(row["products"].split("+")) for row in rows.to_dict("records")}
    mine = products.get(centre, set())
    others = set().union(*(codes for other, codes in products.items() if other != centre))
    only = sorted(mine - others, key=HOSPITAL_EXEMPTION_PRODUCT.order)
    if not only:
        return []
    names = join_words([inline(HOSPITAL_EXEMPTION_PRODUCT.label(c, lang)) for c in only], lang)
    return [t("profile.exemption_only", lang, products=names)]


def _firsts(snapshot: Snapshot, centre: str, lang: str) -> list[str]:
    return [
        f"{KEY_FACT.label(row.fact, lang)}: {int(row.value)}"
        for row in snapshot["key_facts"].itertuples()
        if row.unit == "year" and centre in fact_centres(row)
    ]


def _national(snapshot: Snapshot, centre: str, lang: str) -> list[str]:
    if "national_trials" not in snapshot:
        return []
    _, hospitals = national_rows(snapshot)
    row = next((r for r in hospitals if r["hospital"] == HOSPITAL_OF_CENTRE[centre]), None)
    if row is None:
        return []
    return [
        t(
            "profile.national",
            lang,
            n=number(row["trials_since_2006"], lang),
            open=number(row["open_now"], lang) if row["open_now"] == row["open_now"] else "–",
        )
    ]


def centre_profile(snapshot: Snapshot, filters: Filters, lang: str) -> tuple[str, list[str]]:
    """(heading, lines) for a link filtered to one centre; ('', []) otherwise."""
    if len(filters.centre) != 1:
        return "", []
    centre = filters.centre[0]
    lines = [
        *_trials(snapshot, centre, lang),
        *_cart(snapshot, centre, lang),
        *_exemption(snapshot, centre, lang),
        *_firsts(snapshot, centre, lang),
        *_national(snapshot, centre, lang),
    ]
    return t("profile.title", lang, centre=CENTRE.label(centre, lang)), lines
