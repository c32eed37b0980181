"""Sample data: valid, reproducible, shaped by the published numbers, never over real data."""

from __future__ import annotations

import re

import pytest

from atmp.data import SYNTHETIC_MARKER, load_snapshot
from atmp.filters import Filters
from atmp.sample import (
    SampleRefused,
    apportion,
    generate,
    source_text,
    write,
)
from atmp.schema import DATASETS
from atmp.text import number
from atmp.trials import count_trials
from atmp.views import CHARTS, kpis
from atmp.vocab import FILTER_DIMENSIONS
from tests.support.data_files import DATA_DIR, folder_bytes, write_sample


@pytest.fixture(scope="module")
def sample(published, tmp_path_factory):
    """The default sample (seed 7, the published 43 trials), loaded."""
    return load_snapshot(write_sample(published, tmp_path_factory.mktemp("sample")))


def test_smp001_same_seed_same_bytes_other_seed_other_data(published, tmp_path):
    first = folder_bytes(write_sample(published, tmp_path / "a"))
    assert first == folder_bytes(write_sample(published, tmp_path / "b"))
    other = folder_bytes(write_sample(published, tmp_path / "c", seed=8))
    for name in ("trial_register.csv", "cart.csv", "vecura.csv", "vecura_exports.csv"):
        assert other[name] != first[name], name
    assert "seed 7, 43 trials" in first[SYNTHETIC_MARKER].decode()


def test_smp002_folder_loads_marked_synthetic_every_row_says_so(sample):
    assert sample.synthetic
    # The research section and the outside context are optional and not made up: left out.
    left_out = {"trials", "research", "national_trials", "uk_trials"}
    assert set(sample.tables) == {dataset.name for dataset in DATASETS} - left_out
    assert sample.release.source_title == "Synthetic sample (seed 7), not real figures"
    for name, frame in sample.tables.items():
        if name == "release":
            continue
        assert frame["source"].str.startswith("Synthetic sample (seed 7)").all(), name
        swedish = frame["source_sv"] if "source_sv" in frame else frame["source"]
        assert (
            swedish.eq("")
            | swedish.str.startswith(("Syntetiskt exempel (frö 7)", "Synthetic sample (seed 7)"))
        ).all(), name


@pytest.mark.parametrize("dimension", ["atmp_class", "disease_area"])
def test_smp003_classes_and_disease_areas_per_centre_as_published(sample, published, dimension):
    """Figur 1a, 1b, 2a, 2b add up to their totals, so they hold exactly."""
    mine = count_trials(sample.trials, Filters(), by=dimension).exact_counts()
    assert mine == count_trials(published.trials, Filters(), by=dimension).exact_counts()


def test_smp004_trials_per_centre_and_status_as_close_as_the_totals_allow(sample):
    assert count_trials(sample.trials, Filters()).exact_per_centre() == {
        "karolinska": 29,
        "akademiska": 14,
    }
    status = count_trials(sample.trials, Filters(), by="status").exact_counts()
    assert status["akademiska"] == {"start_up": 3, "open": 6, "follow_up": 5}  # Figur 2c
    # Figur 1c's 9, 12, 10 (31) scaled to Karolinska's 29 by largest remainder.
    assert status["karolinska"] == {"start_up": 9, "open": 11, "follow_up": 9}


def test_smp005_apportion_keeps_exact_counts_and_scales_the_rest():
    assert apportion([13, 8, 8], 29).tolist() == [13, 8, 8]
    assert apportion([9, 12, 10], 29).tolist() == [9, 11, 9]
    assert apportion([29, 14], 100_000).tolist() == [67_442, 32_558]
    assert apportion([1, 1, 1], 2).tolist() == [1, 1, 0]


def test_smp006_yearly_series_add_up_to_the_published_totals(sample, published):
    cart = sample["cart"]
    assert cart.groupby("centre")["patients"].sum().to_dict() == {
        "karolinska": 74,
        "akademiska": 38,
    }
    assert cart.groupby("centre")["product"].nunique().to_dict() == {
        "karolinska": 5,
        "akademiska": 4,
    }
    assert set(cart["year"]) == set(range(2019, 2026))
    exemption = sample["hospital_exemption"]
    assert exemption.groupby("centre")["patients"].sum().to_dict() == {
        "akademiska": 50,
        "karolinska": 20,
    }
    assert exemption.loc[exemption["products"] == "keratinocytes", "year"].min() == 2016
    totals = sample["vecura"].groupby("measure")["value"].sum()
    assert totals.to_dict() == published["vecura"].set_index("measure")["value"].to_dict()
    yearly = sample["vecura"].pivot_table(index="year", columns="measure", values="value")
    assert (yearly["patients_incl_imports"] >= yearly["patients"]).all()


