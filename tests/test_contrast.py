"""Contrast to WCAG AA in both themes, where axe-core cannot see it: the charts' colours
(SVG drawn by plotly.js) and the focus ring of the page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from atmp import vocab
from atmp.data import load_snapshot
from atmp.exports import chart_slide
from atmp.figures import (
    GRAPHIC_CONTRAST,
    PALETTES,
    SLIDE_PALETTES,
    TEXT_CONTRAST,
    contrast_ratio,
    readable_text_colour,
    themed,
)
from atmp.filters import Filters
from atmp.sample import generate, marker_text, write
from atmp.views import CHARTS
from tests.support.data_files import DATA_DIR

CSS = Path(__file__).resolve().parent.parent / "assets" / "10-dashboard.css"
HEX = re.compile(r"#[0-9a-fA-F]{6}")

# The colour-blind-safe palettes the category colours come from (see atmp/vocab.py).
OKABE_ITO = {
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#000000",
    "#999999",
}
TOL_MUTED = {
    "#332288",
    "#88CCEE",
    "#44AA99",
    "#117733",
    "#999933",
    "#DDCC77",
    "#CC6677",
    "#882255",
    "#AA4499",
    "#DDDDDD",
}
TOL_LIGHT = {
    "#77AADD",
    "#99DDFF",
    "#44BB99",
    "#BBCC33",
    "#AAAA00",
    "#EEDD88",
    "#EE8866",
    "#FFAABB",
    "#DDDDDD",
}
TOL_MEDIUM_CONTRAST_EXTRA = {"#6699CC"}  # Paul Tol's medium-contrast blue, in disease areas
PUOR = {"#E66101", "#FDB863", "#B2ABD2", "#5E3C99"}  # ColorBrewer PuOr, 4 classes
YLGNBU_PHASES = {"#DDECBF", "#A5D5A0", "#5AAE8A", "#2D7F8F", "#2A4D7A"}  # sequential, ordered
GREY = {"#8C8C8C"}  # the UK beside the region: a neutral comparison


def css_variables(theme: str) -> dict[str, str]:
    """The custom properties of the page's light (:root) or dark theme block."""
    text = CSS.read_text(encoding="utf-8")
    selector = ":root {" if theme == "light" else '[data-bs-theme="dark"] {'
    block = text[text.index(selector) :].split("}", 1)[0]
    return dict(re.findall(r"--([\w-]+):\s*([^;]+);", block))


def surfaces(theme: str) -> list[str]:
    """What a chart on the page is drawn on: its card; in a slide or image, its own paper."""
    return [css_variables(theme)["surface"], PALETTES[theme].background]


def test_con001_contrast_ratio_follows_wcag():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#0072B2", "#0072B2") == 1


def test_con002_chart_text_reads_on_every_background():
    for theme, palette in PALETTES.items():
        for background in surfaces(theme):
            for colour in (palette.ink, palette.muted):
                assert contrast_ratio(colour, background) >= TEXT_CONTRAST, (theme, colour)
            assert contrast_ratio(palette.zero, background) >= GRAPHIC_CONTRAST, theme
    for theme, palette in SLIDE_PALETTES.items():
        for colour in (palette.ink, palette.muted):
            assert contrast_ratio(colour, palette.background) >= TEXT_CONTRAST, theme


def test_con003_text_inside_any_category_colour_reads():
    colours = {
        term.colour
        for vocabulary in vars(vocab).values()
        if isinstance(vocabulary, vocab.Vocabulary)
        for term in vocabulary.terms
    }
    for colour in colours:
        text = readable_text_colour(colour)
        assert contrast_ratio(text, colour) >= TEXT_CONTRAST, colour


def test_con004_category_colours_come_from_colour_blind_safe_palettes():
    palettes = {
        "centre": PUOR,
        "ATMP class": OKABE_ITO,
        "status": TOL_LIGHT,
        "phase": YLGNBU_PHASES,
        "disease area": TOL_MUTED | TOL_LIGHT | TOL_MEDIUM_CONTRAST_EXTRA,
        "sponsor type": OKABE_ITO,
        "CAR-T product": OKABE_ITO,
        "Vecura measure": OKABE_ITO,
        "region": PUOR | GREY,
    }
    for vocabulary in (
        vocab.CENTRE,
        vocab.ATMP_CLASS,
        vocab.DISEASE_AREA,
        vocab.STATUS,
        vocab.PHASE,
        vocab.SPONSOR_TYPE,
        vocab.CART_PRODUCT,
        vocab.VECURA_MEASURE,
        vocab.REGION,
    ):
        colours = {term.colour.upper() for term in vocabulary.terms}
        assert colours <= palettes[vocabulary.name], vocabulary.name


