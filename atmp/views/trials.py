"""The trial charts: trials per centre by ATMP class, status, phase and disease area.

Where the source has the number, a bar is the number. Where a filter of another
dimension applies to published aggregates, the source never crossed the two, so
each bar is the range its published counts allow: the certain part solid, the
possible part hatched, and a note saying why.
"""

from __future__ import annotations

from atmp.data import Snapshot
from atmp.figures import bar, layout, padded_range, range_bars, without_data
from atmp.filters import Filters
from atmp.text import join_words, localized, t
from atmp.trials import NONE, Range, TrialCounts, count_trials
from atmp.views.chart import CHART_HEIGHT, TALL_HEIGHT, Builder, ChartView, not_broken_down
from atmp.views.labels import axis_label, certainty_notes, count_text, reading_of
from atmp.vocab import CENTRE, TRIAL_DIMENSIONS


def centre_labels(codes: list[str], lang: str) -> list[str]:
    return [CENTRE.label(code, lang) for code in codes]


def _hover(centre: str, label: str, trials: Range, lang: str) -> str:
    key = "hover.trials" if trials.exact else "hover.trials_range"
    return t(key, lang, centre=CENTRE.label(centre, lang), label=label, n=count_text(trials, lang))


def _trial_notes(
    snapshot: Snapshot, counts: TrialCounts, dimension: str, subject: str, lang: str
) -> list[str]:
    """Filters not applied, ranges and why, an empty result, breakdowns off their total."""
    notes = not_broken_down(counts.ignored, subject, lang)
    notes += [
        t(
            "note.unanswered",
            lang,
            centre=CENTRE.label(centre, lang),
            dimension=t(f"dimension.{dim}", lang),
        )
        for centre, dim in counts.unanswered
    ]
    if not counts.exact:
        names = join_words([t(f"dimension.{dim}", lang) for dim in counts.crossed], lang)
        notes.append(t("note.bounds", lang, dimensions=names))
    for mismatch in counts.widened:
        notes.append(
            t(
                "note.bounds_widened",
                lang,
                centre=CENTRE.label(mismatch.centre, lang),
                dimension=t(f"dimension.{mismatch.dimension}", lang),
                counted=mismatch.counted,
                declared=mismatch.declared,
            )
        )
    if not counts.counts:
        notes.append(_empty(snapshot, dimension, lang))
    for mismatch in snapshot.trials.mismatches:
        if (
            mismatch.dimension == dimension
            and mismatch.centre in counts.counts
            and mismatch not in counts.widened
        ):
            notes.append(
                t(
                    "note.sum_differs",
                    lang,
                    centre=CENTRE.label(mismatch.centre, lang),
                    counted=mismatch.counted,
                    declared=mismatch.declared,
                )
            )
    return notes + alternative_notes(snapshot, dimension, lang)


def _empty(snapshot: Snapshot, dimension: str, lang: str) -> str:
    return (
        t("note.no_data", lang)
        if snapshot.trials.knows(dimension)
        else t("note.no_breakdown", lang, dimension=t(f"dimension.{dimension}", lang))
    )


def alternative_notes(snapshot: Snapshot, dimension: str, lang: str) -> list[str]:
    """Under `reading=alternative`: which labels are read the other way, in this chart."""
    if snapshot.reading != "alternative":
        return []
    trials = snapshot["trials"]
    rows = trials[(trials["dimension"] == dimension) & trials["alternative"].notna()]
    notes = []
    for (centre, _), group in rows.groupby(["centre", "source"], sort=False):
        vocabulary = TRIAL_DIMENSIONS[dimension]
        pairs = join_words(
            [
                f"{vocabulary.label(row.code, lang)} {row.alternative} "
                f"({t('label.published_reading', lang)} {row.trials})"
                for row in group.itertuples()
            ],
            lang,
        )
        notes.append(
            t(
                "note.alternative",
                lang,
                centre=CENTRE.label(centre, lang),
                figure=localized(group.iloc[0], "source", lang),
                pairs=pairs,
            )
        )
    return notes


def _finish(
    snapshot: Snapshot, figure: dict, notes: list[str], dimension: str, lang: str
) -> ChartView:
    notes += certainty_notes(figure, lang)
    if not figure["data"]:
        figure = without_data(figure, _empty(snapshot, dimension, lang))
    return ChartView(figure, tuple(notes))


