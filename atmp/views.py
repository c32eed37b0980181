"""What each chart and key figure shows for a snapshot, a set of filters and a language.

The one rule: a filter a dataset cannot answer is not applied or invented; the
chart stays as the data allows and says so in a note.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from atmp.data import Snapshot
from atmp.figures import (
    DERIVED,
    bar,
    choropleth,
    layout,
    map_layout,
    map_marks,
    padded_range,
    plain_layout,
    series_layout,
    small_marks,
    without_data,
)
from atmp.filters import Filters
from atmp.settings import read_settings
from atmp.text import join_words, localized, number, t
from atmp.trials import TrialCounts, count_trials
from atmp.vocab import (
    CART_PRODUCT,
    CENTRE,
    COUNTRY,
    FILTER_DIMENSIONS,
    HOSPITAL_EXEMPTION_PRODUCT,
    KEY_FACT,
    QUALIFIER,
    REGION,
    TRIAL_DIMENSIONS,
    UNIT,
    VECURA_MEASURE,
)

APPROX = "≈\u00a0"
ALL = "all"

# Small numbers: patient counts below SMALL per year, product or country are hidden unless
# ATMP_SMALL_NUMBERS=show. Read once at start-up; builders take `hide_small` for tests.
SMALL = 5
BELOW = f"<{SMALL}"
AT_LEAST = f"≥{SMALL}"
HIDE_SMALL = read_settings().hide_small_numbers


@dataclass(frozen=True)
class ChartView:
    figure: dict
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Chart:
    """A chart of the page: its id, words, size and the function that builds it."""

    key: str
    section: str
    height: int
    build: Callable[[Snapshot, Filters, str], ChartView]
    click_dimension: str | None = None
    tall: bool = False  # spans two rows of the grid
    # The filter dimensions its data answers, where that is not every one: any other
    # filter only adds a note naming it.
    answers: frozenset[str] | None = None

    def depends_on(self, filters: Filters) -> tuple:
        """What of `filters` the chart's view depends on: the codes of the filters it
        answers, and of every other one only whether it is set (for the note)."""
        return tuple(filters.get(dim) if self.answers is None or dim in self.answers
                     else bool(filters.get(dim)) for dim in FILTER_DIMENSIONS)

    def title(self, lang: str) -> str:
        return t(f"chart.{self.key}", lang)

    def source(self, snapshot: Snapshot, lang: str) -> str:
        """Where the numbers come from and when the data was written; travels into exports."""
        if snapshot.synthetic:
            origin = t("synthetic", lang)
        elif self.section == "trials" and snapshot.trials.record_level:
            origin = t("source.register", lang)
        else:
            origin = f"{t(f'source.{self.key}', lang)}. {t('source.report', lang)}"
        as_of = t("source.as_of", lang, date=snapshot.data_date)
        return f"{t('source', lang)}: {origin}. {as_of}."


# What the datasets without trial breakdowns answer (see Chart.answers).
CENTRE_ONLY = frozenset({"centre"})
NO_FILTER = frozenset()


def ignored_note(subject: str, filters: Filters, applicable: frozenset[str],
                 lang: str) -> list[str]:
    """A note naming the active filters that this chart's data cannot answer."""
    return not_broken_down([dim for dim in filters.active() if dim not in applicable],
                           subject, lang)


def not_broken_down(ignored: list[str] | tuple[str, ...], subject: str, lang: str) -> list[str]:
    if not ignored:
        return []
    dimensions = join_words([t(f"dimension.{dim}", lang) for dim in ignored], lang)
    return [t("note.not_broken_down", lang, subject=t(f"subject.{subject}", lang),
              dimensions=dimensions)]


def approx(value: float, qualifier: str, lang: str, decimals: int = 0) -> str:
    prefix = {"about": APPROX, "more_than": "> "}.get(qualifier, "")
    return prefix + number(value, lang, decimals)


def axis_label(label: str, detail: str) -> str:
    """A category label with a smaller second line, e.g. the centre and its products."""
    return f"{label}<br><span style='font-size:0.8em'>{detail}</span>" if detail else label


def centre_labels(codes: list[str], lang: str) -> list[str]:
    return [CENTRE.label(code, lang) for code in codes]


Builder = Callable[[Snapshot, Filters, str], ChartView]


