"""The filter changes the benchmarks make, as the exact requests the browser sends.

A user changes one dropdown at a time: picks a centre or switches it, picks one
or two codes of a dimension (crossing the filters already set), or clears a
filter, the more often the more filters are set. A seeded random walk makes
these choices, so a run is repeatable yet does not replay a few views over and
over (which a server that keeps recent renders would answer from memory).

For the dashboard each request carries what the browser sends: the data version
of the page it opened, and in `url.search` the link's query string as the
previous answer left it.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from atmp.vocab import FILTER_DIMENSIONS
from bench.client import encode
from tests.support.dash_request import (
    callback_request,
    dashboard_request,
    page_request,
    rendered_prop,
    search_after,
)

UPDATE = "/_dash-update-component"
Change = tuple[str, dict[str, list[str]]]  # the input that changed, every dropdown's value


def _pick(rng: random.Random, dimension: str) -> list[str]:
    codes = FILTER_DIMENSIONS[dimension].codes()
    chosen = set(rng.sample(codes, 1 if dimension == "centre" or rng.random() < 0.6 else 2))
    return [code for code in codes if code in chosen]  # the dropdown keeps vocabulary order


def walk(seed: int) -> Iterator[Change]:
    """One user's filter changes, without end, from the plain dashboard."""
    rng = random.Random(seed)
    selected: dict[str, list[str]] = dict.fromkeys(FILTER_DIMENSIONS, ())
    while True:
        active = [dim for dim, codes in selected.items() if codes]
        dimension = rng.choice(list(FILTER_DIMENSIONS))
        if len(active) >= 2 and rng.random() < 0.4:
            dimension, codes = rng.choice(active), []
        elif selected[dimension] and rng.random() < 0.3:
            codes = []
        else:
            codes = _pick(rng, dimension)
        if codes == list(selected[dimension]):
            continue
        selected[dimension] = codes
        yield (
            f"filter-{dimension}.value",
            {f"filter-{dim}": list(values) for dim, values in selected.items()},
        )


class Page:
    """The dashboard as one browser tab holds it: opened, then changed filter by filter."""

    def __init__(self, dependencies: list) -> None:
        self.dependencies = dependencies
        self.shown: dict[str, object] = {}
        self.search = ""

    def open_body(self) -> bytes:
        """The page render the browser asks for when it opens the plain dashboard."""
        self.search = ""
        return encode(page_request(self.dependencies))

    def opened(self, answer: dict) -> None:
        self.shown = {"data-version": rendered_prop(answer, "data-version", "data")}

    def change_body(self, change: Change) -> bytes:
        trigger, values = change
        return encode(
            dashboard_request(
                self.dependencies, trigger, {**self.shown, **values, "url": self.search}
            )
        )

    def answered(self, answer: dict) -> None:
        self.search = search_after(answer, self.search)


class BaselinePage:
    """The baseline app's page: it comes whole with its layout, and its one callback
    takes the dropdowns and nothing else."""

    def __init__(self, dependencies: list) -> None:
        self.spec = next(
            d for d in dependencies if any(i["id"] == "filter-centre" for i in d["inputs"])
        )

    def open_body(self) -> None:
        return None

    def opened(self, answer: dict) -> None:
        pass

    def change_body(self, change: Change) -> bytes:
        return encode(callback_request(self.spec, *change))

    def answered(self, answer: dict) -> None:
        pass
