"""Themes and slides: the figure follows the theme; a slide carries title, notes and footer."""

from __future__ import annotations

import json
import re

from atmp.data import load_snapshot
from atmp.exports import chart_slide
from atmp.figures import PALETTES, SLIDE_FONT_SCALE, SLIDE_PALETTES, scaled_fonts, slide, themed
from atmp.filters import Filters
from atmp.sample import generate, marker_text, write
from atmp.views import CHARTS
from tests.support.data_files import DATA_DIR

BY_KEY = {chart.key: chart for chart in CHARTS}


def test_fig001_dark_theme_recolours_text_axes_and_grid_not_categories(published):
    figure = BY_KEY["cart"].build(published, Filters(), "en").figure
    dark = themed(figure, PALETTES["dark"])
    assert dark["layout"]["font"]["color"] == PALETTES["dark"].ink
    assert dark["layout"]["xaxis"]["gridcolor"] == PALETTES["dark"].grid
    assert dark["data"][0]["outsidetextfont"]["color"] == PALETTES["dark"].ink
    assert dark["data"][0]["marker"]["color"] == figure["data"][0]["marker"]["color"]
    assert dark["layout"]["paper_bgcolor"] == "rgba(0,0,0,0)"
    assert figure["layout"]["font"]["color"] == PALETTES["light"].ink  # input untouched


def test_fig002_fonts_scale_everywhere():
    part = {"font": {"size": 10}, "data": [{"textfont": {"size": 20}, "x": [10]}]}
    assert scaled_fonts(part, 2) == {
        "font": {"size": 20},
        "data": [{"textfont": {"size": 40}, "x": [10]}],
    }


def test_fig003_slide_is_1920_by_1080_with_title_notes_and_footer(published):
    view = BY_KEY["trials_by_status"].build(published, Filters(), "sv")
    result = slide(
        view.figure,
        title="Prövningar per status",
        notes=view.notes,
        footer=("Filter: inga", "Källa: Figur 1c"),
        palette=SLIDE_PALETTES["dark"],
    )
    layout = result["layout"]
    assert (layout["width"], layout["height"]) == (1920, 1080)
    assert "Prövningar per status" in layout["title"]["text"]
    text = json.dumps(layout["annotations"], ensure_ascii=False)
    assert "Källa: Figur 1c" in text and "Filter: inga" in text and "31" in text
    assert layout["paper_bgcolor"] == "#000000" and layout["font"]["color"] == "#ffffff"
    assert layout["font"]["size"] >= 26
    assert layout["margin"]["t"] + layout["margin"]["b"] < 1080 / 2
    dark = scaled_fonts(themed(view.figure, SLIDE_PALETTES["dark"]), SLIDE_FONT_SCALE)
    assert [trace["x"] for trace in result["data"]] == [trace["x"] for trace in dark["data"]]
    assert result["data"][0]["textfont"] == dark["data"][0]["textfont"]


def test_fig004_every_chart_makes_a_slide_with_any_filters_language_and_theme(published, tmp_path):
    sample = tmp_path / "sample"
    write(generate(published), sample, marker_text(7, 43), DATA_DIR)
    for snapshot in (published, load_snapshot(sample)):  # aggregates; register, maps, years
        for filters in (Filters(), Filters(centre=("akademiska",), status=("open",))):
            for lang, theme in (("en", "light"), ("sv", "dark")):
                for chart in CHARTS:
                    view = chart.build(snapshot, filters, lang)
                    figure = chart_slide(chart, view, filters, snapshot, lang, theme)
                    layout = figure["layout"]
                    assert (layout["width"], layout["height"]) == (1920, 1080), chart.key
                    words = re.sub("<[^>]+>", "", layout["title"]["text"].replace("<br>", " "))
                    assert chart.title(lang) in words, chart.key
                    assert any(
                        chart.filter_line(filters, lang) in note["text"]
                        for note in layout["annotations"]
                    ), chart.key
