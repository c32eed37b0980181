"""What each chart and key figure shows for a snapshot, a set of filters and a language.

The one rule: a filter a dataset cannot answer is not applied or invented; the
chart stays as the data allows and says so in a note.

A module per section of the page (trials, routine, manufacturing, comparison, context), what a
chart is (chart), the key figures, and what the charts share: labels, small numbers and
the yearly form of the per-centre patient charts. CHARTS is the page's charts in order.
"""

from __future__ import annotations

from atmp.data import Snapshot
from atmp.state import READINGS, Offer
from atmp.views.chart import (
    CENTRE_ONLY,
    CHART_HEIGHT,
    MANUFACTURING_HEIGHT,
    NO_FILTER,
    TALL_HEIGHT,
    Chart,
    ChartView,
)
from atmp.views.comparison import trials_initiated, trials_per_100k
from atmp.views.context import NATIONAL_HEIGHT, national_trials, uk_trials
from atmp.views.key_figures import Kpi, key_facts, kpis
from atmp.views.manufacturing import vecura, vecura_exports
from atmp.views.routine import cart, hospital_exemption, hospital_exemption_products
from atmp.views.trials import composition_chart, trials_by_disease
from atmp.vocab import FILTER_DIMENSIONS

__all__ = [
    "CHARTS",
    "SECTIONS",
    "Chart",
    "ChartView",
    "Kpi",
    "hospital_exemption_products",
    "key_facts",
    "kpis",
    "offer",
    "offered_charts",
    "offered_dimensions",
]

# The sections of charts, in the page's order; each opens with a sentence (summary.py).
SECTIONS = ("trials", "routine", "manufacturing", "comparison", "context")

CHARTS: tuple[Chart, ...] = (
    Chart(
        "trials_by_class",
        "trials",
        CHART_HEIGHT,
        composition_chart("atmp_class", "trials_by_class"),
        "atmp_class",
        requires="atmp_class",
    ),
    Chart(
        "trials_by_status",
        "trials",
        CHART_HEIGHT,
        composition_chart("status", "trials_by_status"),
        "status",
        requires="status",
    ),
    Chart(
        "trials_by_disease",
        "trials",
        TALL_HEIGHT,
        trials_by_disease,
        "disease_area",
        tall=True,
        requires="disease_area",
    ),
    Chart(
        "trials_by_phase",
        "trials",
        CHART_HEIGHT,
        composition_chart("phase", "trials_by_phase"),
        "phase",
        requires="phase",
    ),
    Chart("cart", "routine", CHART_HEIGHT, cart, "centre", answers=CENTRE_ONLY, scope="cart"),
    Chart(
        "hospital_exemption",
        "routine",
        CHART_HEIGHT,
        hospital_exemption,
        "centre",
        answers=CENTRE_ONLY,
        scope="hospital_exemption",
    ),
    Chart(
        "vecura", "manufacturing", MANUFACTURING_HEIGHT, vecura, answers=NO_FILTER, scope="vecura"
    ),
    Chart(
        "exports",
        "manufacturing",
        MANUFACTURING_HEIGHT,
        vecura_exports,
        answers=NO_FILTER,
        scope="vecura",
    ),
    Chart(
        "per_100k", "comparison", CHART_HEIGHT, trials_per_100k, answers=NO_FILTER, scope="regions"
    ),
    Chart("arm", "comparison", CHART_HEIGHT, trials_initiated, answers=NO_FILTER, scope="arm"),
    Chart(
        "national_trials",
        "context",
        NATIONAL_HEIGHT,
        national_trials,
        answers=NO_FILTER,
        scope="national",
        dataset="national_trials",
        outside=True,
    ),
    Chart(
        "uk_trials",
        "context",
        NATIONAL_HEIGHT,
        uk_trials,
        answers=NO_FILTER,
        scope="uk",
        dataset="uk_trials",
        outside=True,
    ),
)


def offered_charts(snapshot: Snapshot) -> tuple[Chart, ...]:
    """The charts the data can draw: no phase chart without a phase breakdown."""
    return tuple(chart for chart in CHARTS if chart.offered(snapshot))


def offered_dimensions(snapshot: Snapshot) -> tuple[str, ...]:
    """The filters the data can answer: a dimension no row knows is not offered."""
    return tuple(dim for dim in FILTER_DIMENSIONS if snapshot.trials.knows(dim))


def offer(snapshot: Snapshot) -> Offer:
    """What a link may ask of this data: its charts, its filters, its readings, its
    earlier releases and the decks of its deck files (those whose charts it draws)."""
    charts = tuple(chart.key for chart in offered_charts(snapshot))
    return Offer(
        charts,
        offered_dimensions(snapshot),
        READINGS if snapshot.alternative else ("published",),
        tuple(earlier.tag for earlier in snapshot.earlier),
        tuple(
            (name, rows)
            for name, rows in snapshot.decks.items()
            if all(row["slide"] != "chart" or row["chart"] in charts for row in rows)
        ),
    )
