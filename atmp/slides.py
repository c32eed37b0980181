"""What each slide of a deck shows, worked out once for the screen, the presenter's view
and PowerPoint alike: its title naming its scope, its text, its numbers and its footer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from atmp.data import Snapshot
from atmp.deck import Deck, Slide
from atmp.exports import footer
from atmp.filters import Filters
from atmp.quality import findings
from atmp.text import join_words, t
from atmp.views import CHARTS, Chart, ChartView, Kpi, kpis
from atmp.views.chart import publisher_line
from atmp.vocab import CENTRE

BY_KEY = {chart.key: chart for chart in CHARTS}

# A chart's view for some filters; the page passes its memo, so a slide costs nothing more.
ChartViews = Callable[[Chart, Filters], ChartView]


@dataclass(frozen=True)
class SlideContent:
    kind: str
    title: str  # the heading, or what the slide shows for whom
    subtitle: str = ""  # the scope, or a chart's scoped title under a heading of its own
    lines: tuple[str, ...] = ()  # the title slide's release; caveats; sources
    kpis: tuple[Kpi, ...] = ()
    chart: Chart | None = None
    view: ChartView | None = None
    filters: Filters = field(default_factory=Filters)
    footer: tuple[str, ...] = ()  # the filters applied and the source
    notes: str = ""  # the speaker's notes


def scope_of(filters: Filters, lang: str) -> str:
    """Whose numbers a slide shows: 'Karolinska', or without a centre filter both centres
    ('Karolinska and Akademiska (Uppsala)'), and any other filter ('Status: Open')."""
    centres = filters.centre or CENTRE.codes()
    who = join_words([CENTRE.label(code, lang) for code in centres], lang)
    others = [filters.describe_one(dim, lang) for dim in filters.active() if dim != "centre"]
    return " · ".join([who, *others])


def _scoped(title: str, filters: Filters, lang: str) -> str:
    return f"{title} — {scope_of(filters, lang)}"


def _footer(filters: Filters, snapshot: Snapshot, lang: str) -> tuple[str, ...]:
    """The filter line and the report's source, for a slide that is not one chart."""
    as_of = t("source.as_of", lang, date=snapshot.release.as_of(lang))
    return (
        f"{t('export.filters', lang)}: {filters.describe(lang)}",
        f"{t('source', lang)}: {publisher_line(snapshot, lang)}. {as_of}.",
    )


def slide_content(
    snapshot: Snapshot, deck: Deck, slide: Slide, page: Filters, lang: str, views: ChartViews
) -> SlideContent:
    """What `slide` of `deck` shows, its own filters or the page's, in `lang`."""
    filters = slide.shown_with(page)
    kind, heading = slide.kind, slide.heading
    if kind == "chart":
        chart = BY_KEY[slide.chart]
        scoped = chart.scoped_title(filters, lang)
        return SlideContent(
            kind,
            heading or scoped,
            scoped if heading else "",
            chart=chart,
            view=views(chart, filters),
            filters=filters,
            footer=footer(chart, filters, snapshot, lang),
            notes=slide.notes,
        )
    common = {"filters": filters, "notes": slide.notes, "footer": _footer(filters, snapshot, lang)}
    release = snapshot.release
    if kind == "title":
        return SlideContent(
            kind,
            heading or deck.name or t("app.title", lang),
            scope_of(filters, lang),
            (release.named(lang), t("source.as_of", lang, date=release.as_of(lang))),
            **common,
        )
    if kind == "key_figures":
        return SlideContent(
            kind,
            heading or _scoped(t("deck.slide.key_figures", lang), filters, lang),
            kpis=tuple(kpis(snapshot, filters, lang)),
            **common,
        )
    if kind == "caveats":
        found = findings(snapshot, lang, filters)
        lines = tuple(
            f"{f.what}: {t('quality.published', lang).lower()} {f.published}, "
            f"{t('quality.found', lang).lower()} {f.found}. {f.explanation}"
            for f in found
        )
        return SlideContent(
            kind,
            heading or _scoped(t("deck.slide.caveats", lang), filters, lang),
            lines=lines or (t("deck.caveats.none", lang),),
            **common,
        )
    charts = [BY_KEY[s.chart] for s in deck.slides if s.kind == "chart"] or list(BY_KEY.values())
    sources = dict.fromkeys(chart.source(snapshot, lang) for chart in charts)
    return SlideContent(
        kind,
        heading or t("deck.slide.sources", lang),
        lines=(
            f"{t('release.cite', lang)}: {release.cite(lang)}",
            *sources,
            f"{t('release.licence', lang)}: {release.licence or t('release.licence_none', lang)}",
        ),
        filters=filters,
        notes=slide.notes,
    )