def hidden_cells(values: list[int], hide: bool, total_shown: bool = False) -> list[str | None]:
    """The mark that replaces each patient count that must not show; None where it may.

    A count below SMALL shows as "<5". Where the group's total shows elsewhere (a key
    figure, or the bar that a hover splits), one hidden count would be that total minus
    the others, so the smallest other count is hidden too, as "≥5" (complementary
    suppression: the total then gives away only the sum of two hidden counts).
    """
    if not hide:
        return [None] * len(values)
    marks: list[str | None] = [BELOW if value < SMALL else None for value in values]
    shown = [i for i, mark in enumerate(marks) if mark is None]
    if total_shown and shown and len(shown) == len(values) - 1:
        marks[min(shown, key=values.__getitem__)] = AT_LEAST
    return marks


def small_numbers_notes(figure: dict, lang: str) -> list[str]:
    """What "<5" and "≥5" mean, for the marks that the figure's texts and hovers use."""
    words = [word for trace in figure["data"] for key in ("text", "hovertext")
             for word in trace.get(key) or []]
    return [t(key, lang, small=SMALL) for key, mark in (("note.small_numbers", BELOW),
                                                        ("note.small_numbers_total", AT_LEAST))
            if any(mark in word for word in words)]


def qualifier_of(rows: list[dict]) -> str:
    """The qualifier of a sum of rows: "about" if any of its rows is approximate."""
    qualifiers = {row.get("qualifier", "") for row in rows}
    return "about" if "about" in qualifiers else max(qualifiers, default="")


def yearly(rows: pd.DataFrame) -> bool:
    return bool(rows["year"].notna().any())


def split_lines(parts: list[tuple[str, int]], lang: str, hide: bool) -> str:
    """Hover lines splitting a shown bar: '<br>label: n' each, small parts hidden."""
    if len(parts) < 2:
        return ""
    marks = hidden_cells([value for _, value in parts], hide, total_shown=True)
    return "".join(f"<br>{label}: {mark or number(value, lang)}"
                   for (label, value), mark in zip(parts, marks, strict=True))


def by_centre_and_year(rows: pd.DataFrame) -> dict[str, dict[int | None, list[dict]]]:
    """centre -> year (None for a whole-period row) -> its rows, centres in vocabulary order.

    Plain records: a few dozen rows, read on every filter change, cost less than pandas masks.
    """
    groups: dict[str, dict[int | None, list[dict]]] = {}
    for row in rows.to_dict("records"):
        year = None if pd.isna(row["year"]) else int(row["year"])
        groups.setdefault(row["centre"], {}).setdefault(year, []).append(row)
    return {centre: groups[centre] for centre in CENTRE.codes() if centre in groups}


def centre_series(groups: dict[str, dict[int | None, list[dict]]], lang: str, *,
                  part: Callable[[dict], str], hide: bool,
                  total_shown: bool) -> tuple[list[dict], float]:
    """Patients per year, a bar per centre and year; the hover splits a bar by `part` of a row.

    Returns (traces, largest shown value).
    """
    traces, marks, largest = [], [], 0.0
    unit = t("unit.patients", lang)
    # Marks span every year of the chart (empty text where nothing is hidden), so plotly
    # spaces them as it spaces the bars.
    chart_years = sorted({year for by_year in groups.values() for year in by_year
                          if year is not None})
    for centre, by_year in groups.items():
        years = sorted(year for year in by_year if year is not None)
        if not years:
            continue
        label = CENTRE.label(centre, lang)
        totals = [sum(int(row["patients"]) for row in by_year[year]) for year in years]
        hidden = hidden_cells(totals, hide, total_shown)
        text, hover = [], []
        for year, total, mark in zip(years, totals, hidden, strict=True):
            shown = mark or approx(total, qualifier_of(by_year[year]), lang)
            parts = [(part(row), int(row["patients"])) for row in by_year[year]]
            text.append(shown)
            hover.append(f"{label} {year}: {shown} {unit}"
                         + ("" if mark else split_lines(parts, lang, hide)))
        traces.append({**bar(name=label, x=years,
                             y=[None if mark else total for total, mark
                                in zip(totals, hidden, strict=True)],
                             colour=CENTRE.colour(centre), text=text,
                             customdata=[["centre", centre]] * len(years), hover=hover,
                             orientation="v"), "offsetgroup": centre})
        if any(hidden):
            cells = dict(zip(years, zip(hidden, hover, strict=True), strict=True))
            marks.append(small_marks(
                x=chart_years, y=[0] * len(chart_years),
                text=[(cells.get(year, (None, ""))[0] or "") for year in chart_years],
                hover=[cells.get(year, (None, f"{label} {year}"))[1] for year in chart_years],
                offsetgroup=centre))
        largest = max([largest] + [v for v, m in zip(totals, hidden, strict=True) if not m])
    return traces + marks, largest


