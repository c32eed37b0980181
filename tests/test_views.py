"""What the charts and key figures show: every published number, and nothing unsupported."""

from __future__ import annotations

import json

import pytest
from plotly.utils import PlotlyJSONEncoder

from atmp.data import load_snapshot
from atmp.figures import readable_text_colour
from atmp.filters import Filters
from atmp.quality import findings
from atmp.state import ViewState
from atmp.text import number, t
from atmp.trials import Range
from atmp.views import CHARTS, key_facts, kpis
from atmp.views.key_figures import trial_total
from components.layout import create_page

BY_KEY = {chart.key: chart for chart in CHARTS}


NO_FILTERS = Filters()


def view(published, key, filters=NO_FILTERS, lang="en"):
    return BY_KEY[key].build(published, filters, lang)


def trace_ranges(figure):
    """{(trace name, y label): (lower, upper)} of the possible parts of range bars."""
    return {
        (trace["name"], y): (base, base + x)
        for trace in figure["data"]
        if trace["type"] == "bar" and "base" in trace
        for y, x, base in zip(trace["y"], trace["x"], trace["base"], strict=True)
    }


def trace_values(figure, name=None):
    """{(trace name, y label): x} for the bar traces of a figure."""
    return {
        (trace["name"], y): x
        for trace in figure["data"]
        if trace["type"] == "bar"
        if name is None or trace["name"] == name
        for y, x in zip(trace["y"], trace["x"], strict=True)
    }


def test_viw001_trials_by_class_shows_figur_1a_and_2a(published):
    values = trace_values(view(published, "trials_by_class").figure)
    assert values == {
        ("Ex vivo GTMP", "Karolinska"): 13,
        ("In vivo GTMP", "Karolinska"): 8,
        ("sCTMP", "Karolinska"): 8,
        ("Ex vivo GTMP", "Akademiska (Uppsala)"): 7,
        ("In vivo GTMP", "Akademiska (Uppsala)"): 3,
        ("sCTMP", "Akademiska (Uppsala)"): 2,
        ("TEP", "Akademiska (Uppsala)"): 2,
    }


def test_viw002_status_chart_shows_the_sum_discrepancy(published):
    result = view(published, "trials_by_status")
    sums = next(trace for trace in result.figure["data"] if trace["type"] == "scatter")
    assert sums["x"] == [31, 14]
    assert any("sum to 31, against 29" in note for note in result.notes)


def test_viw003_centre_filter_removes_the_other_centre_everywhere(published):
    filters = Filters(centre=("akademiska",))
    for key in (
        "trials_by_class",
        "trials_by_disease",
        "trials_by_status",
        "cart",
        "hospital_exemption",
    ):
        text = json.dumps(view(published, key, filters).figure)
        assert "Karolinska" not in text, key
    kpi = {k.key: k for k in kpis(published, filters, "en")}
    assert kpi["trials"].value == "14" and kpi["cart"].value == "38"


def test_viw004_a_filter_of_another_dimension_draws_each_bar_as_its_range(published):
    filters = Filters(atmp_class=("tep",))
    disease = view(published, "trials_by_disease", filters)
    ranges = trace_ranges(disease.figure)
    # Karolinska has no TEP trial (Figur 1a): none in any disease area.
    assert ranges[("Karolinska", "Oncology")] == (0, 0)
    # Akademiska: 2 TEP of 14, 8 in oncology: 0 to 2 TEP trials in oncology.
    assert ranges[("Akademiska (Uppsala)", "Oncology")] == (0, 2)
    assert any(
        "publishes ATMP class and disease area only one at a time" in note for note in disease.notes
    )
    assert trace_values(view(published, "trials_by_class", filters).figure) == {
        ("TEP", "Akademiska (Uppsala)"): 2
    }


def test_viw005_two_trial_filters_give_the_bounds_the_breakdowns_allow(published):
    filters = Filters(centre=("akademiska",), atmp_class=("tep",), status=("open",))
    assert trial_total(published, filters) == {"akademiska": Range(0, 2, uncertain=True)}
    kpi = kpis(published, filters, "en")[0]
    assert kpi.value == "0–2"
    assert "does not cross ATMP class and status" in kpi.detail
    # Ex vivo GTMP (7) in oncology (8) of Akademiska's 14: at least 1, at most 7.
    crossed = Filters(
        centre=("akademiska",), atmp_class=("ex_vivo_gtmp",), disease_area=("oncology",)
    )
    assert kpis(published, crossed, "en")[0].value == "1–7"


