"""Context: the research section, Sweden and the world, the sentences that open each
section, the centre profile, /about, and a chart's numbers at a stable URL."""

from __future__ import annotations

import csv
import io
import json
from html import unescape

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atmp import store
from atmp.about import GLOSSARY
from atmp.data import DataError, load_snapshot
from atmp.filters import Filters
from atmp.views import CHARTS
from atmp.views.profile import centre_profile
from atmp.views.research import research
from atmp.views.summary import section_summaries
from components import ids
from tests.support.dash_request import export_request, page_request, rendered_prop
from tests.support.data_files import set_patients
from tests.support.fuzzing import REQUEST_FUZZ

AKADEMISKA = Filters(centre=("akademiska",))


def _page(client, dependencies, search: str = "") -> dict:
    answer = client.post("/_dash-update-component", json=page_request(dependencies, search))
    assert answer.status_code == 200
    return answer.get_json()


def _text(component) -> str:
    return json.dumps(component, ensure_ascii=False)


def _replace(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_ctx001_the_research_section_shows_what_the_report_publishes(client, dependencies):
    page = _page(client, dependencies)
    section = _text(rendered_prop(page, ids.RESEARCH, "children"))
    for words in (
        "124",
        "MeSH terms with at least 3 publications, 2020–2024",
        "85",
        "MeSH terms with at least 2 publications",
        "21",
        "104",
        "organisations with at least 5 publications",
        "Glioblastoma and brain neoplasms",
        "Haematopoietic stem cell transplantation",
        "SciLifeLab (Sweden)",
        "KU Leuven (Belgium)",
        "Baylor College of Medicine (United States)",
        "machine-learning indexing of MeSH terms",
        "The yearly counts of Figur 10 are not in the report's text",
        "Report, Figur 11a",
    ):
        assert words in section, words
    uppsala = _text(
        rendered_prop(_page(client, dependencies, "?centre=akademiska"), ids.RESEARCH, "children")
    )
    assert "85" in uppsala and "Oslo University Hospital" in uppsala
    assert "124" not in uppsala and "SciLifeLab" not in uppsala  # Karolinska's own
    assert "Haematopoietic stem cell transplantation" in uppsala  # both centres'


def test_ctx002_sweden_and_the_uk_beside_the_report_never_added(client, dependencies, published):
    national = next(chart for chart in CHARTS if chart.key == "national_trials")
    uk = next(chart for chart in CHARTS if chart.key == "uk_trials")
    view = national.build(published, Filters(), "en")
    since, open_now = view.figure["data"]
    assert dict(zip(since["y"], since["x"], strict=True))["Uppsala (Akademiska)"] == 25
    assert dict(zip(open_now["y"], open_now["x"], strict=True))["Karolinska"] == 9
    assert any("More open now (9) than since 2006 (7)" in note for note in view.notes)
    assert any("the text counts 45" in note for note in view.notes)
    assert "atmpsweden.se" in national.source(published, "en")
    series = uk.build(published, Filters(), "en")
    assert dict(zip(series.figure["data"][0]["x"], series.figure["data"][0]["y"], strict=True)) == {
        2016: 57,
        2018: 85,
        2019: 127,
        2020: 154,
        2021: 168,
        2022: 178,
        2023: 175,
        2024: 187,
    }
    assert any("No verified figure for 2017" in note for note in series.notes)
    for chart in (national, uk):
        assert chart.source(published, "sv").endswith("inte rapporten.")
    page = _page(client, dependencies)
    assert rendered_prop(page, ids.kpi_value("trials"), "children") == "43"  # not 43 + 45
    csv_text = client.get("/api/v1/charts/uk_trials.csv").get_data(as_text=True)
    assert "spring 2025" not in csv_text  # the report's period is not this series' date


def test_ctx003_every_section_opens_with_a_sentence_the_data_computes(data_copy, published):
    before = {lang: section_summaries(published, Filters(), lang) for lang in ("en", "sv")}
    assert "112 patients with commercial CAR-T" in before["en"]["routine"]
    assert "112 patienter med kommersiell CAR-T" in before["sv"]["routine"]
    assert "192 batches" in before["en"]["manufacturing"]
    assert "1.49 (43 trials, spring 2025)" in before["en"]["comparison"]
    assert "1,49 (43 prövningar, våren 2025)" in before["sv"]["comparison"]
    assert "45 ATMP trials" in before["en"]["context"] and "187" in before["en"]["context"]
    set_patients(data_copy, "akademiska", 38, 40)
    _replace(data_copy / "national_trials.csv", "uppsala,25,14", "uppsala,26,14")
    _replace(data_copy / "research.csv", "genterapiforskning,85,", "genterapiforskning,90,")
    changed = load_snapshot(data_copy)
    for lang, words in (("en", "114 patients"), ("sv", "114 patienter")):
        assert words in section_summaries(changed, Filters(), lang)["routine"]
        assert "40" in section_summaries(changed, AKADEMISKA, lang)["routine"]
    assert "26 at Uppsala (Akademiska)" in section_summaries(changed, Filters(), "en")["context"]
    assert "90 MeSH terms" in research(changed, Filters(), "en").summary
    assert "90 MeSH-termer" in research(changed, AKADEMISKA, "sv").summary


def test_ctx004_a_centre_filter_shows_the_centres_profile(client, dependencies, published):
    heading, lines = centre_profile(published, AKADEMISKA, "en")
    assert heading == "Centre profile: Akademiska (Uppsala)"
    assert "14 of the cluster's 43 ongoing ATMP trials (33 %)" in lines
    assert "The cluster's only trials of TEP (2)" in lines
    assert "Europe's first CAR-T cells for a clinical trial (Uppsala): 2014" in lines
    assert centre_profile(published, Filters(), "en") == ("", [])
    assert centre_profile(published, Filters(centre=("akademiska", "karolinska")), "en") == ("", [])
    shown = _text(
        rendered_prop(
            _page(client, dependencies, "?centre=karolinska&lang=sv"), ids.PROFILE, "children"
        )
    )
    assert "Centrumprofil: Karolinska" in shown and "29 av klustrets 43" in shown
    assert rendered_prop(_page(client, dependencies), ids.PROFILE, "children") == []


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_ctx005_about_has_the_glossary_and_a_citation_linked_from_every_page(
    client, dependencies, lang
):
    answer = client.get(f"/about?lang={lang}")
    assert answer.status_code == 200 and answer.headers["Content-Security-Policy"]
    page = unescape(answer.get_data(as_text=True))
    assert f'<html lang="{lang}">' in page
    for term, english, swedish in GLOSSARY:
        assert term in page and (english if lang == "en" else swedish).split(":")[0] in page
    citation = "Karolinska ATMP-centrum" + (" and " if lang == "en" else " och ")
    assert "<textarea id='citation' readonly" in page and citation in page
    assert "Figur 1c" in page  # a known discrepancy of the source
    shown = _text(_page(client, dependencies, f"?lang={lang}"))
    assert shown.count(f"about?lang={lang}") == 2  # the header and the footer
    assert client.get("/about?lang=<script>").status_code == 200  # any other value: English


def test_ctx006_a_charts_numbers_url_answers_as_its_csv_download(client, dependencies):
    search = "?centre=akademiska&class=tep&lang=sv"
    answer = client.get(f"/api/v1/charts/trials_by_class.csv{search}")
    assert answer.headers["Content-Type"] == "text/csv; charset=utf-8"
    downloaded = client.post(
        "/_dash-update-component",
        json=export_request(dependencies, "trials_by_class", "csv", search),
    ).get_json()["response"]["download"]["data"]["content"]
    assert answer.get_data(as_text=True) == downloaded
    rows = list(csv.reader(io.StringIO(downloaded.lstrip("\ufeff")), delimiter=";"))
    assert ["Akademiska (Uppsala)", "TEP", "2", "2", "2", "2", "certain", ""] in rows
    body = client.get("/api/v1/charts/cart.json?centre=karolinska").get_json()
    assert body["title"] == "Karolinska: CAR-T patients in clinical routine"
    assert [row[:3] for row in body["rows"]] == [["Karolinska, 5 products", "Patients", 74]]
    assert body["release"]["tag"] == "spring-2025"
    page = _text(_page(client, dependencies))
    assert "api/v1/charts/trials_by_class.csv" in page  # beside the chart's CSV button


@pytest.mark.parametrize(
    ("url", "status", "words"),
    [
        ("/api/v1/charts/pie.csv", 404, "no chart 'pie': charts are trials_by_class"),
        ("/api/v1/charts/trials_by_phase.csv", 404, "no chart 'trials_by_phase'"),
        ("/api/v1/charts/cart.xml", 404, "ask for KEY.csv or KEY.json"),
        ("/api/v1/charts/cart.csv?centre=mars", 400, "not understood: centre=mars"),
        ("/api/v1/charts/cart.csv?colour=red", 400, "not understood: colour"),
    ],
)
def test_ctx007_what_a_chart_cannot_answer_is_a_4xx_with_a_message(client, url, status, words):
    answer = client.get(url)
    assert answer.status_code == status
    assert words in answer.get_json()["error"]


@REQUEST_FUZZ
@given(key=st.text(max_size=20), query=st.text(max_size=60), lang=st.text(max_size=10))
def test_ctx008_no_request_for_a_chart_or_about_gets_a_5xx(client, key, query, lang):
    from urllib.parse import quote

    assert (
        client.get(
            f"/api/v1/charts/{quote(key, safe='')}.json?{quote(query, safe='=&')}"
        ).status_code
        < 500
    )
    assert client.get(f"/about?lang={quote(lang, safe='')}").status_code == 200


def test_ctx009_the_new_files_are_checked_with_file_row_and_column(data_copy):
    _replace(
        data_copy / "research.csv",
        "genterapiforskning,85,mesh_terms",
        "genterapiforskning,,mesh_terms",
    )
    _replace(data_copy / "national_trials.csv", "umea,2,1", "umeaa,2,1")
    _replace(data_copy / "uk_trials.csv", "2020,154", "2020,many")
    with pytest.raises(DataError) as raised:
        load_snapshot(data_copy)
    problems = [str(problem) for problem in raised.value.problems]
    assert any("research.csv" in p and "row 3" in p and "value" in p for p in problems), problems
    assert any("national_trials.csv" in p and "umeaa" in p for p in problems), problems
    assert any("uk_trials.csv" in p and "ongoing_trials" in p and "many" in p for p in problems)


def test_ctx010_a_folder_without_the_optional_context_still_serves(data_copy, client, dependencies):
    for name in ("research", "national_trials", "uk_trials"):
        (data_copy / f"{name}.csv").unlink()
    before = store.current()
    store.install(load_snapshot(data_copy))
    try:
        page = _page(client, dependencies)
        assert rendered_prop(page, ids.RESEARCH, "children") == []
        assert client.get("/api/v1/charts/uk_trials.csv").status_code == 404
        assert client.get("/about").status_code == 200
    finally:
        store.install(before)