def not_by_year(groups: dict[str, dict[int | None, list[dict]]], lang: str) -> list[str]:
    """Notes for centres whose rows have no year: their whole-period count, as given."""
    notes = []
    for centre, by_year in groups.items():
        if None in by_year:
            mine = by_year[None]
            notes.append(t("note.not_by_year", lang, label=CENTRE.label(centre, lang),
                           value=approx(sum(int(row["patients"]) for row in mine),
                                        qualifier_of(mine), lang),
                           unit=t("unit.patients", lang)))
    return notes


def series_view(rows: pd.DataFrame, notes: list[str], lang: str, *, part: Callable[[dict], str],
                hide: bool, total_shown: bool) -> ChartView:
    """The yearly form of a per-centre patient chart."""
    groups = by_centre_and_year(rows)
    traces, largest = centre_series(groups, lang, part=part, hide=hide, total_shown=total_shown)
    years = [year for by_year in groups.values() for year in by_year if year is not None]
    figure = {"data": traces, "layout": {
        **series_layout(lang, x_title=t("axis.year", lang), y_title=t("axis.patients", lang),
                        height=CHART_HEIGHT, largest=largest, years=years),
        "scattermode": "group"}}
    whole_period = not_by_year(groups, lang)
    if not traces:
        figure = without_data(figure, (whole_period or [t("note.no_data", lang)])[-1])
    return ChartView(figure, tuple(notes + whole_period + small_numbers_notes(figure, lang)))


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
        lang, x_title=t("axis.trials", lang), height=2 * CHART_HEIGHT + 128,
        legend=True, x_range=padded_range(largest, 0.12))}
    notes = _trial_notes(snapshot, counts, "disease_area", "trials_by_disease", lang)
    if not traces:
        figure = without_data(figure, notes[-1])
    return ChartView(figure, tuple(notes))


def _fact(snapshot: Snapshot, fact: str) -> float | None:
    facts = snapshot["key_facts"].set_index("fact")["value"]
    return float(facts[fact]) if fact in facts.index else None


def cart_rest_of_sweden(snapshot: Snapshot) -> dict | None:
    """Sweden's CAR-T patients outside the two centres, derived from the published share."""
    share = _fact(snapshot, "cart_share_of_sweden")
    if not share:
        return None
    centres = int(snapshot["cart"]["patients"].sum())

    def rest(percent: float) -> float:
        return centres / (percent / 100) - centres

    return {"share": share, "centres": centres, "fraction": share / 100,
            "sweden": centres / (share / 100), "rest": rest(share),
            "low": rest(share + 0.5), "high": rest(share - 0.5)}


def cart(snapshot: Snapshot, filters: Filters, lang: str, *,
         hide_small: bool = HIDE_SMALL) -> ChartView:
    """Patients per centre, or per year and centre; per-product rows split each bar's hover."""
    rows = snapshot["cart"]
    if filters.centre:
        rows = rows[rows["centre"].isin(filters.centre)]
    notes = ignored_note("cart", filters, CENTRE_ONLY, lang)

    def product(row: dict) -> str:
        return CART_PRODUCT.label(row["product"], lang) if row["product"] else ""

    if yearly(snapshot["cart"]):
        return series_view(rows, notes, lang, part=product, hide=hide_small, total_shown=True)
    # Plain records: a few rows, read on every filter change, cost less than pandas masks.
    by_centre: dict[str, list[dict]] = {}
    for row in rows.to_dict("records"):
        by_centre.setdefault(row["centre"], []).append(row)
    centres = [code for code in CENTRE.codes() if code in by_centre]
    labels, patients, hover = [], [], []
    for centre in centres:
        named = [row for row in by_centre[centre] if row["product"]]
        products = (len(named) if named else next(
            (int(row["products"]) for row in by_centre[centre] if pd.notna(row["products"])),
            None))
        label = (CENTRE.label(centre, lang) if products is None else axis_label(
            CENTRE.label(centre, lang), f"{number(products, lang)} {t('unit.products', lang)}"))
        total = sum(int(row["patients"]) for row in by_centre[centre])
        parts = [(product(row), int(row["patients"])) for row in named]
        labels.append(label)
        patients.append(total)
        hover.append(f"{label}: {number(total, lang)} {t('unit.patients', lang)}"
                     + split_lines(parts, lang, hide_small))
    traces = [bar(name=t("axis.patients", lang), y=labels, x=patients,
                  colour=[CENTRE.colour(c) for c in centres],
                  text=[number(p, lang) for p in patients],
                  customdata=[["centre", c] for c in centres], hover=hover)]
    derived = cart_rest_of_sweden(snapshot)
    largest = max(patients, default=0)
    if derived and not filters.centre:
        words = {key: number(value, lang, 2 if key == "fraction" else 0)
                 for key, value in derived.items()}
        traces.append(bar(
            name=t("label.rest_of_sweden", lang),
            y=[axis_label(t("label.rest_of_sweden", lang), t("label.derived", lang))],
            x=[round(derived["rest"], 1)], colour=DERIVED, pattern=True,
            text=[f"{APPROX}{words['rest']}"],
            customdata=[["", ""]], hover=[t("hover.derived_cart", lang, **words)],
        ))
        largest = max(largest, derived["rest"])
    elif derived:
        notes.append(t("note.rest_hidden", lang))
    figure = {"data": traces, "layout": layout(
        lang, x_title=t("axis.patients", lang), height=CHART_HEIGHT,
        x_range=padded_range(largest, 0.15))}
    return ChartView(figure, tuple(notes + small_numbers_notes(figure, lang)))


