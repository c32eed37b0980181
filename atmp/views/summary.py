"""The sentence that opens the trials section, computed from the data for the view's scope:
what a board member reads before the bars ("Akademiska (Uppsala) runs 14 of the
cluster's 43 ongoing ATMP trials; 8 in oncology; the only TEP trials (2).")."""

from __future__ import annotations

from atmp.data import Snapshot
from atmp.filters import Filters
from atmp.text import join_words, t
from atmp.trials import count_trials
from atmp.views.labels import count_text
from atmp.vocab import ATMP_CLASS, CENTRE, DISEASE_AREA


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
    return t("summary.area", lang, n=totals[code], area=DISEASE_AREA.label(code, lang).lower())


def _only_here(snapshot: Snapshot, centre: str, lang: str) -> str:
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
            for part in (_largest_area(snapshot, filters, lang), _only_here(snapshot, centre, lang))
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