def test_viw006_one_trial_filter_sums_its_breakdown(published):
    exact = {
        centre: trials.value
        for centre, trials in trial_total(published, Filters(status=("open",))).items()
    }
    assert exact == {"karolinska": 12, "akademiska": 6}
    assert {
        centre: trials.value for centre, trials in trial_total(published, Filters()).items()
    } == {"karolinska": 29, "akademiska": 14}


def test_viw007_per_100k_is_computed_not_copied(published):
    figure = view(published, "per_100k").figure
    computed = trace_values(figure, "Computed from trials and population")
    region = "Stockholm–Uppsala<br><span style='font-size:0.8em'>spring 2025</span>"
    assert computed[("Computed from trials and population", region)] == 1.493
    assert kpis(published, Filters(), "en")[3].value == "1.49"
    stated = trace_values(figure, "As stated in the report")
    assert stated[("As stated in the report", region)] == 1.0


def test_viw008_rest_of_sweden_is_derived_marked_and_hidden_with_a_centre(published):
    figure = view(published, "cart").figure
    derived = figure["data"][1]
    assert derived["x"] == [65.8] and derived["text"] == ["≈\u00a066"]
    assert "derived, not published" in derived["y"][0]
    assert derived["marker"]["pattern"]["shape"] == "/"
    with_centre = view(published, "cart", Filters(centre=("karolinska",)))
    assert len(with_centre.figure["data"]) == 1
    assert "only when no centre is chosen" in with_centre.notes[0]


def every_text(published, filters=NO_FILTERS, lang="en") -> str:
    parts = [
        json.dumps(BY_KEY[key].build(published, filters, lang).figure, ensure_ascii=False)
        for key in BY_KEY
    ]
    parts += [f"{k.value} {k.detail}" for k in kpis(published, filters, lang)]
    parts += [str(f) for f in findings(published, lang)]
    return " ".join(parts)


@pytest.mark.parametrize(
    "published_number",
    [
        "43",
        "29",
        "14",
        "13",
        "16",
        "31",
        "38",
        "74",
        "4 products",
        "5 products",
        "63 %",
        "≈\u00a050",
        "≈\u00a020",
        "since 2016",
        "192",
        "91",
        "54",
        "761",
        "909",
        "12",
        "11",
        "7",
        "2.88",
        "175",
        "68.35",
        "17",
        "112",
        "1.49",
        "about 1.0",
        "about 0.25",
        "0.256",
    ],
)
def test_viw009_every_published_number_is_on_the_page(published, published_number):
    assert published_number in every_text(published)


def test_viw010_swedish_labels_and_decimal_comma(published):
    text = every_text(published, lang="sv")
    assert "Barnonkologi" in text and "1,49" in text and "Övriga Sverige" in text
    assert view(published, "per_100k", lang="sv").figure["layout"]["separators"] == ",\u00a0"
    assert number(2880000, "sv") == "2\u00a0880\u00a0000"
    assert t("filter.centre", "sv") == "Centrum"


def test_viw011_quality_findings_cover_the_source_discrepancies(published):
    found = {f.what: f for f in findings(published, "en")}
    assert found["Karolinska, status: breakdown against total"].found == "sums to 31"
    assert found["Stockholm–Uppsala: trials per 100,000 inhabitants"].found == (
        "43 / 2.88 M = 1.49"
    )
    assert (
        "does not follow" in found["Stockholm–Uppsala: trials per 100,000 inhabitants"].explanation
    )
    assert "agrees" in found["United Kingdom: trials per 100,000 inhabitants"].explanation
    readings = [f for f in findings(published, "en") if f.found == "uncertain reading"]
    assert [f.source for f in readings] == ["Figur 1b", "Figur 2b", "Figur 2c"]


def test_viw012_text_on_bars_is_readable():
    assert readable_text_colour("#0072B2") == "#ffffff"
    assert readable_text_colour("#EEDD88") != "#ffffff"


def test_viw013_every_chart_names_its_source_and_has_axis_titles(published):
    for chart in CHARTS:
        assert chart.source(published, "en").startswith("Source:")
        if chart.outside:  # another source than the report, with its own dates
            assert chart.source(published, "en").endswith("not the report.")
            assert "spring 2025" not in chart.source(published, "en")
        else:
            assert chart.source(published, "en").endswith(
                "Data as of spring 2025 (published 2025)."
            )
        assert chart.source(published, "sv").startswith("Källa:")
        figure = chart.build(published, Filters(), "en").figure
        if "xaxis" not in figure["layout"]:  # a map, or a single number: no axes
            continue
        assert figure["layout"]["xaxis"]["title"]["text"], chart.key
        assert all("text" in trace for trace in figure["data"]), chart.key