def test_smp007_exports_name_11_countries_some_with_fewer_than_5_patients(sample):
    exports = sample["vecura_exports"]
    assert exports["country"].nunique() == 11
    assert re.fullmatch(r"[A-Z]{3}", exports["country"].iloc[0])
    assert (exports["patients"] < 5).any() and (exports["patients"] >= 5).any()


def test_smp008_trial_ids_unique_in_all_three_formats(sample):
    ids = sample["trial_register"]["trial_id"]
    assert ids.is_unique
    kinds = (
        ids.str.replace(r"^NCT\d{8}$", "nct", regex=True)
        .str.replace(r"^\d{4}-5\d{5}-\d{2}-\d{2}$", "eu_ct", regex=True)
        .str.replace(r"^\d{4}-\d{6}-\d{2}$", "eudract", regex=True)
    )
    assert set(kinds) == {"nct", "eu_ct", "eudract"}


def test_smp009_regional_and_key_facts_as_published(sample, published):
    """At the published size: the region's ongoing trials are the sample's 43 as well."""
    for name in ("regional", "key_facts"):
        mine, theirs = (
            frame.drop(columns=["source", "note", "source_sv", "note_sv"])
            for frame in (sample[name], published[name])
        )
        assert mine.equals(theirs), name


def test_smp010_size_of_the_register_changes_nothing_else(published, tmp_path):
    small = folder_bytes(write_sample(published, tmp_path / "small", trials=10))
    default = folder_bytes(write_sample(published, tmp_path / "default"))
    for name in ("cart.csv", "hospital_exemption.csv", "vecura.csv", "vecura_exports.csv"):
        assert small[name] == default[name], name


@pytest.mark.large
def test_smp011_100000_trials_load_in_the_published_proportions(published, tmp_path):
    """The benchmark size: about 0.5 s to write, 1.5 s to load."""
    snapshot = load_snapshot(write_sample(published, tmp_path / "large", trials=100_000))
    assert snapshot.synthetic and snapshot["trial_register"]["trial_id"].is_unique
    per_centre = count_trials(snapshot.trials, Filters()).exact_per_centre()
    assert per_centre == {"karolinska": 67_442, "akademiska": 32_558}
    status = count_trials(snapshot.trials, Filters(), by="status").exact_counts()
    for centre, published_status in {"karolinska": (9, 12, 10), "akademiska": (3, 6, 5)}.items():
        shares = [n / per_centre[centre] for n in status[centre].values()]
        assert shares == pytest.approx(
            [n / sum(published_status) for n in published_status], abs=1e-4
        )
    regional = snapshot["regional"].set_index(["region", "measure"])["value"]
    assert regional["stockholm_uppsala", "ongoing_trials"] == 100_000
    # Every filter answers at this size, and crosses the others (a register).
    crossed = Filters(
        centre=("akademiska",), atmp_class=("sctmp",), status=("open",), phase=("phase_2",)
    )
    for dimension, vocabulary in FILTER_DIMENSIONS.items():
        for filters in [Filters(**{dimension: (code,)}) for code in vocabulary.codes()] + [crossed]:
            expected = count_trials(snapshot.trials, filters).total().value
            assert kpis(snapshot, filters, "en")[0].value == number(expected, "en")
            assert all(
                not chart.build(snapshot, filters, "en").notes
                for chart in CHARTS
                if chart.section == "trials" and expected
            )


def test_smp012_refuses_the_published_folder_and_unmarked_data(published, data_copy, tmp_path):
    tables = generate(published)
    before = folder_bytes(DATA_DIR)
    for folder in (DATA_DIR, DATA_DIR / "sample", data_copy):
        with pytest.raises(SampleRefused):
            write(tables, folder, "marker", DATA_DIR)
    assert folder_bytes(DATA_DIR) == before
    assert not (data_copy / SYNTHETIC_MARKER).exists()
    assert not (data_copy / "trial_register.csv").exists()


def test_smp013_rewrites_a_sample_folder_dropping_stale_data_files(published, data_copy):
    (data_copy / SYNTHETIC_MARKER).write_text("an earlier sample\n", encoding="utf-8")
    write_sample(published, data_copy)
    assert not (data_copy / "trials.csv").exists()  # would clash with trial_register.csv
    assert load_snapshot(data_copy).synthetic
    assert source_text(7) in (data_copy / "cart.csv").read_text(encoding="utf-8")