def hospital_exemption_therapies(products: str, lang: str) -> list[str]:
    return [HOSPITAL_EXEMPTION_PRODUCT.label(p, lang) for p in products.split("+")]


def hospital_exemption(snapshot: Snapshot, filters: Filters, lang: str, *,
                       hide_small: bool = HIDE_SMALL) -> ChartView:
    """Patients per centre and therapies, or per year and centre with the therapies in hover."""
    rows = snapshot["hospital_exemption"]
    if filters.centre:
        rows = rows[rows["centre"].isin(filters.centre)]
    if yearly(snapshot["hospital_exemption"]):
        return series_view(
            rows, ignored_note("hospital_exemption", filters, CENTRE_ONLY, lang), lang,
            part=lambda row: ", ".join(hospital_exemption_therapies(row["products"], lang)),
            hide=hide_small, total_shown=False)
    rows = rows.assign(rank=rows["centre"].map(CENTRE.order)).sort_values(["rank", "products"])
    labels, text, hover = [], [], []
    for row in rows.itertuples():
        products = hospital_exemption_therapies(row.products, lang)
        since = (t("label.since", lang, year=row.since_year)
                 if pd.notna(row.since_year) else "")
        label = axis_label(CENTRE.label(row.centre, lang), since)
        value = approx(row.patients, row.qualifier, lang)
        labels.append(label)
        text.append(value)
        hover.append(f"{label}: {value} {t('unit.patients', lang)}<br>{'<br>'.join(products)}")
    traces = [bar(name=t("axis.patients", lang), y=labels, x=rows["patients"].tolist(),
                  colour=[CENTRE.colour(c) for c in rows["centre"]], text=text,
                  customdata=[["centre", c] for c in rows["centre"]], hover=hover)]
    figure = {"data": traces, "layout": layout(
        lang, x_title=t("axis.patients", lang), height=CHART_HEIGHT,
        x_range=padded_range(max(rows["patients"], default=0), 0.15))}
    return ChartView(figure, tuple(ignored_note("hospital_exemption", filters, CENTRE_ONLY, lang)))


def hospital_exemption_products(snapshot: Snapshot, lang: str) -> list[tuple[str, list[str]]]:
    """(centre, therapies) for the caption under the hospital-exemption chart, once each."""
    rows = snapshot["hospital_exemption"].drop_duplicates(["centre", "products"])
    return [(CENTRE.label(row.centre, lang), hospital_exemption_therapies(row.products, lang))
            for row in rows.itertuples()]


def export_countries(exports: pd.DataFrame) -> int | None:
    """Recipient countries over the whole period: the named ones plus the `all` rows' unnamed.

    None when `all` is given per year: a country may recur, so yearly counts do not add up.
    """
    rows = exports.to_dict("records")
    unnamed = [row for row in rows if row["country"] == ALL]
    if any(pd.notna(row["year"]) for row in unnamed):
        return None
    return (len({row["country"] for row in rows if row["country"] != ALL})
            + sum(int(row["countries"]) for row in unnamed))


PATIENT_MEASURES = ("patients", "patients_incl_imports")
# Measures of one colour in the vocabulary are told apart by line dash and marker.
DASHES = ("solid", "dash", "dot", "dashdot", "longdash")
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x")


