"""Decks: the link's encoding, the edits, the slides' content and the PowerPoint file."""

from __future__ import annotations

import base64
import io
import json
import re
import string
import subprocess
import zlib
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pptx import Presentation

from atmp.data import DataError, load_snapshot
from atmp.deck import MAX_SLIDES, Deck, DeckError, Slide, decode, default_deck, encode
from atmp.deck_pptx import file_name
from atmp.exports import chart_rows
from atmp.filters import Filters
from atmp.state import Offer, ViewState, from_query
from atmp.views import CHARTS as VIEW_CHARTS
from atmp.views import offer
from atmp.vocab import FILTER_DIMENSIONS
from callbacks.deck import edited_deck
from components import ids
from tests.support.fuzzing import REQUEST_FUZZ

CHARTS = ("trials_by_class", "trials_by_status", "cart", "vecura")
OFFER = Offer(CHARTS)
DIMENSIONS = tuple(FILTER_DIMENSIONS)


def filters_strategy():
    return st.builds(
        Filters,
        **{
            dim: st.lists(st.sampled_from(vocab.codes()), unique=True).map(
                lambda codes, vocab=vocab: tuple(c for c in vocab.codes() if c in codes)
            )
            for dim, vocab in FILTER_DIMENSIONS.items()
        },
    )


slides = st.one_of(
    st.builds(
        Slide,
        st.just("chart"),
        st.sampled_from(CHARTS),
        st.one_of(st.none(), filters_strategy()),
        st.text(max_size=40),
        st.text(max_size=200),
    ),
    st.builds(
        Slide,
        st.sampled_from(("title", "key_figures", "caveats", "sources")),
        st.just(""),
        st.one_of(st.none(), filters_strategy()),
        st.text(max_size=40),
        st.text(max_size=200),
    ),
)


@given(st.lists(slides, max_size=12), st.text(max_size=30))
@REQUEST_FUZZ
def test_dck001_any_deck_survives_the_link(chosen, name):
    deck = Deck(tuple(chosen), name)
    value = encode(deck)
    assert re.fullmatch(r"1[A-Za-z0-9_-]+", value)  # nothing a mail client re-encodes
    assert decode(value, CHARTS, DIMENSIONS) == deck
    state = ViewState(deck=deck, present=True, slide=max(len(deck), 1))
    assert from_query(state.to_query(), OFFER) == (state, [])


def test_dck002_fifteen_slides_with_their_own_filters_and_notes_stay_a_short_link():
    centres = ((), ("karolinska",), ("akademiska",))
    deck = Deck(
        tuple(
            Slide(
                "chart",
                CHARTS[number % len(CHARTS)],
                Filters(centre=centres[number % 3], status=("open",) if number % 2 else ()),
                f"Heading of slide {number}",
                f"Say what the numbers mean for slide {number}, then move on to the next.",
            )
            for number in range(15)
        ),
        "Cluster meeting, December",
    )
    query = ViewState(deck=deck).to_query()
    assert len(query) < 2000, len(query)
    assert decode(query.removeprefix("?deck="), CHARTS, DIMENSIONS) == deck


def _packed(text: bytes) -> str:
    return "1" + base64.urlsafe_b64encode(zlib.compress(text)).decode().rstrip("=")


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("", "version"),
        ("2eNqLjgUAARUAuQ", "version"),
        (encode(Deck((Slide("title"),)))[:-6], "damaged"),  # cut short in a mail
        ("1!!!", "damaged"),
        ("1" + base64.urlsafe_b64encode(b"not zlib").decode(), "damaged"),
        (_packed(b"not json"), "damaged"),
        (_packed(b'{"a": 1}'), "damaged"),
        (_packed(b'["", [["x"]]]'), "damaged"),
        (_packed(b'["", [["c"]]]'), "damaged"),  # a chart slide without its chart
        (_packed(b'["", [["t", "cart"]]]'), "damaged"),  # a chart on a title slide
        (_packed(b'["", [["c", "mars"]]]'), "chart"),
        (_packed(b'["", [["c", "cart", "centre=mars"]]]'), "filters"),
        (_packed(b'["", [["c", "cart", 5]]]'), "damaged"),
        (_packed(json.dumps(["", [["t"]] * (MAX_SLIDES + 1)]).encode()), "damaged"),
        (_packed(b" " * 10_000_000), "damaged"),  # a zip bomb inflates no further than a deck
    ],
)
def test_dck003_a_bad_deck_is_named_for_what_is_wrong(value, reason):
    with pytest.raises(DeckError) as raised:
        decode(value, CHARTS, DIMENSIONS)
    assert str(raised.value) == reason