def test_viw014_synthetic_data_is_marked_on_every_chart_and_the_page(data_copy, published):
    (data_copy / "SYNTHETIC").write_text("made by a test\n", encoding="utf-8")
    snapshot = load_snapshot(data_copy)
    for chart in CHARTS:
        assert "Synthetic sample data — not real figures" in chart.source(snapshot, "en")
        assert "Syntetiska exempeldata" in chart.source(snapshot, "sv")
        assert "Synthetic" not in chart.source(published, "en")

    def page(data):
        return json.dumps(
            create_page(data, None, ViewState(), "", []).to_plotly_json(),
            cls=PlotlyJSONEncoder,
            ensure_ascii=False,
        )

    assert "Synthetic sample data — not real figures. Generated for demonstration" in page(snapshot)
    assert "Synthetic" not in page(published)


def test_viw015_the_swedish_page_shows_the_data_files_swedish_notes_and_sources(published):
    swedish = {finding.explanation for finding in findings(published, "sv")}
    assert (
        "Figur 1c summerar till 31, mot 29 pågående prövningar vid Karolinska: en "
        "motsägelse i rapporten, visad som publicerad."
    ) in swedish
    assert not any("the report" in text for text in swedish)
    assert any(
        "a discrepancy inside the report" in finding.explanation
        for finding in findings(published, "en")
    )
    facts = {what: source for what, _, source, _ in key_facts(published, Filters(), "sv")}
    assert facts["Sveriges första genterapiprodukt till klinisk prövning"] == "Rapporttext, Vecura"
    arm = view(published, "arm", lang="sv")
    assert "Sverige: Rapporten ifrågasätter den svenska siffran." in arm.notes


@pytest.mark.parametrize("key", [chart.key for chart in CHARTS if chart.answers is not None])
def test_viw016_a_chart_that_answers_some_filters_depends_on_only_what_it_declares(published, key):
    """The page keeps such a chart's view for every filter that `depends_on` tells apart."""
    chart = BY_KEY[key]
    pairs = [
        (
            Filters(status=("open",), disease_area=("oncology",)),
            Filters(status=("follow_up",), disease_area=("skin",)),
        ),
        (
            Filters(centre=("akademiska",), atmp_class=("tep",), phase=("phase_1",)),
            Filters(centre=("akademiska",), atmp_class=("sctmp", "combined"), phase=("phase_3",)),
        ),
        (Filters(centre=("akademiska",)), Filters(centre=("karolinska",))),
        (Filters(status=("open",)), Filters(disease_area=("oncology",))),
    ]
    for one, other in pairs:
        if chart.depends_on(one) == chart.depends_on(other):
            assert chart.build(published, one, "sv") == chart.build(published, other, "sv")
    assert chart.depends_on(pairs[3][0]) != chart.depends_on(pairs[3][1])  # different notes


def test_viw020_the_trials_section_opens_with_a_sentence_computed_for_its_scope(
    published, data_copy
):
    from atmp.views.summary import trials_summary

    akademiska = Filters(centre=("akademiska",))
    assert trials_summary(published, NO_FILTERS, "en") == (
        "The cluster runs 43 ongoing ATMP trials: Karolinska 29 and Akademiska (Uppsala) 14; "
        "most in oncology (24)."
    )
    assert trials_summary(published, akademiska, "en") == (
        "Akademiska (Uppsala) runs 14 of the cluster's 43 ongoing ATMP trials; most in "
        "oncology (8); the cluster's only trials of TEP (2)."
    )
    assert trials_summary(published, akademiska, "sv").startswith(
        "Akademiska (Uppsala) har 14 av klustrets 43 pågående ATMP-prövningar; flest inom "
        "onkologi (8)"
    )
    crossed = Filters(centre=("akademiska",), atmp_class=("tep",), status=("open",))
    assert trials_summary(published, crossed, "en").startswith("0–2 of the cluster's 43")
    # Change the data and the sentence changes: Karolinska starts a TEP trial.
    path = data_copy / "trials.csv"
    text = path.read_text(encoding="utf-8")
    text = (
        text.replace("karolinska,total,all,29,", "karolinska,total,all,30,")
        .replace(
            "karolinska,atmp_class,sctmp,8,certain,,Figur 1a,,,",
            "karolinska,atmp_class,sctmp,8,certain,,Figur 1a,,,\n"
            "karolinska,atmp_class,tep,1,certain,,Figur 1a,,,",
        )
        .replace("karolinska,disease_area,cardiology,1,", "karolinska,disease_area,cardiology,2,")
        .replace("karolinska,status,start_up,9,", "karolinska,status,start_up,10,")
    )
    path.write_text(text, encoding="utf-8")
    changed = load_snapshot(data_copy)
    sentence = trials_summary(changed, akademiska, "en")
    assert "of the cluster's 44 ongoing" in sentence and "only trials of TEP" not in sentence