def vecura_series(rows: pd.DataFrame, lang: str, hide: bool) -> ChartView:
    """Each measure per year as a line; patient counts hidden as anywhere else."""
    traces, marks, notes, largest = [], [], [], 0.0
    colours: list[str] = []
    by_measure: dict[str, list[dict]] = {}
    for row in rows.to_dict("records"):
        by_measure.setdefault(row["measure"], []).append(row)
    for measure in [m for m in VECURA_MEASURE.codes() if m in by_measure]:
        mine = by_measure[measure]
        label = VECURA_MEASURE.label(measure, lang)
        if any(pd.isna(row["year"]) for row in mine):
            notes.append(t("note.measure_not_by_year", lang, label=label,
                           value=approx(sum(int(row["value"]) for row in mine),
                                        qualifier_of(mine), lang)))
            continue
        mine = sorted(mine, key=lambda row: row["year"])
        colour = VECURA_MEASURE.colour(measure)
        rank = colours.count(colour)
        colours.append(colour)
        years, values = [int(row["year"]) for row in mine], [row["value"] for row in mine]
        hidden = hidden_cells(values, hide and measure in PATIENT_MEASURES, total_shown=True)
        text = [mark or approx(row["value"], row["qualifier"], lang)
                for row, mark in zip(mine, hidden, strict=True)]
        hover = [f"{label} {year}: {shown}" for year, shown in zip(years, text, strict=True)]
        traces.append({
            "type": "scatter", "mode": "lines+markers", "name": label, "x": years,
            "y": [None if mark else v for v, mark in zip(values, hidden, strict=True)],
            "text": text, "line": {"color": colour, "width": 2.5, "dash": DASHES[rank % 5]},
            "marker": {"color": colour, "size": 9, "symbol": SYMBOLS[rank % 5]},
            "hovertext": hover, "hovertemplate": "%{hovertext}<extra></extra>",
        })
        gone = [i for i, mark in enumerate(hidden) if mark]
        if gone:
            marks.append(small_marks(x=[years[i] for i in gone], y=[0] * len(gone),
                                     text=[text[i] for i in gone],
                                     hover=[hover[i] for i in gone]))
        largest = max([largest] + [v for v, m in zip(values, hidden, strict=True) if not m])
    figure = {"data": traces + marks, "layout": series_layout(
        lang, x_title=t("axis.year", lang), y_title=t("axis.count", lang),
        height=CHART_HEIGHT + 40, largest=largest,
        years=[int(year) for year in rows["year"].dropna()])}
    figure["layout"]["legend"]["font"] = {"size": 13}
    return ChartView(figure, tuple(notes + small_numbers_notes(figure, lang)))


def vecura(snapshot: Snapshot, filters: Filters, lang: str, *,
           hide_small: bool = HIDE_SMALL) -> ChartView:
    """Vecura's measures for the whole period, or per year where the data has years."""
    rows = snapshot["vecura"]
    ignored = ignored_note("vecura", filters, NO_FILTER, lang)
    if yearly(rows):
        series = vecura_series(rows, lang, hide_small)
        return ChartView(series.figure, tuple(ignored) + series.notes)
    rows = rows.assign(rank=rows["measure"].map(VECURA_MEASURE.order)).sort_values("rank")
    labels = [VECURA_MEASURE.label(m, lang) for m in rows["measure"]]
    values = rows["value"].tolist()
    colours = [VECURA_MEASURE.colour(m) for m in rows["measure"]]
    text = [approx(v, q, lang) for v, q in zip(values, rows["qualifier"], strict=True)]
    countries = export_countries(snapshot["vecura_exports"])
    if countries:
        labels.insert(4, t("label.export_countries", lang))
        values.insert(4, countries)
        colours.insert(4, colours[0])
        text.insert(4, number(countries, lang))
    traces = [bar(name=t("axis.count", lang), y=labels, x=values, colour=colours, text=text,
                  customdata=[["", ""]] * len(values),
                  hover=[f"{label}: {value}" for label, value in zip(labels, text, strict=True)])]
    figure = {"data": traces, "layout": layout(
        lang, x_title=t("axis.count", lang), height=CHART_HEIGHT + 40,
        x_range=padded_range(max(values, default=0), 0.12))}
    return ChartView(figure, tuple(ignored))


# Sequential shades of the Vecura blue, light to dark: more patients, darker country.
EXPORT_SHADES = [[0, "#c6dbef"], [1, "#08306b"]]
RECIPIENT = [[0, "#0072B2"], [1, "#0072B2"]]