@given(st.text(alphabet=string.ascii_letters + string.digits + "-_", min_size=1, max_size=300))
@REQUEST_FUZZ
def test_dck004_any_value_is_a_deck_or_a_notice_never_an_error(value):
    state, unknown = from_query(f"?deck={value}&present=1", OFFER)
    assert (state.deck is not None) != any(u.startswith("deck=") for u in unknown)


def test_dck005_a_damaged_deck_plays_the_default_deck_with_a_notice_in_the_links_language():
    state, unknown = from_query("?deck=1eNqLVlLSiY5W&present=1&lang=sv", OFFER)
    assert state.deck is None and state.present
    assert len(state.slides(OFFER)) == len(CHARTS) + 3
    assert unknown == [
        "deck=1eNqLVlLSiY5… (bildserien i länken är skadad (avkortad i ett mejl?): "
        "standardserien visas)"
    ]
    # A slide number the deck does not have is named too.
    own = ViewState(deck=Deck((Slide("title"), Slide("sources"))))
    _, unknown = from_query(own.to_query() + "&present=1&slide=3", OFFER)
    assert unknown == ["slide=3"]


def test_dck006_the_default_deck_is_title_key_figures_every_chart_and_sources():
    deck = default_deck(CHARTS)
    assert [slide.kind for slide in deck.slides] == [
        "title",
        "key_figures",
        *["chart"] * len(CHARTS),
        "sources",
    ]
    assert all(slide.filters is None for slide in deck.slides)  # the page's filters
    assert ViewState(chart="cart", present=True).first_slide_of(deck) == 5


def _edit(shown: ViewState, trigger, texts=(), name=None) -> Deck:
    return edited_deck(shown, OFFER, trigger, list(texts), name)


def test_dck007_edits_add_reorder_remove_annotate_and_insert():
    page = ViewState(filters=Filters(centre=("karolinska",)))
    # Adding to the default deck starts one's own, with the page's filters captured.
    deck = _edit(page, ids.deck_add("cart"))
    assert deck == Deck((Slide("chart", "cart", Filters(centre=("karolinska",))),))
    page = replace(page, deck=deck, filters=Filters())
    deck = _edit(page, ids.deck_add("vecura"))
    assert [s.filters for s in deck.slides] == [Filters(centre=("karolinska",)), Filters()]
    page = replace(page, deck=deck)
    assert [s.chart for s in _edit(page, ids.deck_edit("up", 1)).slides] == ["vecura", "cart"]
    assert [s.chart for s in _edit(page, ids.deck_edit("down", 0)).slides] == ["vecura", "cart"]
    assert _edit(page, ids.deck_edit("down", 1)) == deck  # at the end it stays
    assert [s.chart for s in _edit(page, ids.deck_edit("remove", 0)).slides] == ["vecura"]
    inserted = _edit(page, ids.deck_edit("insert-title", -1))
    assert [s.kind for s in inserted.slides] == ["title", "chart", "chart"]
    fields = [
        {"id": ids.deck_text("heading", 1), "value": "Vecura grows"},
        {"id": ids.deck_text("notes", 1), "value": "Mention the new clean rooms."},
    ]
    noted = _edit(page, ids.deck_text("notes", 1), fields)
    assert (noted.slides[1].heading, noted.slides[1].notes) == (
        "Vecura grows",
        "Mention the new clean rooms.",
    )
    assert _edit(page, ids.DECK_NAME, name="  Cluster   meeting ").name == "Cluster meeting"
    # Editing the default deck edits a copy of it.
    copied = _edit(ViewState(), ids.deck_edit("remove", 0))
    assert [s.kind for s in copied.slides][:2] == ["key_figures", "chart"]


@pytest.mark.parametrize(
    "trigger",
    [
        {"type": "deck-add", "chart": "mars"},
        {"type": "deck-edit", "action": "up", "index": "1"},
        {"type": "deck-edit", "action": "insert-chart", "index": 0},
        {"type": "deck-edit", "action": "explode", "index": 0},
        {"type": "deck-text", "field": "notes", "index": 99},
    ],
)
def test_dck008_a_crafted_edit_changes_nothing(trigger):
    page = ViewState(deck=Deck((Slide("title"), Slide("chart", "cart"))))
    assert _edit(page, trigger) == page.deck


