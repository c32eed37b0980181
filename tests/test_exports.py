"""Exports hold exactly the numbers a chart shows, with title, notes, filters and source."""

from __future__ import annotations

import base64
import csv
import io

from openpyxl import load_workbook

from atmp.data import load_snapshot
from atmp.exports import (
    ChartTable,
    Row,
    chart_rows,
    dataset_xlsx,
    filtered_tables,
    page_rows,
    table_of,
    to_csv,
    to_xlsx,
)
from atmp.figures import SMALL_MARKS
from atmp.filters import Filters
from atmp.views import CHARTS

BY_KEY = {chart.key: chart for chart in CHARTS}


NO_FILTERS = Filters()


def chart_table(published, key, filters=NO_FILTERS, lang="en"):
    chart = BY_KEY[key]
    return table_of(chart, chart.build(published, filters, lang), filters, published, lang)


def test_exp001_rows_come_from_the_figure_itself():
    figure = {
        "data": [
            {
                "type": "bar",
                "name": "Patients",
                "y": ["Karolinska<br><span>4 products</span>"],
                "x": [74],
                "text": ["74"],
            },
            {"type": "scatter", "mode": "text", "y": ["Karolinska"], "x": [31], "text": ["Σ 31"]},
        ]
    }
    rows = chart_rows(figure)
    assert [(r.category, r.series, r.value, r.shown) for r in rows] == [
        ("Karolinska, 4 products", "Patients", 74, "74"),
        ("Karolinska", "", 31, "Σ 31"),
    ]


COLUMNS = ["category", "series", "value", "lower", "upper", "shown", "reading", "qualifier"]


def test_exp002_filtered_chart_csv_has_exactly_its_numbers_and_its_context(published):
    filters = Filters(centre=("akademiska",))
    table = chart_table(published, "trials_by_class", filters)
    lines = list(csv.reader(io.StringIO(to_csv(table).lstrip("\ufeff"))))
    assert lines[0] == ["Akademiska (Uppsala): Trials by ATMP class"]
    assert ["Filters", "Centre: Akademiska (Uppsala)"] in lines
    assert any(line[0] == "Source" and "Figur 2a" in line[1] for line in lines if line)
    assert ["Data as of", "spring 2025 (published 2025)"] in lines
    data = lines[lines.index(COLUMNS) + 1 :]
    assert data == [
        ["Akademiska (Uppsala)", "Ex vivo GTMP", "7", "7", "7", "7", "certain", ""],
        ["Akademiska (Uppsala)", "In vivo GTMP", "3", "3", "3", "3", "certain", ""],
        ["Akademiska (Uppsala)", "sCTMP", "2", "2", "2", "2", "certain", ""],
        ["Akademiska (Uppsala)", "TEP", "2", "2", "2", "2", "certain", ""],
        ["Akademiska (Uppsala)", "", "14", "14", "14", "Σ 14", "certain", ""],
    ]


def test_exp003_notes_travel_with_the_numbers(published):
    table = chart_table(published, "trials_by_status")
    assert any(label == "Note" and "sum to 31, against 29" in text for label, text in table.header)


def test_exp004_swedish_csv_uses_semicolons_and_decimal_commas(published):
    text = to_csv(chart_table(published, "per_100k", lang="sv"))
    assert "Källa;" in text and "Filter;inga (hela klustret)" in text
    assert (
        "Stockholm–Uppsala, våren 2025;Beräknat ur prövningar och befolkning;1,493;1,493;"
        "1,493;1,49 (43 / 2,88 M);certain;"
    ) in text


def test_exp005_xlsx_holds_numbers_as_numbers(published):
    book = load_workbook(io.BytesIO(to_xlsx(chart_table(published, "cart"))))
    rows = list(book.active.values)
    assert rows[0][0] == "CAR-T patients in clinical routine"
    start = rows.index(tuple(COLUMNS))
    assert rows[start + 1][2] == 74 and rows[start + 1][5] == "74"


def test_exp006_dataset_filters_apply_only_where_a_table_has_the_column(published):
    filters = Filters(centre=("akademiska",), atmp_class=("tep",))
    tables = filtered_tables(published, filters)
    trials = tables["trials"]
    assert set(trials["centre"]) == {"akademiska"}
    classes = trials[trials["dimension"] == "atmp_class"]
    assert list(classes["code"]) == ["tep"]
    assert len(trials[trials["dimension"] == "status"]) == 3  # not broken down by class
    assert set(tables["cart"]["centre"]) == {"akademiska"}
    assert len(tables["vecura"]) == len(published["vecura"])  # no centre column


def test_exp007_dataset_workbook_names_filters_and_source_first(published):
    filters = Filters(status=("open",))
    book = load_workbook(io.BytesIO(dataset_xlsx(published, filters, "sv")))
    assert book.sheetnames[0] == "Om" and "trials" in book.sheetnames
    about = list(book["Om"].values)
    assert ("Filter", "Status: Öppen") in about
    assert ("Data per", "våren 2025 (publicerad 2025)") in about
    assert ("Utgivare", "Karolinska ATMP-centrum (K-ATMP) och ATMP-centrum Uppsala") in about
    assert len(book.sheetnames) == 1 + len(published.tables)