def exports_map(named: pd.DataFrame, lang: str, hide: bool) -> dict:
    """Named recipient countries on a world map: patients where every row gives them."""
    by_patients = bool(named["patients"].notna().all())
    codes = sorted(set(named["country"]), key=COUNTRY.order)
    labels = [COUNTRY.label(code, lang) for code in codes]
    if by_patients:
        patients = named.groupby("country")["patients"].sum()
        values = [int(patients[code]) for code in codes]
        hidden = hidden_cells(values, hide)
        text = [mark or number(v, lang) for v, mark in zip(values, hidden, strict=True)]
        z = [None if mark else v for v, mark in zip(values, hidden, strict=True)]
        hover = [f"{label}: {shown} {t('unit.patients', lang)}"
                 for label, shown in zip(labels, text, strict=True)]
    else:
        hidden = [None] * len(codes)
        z, text = [1] * len(codes), [t("label.recipient", lang)] * len(codes)
        hover = [f"{label}: {t('label.recipient', lang)}" for label in labels]
    traces = [choropleth(locations=codes, z=z, text=text, hover=hover,
                         colours=EXPORT_SHADES if by_patients else RECIPIENT,
                         colour_title=t("axis.patients", lang) if by_patients else None)]
    gone = [i for i, mark in enumerate(hidden) if mark]
    if gone:
        traces.append(map_marks(locations=[codes[i] for i in gone],
                                text=[text[i] for i in gone], hover=[hover[i] for i in gone]))
    return {"data": traces, "layout": map_layout(lang, height=CHART_HEIGHT + 40)}


def vecura_exports(snapshot: Snapshot, filters: Filters, lang: str, *,
                   hide_small: bool = HIDE_SMALL) -> ChartView:
    """A map of the named recipient countries; where none is named, the count the source gives.

    The published report gives only "11 countries" (Figur 9): an empty map would suggest
    that none was named for want of data entry, so the card shows the count and says why.
    """
    rows = snapshot["vecura_exports"]
    notes = ignored_note("vecura", filters, NO_FILTER, lang)
    is_named = rows["country"].to_numpy() != ALL
    named, unnamed = rows[is_named], rows[~is_named]
    if len(named):
        figure = exports_map(named, lang, hide_small)
        if yearly(named):
            years = named["year"]
            notes.append(t("note.map_period", lang, first=int(years.min()),
                           last=int(years.max())))
        if len(unnamed) and not yearly(unnamed):
            notes.append(t("note.unnamed_countries", lang,
                           n=number(int(unnamed["countries"].sum()), lang)))
    elif yearly(unnamed):
        return ChartView(*exports_by_year(unnamed, notes, lang, hide_small))
    else:
        countries = int(unnamed["countries"].sum())
        figure = {"data": [{"type": "indicator", "mode": "number", "value": countries,
                            "number": {"font": {"size": 96, "color": "#0072B2"}},
                            "title": {"text": t("label.recipient_countries", lang),
                                      "font": {"size": 18}}}],
                  "layout": plain_layout(lang, height=CHART_HEIGHT + 40)}
        notes.append(t("note.countries_not_named", lang))
    return ChartView(figure, tuple(notes + small_numbers_notes(figure, lang)))


def exports_by_year(unnamed: pd.DataFrame, notes: list[str], lang: str,
                    hide: bool) -> tuple[dict, tuple[str, ...]]:
    """Unnamed recipients per year: patients where given (hidden when small), else countries."""
    rows = unnamed.sort_values("year")
    years = [int(y) for y in rows["year"]]
    by_patients = bool(rows["patients"].notna().all())
    values = [int(v) for v in rows["patients" if by_patients else "countries"]]
    hidden = hidden_cells(values, hide and by_patients)
    title = t("axis.patients" if by_patients else "axis.countries", lang)
    text = [mark or number(v, lang) for v, mark in zip(values, hidden, strict=True)]
    hover = [f"{year}: {shown}" for year, shown in zip(years, text, strict=True)]
    traces = [bar(name=title, x=years,
                  y=[None if mark else v for v, mark in zip(values, hidden, strict=True)],
                  colour="#0072B2", text=text, customdata=[["", ""]] * len(years),
                  hover=hover, orientation="v")]
    gone = [i for i, mark in enumerate(hidden) if mark]
    if gone:
        traces.append(small_marks(x=[years[i] for i in gone], y=[0] * len(gone),
                                  text=[text[i] for i in gone], hover=[hover[i] for i in gone]))
    largest = max([v for v, m in zip(values, hidden, strict=True) if not m], default=0)
    figure = {"data": traces, "layout": series_layout(
        lang, x_title=t("axis.year", lang), y_title=title, height=CHART_HEIGHT + 40,
        largest=largest, years=years)}
    figure["layout"]["showlegend"] = False
    return figure, (*notes, t("note.countries_not_named", lang),
                    *small_numbers_notes(figure, lang))


