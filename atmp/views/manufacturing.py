"""Manufacturing at Vecura: its measures, and the countries its products went to."""

from __future__ import annotations

import pandas as pd

from atmp.data import Snapshot
from atmp.figures import (
    bar,
    choropleth,
    layout,
    map_layout,
    map_marks,
    padded_range,
    plain_layout,
    series_layout,
    small_marks,
)
from atmp.filters import Filters
from atmp.text import number, t
from atmp.views.chart import MANUFACTURING_HEIGHT, NO_FILTER, TILE_HEIGHT, ChartView, ignored_note
from atmp.views.labels import approx, certainty_notes, qualifier_of
from atmp.views.small_numbers import (
    HIDE_SMALL,
    drawn,
    hidden_cells,
    largest_shown,
    only_hidden,
    small_numbers_notes,
)
from atmp.views.yearly import yearly
from atmp.vocab import COUNTRY, VECURA_MEASURE

ALL = "all"


def export_countries(exports: pd.DataFrame) -> int | None:
    """Recipient countries over the whole period: the named ones plus the `all` rows' unnamed.

    None when `all` is given per year: a country may recur, so yearly counts do not add up.
    """
    rows = exports.to_dict("records")
    unnamed = [row for row in rows if row["country"] == ALL]
    if any(pd.notna(row["year"]) for row in unnamed):
        return None
    return len({row["country"] for row in rows if row["country"] != ALL}) + sum(
        int(row["countries"]) for row in unnamed
    )


PATIENT_MEASURES = ("patients", "patients_incl_imports")
# Measures of one colour in the vocabulary are told apart by line dash and marker.
DASHES = ("solid", "dash", "dot", "dashdot", "longdash")
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x")


def year_marks(
    years: list[int], hidden: list[str | None], text: list[str], hover: list[str]
) -> list[dict]:
    """The marks of the hidden counts at the foot of their years: none, or one trace."""
    x, mark_text, mark_hover = only_hidden(hidden, years, text, hover)
    return [small_marks(x=x, y=[0] * len(x), text=mark_text, hover=mark_hover)] if x else []


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
            notes.append(
                t(
                    "note.measure_not_by_year",
                    lang,
                    label=label,
                    value=approx(sum(int(row["value"]) for row in mine), qualifier_of(mine), lang),
                )
            )
            continue
        mine = sorted(mine, key=lambda row: row["year"])
        colour = VECURA_MEASURE.colour(measure)
        rank = colours.count(colour)
        colours.append(colour)
        years, values = [int(row["year"]) for row in mine], [row["value"] for row in mine]
        hidden = hidden_cells(values, hide and measure in PATIENT_MEASURES, total_shown=True)
        text = [
            mark or approx(row["value"], row["qualifier"], lang)
            for row, mark in zip(mine, hidden, strict=True)
        ]
        hover = [f"{label} {year}: {shown}" for year, shown in zip(years, text, strict=True)]
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": label,
                "x": years,
                "y": drawn(values, hidden),
                "text": text,
                "line": {"color": colour, "width": 2.5, "dash": DASHES[rank % 5]},
                "marker": {"color": colour, "size": 9, "symbol": SYMBOLS[rank % 5]},
                "hovertext": hover,
                "hovertemplate": "%{hovertext}<extra></extra>",
            }
        )
        marks += year_marks(years, hidden, text, hover)
        largest = max(largest, largest_shown(values, hidden))
    figure = {
        "data": traces + marks,
        "layout": series_layout(
            lang,
            x_title=t("axis.year", lang),
            y_title=t("axis.count", lang),
            height=MANUFACTURING_HEIGHT,
            largest=largest,
            years=[int(year) for year in rows["year"].dropna()],
        ),
    }
    figure["layout"]["legend"]["font"] = {"size": 13}
    return ChartView(figure, tuple(notes + small_numbers_notes(figure, lang)))


