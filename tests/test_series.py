"""Yearly, per-product and per-country rows: series, the export map, and small numbers hidden."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from atmp.data import load_snapshot
from atmp.figures import GRAPH_CONFIG, MAP_RESOLUTION, SMALL_MARKS
from atmp.filters import Filters
from atmp.settings import read_settings
from atmp.views import CHARTS, hospital_exemption_products, kpis
from atmp.views.manufacturing import export_countries, vecura, vecura_exports
from atmp.views.routine import cart, cart_rest_of_sweden, hospital_exemption
from atmp.views.small_numbers import AT_LEAST, BELOW, hidden_cells
from atmp.vocab import COUNTRY
from components import ids

ROOT = Path(__file__).resolve().parent.parent
BY_KEY = {chart.key: chart for chart in CHARTS}

CART = """centre,year,product,patients,products,source,note
karolinska,2021,tisa_cel,3,,Test,
karolinska,2021,axi_cel,9,,Test,
karolinska,2022,tisa_cel,6,,Test,
karolinska,2022,axi_cel,11,,Test,
karolinska,2023,axi_cel,14,,Test,
akademiska,2021,,2,,Test,
akademiska,2022,,7,,Test,
akademiska,2023,,12,,Test,
"""
HOSPITAL_EXEMPTION = """centre,products,patients,qualifier,since_year,year,source,note
akademiska,keratinocytes,3,,2016,2022,Test,
akademiska,keratinocytes,6,,2016,2023,Test,
akademiska,keratinocytes,7,about,2016,2024,Test,
karolinska,fetal_msc+virus_specific_t_cells,20,about,,,Test,
"""
VECURA = """measure,year,value,qualifier,source,note
batches,2023,40,,Test,
batches,2024,45,,Test,
patients,2023,3,,Test,
patients,2024,150,,Test,
patients_incl_imports,2023,20,,Test,
patients_incl_imports,2024,170,,Test,
products,,54,,Test,
"""
EXPORTS = """country,countries,patients,source,note
DEU,1,23,Test,
NOR,1,12,Test,
DNK,1,3,Test,
SGP,1,6,Test,
all,2,,Test,Two countries not named.
"""


@pytest.fixture
def series_dir(data_copy: Path) -> Path:
    """The published folder with yearly, per-product and per-country rows."""
    for name, text in (
        ("cart", CART),
        ("hospital_exemption", HOSPITAL_EXEMPTION),
        ("vecura", VECURA),
        ("vecura_exports", EXPORTS),
    ):
        (data_copy / f"{name}.csv").write_text(text, encoding="utf-8")
    return data_copy


@pytest.fixture
def series(series_dir):
    return load_snapshot(series_dir)


NO_FILTERS = Filters()


def data_traces(figure: dict) -> list[dict]:
    return [trace for trace in figure["data"] if trace.get("meta") != SMALL_MARKS]


def marks(figure: dict) -> list[dict]:
    return [trace for trace in figure["data"] if trace.get("meta") == SMALL_MARKS]


def shown_numbers(figure: dict) -> set[int]:
    """Every number a reader can see or export: values, texts and hovers of the data and marks."""
    numbers: set[int] = set()
    for trace in figure["data"]:
        for key in ("x", "y", "z"):
            if trace.get("meta") != SMALL_MARKS or key == "x":
                numbers |= {v for v in trace.get(key) or [] if isinstance(v, int)}
        for key in ("text", "hovertext"):
            for text in trace.get(key) or []:
                numbers |= {int(n) for n in re.findall(r"(?<![<≥\d])\d+", text)}
    return numbers


def test_ser001_cart_per_year_is_a_series_of_bars_per_centre(series):
    figure = cart(series, NO_FILTERS, "en", hide_small=False).figure
    bars = {trace["name"]: trace for trace in data_traces(figure)}
    assert bars["Karolinska"]["x"] == [2021, 2022, 2023]
    assert bars["Karolinska"]["y"] == [12, 17, 14]
    assert bars["Karolinska"]["orientation"] == "v"
    assert bars["Akademiska (Uppsala)"]["y"] == [2, 7, 12]
    assert bars["Karolinska"]["customdata"][0] == ["centre", "karolinska"]
    assert "Kymriah (tisagenlecleucel): 3" in bars["Karolinska"]["hovertext"][0]
    assert figure["layout"]["xaxis"]["title"]["text"] == "Year"
    assert figure["layout"]["yaxis"]["title"]["text"] == "Patients"
    swedish = cart(series, NO_FILTERS, "sv", hide_small=False).figure
    assert swedish["layout"]["xaxis"]["title"]["text"] == "År"
    assert "Yescarta (axikabtagenciloleucel): 11" in swedish["data"][0]["hovertext"][1]
    assert "17 patienter" in swedish["data"][0]["hovertext"][1]


def test_ser002_centre_filter_applies_to_the_series(series):
    view = cart(series, Filters(centre=("akademiska",)), "en", hide_small=False)
    assert [trace["name"] for trace in data_traces(view.figure)] == ["Akademiska (Uppsala)"]
    view = hospital_exemption(series, Filters(centre=("karolinska",)), "en")
    assert not view.figure["data"]  # Karolinska's count covers the whole period only
    assert (
        view.figure["layout"]["annotations"][0]["text"]
        == view.notes[0]
        == ("Karolinska: ≈\u00a020 patients in all, not broken down by year.")
    )


def test_ser003_key_figures_and_the_derivation_sum_every_row(series):
    kpi = {k.key: k for k in kpis(series, NO_FILTERS, "en")}
    assert kpi["cart"].value == str(3 + 9 + 6 + 11 + 14 + 2 + 7 + 12)
    assert kpis(series, Filters(centre=("karolinska",)), "en")[1].value == "43"
    assert cart_rest_of_sweden(series)["centres"] == 64
    assert kpi["vecura"].value == "190"
    assert kpi["vecura"].detail.startswith("153 ")


def test_ser004_small_counts_are_hidden_from_text_bars_and_hover(series):
    for build in (cart, hospital_exemption, vecura, vecura_exports):
        figure = build(series, NO_FILTERS, "en").figure
        small = {n for n in shown_numbers(figure) if n < 5}
        assert not small, (build.__name__, small)
        assert all(set(trace["text"]) <= {"", BELOW, AT_LEAST} for trace in marks(figure))


def test_ser005_one_more_count_is_hidden_where_a_total_would_give_it_away(series):
    view = cart(series, NO_FILTERS, "en")
    akademiska = next(t for t in view.figure["data"] if t["name"] == "Akademiska (Uppsala)")
    # 2 of 21 patients is hidden; the key figure shows 21, so 7 is hidden too.
    assert akademiska["y"] == [None, None, 12]
    assert akademiska["text"] == [BELOW, AT_LEAST, "12"]
    karolinska = next(t for t in view.figure["data"] if t["name"] == "Karolinska")
    assert karolinska["hovertext"][0].endswith(
        f"Kymriah (tisagenlecleucel): {BELOW}<br>Yescarta (axicabtagene ciloleucel): {AT_LEAST}"
    )
    (mark,) = marks(view.figure)
    assert mark["offsetgroup"] == "akademiska" and mark["text"] == [BELOW, AT_LEAST, ""]
    assert any("<5" in note for note in view.notes)
    assert hidden_cells([3, 9, 20], True) == [BELOW, None, None]
    assert hidden_cells([3, 9, 20], True, total_shown=True) == [BELOW, AT_LEAST, None]
    assert hidden_cells([3, 2], True, total_shown=True) == [BELOW, BELOW]
    assert hidden_cells([3, 9], False, total_shown=True) == [None, None]


def test_ser006_the_setting_shows_small_counts(series):
    figure = cart(series, NO_FILTERS, "en", hide_small=False).figure
    assert 2 in shown_numbers(figure) and not marks(figure)
    assert read_settings({}).hide_small_numbers
    assert read_settings({"ATMP_SMALL_NUMBERS": "typo"}).hide_small_numbers
    assert not read_settings({"ATMP_SMALL_NUMBERS": "show"}).hide_small_numbers


def test_ser007_hospital_exemption_per_year_with_whole_period_rows_named(series):
    view = hospital_exemption(series, NO_FILTERS, "en")
    (bars,) = [t for t in data_traces(view.figure) if t["type"] == "bar"]
    assert bars["x"] == [2022, 2023, 2024] and bars["y"] == [None, 6, 7]
    assert bars["text"] == [BELOW, "6", "≈\u00a07"]
    assert "Karolinska: ≈\u00a020 patients in all, not broken down by year." in view.notes
    assert hospital_exemption_products(series, NO_FILTERS, "en") == [
        ("Akademiska (Uppsala)", ["Keratinocytes (burns)"]),
        (
            "Karolinska",
            ["Fetal mesenchymal stem cells (osteogenesis imperfecta)", "Virus-specific T cells"],
        ),
    ]
    swedish = hospital_exemption(series, NO_FILTERS, "sv")
    assert "Karolinska: ≈\u00a020 patienter totalt, inte uppdelat per år." in swedish.notes


def test_ser008_vecura_per_year_is_a_line_per_measure(series):
    view = vecura(series, NO_FILTERS, "en")
    lines = {trace["name"]: trace for trace in data_traces(view.figure)}
    assert list(lines) == [
        "Batches manufactured",
        "Patients (manufacturing, preparation)",
        "Patients incl. imports",
    ]
    assert lines["Batches manufactured"]["y"] == [40, 45]
    # 3 patients in 2023 is hidden, and so is 150, which the key figure's 153 would give away.
    assert lines["Patients (manufacturing, preparation)"]["y"] == [None, None]
    assert lines["Patients incl. imports"]["y"] == [20, 170]
    assert "Distinct products: 54 in all, not broken down by year." in view.notes
    swedish = vecura(series, NO_FILTERS, "sv").figure
    assert swedish["data"][0]["name"] == "Tillverkade batcher"


def test_ser009_named_countries_are_a_map(series):
    view = vecura_exports(series, NO_FILTERS, "en")
    area, dots = view.figure["data"]
    assert area["type"] == "choropleth" and area["locationmode"] == "ISO-3"
    assert area["locations"] == ["DEU", "DNK", "NOR", "SGP"]
    assert area["z"] == [23, None, 12, 6]
    assert area["hovertext"][0] == "Germany: 23 patients"
    assert dots["type"] == "scattergeo" and dots["locations"] == ["DNK"]
    assert dots["text"] == [BELOW] and dots["meta"] == SMALL_MARKS
    assert "Besides the countries on the map: 2 recipient countries not named." in view.notes
    swedish = vecura_exports(series, NO_FILTERS, "sv").figure["data"][0]
    assert swedish["hovertext"][0] == "Tyskland: 23 patienter"
    assert view.figure["layout"]["geo"]["resolution"] == MAP_RESOLUTION
    # Four named countries and two unnamed ones; yearly unnamed counts do not add up.
    assert export_countries(series["vecura_exports"]) == 6
    assert (
        export_countries(
            pd.DataFrame({"country": ["all", "all"], "year": [2023, 2024], "countries": [3, 4]})
        )
        is None
    )


def test_ser010_countries_without_patients_are_marked_as_recipients(series_dir):
    (series_dir / "vecura_exports.csv").write_text(
        "country,year,countries,source,note\nFIN,2023,1,Test,\nFIN,2024,1,Test,\n"
        "USA,2024,1,Test,\n",
        encoding="utf-8",
    )
    view = vecura_exports(load_snapshot(series_dir), NO_FILTERS, "sv")
    (area,) = view.figure["data"]
    assert area["locations"] == ["FIN", "USA"] and area["z"] == [1, 1]
    assert area["showscale"] is False
    assert area["hovertext"] == ["Finland: mottagarland", "USA: mottagarland"]
    assert "Kartan visar 2023–2024 sammantaget." in view.notes


def test_ser011_the_published_data_names_no_country_and_the_card_says_so(published):
    view = vecura_exports(published, NO_FILTERS, "en")
    (number,) = view.figure["data"]
    assert number["type"] == "indicator" and number["value"] == 11
    assert "geo" not in view.figure["layout"]
    assert view.notes[-1] == "The report gives the number of recipient countries, not their names."
    assert view.tile  # one number: a compact tile, with no word for whoever keeps the data
    assert "README" not in " ".join(view.notes)
    assert "inte vilka de är" in vecura_exports(published, NO_FILTERS, "sv").notes[-1]


def load_published():
    return load_snapshot(ROOT / "data")


def test_ser012_published_charts_are_unchanged_by_the_series_code(published):
    """The whole-period forms, as before: one bar per centre, measure or therapy row."""
    (karolinska_first,) = [
        t for t in cart(published, NO_FILTERS, "en").figure["data"] if t["name"] == "Patients"
    ]
    assert karolinska_first["x"] == [74, 38] and karolinska_first["orientation"] == "h"
    assert karolinska_first["text"] == ["74", "38"]
    (he,) = hospital_exemption(published, NO_FILTERS, "en").figure["data"]
    assert he["x"] == [20, 50] and he["text"] == ["≈\u00a020", "≈\u00a050"]
    (measures,) = vecura(published, NO_FILTERS, "en").figure["data"]
    assert measures["x"] == [192, 91, 54, 7, 11, 12, 761, 909]
    assert {k.key: k.value for k in kpis(published, NO_FILTERS, "en")}["vecura"] == "909"


def test_ser013_the_map_reads_its_topojson_from_the_assets():
    assert GRAPH_CONFIG["topojsonURL"] == "/assets/topojson/"
    path = ROOT / "assets" / "topojson" / f"world_{MAP_RESOLUTION}m.json"
    countries = json.loads(path.read_text(encoding="utf-8"))["objects"]["countries"]
    drawn = {shape.get("id") for shape in countries["geometries"]}
    assert set(COUNTRY.codes()) <= drawn


def test_ser014_every_series_figure_is_valid_plotly(series):
    """plotly's own validation accepts each figure (the app sends them as plain dicts)."""
    import plotly.graph_objects as go

    for build in (cart, hospital_exemption, vecura, vecura_exports):
        go.Figure(build(series, NO_FILTERS, "en").figure)
    go.Figure(vecura_exports(load_published(), NO_FILTERS, "en").figure)


