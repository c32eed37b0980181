"""The dashboard's filter state, and its round trip through the query string."""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import parse_qs, urlencode

from atmp.text import t
from atmp.vocab import FILTER_DIMENSIONS, URL_PARAMS

# A query string longer than this is not a link anyone shared; it is ignored whole.
MAX_QUERY_LENGTH = 2000


@dataclass(frozen=True)
class Filters:
    """Selected codes per dimension; an empty tuple means no filter on that dimension."""

    centre: tuple[str, ...] = ()
    atmp_class: tuple[str, ...] = ()
    disease_area: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    phase: tuple[str, ...] = ()

    def get(self, dimension: str) -> tuple[str, ...]:
        return getattr(self, dimension)

    def active(self) -> list[str]:
        """The dimensions that have a filter, in filter-bar order."""
        return [dimension for dimension in FILTER_DIMENSIONS if self.get(dimension)]

    def toggled(self, dimension: str, code: str) -> Filters:
        """Clicking a bar: select only `code`, or clear the filter if it was just that."""
        current = self.get(dimension)
        return replace(self, **{dimension: () if current == (code,) else (code,)})

    def without(self, dimension: str, code: str) -> Filters:
        remaining = tuple(selected for selected in self.get(dimension) if selected != code)
        return replace(self, **{dimension: remaining})

    def describe(self, lang: str) -> str:
        """'Centre: Karolinska; Status: Open, Follow-up', as printed on slides and exports."""
        if not self.active():
            return t("filter.none_short", lang)
        return "; ".join(self.describe_one(dim, lang) for dim in self.active())

    def describe_one(self, dimension: str, lang: str) -> str:
        """'Status: Open, Follow-up'."""
        return f"{t(f'filter.{dimension}', lang)}: " + ", ".join(
            FILTER_DIMENSIONS[dimension].label(code, lang) for code in self.get(dimension)
        )

    def only(self, dimensions: list[str] | tuple[str, ...]) -> Filters:
        """These filters on `dimensions` alone: the rest cleared."""
        return Filters(**{dim: self.get(dim) for dim in dimensions})

    def to_query(self) -> str:
        """'?centre=karolinska&class=sctmp,tep', or '' without filters."""
        pairs = {URL_PARAMS[dim]: ",".join(self.get(dim)) for dim in self.active()}
        return f"?{urlencode(pairs, safe=',')}" if pairs else ""


def from_values(values: dict[str, object]) -> tuple[Filters, list[str]]:
    """Filters from raw selections (dropdowns, query), keeping known codes in vocabulary order.

    Returns the filters and the values that were not known codes, for a notice.
    """
    known, unknown = {}, []
    for dimension, vocabulary in FILTER_DIMENSIONS.items():
        raw = values.get(dimension) or []
        if isinstance(raw, str):
            raw = [raw]
        chosen = set()
        for value in raw if isinstance(raw, list | tuple) else [raw]:
            if isinstance(value, str) and value in vocabulary:
                chosen.add(value)
            else:
                unknown.append(f"{URL_PARAMS[dimension]}={value}")
        known[dimension] = tuple(code for code in vocabulary.codes() if code in chosen)
    return Filters(**known), unknown


def parse_query(search: object) -> tuple[dict[str, list[str]], list[str]]:
    """{parameter: values split at commas} of a query string, and what was too long to read."""
    search = search.lstrip("?") if isinstance(search, str) else ""  # a crafted request
    if len(search) > MAX_QUERY_LENGTH:
        return {}, [f"{search[:40]}…"]
    parsed = parse_qs(search, keep_blank_values=False)
    return {
        name: [code.strip() for entry in entries for code in entry.split(",") if code.strip()]
        for name, entries in parsed.items()
    }, []


def from_params(
    params: dict[str, list[str]], offered: tuple[str, ...] = tuple(FILTER_DIMENSIONS)
) -> tuple[Filters, list[str]]:
    """Filters from parsed query parameters; unknown parameters and codes, and filters on
    dimensions the data does not offer, are returned."""
    dimensions = {param: dimension for dimension, param in URL_PARAMS.items()}
    values, unknown = {}, []
    for name, codes in params.items():
        if dimensions.get(name) in offered:
            values[dimensions[name]] = codes
        elif name in dimensions:
            unknown.append(f"{name}={','.join(codes)}")
        else:
            unknown.append(name)
    filters, unknown_codes = from_values(values)
    return filters, unknown + unknown_codes