def vecura(
    snapshot: Snapshot, filters: Filters, lang: str, *, hide_small: bool = HIDE_SMALL
) -> ChartView:
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
    qualifiers = rows["qualifier"].tolist()
    if countries:
        qualifiers.insert(4, "")
    traces = [
        bar(
            name=t("axis.count", lang),
            y=labels,
            x=values,
            colour=colours,
            text=text,
            customdata=[["", ""]] * len(values),
            hover=[f"{label}: {value}" for label, value in zip(labels, text, strict=True)],
            qualifier=qualifiers,
        )
    ]
    figure = {
        "data": traces,
        "layout": layout(
            lang,
            x_title=t("axis.count", lang),
            height=MANUFACTURING_HEIGHT,
            x_range=padded_range(max(values, default=0), 0.12),
        ),
    }
    return ChartView(figure, tuple(ignored + certainty_notes(figure, lang)))


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
        z = drawn(values, hidden)
        hover = [
            f"{label}: {shown} {t('unit.patients', lang)}"
            for label, shown in zip(labels, text, strict=True)
        ]
    else:
        hidden = [None] * len(codes)
        z, text = [1] * len(codes), [t("label.recipient", lang)] * len(codes)
        hover = [f"{label}: {t('label.recipient', lang)}" for label in labels]
    traces = [
        choropleth(
            locations=codes,
            z=z,
            text=text,
            hover=hover,
            colours=EXPORT_SHADES if by_patients else RECIPIENT,
            colour_title=t("axis.patients", lang) if by_patients else None,
        )
    ]
    locations, mark_text, mark_hover = only_hidden(hidden, codes, text, hover)
    if locations:
        traces.append(map_marks(locations=locations, text=mark_text, hover=mark_hover))
    return {"data": traces, "layout": map_layout(lang, height=MANUFACTURING_HEIGHT)}


def vecura_exports(
    snapshot: Snapshot, filters: Filters, lang: str, *, hide_small: bool = HIDE_SMALL
) -> ChartView:
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
            notes.append(t("note.map_period", lang, first=int(years.min()), last=int(years.max())))
        if len(unnamed) and not yearly(unnamed):
            notes.append(
                t("note.unnamed_countries", lang, n=number(int(unnamed["countries"].sum()), lang))
            )
    elif yearly(unnamed):
        return ChartView(*exports_by_year(unnamed, notes, lang, hide_small))
    else:  # one number: a compact tile, not an empty map
        countries = int(unnamed["countries"].sum())
        figure = {
            "data": [
                {
                    "type": "indicator",
                    "mode": "number",
                    "value": countries,
                    "number": {"font": {"size": 64, "color": "#0072B2"}},
                    "title": {"text": t("label.recipient_countries", lang), "font": {"size": 18}},
                }
            ],
            "layout": plain_layout(lang, height=TILE_HEIGHT),
        }
        notes.append(t("note.countries_not_named", lang))
        return ChartView(figure, tuple(notes), tile=True)
    return ChartView(figure, tuple(notes + small_numbers_notes(figure, lang)))


def exports_by_year(
    unnamed: pd.DataFrame, notes: list[str], lang: str, hide: bool
) -> tuple[dict, tuple[str, ...]]:
    """Unnamed recipients per year: patients where given (hidden when small), else countries."""
    rows = unnamed.sort_values("year")
    years = [int(y) for y in rows["year"]]
    by_patients = bool(rows["patients"].notna().all())
    values = [int(v) for v in rows["patients" if by_patients else "countries"]]
    hidden = hidden_cells(values, hide and by_patients)
    title = t("axis.patients" if by_patients else "axis.countries", lang)
    text = [mark or number(v, lang) for v, mark in zip(values, hidden, strict=True)]
    hover = [f"{year}: {shown}" for year, shown in zip(years, text, strict=True)]
    traces = [
        bar(
            name=title,
            x=years,
            y=drawn(values, hidden),
            colour="#0072B2",
            text=text,
            customdata=[["", ""]] * len(years),
            hover=hover,
            orientation="v",
        )
    ]
    traces += year_marks(years, hidden, text, hover)
    largest = largest_shown(values, hidden)
    figure = {
        "data": traces,
        "layout": series_layout(
            lang,
            x_title=t("axis.year", lang),
            y_title=title,
            height=MANUFACTURING_HEIGHT,
            largest=largest,
            years=years,
        ),
    }
    figure["layout"]["showlegend"] = False
    return figure, (*notes, t("note.countries_not_named", lang), *small_numbers_notes(figure, lang))