def regional_measures(snapshot: Snapshot) -> pd.DataFrame:
    """Regions as rows, measures as columns (NaN where a region lacks a measure)."""
    cells: dict[str, dict[str, float]] = {}
    for region, measure, value in snapshot["regional"][["region", "measure", "value"]].itertuples(
            index=False):
        cells.setdefault(measure, {})[region] = value
    return pd.DataFrame(cells)


def per_100k(trials: float, population: float) -> float:
    return trials / population * 100_000


def trials_per_100k(snapshot: Snapshot, filters: Filters, lang: str) -> ChartView:
    table = regional_measures(snapshot)
    regions = [r for r in REGION.codes() if r in table.index
               and pd.notna(table.at[r, "ongoing_trials"])] if "ongoing_trials" in table else []
    labels = [REGION.label(r, lang) for r in regions]
    computed = [per_100k(table.at[r, "ongoing_trials"], table.at[r, "population"])
                for r in regions]
    text = [f"{number(v, lang, 2)} ({number(table.at[r, 'ongoing_trials'], lang)} / "
            f"{number(table.at[r, 'population'] / 1e6, lang, 2)} M)"
            for r, v in zip(regions, computed, strict=True)]
    traces = [bar(name=t("label.computed", lang), y=labels, x=[round(v, 3) for v in computed],
                  colour=[REGION.colour(r) for r in regions], text=text,
                  customdata=[["", ""]] * len(regions),
                  hover=[f"{label}: {value}" for label, value in zip(labels, text, strict=True)])]
    if "stated_trials_per_100k" in table:
        stated = [r for r in regions if pd.notna(table.at[r, "stated_trials_per_100k"])]
        values = [table.at[r, "stated_trials_per_100k"] for r in stated]
        shown = [approx(v, "about", lang, 2 if v < 1 else 1) for v in values]
        traces.append(bar(
            name=t("label.stated", lang), y=[REGION.label(r, lang) for r in stated], x=values,
            colour=[REGION.colour(r) for r in stated], pattern=True,
            text=shown, customdata=[["", ""]] * len(stated),
            hover=[f"{REGION.label(r, lang)}<br>{t('label.stated', lang)}: {w}"
                   for r, w in zip(stated, shown, strict=True)],
        ))
    figure = {"data": traces, "layout": layout(
        lang, x_title=t("axis.per_100k", lang), height=CHART_HEIGHT, legend=True,
        x_range=padded_range(max(computed, default=0), 0.6))}
    return ChartView(figure, tuple(ignored_note("regional", filters, NO_FILTER, lang)))


def trials_initiated(snapshot: Snapshot, filters: Filters, lang: str) -> ChartView:
    rows = snapshot["regional"]
    rows = rows[rows["measure"] == "trials_initiated_2014_2019"]
    rows = rows.assign(rank=rows["region"].map(REGION.order)).sort_values("rank")
    labels = [REGION.label(r, lang) for r in rows["region"]]
    values = rows["value"].tolist()
    text = [number(v, lang) for v in values]
    remarks = [localized(row, "note", lang) for row in rows.to_dict("records")]
    traces = [bar(name=t("axis.trials_initiated", lang), y=labels, x=values,
                  colour=[REGION.colour(r) for r in rows["region"]], text=text,
                  customdata=[["", ""]] * len(values),
                  hover=[f"{label}: {value}<br>{note}" for label, value, note
                         in zip(labels, text, remarks, strict=True)])]
    figure = {"data": traces, "layout": layout(
        lang, x_title=t("axis.trials_initiated", lang), height=CHART_HEIGHT,
        x_range=padded_range(max(values, default=0), 0.15))}
    notes = ignored_note("regional", filters, NO_FILTER, lang)
    notes += [f"{label}: {note}" for label, note in zip(labels, remarks, strict=True) if note]
    return ChartView(figure, tuple(notes))


CHART_HEIGHT = 300