def test_dck009_the_file_is_named_by_deck_scope_language_and_release():
    assert (
        file_name("Klustermöte, december!", ("karolinska",), "sv", "spring-2025")
        == "klustermote-december-karolinska-sv-spring-2025.pptx"
    )
    assert file_name("", (), "en", "spring-2025") == "atmp-deck-cluster-en-spring-2025.pptx"


# The PowerPoint file.

THREE_VIEWS = Deck(
    (
        Slide("title", heading="Cluster meeting"),
        Slide("chart", "trials_by_class", Filters(centre=("karolinska",)), notes="Start here."),
        Slide("chart", "trials_by_class", Filters(centre=("akademiska",)), "Uppsala's mix"),
        Slide("chart", "cart", Filters()),
        Slide("key_figures", filters=Filters(centre=("akademiska",))),
        Slide("caveats"),
        Slide("sources"),
    ),
    "Cluster meeting",
)


def _pptx(client, search: str):
    answer = client.get(f"/download/deck.pptx{search}")
    assert answer.status_code == 200, answer.get_data(as_text=True)
    return answer, Presentation(io.BytesIO(answer.data))


def _texts(slide) -> str:
    return " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def test_dck010_each_chart_slide_is_a_native_chart_of_the_numbers_its_filters_show(
    client, published
):
    answer, deck = _pptx(client, ViewState(deck=THREE_VIEWS).to_query())
    assert (
        'filename="cluster-meeting-cluster-en-spring-2025.pptx"'
        in answer.headers["Content-Disposition"]
    )
    slides = list(deck.slides)
    assert len(slides) == len(THREE_VIEWS)
    charts = {chart.key: chart for chart in VIEW_CHARTS}
    for slide, planned in zip(slides, THREE_VIEWS.slides, strict=True):
        if planned.kind != "chart":
            assert not any(shape.has_chart for shape in slide.shapes)
            continue
        chart = charts[planned.chart]
        (frame,) = [shape for shape in slide.shapes if shape.has_chart]
        drawn = {
            (series.name, category.split(" (Σ")[0]): value
            for plot in frame.chart.plots
            for series in plot.series
            for category, value in zip(plot.categories, series.values, strict=True)
            if value is not None
        }
        view = chart.build(published, planned.filters, "en")
        shown = {
            (row.series or " ", row.category): row.value
            for row in chart_rows(view.figure)
            if row.series and row.value is not None
        }
        assert drawn == shown, planned
        # The scope in the title (or under a heading), the filters and the source.
        text = _texts(slide)
        assert chart.scoped_title(planned.filters, "en") in text
        assert "Filters: " in text and "Source: " in text
        assert slide.has_notes_slide == bool(planned.notes)
    assert slides[1].notes_slide.notes_text_frame.text == "Start here."
    assert "Uppsala's mix" in _texts(slides[2])
    assert "Karolinska" in _texts(slides[1]) and "Akademiska (Uppsala)" not in _texts(slides[1])
    assert "Cluster meeting" in _texts(slides[0])
    assert "14" in _texts(slides[4])  # Akademiska's trials on its key-figures slide


def test_dck011_marks_as_on_screen_uncertain_bars_dotted_and_labelled(client):
    _, deck = _pptx(client, "?centre=akademiska&chart=trials_by_status&present=1")
    slide = next(s for s in deck.slides if "Trials by status" in _texts(s))
    (frame,) = [shape for shape in slide.shapes if shape.has_chart]
    labels = [
        point.data_label.text_frame.text
        for series in frame.chart.plots[0].series
        for point in series.points
        if point.data_label.has_text_frame
    ]
    assert "3*" in labels and "6*" in labels  # the uncertain reading, marked as on the page
    assert "Uncertain reading" in _texts(slide)


@pytest.mark.parametrize(
    "search",
    ["?deck=1zz", "?deck=2abc", "?centre=mars", "?slide=-1&present=1", "?deck=" + "A" * 3000],
)
def test_dck012_a_bad_link_gets_a_message_not_an_error(client, search):
    answer = client.get(f"/download/deck.pptx{search}")
    assert answer.status_code == 400
    assert "Use the page's own link" in answer.get_json()["error"]