def test_ser016_per_product_rows_without_years_split_the_centre_bar(data_copy):
    (data_copy / "cart.csv").write_text(
        "centre,product,patients,products,source,note\nkarolinska,axi_cel,40,,Test,\n"
        "karolinska,tisa_cel,31,,Test,\nkarolinska,ide_cel,3,,Test,\n"
        "akademiska,axi_cel,38,,Test,\n",
        encoding="utf-8",
    )
    snapshot = load_snapshot(data_copy)
    view = cart(snapshot, NO_FILTERS, "en")
    centres = view.figure["data"][0]
    assert centres["x"] == [74, 38] and centres["orientation"] == "h"
    assert "3 products" in centres["y"][0] and "1 products" in centres["y"][1]
    assert centres["hovertext"][0].endswith(f"Abecma (idecabtagene vicleucel): {BELOW}")
    assert f"Kymriah (tisagenlecleucel): {AT_LEAST}" in centres["hovertext"][0]
    assert "Yescarta (axicabtagene ciloleucel): 40" in centres["hovertext"][0]
    assert view.figure["data"][1]["x"] == [round(112 / 0.63 - 112, 1)]  # rest of Sweden
    assert kpis(snapshot, NO_FILTERS, "en")[1].value == "112"


def test_ser017_unnamed_countries_per_year_are_a_series(data_copy):
    (data_copy / "vecura_exports.csv").write_text(
        "country,year,countries,patients,source,note\nall,2022,4,9,Test,\n"
        "all,2023,5,2,Test,\nall,2024,6,14,Test,\n",
        encoding="utf-8",
    )
    snapshot = load_snapshot(data_copy)
    view = vecura_exports(snapshot, NO_FILTERS, "en")
    (bars,) = data_traces(view.figure)
    assert bars["x"] == [2022, 2023, 2024] and bars["y"] == [9, None, 14]
    assert marks(view.figure)[0]["text"] == [BELOW]
    assert view.figure["layout"]["yaxis"]["title"]["text"] == "Patients"
    assert any("not their names" in note for note in view.notes)
    # The whole period's number of countries is unknown, so Vecura's chart leaves it out.
    (measures,) = vecura(snapshot, NO_FILTERS, "en").figure["data"]
    assert "Export recipient countries" not in measures["y"]