def problems(figure: dict, backgrounds: list[str], ink: str) -> list[str]:
    """Every text under 4.5:1 and every bar, line or marker under 3:1 against `backgrounds`
    (a bar counts by its outline where its fill is too faint); text inside a bar against it."""
    found = []

    def check(what: str, colour: object, needed: float, against: list[str]) -> None:
        if isinstance(colour, str) and HEX.fullmatch(colour):
            for background in against:
                if contrast_ratio(colour, background) < needed:
                    found.append(
                        f"{what} {colour} on {background}: {contrast_ratio(colour, background):.2f}"
                    )

    layout = figure["layout"]
    check("font", layout["font"]["color"], TEXT_CONTRAST, backgrounds)
    for note in layout.get("annotations", []):
        check("annotation", note.get("font", {}).get("color", ink), TEXT_CONTRAST, backgrounds)
    for axis in ("xaxis", "yaxis"):
        title = layout.get(axis, {}).get("title", {})
        check(f"{axis} title", title.get("font", {}).get("color"), TEXT_CONTRAST, backgrounds)
    for trace in figure["data"]:
        name = f"{trace.get('type')} {trace.get('name', '')}"
        check(f"{name} text", trace.get("textfont", {}).get("color"), TEXT_CONTRAST, backgrounds)
        check(
            f"{name} outside text",
            trace.get("outsidetextfont", {}).get("color"),
            TEXT_CONTRAST,
            backgrounds,
        )
        if trace.get("type") == "bar":
            fills = trace["marker"]["color"]
            fills = fills if isinstance(fills, list) else [fills] * len(trace["x"])
            edges = trace["marker"]["line"]["color"]
            for fill, edge in zip(fills, edges, strict=True):
                shown = (
                    fill
                    if all(contrast_ratio(fill, b) >= GRAPHIC_CONTRAST for b in backgrounds)
                    else edge
                )
                check(f"{name} bar", shown, GRAPHIC_CONTRAST, backgrounds)
            if trace.get("textposition") in ("inside", "auto"):
                for fill, text in zip(fills, trace["insidetextfont"]["color"], strict=True):
                    check(f"{name} text inside", text, TEXT_CONTRAST, [fill])
        mode = trace.get("mode", "")
        if "lines" in mode:
            check(f"{name} line", trace["line"]["color"], GRAPHIC_CONTRAST, backgrounds)
        if "markers" in mode:
            check(f"{name} marker", trace["marker"]["color"], GRAPHIC_CONTRAST, backgrounds)
    return found


@pytest.fixture(scope="module")
def snapshots(published, tmp_path_factory):
    """The published aggregates, and a synthetic register (every chart crossed, maps, years)."""
    sample = tmp_path_factory.mktemp("contrast") / "sample"
    write(generate(published), sample, marker_text(7, 43), DATA_DIR)
    return [published, load_snapshot(sample)]


def test_con005_every_chart_reads_in_both_themes_on_the_page_and_as_a_slide(snapshots):
    found = []
    for snapshot in snapshots:
        for filters in (Filters(), Filters(centre=("akademiska",))):
            for chart in CHARTS:
                view = chart.build(snapshot, filters, "en")
                for theme, palette in PALETTES.items():
                    page = themed(view.figure, palette)
                    found += [
                        f"{chart.key} {theme}: {p}"
                        for p in problems(page, surfaces(theme), palette.ink)
                    ]
                    slide = chart_slide(chart, view, filters, snapshot, "en", theme)
                    found += [
                        f"{chart.key} {theme} slide: {p}"
                        for p in problems(
                            slide, [SLIDE_PALETTES[theme].background], SLIDE_PALETTES[theme].ink
                        )
                    ]
    assert not found, "\n".join(sorted(set(found)))


def test_con006_focus_ring_stands_out_in_both_themes():
    for theme in ("light", "dark"):
        variables = css_variables(theme)
        for around in ("surface", "canvas", "chip-bg"):
            ratio = contrast_ratio(variables["focus-ring"], variables[around])
            assert ratio >= GRAPHIC_CONTRAST, (theme, around, ratio)