@pytest.mark.server
def test_dck013_libreoffice_opens_the_deck(client, tmp_path):
    answer, _ = _pptx(client, ViewState(deck=THREE_VIEWS, lang="sv").to_query())
    path = tmp_path / "deck.pptx"
    path.write_bytes(answer.data)
    done = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    pdf = (tmp_path / "deck.pdf").read_bytes()
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == len(THREE_VIEWS)


def test_dck014_the_handout_is_a_view_of_its_own_that_leaves_to_the_page():
    page = ViewState(filters=Filters(centre=("karolinska",)))
    moves = page.moves(OFFER)
    assert moves["handout"] == "handout=1"
    handout, unknown = from_query("?centre=karolinska&handout=1", OFFER)
    assert handout == replace(page, handout=True) and unknown == []
    assert handout.moves(OFFER)["exit"] == ""
    presenting, _ = from_query("?handout=1&present=1", OFFER)  # presenting wins
    assert presenting.present and not presenting.handout


# Decks in the data folder.


def test_dck015_a_deck_file_is_offered_in_the_pages_language(published):
    offered = offer(published)
    assert [name for name, _ in offered.decks] == ["cluster-meeting"]
    for lang, heading in (
        ("en", "ATMP in the cluster: where we stand"),
        ("sv", "ATMP i klustret: läget"),
    ):
        move = ViewState(lang=lang).moves(offered)["deck_cluster-meeting"]
        state, unknown = from_query(f"?{move}", offered)
        assert unknown == [] and state.lang == lang
        assert [s.kind for s in state.deck.slides][:3] == ["title", "key_figures", "chart"]
        assert state.deck.slides[0].heading == heading
        assert state.deck.slides[2].filters == Filters(centre=("karolinska",))


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("chapter,,,,", "row 3, column 'slide': unknown slide kind code 'chapter'"),
        ("chart,,,,", "row 3, column 'chart': a chart slide needs one of the dashboard's charts"),
        ("chart,maps,,,", "row 3, column 'chart': a chart slide needs one of the dashboard's"),
        ("sources,cart,,,", "row 3, column 'chart': a sources slide has no chart"),
        ("chart,cart,mars,,", "row 3, column 'centre': unknown centre code 'mars'"),
        ("chart,cart,,open+maybe,", "row 3, column 'status': unknown status code 'maybe'"),
    ],
)
def test_dck016_a_broken_deck_file_is_named_by_file_row_and_column(data_copy, row, problem):
    folder = data_copy / "decks"
    (folder / "board.csv").write_text(
        f"slide,chart,centre,status,notes\ntitle,,,,Hello\n{row}\n", encoding="utf-8"
    )
    with pytest.raises(DataError) as raised:
        load_snapshot(data_copy)
    found = [str(p) for p in raised.value.problems]
    assert len(found) == 1 and found[0].startswith(f"decks/board.csv, {problem}"), found


def test_dck017_a_deck_file_with_a_chart_the_data_cannot_draw_is_not_offered(data_copy):
    (data_copy / "decks" / "phases.csv").write_text(
        "slide,chart\ntitle,\nchart,trials_by_phase\n", encoding="utf-8"
    )
    snapshot = load_snapshot(data_copy)
    assert set(snapshot.decks) == {"cluster-meeting", "phases"}
    assert [name for name, _ in offer(snapshot).decks] == ["cluster-meeting"]


@given(
    st.dictionaries(
        st.sampled_from(["deck", "centre", "present", "slide", "lang", "handout", "x"]),
        st.text(max_size=60),
        max_size=4,
    )
)
@REQUEST_FUZZ
def test_dck018_a_made_up_deck_download_gets_a_file_or_a_message_never_an_error(client, params):
    answer = client.get("/download/deck.pptx", query_string=params)
    assert answer.status_code in (200, 400), answer.status_code
    if answer.status_code == 400:
        assert answer.get_json()["error"]
    else:
        assert answer.mimetype.endswith("presentationml.presentation")


def test_dck019_a_slide_whose_filters_leave_no_data_says_so_without_an_empty_chart(client):
    empty = Deck(
        (Slide("chart", "trials_by_class", Filters(centre=("karolinska",), atmp_class=("tep",))),)
    )
    _, deck = _pptx(client, ViewState(deck=empty).to_query())
    (slide,) = deck.slides
    assert not any(shape.has_chart for shape in slide.shapes)
    assert "No data for the chosen filters." in _texts(slide)
