"""The research section, as the report publishes it (Figur 10–13): network sizes with
their definitions, the focus areas it names, the co-publication areas, the partner
organisations it names, and its caveats on the method.

Network sizes have different thresholds and units, so each stands with its definition
and none is compared with another on an axis. Under a centre filter the section shows
that centre's rows and the rows of both.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from atmp.data import Snapshot
from atmp.filters import Filters
from atmp.text import inline, join_words, localized, number, t
from atmp.vocab import CENTRE, NETWORK_UNIT


@dataclass(frozen=True)
class Network:
    value: str  # "124"
    what: str  # "MeSH terms in Karolinska's cell and gene therapy research"
    definition: str  # "terms with at least 3 publications, 2020–2024"
    source: str
    note: str


@dataclass(frozen=True)
class Research:
    summary: str
    networks: tuple[Network, ...]
    focus: tuple[tuple[str, tuple[str, ...]], ...]  # (whose, areas)
    co_publication: tuple[str, ...]
    partners: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]  # (group, ((name, place),))
    caveats: tuple[str, ...]
    sources: tuple[str, ...]


def _whose(centres: list[str], lang: str) -> str:
    if len(centres) == len(CENTRE.codes()):
        return t("research.both", lang)
    return join_words([CENTRE.label(code, lang) for code in centres], lang)


def _rows(snapshot: Snapshot, filters: Filters) -> list[dict]:
    """The rows of the chosen centres, a row of both centres always among them."""
    rows = snapshot["research"].to_dict("records")
    for row in rows:
        row["centres"] = row["centre"].split("+")
    if not filters.centre:
        return rows
    return [row for row in rows if set(row["centres"]) & set(filters.centre)]


def _network(row: dict, lang: str) -> Network:
    unit = NETWORK_UNIT.label(row["unit"], lang)
    least = row["min_publications"]
    period = row["period"] or ""
    definition = (
        t("research.threshold", lang, unit=unit, n=int(least))
        if not pd.isna(least)
        else t("research.no_threshold", lang, unit=unit)
    )
    return Network(
        value=number(int(row["value"]), lang),
        what=localized(row, "item", lang),
        definition=f"{definition}, {period}" if period else definition,
        source=localized(row, "source", lang),
        note=localized(row, "note", lang),
    )


def research(snapshot: Snapshot, filters: Filters, lang: str) -> Research | None:
    """The section for the chosen centres; None where the folder has no research data."""
    if "research" not in snapshot:
        return None
    rows = _rows(snapshot, filters)
    of_kind = {
        kind: [row for row in rows if row["kind"] == kind]
        for kind in ("network", "focus_area", "co_publication_area", "partner", "caveat")
    }
    networks = tuple(_network(row, lang) for row in of_kind["network"])
    focus: dict[str, list[str]] = {}
    for row in of_kind["focus_area"]:
        focus.setdefault(_whose(row["centres"], lang), []).append(localized(row, "item", lang))
    partners: dict[str, list[tuple[str, str]]] = {}
    for row in of_kind["partner"]:
        group = t("research.partners_of", lang, whose=_whose(row["centres"], lang))
        partners.setdefault(group, []).append(
            (localized(row, "item", lang), localized(row, "place", lang))
        )
    co_publication = tuple(localized(row, "item", lang) for row in of_kind["co_publication_area"])
    sources = tuple(dict.fromkeys(localized(row, "source", lang) for row in rows))
    return Research(
        summary=_summary(of_kind, filters, lang),
        networks=networks,
        focus=tuple((whose, tuple(areas)) for whose, areas in focus.items()),
        co_publication=co_publication,
        partners=tuple((group, tuple(names)) for group, names in partners.items()),
        caveats=tuple(localized(row, "item", lang) for row in of_kind["caveat"]),
        sources=sources,
    )


def _summary(of_kind: dict[str, list[dict]], filters: Filters, lang: str) -> str:
    """'Karolinska's research spans 124 MeSH terms and Uppsala's 85 (2020–2024); …'."""
    terms = [
        row
        for row in of_kind["network"]
        if row["unit"] == "mesh_terms" and len(row["centres"]) == 1
    ]
    parts = []
    if terms:
        parts.append(
            t(
                "research.summary.terms",
                lang,
                networks=join_words(
                    [
                        t(
                            "research.summary.network",
                            lang,
                            centre=CENTRE.label(row["centres"][0], lang),
                            n=number(int(row["value"]), lang),
                        )
                        for row in terms
                    ],
                    lang,
                ),
                period=terms[0]["period"],
            )
        )
    shared = [row for row in of_kind["network"] if len(row["centres"]) > 1]
    areas = [localized(row, "item", lang) for row in of_kind["co_publication_area"]]
    if shared and areas:
        parts.append(
            t(
                "research.summary.shared",
                lang,
                n=number(int(shared[0]["value"]), lang),
                areas=join_words([inline(area) for area in areas], lang),
            )
        )
    own_focus = [
        inline(localized(row, "item", lang))
        for row in of_kind["focus_area"]
        if filters.centre and len(row["centres"]) == 1
    ]
    if own_focus:
        parts.append(t("research.summary.focus", lang, areas=join_words(own_focus, lang)))
    return "; ".join(parts) + "." if parts else ""
