"""The trial charts: trials per centre by ATMP class, status, phase and disease area."""

from __future__ import annotations

from atmp.data import Snapshot
from atmp.figures import bar, layout, padded_range, without_data
from atmp.filters import Filters
from atmp.text import number, t
from atmp.trials import TrialCounts, count_trials
from atmp.views.chart import CHART_HEIGHT, TALL_HEIGHT, Builder, ChartView, not_broken_down
from atmp.vocab import CENTRE, TRIAL_DIMENSIONS


def centre_labels(codes: list[str], lang: str) -> list[str]:
    return [CENTRE.label(code, lang) for code in codes]


def _trial_notes(snapshot: Snapshot, counts: TrialCounts, dimension: str, subject: str,
                 lang: str) -> list[str]:
    """Filters not applied, an empty result, and breakdowns that miss their total."""
    notes = not_broken_down(counts.ignored, subject, lang)
    if not counts.counts:
        has_breakdown = snapshot.trials.knows(dimension)
        notes.append(t("note.no_data", lang) if has_breakdown else
                     t("note.no_breakdown", lang, dimension=t(f"dimension.{dimension}", lang)))
    for mismatch in snapshot.trials.mismatches:
        if mismatch.dimension == dimension and mismatch.centre in counts.counts:
            notes.append(t("note.sum_differs", lang, centre=CENTRE.label(mismatch.centre, lang),
                           counted=mismatch.counted, declared=mismatch.declared))
    return notes


def composition_chart(dimension: str, subject: str) -> Builder:
    """Trials per centre as one stacked bar each, a segment per category of `dimension`."""
    vocabulary = TRIAL_DIMENSIONS[dimension]

    def build(snapshot: Snapshot, filters: Filters, lang: str) -> ChartView:
        counts = count_trials(snapshot.trials, filters, dimension)
        centres = counts.centres()
        traces = []
        for code in vocabulary.codes():
            present = [c for c in centres if code in counts.counts[c]]
            if not present:
                continue
            label = vocabulary.label(code, lang)
            values = [counts.counts[c][code] for c in present]
            traces.append(bar(
                name=label, y=centre_labels(present, lang), x=values,
                colour=vocabulary.colour(code), textposition="inside",
                text=[number(v, lang) for v in values],
                customdata=[[dimension, code]] * len(present),
                hover=[f"{CENTRE.label(c, lang)}<br>{label}: {number(v, lang)} "
                       f"{t('unit.trials', lang)}" for c, v in zip(present, values, strict=True)],
            ))
        totals = list(counts.per_centre().values())
        traces.append({
            "type": "scatter", "mode": "text", "x": totals, "y": centre_labels(centres, lang),
            "text": [t("label.sum", lang, n=number(v, lang)) for v in totals],
            "textposition": "middle right", "textfont": {"size": 15},
            "hoverinfo": "skip", "showlegend": False, "cliponaxis": False,
        })
        figure = {"data": traces, "layout": layout(
            lang, x_title=t("axis.trials", lang), height=CHART_HEIGHT, legend=True,
            x_range=padded_range(max(totals, default=0), 0.14), stacked=True)}
        notes = _trial_notes(snapshot, counts, dimension, subject, lang)
        if not centres:
            figure = without_data(figure, notes[-1])
        return ChartView(figure, tuple(notes))

    return build


def trials_by_disease(snapshot: Snapshot, filters: Filters, lang: str) -> ChartView:
    """Grouped bars: eleven disease areas read better on an axis than in a legend."""
    counts = count_trials(snapshot.trials, filters, "disease_area")
    vocabulary = TRIAL_DIMENSIONS["disease_area"]
    overall: dict[str, int] = {}
    for row in counts.counts.values():
        for code, n in row.items():
            overall[code] = overall.get(code, 0) + n
    order = sorted(overall, key=lambda code: (-overall[code], vocabulary.order(code)))
    traces = []
    for centre, mine in counts.counts.items():
        codes = [code for code in order if code in mine]
        values = [mine[code] for code in codes]
        labels = [vocabulary.label(code, lang) for code in codes]
        traces.append(bar(
            name=CENTRE.label(centre, lang), y=labels, x=values,
            colour=CENTRE.colour(centre), text=[number(v, lang) for v in values],
            customdata=[["disease_area", code] for code in codes],
            hover=[f"{CENTRE.label(centre, lang)}<br>{label}: {number(v, lang)} "
                   f"{t('unit.trials', lang)}" for label, v in zip(labels, values, strict=True)],
        ))
    largest = max((n for row in counts.counts.values() for n in row.values()), default=0)
    figure = {"data": traces, "layout": layout(
        lang, x_title=t("axis.trials", lang), height=TALL_HEIGHT,
        legend=True, x_range=padded_range(largest, 0.12))}
    notes = _trial_notes(snapshot, counts, "disease_area", "trials_by_disease", lang)
    if not traces:
        figure = without_data(figure, notes[-1])
    return ChartView(figure, tuple(notes))