CHARTS: tuple[Chart, ...] = (
    Chart("trials_by_class", "trials", CHART_HEIGHT,
          composition_chart("atmp_class", "trials_by_class"), "atmp_class"),
    Chart("trials_by_status", "trials", CHART_HEIGHT,
          composition_chart("status", "trials_by_status"), "status"),
    Chart("trials_by_disease", "trials", 2 * CHART_HEIGHT + 128, trials_by_disease, "disease_area",
          tall=True),
    Chart("trials_by_phase", "trials", CHART_HEIGHT,
          composition_chart("phase", "trials_by_phase"), "phase"),
    Chart("cart", "routine", CHART_HEIGHT, cart, "centre", answers=CENTRE_ONLY),
    Chart("hospital_exemption", "routine", CHART_HEIGHT, hospital_exemption, "centre",
          answers=CENTRE_ONLY),
    Chart("vecura", "manufacturing", CHART_HEIGHT + 40, vecura, answers=NO_FILTER),
    Chart("exports", "manufacturing", CHART_HEIGHT + 40, vecura_exports, answers=NO_FILTER),
    Chart("per_100k", "comparison", CHART_HEIGHT, trials_per_100k, answers=NO_FILTER),
    Chart("arm", "comparison", CHART_HEIGHT, trials_initiated, answers=NO_FILTER),
)


@dataclass(frozen=True)
class Kpi:
    key: str
    value: str
    detail: str


def trial_total(snapshot: Snapshot, filters: Filters) -> dict[str, int] | None:
    """Trials per centre under the filters, or None where the source has no such number."""
    counts = count_trials(snapshot.trials, filters)
    return None if counts is None else counts.per_centre()


def kpis(snapshot: Snapshot, filters: Filters, lang: str) -> list[Kpi]:
    per_centre = trial_total(snapshot, filters)
    if per_centre is None:
        dimensions = [dim for dim in filters.active() if dim != "centre"]
        names = join_words([t(f"dimension.{d}", lang) for d in dimensions], lang)
        trials = Kpi("trials", t("kpi.not_available", lang),
                     t("note.not_crossed", lang, dimensions=names))
    else:
        trials = Kpi("trials", number(sum(per_centre.values()), lang), " · ".join(
            f"{CENTRE.label(c, lang)} {number(n, lang)}" for c, n in per_centre.items()))

    cart_rows = snapshot["cart"]
    if filters.centre:
        cart_rows = cart_rows[cart_rows["centre"].isin(filters.centre)]
    share = _fact(snapshot, "cart_share_of_sweden")
    cart_detail = (t("kpi.cart.share", lang, share=number(share, lang))
                   if share and not filters.centre else t("kpi.cart.products", lang))
    cart = Kpi("cart", number(int(cart_rows["patients"].sum()), lang), cart_detail)

    measures: dict[str, int] = {}
    for row in snapshot["vecura"].to_dict("records"):  # summed over the years, if any
        measures[row["measure"]] = measures.get(row["measure"], 0) + int(row["value"])
    vecura_patients = Kpi(
        "vecura",
        number(int(measures.get("patients_incl_imports", measures.get("patients", 0))), lang),
        t("kpi.vecura.detail", lang, patients=number(int(measures.get("patients", 0)), lang)),
    )

    table = regional_measures(snapshot)
    region = table.loc["stockholm_uppsala"] if "stockholm_uppsala" in table.index else None
    uk = table.loc["united_kingdom"] if "united_kingdom" in table.index else None
    if region is None or pd.isna(region.get("ongoing_trials")):
        density = Kpi("per_100k", t("kpi.not_available", lang), "")
    else:
        uk_text = (number(per_100k(uk["ongoing_trials"], uk["population"]), lang, 2)
                   if uk is not None and pd.notna(uk.get("ongoing_trials")) else "–")
        density = Kpi(
            "per_100k",
            number(per_100k(region["ongoing_trials"], region["population"]), lang, 2),
            t("kpi.per_100k.detail", lang, trials=number(region["ongoing_trials"], lang),
              population=number(region["population"] / 1e6, lang, 2), uk=uk_text),
        )
    return [trials, cart, vecura_patients, density]


def key_facts(snapshot: Snapshot, lang: str) -> list[tuple[str, str, str]]:
    """(what, value, source) for each key fact, in the file's order."""
    facts = []
    for row in snapshot["key_facts"].itertuples():
        decimals = 0 if float(row.value).is_integer() else 1
        value = (str(int(row.value)) if row.unit == "year"
                 else number(row.value, lang, decimals))
        qualifier = QUALIFIER.label(row.qualifier, lang) + " " if row.qualifier else ""
        unit = UNIT.label(row.unit, lang)
        shown = f"{qualifier}{value}{'' if unit == '%' else ' '}{unit}".strip()
        facts.append((KEY_FACT.label(row.fact, lang), shown, localized(row, "source", lang)))
    return facts