def test_exp008_hidden_small_counts_export_their_mark_never_a_number():
    figure = {
        "data": [
            {
                "type": "bar",
                "orientation": "v",
                "name": "Karolinska",
                "x": [2021, 2022],
                "y": [12, None],
                "text": ["12", "<5"],
            },
            {
                "type": "scatter",
                "mode": "text",
                "meta": SMALL_MARKS,
                "x": [2022],
                "y": [0],
                "text": ["<5"],
            },
            {
                "type": "choropleth",
                "locations": ["NOR"],
                "z": [None],
                "text": ["<5"],
                "showscale": True,
            },
        ]
    }
    rows = [(r.category, r.series, r.value, r.shown) for r in chart_rows(figure)]
    assert rows == [
        ("2021", "Karolinska", 12, "12"),
        ("2022", "Karolinska", None, "<5"),
        ("Norway", "", None, "<5"),
    ]


def test_exp009_every_chart_exports_a_row_for_every_value_it_writes(published):
    for chart in CHARTS:
        figure = chart.build(published, NO_FILTERS, "en").figure
        written = [
            text
            for trace in figure["data"]
            if trace.get("meta") != SMALL_MARKS
            for text in trace.get("text") or []
            if text
        ]
        shown = [row.shown for row in chart_rows(figure)]
        assert all(text in shown for text in map(str, written)), chart.key


def test_exp010_the_data_download_sends_the_links_filtered_data():
    from app import server
    from tests.support.dash_request import dataset_request

    client = server.test_client()
    dependencies = client.get("/_dash-dependencies").get_json()
    response = client.post(
        "/_dash-update-component", json=dataset_request(dependencies, "?centre=akademiska&lang=sv")
    )
    assert response.status_code == 200
    sent = response.get_json()["response"]["download"]["data"]
    assert sent["filename"].startswith("atmp-data-") and sent["base64"]
    book = load_workbook(io.BytesIO(base64.b64decode(sent["content"])))
    assert ("Filter", "Centrum: Akademiska (Uppsala)") in list(book["Om"].values)
    assert {row[0] for row in book["cart"].iter_rows(min_row=2, values_only=True)} == {"akademiska"}


def test_exp011_the_page_table_rows_keep_the_text_as_it_is_and_say_how_sure_a_number_is():
    table = ChartTable("T", (), (Row("A|B", "ex_vivo", None, "<5"), Row("K", "", 3, "Σ 3")), "en")
    assert page_rows(table) == {
        "head": ["Category", "Series", "Shown on the chart"],
        "rows": [["A|B", "ex_vivo", "<5"], ["K", "", "Σ 3"]],
    }
    rows = (
        Row("K", "", 3, "3*", reading="uncertain"),
        Row("A", "", 20, "≈ 20", qualifier="about"),
        Row("U", "", 2, "2"),
    )
    unsure = page_rows(ChartTable("T", (), rows, "sv"))
    assert len(unsure["head"]) == 4
    assert [row[3] for row in unsure["rows"]] == ["osäker avläsning", "cirka", ""]


def test_exp012_synthetic_data_says_so_in_every_export(data_copy):
    (data_copy / "SYNTHETIC").write_text("made by a test\n", encoding="utf-8")
    snapshot = load_snapshot(data_copy)
    about = list(
        load_workbook(io.BytesIO(dataset_xlsx(snapshot, NO_FILTERS, "en")))["About"].values
    )
    assert ("Source", "Synthetic sample data — not real figures") in about
    assert "Synthetic sample data" in to_csv(chart_table(snapshot, "cart"))


def test_exp013_every_chart_exports_as_xlsx_and_csv_in_both_languages(published):
    for lang in ("en", "sv"):
        for chart in CHARTS:
            table = chart_table(published, chart.key, lang=lang)
            book = load_workbook(io.BytesIO(to_xlsx(table)))
            assert book.active["A1"].value == chart.title(lang)
            assert chart.title(lang) in to_csv(table)


def test_exp012_counts_of_one_are_singular_in_both_languages(published):
    from atmp.text import t

    assert t("export.rows", "en", n="1") == "1 row" and t("export.rows", "en", n="2") == "2 rows"
    assert t("export.rows", "sv", n="1") == "1 rad" and t("export.rows", "sv", n="7") == "7 rader"
    book = load_workbook(io.BytesIO(dataset_xlsx(published, NO_FILTERS, "sv")))
    about = dict(row[:2] for row in book["Om"].values if row and row[0])
    assert about["release"] == "1 rad" and about["cart"] == "2 rader"
    assert t("hover.trials", "en", centre="K", label="TEP", n="1*").endswith("1* trial")