@pytest.fixture
def series_app(series):
    """The app serving the series folder; the published data is put back afterwards."""
    from app import app
    from atmp import store

    served = store.current()
    store.install(series)
    yield app
    store.install(served)


@pytest.mark.browser
def test_ser015_the_map_draws_from_the_local_topojson_without_errors(dash_duo, series_app):
    dash_duo.start_server(series_app)
    exports = f"#{ids.graph('exports')}"
    dash_duo.wait_for_element(f"{exports} .choroplethlocation")
    drawn = dash_duo.driver.execute_script(
        "return [...document.querySelectorAll(arguments[0] + ' .choroplethlocation')]"
        ".filter(path => path.getAttribute('d')).length",
        exports,
    )
    assert drawn == 3  # Germany, Norway, Singapore; Denmark's <5 is a mark, not an area
    assert dash_duo.find_element(f"{exports} .scattergeo text").text == BELOW
    fetched = dash_duo.driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert any(url.endswith(f"/assets/topojson/world_{MAP_RESOLUTION}m.json") for url in fetched)
    assert all(url.startswith(dash_duo.server_url) for url in fetched)
    # A bar of a year still sets its centre's filter.
    bar = dash_duo.driver.find_elements(By.CSS_SELECTOR, f"#{ids.graph('cart')} .point path")[0]
    ActionChains(dash_duo.driver).move_to_element(bar).pause(0.3).click().perform()
    dash_duo.wait_for_text_to_equal(f"#{ids.kpi_value('cart')}", "43")
    assert dash_duo.get_logs() == []