def composition_chart(dimension: str, subject: str) -> Builder:
    """Trials per centre as one stacked bar each, a segment per category of `dimension`;
    as ranges side by side where another filter's crossing is not published."""
    vocabulary = TRIAL_DIMENSIONS[dimension]

    def build(snapshot: Snapshot, filters: Filters, lang: str) -> ChartView:
        counts = count_trials(snapshot.trials, filters, dimension)
        centres = counts.centres()
        totals = count_trials(snapshot.trials, filters).per_centre()
        traces = []
        for code in vocabulary.codes():
            present = [c for c in centres if code in counts.counts[c]]
            if not present:
                continue
            label = vocabulary.label(code, lang)
            cells = [counts.counts[c][code] for c in present]
            common = {
                "name": label,
                "colour": vocabulary.colour(code),
                "text": [count_text(cell, lang) for cell in cells],
                "customdata": [[dimension, code]] * len(present),
                "hover": [
                    _hover(c, label, cell, lang) for c, cell in zip(present, cells, strict=True)
                ],
            }
            if counts.exact:
                traces.append(
                    bar(
                        y=centre_labels(present, lang),
                        x=[c.lower for c in cells],
                        textposition="inside",
                        reading=[reading_of(cell) for cell in cells],
                        **common,
                    )
                )
            else:
                traces += range_bars(
                    y=[_ranged_label(c, totals, lang) for c in present],
                    lower=[c.lower for c in cells],
                    upper=[c.upper for c in cells],
                    group=code,
                    reading=[reading_of(cell) for cell in cells],
                    **common,
                )
        largest = max(
            (cell.upper for row in counts.counts.values() for cell in row.values()), default=0
        )
        if counts.exact and centres:
            sums = [sum(row.values(), NONE) for row in counts.counts.values()]
            traces.append(
                {
                    "type": "scatter",
                    "mode": "text",
                    "x": [s.lower for s in sums],
                    "y": centre_labels(centres, lang),
                    "text": [t("label.sum", lang, n=count_text(s, lang)) for s in sums],
                    "textposition": "middle right",
                    "textfont": {"size": 15},
                    "hoverinfo": "skip",
                    "showlegend": False,
                    "cliponaxis": False,
                }
            )
            largest = max((s.lower for s in sums), default=0)
        figure = {
            "data": traces,
            "layout": layout(
                lang,
                x_title=t("axis.trials", lang),
                height=CHART_HEIGHT,
                legend=True,
                x_range=padded_range(largest, 0.14 if counts.exact else 0.3),
                stacked=counts.exact,
            ),
        }
        notes = _trial_notes(snapshot, counts, dimension, subject, lang)
        return _finish(snapshot, figure, notes, dimension, lang)

    return build


def _ranged_label(centre: str, totals: dict[str, Range], lang: str) -> str:
    """The centre, and under it how many of its trials the other filters leave."""
    total = totals.get(centre)
    if total is None:
        return CENTRE.label(centre, lang)
    return axis_label(CENTRE.label(centre, lang), t("label.sum", lang, n=count_text(total, lang)))


def trials_by_disease(snapshot: Snapshot, filters: Filters, lang: str) -> ChartView:
    """Grouped bars: eleven disease areas read better on an axis than in a legend."""
    counts = count_trials(snapshot.trials, filters, "disease_area")
    vocabulary = TRIAL_DIMENSIONS["disease_area"]
    overall: dict[str, Range] = {}
    for row in counts.counts.values():
        for code, cell in row.items():
            overall[code] = overall.get(code, NONE) + cell
    order = sorted(
        overall,
        key=lambda code: (-overall[code].upper, -overall[code].lower, vocabulary.order(code)),
    )
    traces = []
    for centre, mine in counts.counts.items():
        codes = [code for code in order if code in mine]
        cells = [mine[code] for code in codes]
        labels = [vocabulary.label(code, lang) for code in codes]
        common = {
            "name": CENTRE.label(centre, lang),
            "y": labels,
            "colour": CENTRE.colour(centre),
            "text": [count_text(cell, lang) for cell in cells],
            "customdata": [["disease_area", code] for code in codes],
            "hover": [
                _hover(centre, label, cell, lang) for label, cell in zip(labels, cells, strict=True)
            ],
            "reading": [reading_of(cell) for cell in cells],
        }
        if counts.exact:
            traces.append(bar(x=[cell.lower for cell in cells], **common))
        else:
            traces += range_bars(
                lower=[cell.lower for cell in cells],
                upper=[cell.upper for cell in cells],
                group=centre,
                **common,
            )
    largest = max(
        (cell.upper for row in counts.counts.values() for cell in row.values()), default=0
    )
    figure = {
        "data": traces,
        "layout": layout(
            lang,
            x_title=t("axis.trials", lang),
            height=TALL_HEIGHT,
            legend=True,
            x_range=padded_range(largest, 0.12 if counts.exact else 0.25),
        ),
    }
    notes = _trial_notes(snapshot, counts, "disease_area", "trials_by_disease", lang)
    return _finish(snapshot, figure, notes, "disease_area", lang)
