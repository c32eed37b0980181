"""What a chart is: its place on the page, what its data answers, and the view it builds."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from atmp.data import Snapshot
from atmp.filters import Filters
from atmp.text import join_words, number, t
from atmp.vocab import CENTRE, FILTER_DIMENSIONS

CHART_HEIGHT = 300
# Heights that the card (Chart.height) and the figure share: the disease-area chart spans
# two rows of the grid; Vecura's two charts are a little taller.
TALL_HEIGHT = 2 * CHART_HEIGHT + 128
MANUFACTURING_HEIGHT = CHART_HEIGHT + 40
# A chart that is one number (no axes) is drawn as a compact tile.
TILE_HEIGHT = 150


@dataclass(frozen=True)
class ChartView:
    figure: dict
    notes: tuple[str, ...] = ()
    tile: bool = False  # one number and no axes: a compact tile, not a chart card


@dataclass(frozen=True)
class Chart:
    """A chart of the page: its id, words, size and the function that builds it."""

    key: str
    section: str
    height: int
    build: Builder
    click_dimension: str | None = None
    tall: bool = False  # spans two rows of the grid
    # The filter dimensions its data answers, where that is not every one: any other
    # filter only adds a note naming it, and the chart carries its scope.
    answers: frozenset[str] | None = None
    # What the chart covers where it does not follow a filter (its `scope.` text key).
    scope: str = ""
    # The trial breakdown a trial chart draws: offered only where the data has it.
    requires: str | None = None
    # The optional dataset it draws: offered only where the folder has it.
    dataset: str | None = None
    # Its numbers come from outside the report: its source names the pages and dates read
    # (each row cites its own), not the report's publisher and period.
    outside: bool = False

    def depends_on(self, filters: Filters) -> tuple:
        """What of `filters` the chart's view depends on: the codes of the filters it
        answers, and of every other one only whether it is set (for the note)."""
        return tuple(
            filters.get(dim)
            if self.answers is None or dim in self.answers
            else bool(filters.get(dim))
            for dim in FILTER_DIMENSIONS
        )

    def applies(self, dimension: str) -> bool:
        return self.answers is None or dimension in self.answers

    def offered(self, snapshot: Snapshot) -> bool:
        if self.dataset is not None and self.dataset not in snapshot:
            return False
        return self.requires is None or snapshot.trials.knows(self.requires)

    def title(self, lang: str) -> str:
        return t(f"chart.{self.key}", lang)

    def scope_tag(self, filters: Filters, lang: str) -> str:
        return scope_tag(self.answers, self.scope, filters, lang)

    def scoped_title(self, filters: Filters, lang: str) -> str:
        """The title on slides and exports, naming whose numbers these are:
        'Akademiska (Uppsala): Trials by ATMP class', or what a chart that cannot follow
        the centre covers: 'Vecura GMP unit: … — Vecura, Karolinska's GMP unit, not by
        centre'."""
        title = self.title(lang)
        if not filters.centre:
            return title
        if self.applies("centre"):
            return f"{join_words([CENTRE.label(c, lang) for c in filters.centre], lang)}: {title}"
        return f"{title} — {t(f'scope.{self.scope}', lang)}"

    def filter_line(self, filters: Filters, lang: str) -> str:
        """'Centre: Akademiska (Uppsala) · not applicable here; Status: Open': what this
        chart applied of the active filters, and what it could not."""
        if not filters.active():
            return t("filter.none_short", lang)
        return "; ".join(
            filters.describe_one(dim, lang)
            + ("" if self.applies(dim) else f" · {t('filter.not_applicable', lang)}")
            for dim in filters.active()
        )

    def source(self, snapshot: Snapshot, lang: str) -> str:
        """Where the numbers come from and when they apply; travels into exports."""
        if self.outside and not snapshot.synthetic:
            return f"{t('source', lang)}: {t(f'source.{self.key}', lang)}."
        if snapshot.synthetic:
            origin = t("synthetic", lang)
        elif self.section == "trials" and snapshot.trials.record_level:
            origin = t("source.register", lang)
        elif self.section == "trials" and snapshot.trials.parts:
            by_source = {}
            for centre, source in snapshot.trials.sources().items():
                by_source.setdefault(source, []).append(CENTRE.label(centre, lang))
            origin = (
                f"{t('source.register', lang)} ({join_words(by_source['register'], lang)}); "
                f"{t(f'source.{self.key}', lang)}. {publisher_line(snapshot, lang)}"
            )
        else:
            origin = (
                f"{t(f'source.{self.key}', lang)}{derived_from(self.key, snapshot, lang)}. "
                f"{publisher_line(snapshot, lang)}"
            )
        as_of = t("source.as_of", lang, date=snapshot.release.as_of(lang))
        return f"{t('source', lang)}: {origin}. {as_of}."


def scope_tag(answers: frozenset[str] | None, scope: str, filters: Filters, lang: str) -> str:
    """What a chart or key figure covers, where an active filter does not apply to it
    ("Vecura, Karolinska's GMP unit, not by centre"); else ''."""
    if answers is None or all(dim in answers for dim in filters.active()):
        return ""
    return t(f"scope.{scope}", lang)


def key_fact(snapshot: Snapshot, fact: str) -> float | None:
    """A key fact's value, or None where the file lacks it (a KPI and a chart read some)."""
    value = snapshot.key_fact_values.get(fact)
    return None if value is None else float(value)


def derived_from(chart: str, snapshot: Snapshot, lang: str) -> str:
    """What a chart's source line adds for a figure derived from the data ("rest of
    Sweden derived from the 63 % share"), its numbers read from the data, never written
    here; '' where the chart derives none."""
    share = key_fact(snapshot, "cart_share_of_sweden") if chart == "cart" else None
    return t("source.cart_derived", lang, share=number(share, lang)) if share else ""


def publisher_line(snapshot: Snapshot, lang: str) -> str:
    """'Karolinska ATMP-centrum (K-ATMP) and ATMP-centrum Uppsala, spring 2025'."""
    release = snapshot.release
    return f"{release.by(lang)}, {release.period(lang)}"


Builder = Callable[[Snapshot, Filters, str], ChartView]


# What the datasets without trial breakdowns answer (see Chart.answers).
CENTRE_ONLY = frozenset({"centre"})
NO_FILTER = frozenset()


def ignored_note(
    subject: str, filters: Filters, applicable: frozenset[str], lang: str
) -> list[str]:
    """A note naming the active filters that this chart's data cannot answer."""
    return not_broken_down(
        [dim for dim in filters.active() if dim not in applicable], subject, lang
    )


def not_broken_down(ignored: list[str] | tuple[str, ...], subject: str, lang: str) -> list[str]:
    if not ignored:
        return []
    dimensions = join_words([t(f"dimension.{dim}", lang) for dim in ignored], lang)
    return [
        t(
            "note.not_broken_down",
            lang,
            subject=t(f"subject.{subject}", lang),
            dimensions=dimensions,
        )
    ]


def of_centres(rows: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows of the selected centres: the one filter a CENTRE_ONLY dataset answers."""
    return rows[rows["centre"].isin(filters.centre)] if filters.centre else rows
