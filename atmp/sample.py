"""Synthetic sample data: a complete, valid data folder made from a seed.

For demos, tests and benchmarks. The numbers are invented, but shaped by the
published ones (read from the published snapshot, never re-typed): at the
region's real size every published trial breakdown per centre holds where it
can, and the yearly series add up to the published totals. Every row says in
`source` that it is synthetic, and the folder carries the SYNTHETIC marker, so
the app marks every screen. The output depends only on the seed and the size.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from atmp.data import SYNTHETIC_MARKER, Snapshot, dataset_files
from atmp.filters import Filters
from atmp.schema import ALL, DATASETS, MULTIPLE_SEPARATOR
from atmp.trials import count_trials
from atmp.vocab import (
    ATMP_CLASS,
    CART_PRODUCT,
    CENTRE,
    COUNTRY,
    DISEASE_AREA,
    PHASE,
    SPONSOR_TYPE,
    TRIAL_DIMENSIONS,
    VECURA_MEASURE,
    Vocabulary,
)

DEFAULT_SEED = 7
MAX_TRIALS = 100_000
YEARS = range(2019, 2026)  # the yearly series; a hospital exemption starts at its since_year

# Not published (Figur 3 and 4 have no numbers in the report's text): invented shares.
INVENTED_SHARES = {
    "phase": (PHASE, {"phase_1": 4, "phase_1_2": 4, "phase_2": 3, "phase_2_3": 1, "phase_3": 2})
}
SPONSOR_SHARES = {"academic": 11, "industry": 9}
OWN_PRODUCT_SHARE_OF_ACADEMIC = 0.5
# A trial's start year follows its status: start-up trials are new, follow-up ones older.
START_YEARS = {"start_up": (2024, 2025), "open": (2019, 2025), "follow_up": (2014, 2022)}
EU_CT_FROM = 2023  # trials started under the EU Clinical Trials Regulation have an EU CT number

# Vecura measures that add up over years; distinct products and classes do not.
VECURA_YEARLY = ("batches", "dose_preparations", "imports", "patients")
# Patients including imports: the patients plus those treated with imported products.
VECURA_WITH_IMPORTS = ("patients_incl_imports", "patients")


class SampleRefused(Exception):
    """The folder may hold real data: sample data is never written there."""


def source_text(seed: int) -> str:
    return f"Synthetic sample (seed {seed}), not real figures"


def marker_text(seed: int, trials: int) -> str:
    """The SYNTHETIC file: what made the folder, without a date, so the output is reproducible."""
    return (
        f"Synthetic sample data, not real figures: never publish them.\n"
        f"Made by `python -m atmp sample` (atmp/sample.py), seed {seed}, {trials} trials.\n"
    )


def apportion(weights, total: int) -> np.ndarray:
    """Whole numbers proportional to `weights` that add up to `total` (largest remainder).

    In integers, so weights that already add up to `total` come back unchanged.
    """
    weights = np.asarray(weights, dtype=np.int64)
    counts, remainders = np.divmod(weights * total, weights.sum())
    counts[np.argsort(-remainders, kind="stable")[: total - int(counts.sum())]] += 1
    return counts


def _shuffled(vocabulary: Vocabulary, counts: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    return rng.permutation(np.repeat(np.array(vocabulary.codes(), dtype=object), counts))


def _shares(vocabulary: Vocabulary, shares: dict[str, int]) -> np.ndarray:
    return np.array([shares[code] for code in vocabulary.codes()])


def published_shares(published: Snapshot) -> dict[str, dict[str, np.ndarray]]:
    """Trials per centre and category, in vocabulary order, for each trial breakdown.

    Read through `count_trials`, so published aggregates and a register serve
    alike; a breakdown the source does not publish gets its invented shares.
    """
    shares: dict[str, dict[str, np.ndarray]] = {}
    for dim, vocabulary in TRIAL_DIMENSIONS.items():
        counts = count_trials(published.trials, Filters(), by=dim).exact_counts()
        shares[dim] = {
            centre: np.array([mine.get(code, 0) for code in vocabulary.codes()])
            for centre, mine in counts.items()
        }
        for centre in CENTRE.codes():
            if centre not in shares[dim]:
                shares[dim][centre] = _shares(*INVENTED_SHARES[dim])
    return shares


def _centre_trials(
    shares, centre: str, size: int, rng: np.random.Generator
) -> dict[str, np.ndarray]:
    """One centre's trials: each breakdown in its published proportions, crossed at random.

    Figur 1c (status at Karolinska) sums to 31 against 29 trials: like every
    breakdown it is scaled to the centre's total by largest remainder, which
    gives start-up 9, open 11, follow-up 9. The other published breakdowns add
    up to their totals, so at the real size they hold exactly.
    """
    columns = {"centre": np.full(size, centre, dtype=object)}
    for dim, vocabulary in TRIAL_DIMENSIONS.items():
        columns[dim] = _shuffled(vocabulary, apportion(shares[dim][centre], size), rng)
    columns["sponsor_type"] = _shuffled(
        SPONSOR_TYPE, apportion(_shares(SPONSOR_TYPE, SPONSOR_SHARES), size), rng
    )
    own = (columns["sponsor_type"] == "academic") & (
        rng.random(size) < OWN_PRODUCT_SHARE_OF_ACADEMIC
    )
    columns["own_product"] = np.where(own, "yes", "no").astype(object)
    years = pd.DataFrame(START_YEARS, index=["first", "last"]).T.loc[columns["status"]]
    columns["start_year"] = rng.integers(years["first"].to_numpy(), years["last"].to_numpy() + 1)
    return columns


def _serials(count: int, space: int, rng: np.random.Generator) -> np.ndarray:
    """`count` distinct numbers below `space` in random order: one per stride, so never equal."""
    stride = space // max(count, 1)
    return rng.permutation(np.arange(count) * stride + rng.integers(0, stride, count))


def trial_ids(start_year: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Unique, valid ids: EU CT numbers from 2023, before that EudraCT or ClinicalTrials.gov."""
    eu_ct = start_year >= EU_CT_FROM
    nct = ~eu_ct & (rng.random(len(start_year)) < 0.5)
    formats = (
        (eu_ct, 10**7, lambda year, n: f"{year}-5{n // 100:05d}-{n % 100:02d}-00"),
        (~eu_ct & ~nct, 10**8, lambda year, n: f"{year}-{n // 100:06d}-{n % 100:02d}"),
        (nct, 10**7, lambda year, n: f"NCT0{n:07d}"),
    )
    ids = np.empty(len(start_year), dtype=object)
    for chosen, space, write in formats:
        where = np.flatnonzero(chosen)
        serials = _serials(len(where), space, rng)
        ids[where] = [
            write(year, n)
            for year, n in zip(start_year[where].tolist(), serials.tolist(), strict=True)
        ]
    return ids


def _english(vocabulary: Vocabulary, codes: np.ndarray) -> pd.Series:
    return pd.Series(codes).map({term.code: term.en for term in vocabulary.terms})


def _table(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """A dataset's columns in the order of its definition, blank where not given."""
    columns = next(dataset.columns for dataset in DATASETS if dataset.name == name)
    return frame.reindex(columns=[column.name for column in columns], fill_value="")


def trial_register(
    published: Snapshot, trials: int, seed: int, rng: np.random.Generator
) -> pd.DataFrame:
    """`trials` trials, split between the centres as the published totals are."""
    per_centre = count_trials(published.trials, Filters()).exact_per_centre()
    centres = [centre for centre in CENTRE.codes() if centre in per_centre]
    sizes = apportion([per_centre[centre] for centre in centres], trials)
    shares = published_shares(published)
    parts = [
        _centre_trials(shares, centre, int(size), rng)
        for centre, size in zip(centres, sizes, strict=True)
    ]
    frame = pd.DataFrame(
        {name: np.concatenate([part[name] for part in parts]) for name in parts[0]}
    )
    frame["trial_id"] = trial_ids(frame["start_year"].to_numpy(), rng)
    frame["title"] = (
        _english(ATMP_CLASS, frame["atmp_class"])
        + " in "
        + _english(DISEASE_AREA, frame["disease_area"]).str.lower()
        + " (synthetic trial)"
    )
    frame["source"] = source_text(seed)
    return _table("trial_register", frame)


def _yearly(total: int, years: int, rng: np.random.Generator) -> np.ndarray:
    """`total` split over `years`, growing over time, with noise; adds up exactly."""
    weights = np.linspace(1.0, 2.0, years) * rng.uniform(0.6, 1.4, years)
    return rng.multinomial(total, weights / weights.sum())


def _series(keys: dict, total: int, years: range, rng: np.random.Generator) -> list[dict]:
    """One row per year for `keys`, the patients adding up to `total`."""
    return [
        {**keys, "year": year, "patients": int(count)}
        for year, count in zip(years, _yearly(total, len(years), rng), strict=True)
    ]


def cart(published: Snapshot, seed: int, rng: np.random.Generator) -> pd.DataFrame:
    """Patients per centre, year and product, adding up to each centre's published total.

    A centre uses as many products as it published, each for one patient at least.
    """
    rows = []
    for centre, group in published["cart"].groupby("centre", sort=False):
        patients, products = int(group["patients"].sum()), int(group["products"].max())
        chosen = np.sort(rng.choice(len(CART_PRODUCT.codes()), products, replace=False))
        split = 1 + rng.multinomial(patients - products, rng.dirichlet(np.ones(products)))
        for product, total in zip(chosen, split, strict=True):
            rows += _series(
                {"centre": centre, "product": CART_PRODUCT.codes()[product]}, int(total), YEARS, rng
            )
    return _table("cart", pd.DataFrame(rows).assign(source=source_text(seed)))


def hospital_exemption(published: Snapshot, seed: int, rng: np.random.Generator) -> pd.DataFrame:
    """Patients per centre, therapy and year since the count's start (2016 for keratinocytes)."""
    rows = []
    for row in published["hospital_exemption"].itertuples():
        first = YEARS[0] if pd.isna(row.since_year) else int(row.since_year)
        therapies = row.products.split(MULTIPLE_SEPARATOR)
        split = rng.multinomial(row.patients, np.full(len(therapies), 1 / len(therapies)))
        for therapy, total in zip(therapies, split, strict=True):
            rows += _series(
                {"centre": row.centre, "products": therapy},
                int(total),
                range(first, YEARS[-1] + 1),
                rng,
            )
    return _table("hospital_exemption", pd.DataFrame(rows).assign(source=source_text(seed)))


def vecura(published: Snapshot, seed: int, rng: np.random.Generator) -> pd.DataFrame:
    """Yearly values of the measures that add up, the published totals of the others."""
    values = published["vecura"].groupby("measure")["value"].sum()
    yearly = {
        measure: _yearly(int(values[measure]), len(YEARS), rng)
        for measure in VECURA_YEARLY
        if measure in values
    }
    with_imports, patients = VECURA_WITH_IMPORTS
    if with_imports in values and patients in yearly:
        imported = int(values[with_imports] - values[patients])
        yearly[with_imports] = yearly[patients] + _yearly(imported, len(YEARS), rng)
    rows = []
    for measure in (code for code in VECURA_MEASURE.codes() if code in values):
        if measure in yearly:
            rows += [
                {"measure": measure, "year": year, "value": int(value)}
                for year, value in zip(YEARS, yearly[measure], strict=True)
            ]
        else:
            rows.append({"measure": measure, "year": "", "value": int(values[measure])})
    return _table("vecura", pd.DataFrame(rows).assign(source=source_text(seed)))


def vecura_exports(published: Snapshot, seed: int, rng: np.random.Generator) -> pd.DataFrame:
    """Patients per recipient country and year, as many countries as published (Figur 9).

    Half the countries receive little, so counts below 5 occur: they exercise
    the rule that small numbers of patients are not shown.
    """
    exports = published["vecura_exports"]
    count = int(exports.loc[exports["country"] == ALL, "countries"].sum())
    countries = np.sort(rng.choice(len(COUNTRY.codes()), count, replace=False))
    means = rng.permutation(
        np.where(
            np.arange(count) < count // 2,
            rng.uniform(0.2, 2.0, count),
            rng.uniform(4.0, 20.0, count),
        )
    )
    patients = 1 + rng.poisson(means[:, None], (count, len(YEARS)))
    rows = [
        {
            "country": COUNTRY.codes()[country],
            "year": year,
            "countries": 1,
            "patients": int(patients[i, j]),
        }
        for i, country in enumerate(countries)
        for j, year in enumerate(YEARS)
    ]
    return _table("vecura_exports", pd.DataFrame(rows).assign(source=source_text(seed)))


def _number(value: float) -> str:
    """2880000, not 2880000.0: as the published file writes it."""
    return str(int(value)) if float(value).is_integer() else str(value)


def _as_published(frame: pd.DataFrame, name: str, seed: int) -> pd.DataFrame:
    """A published table copied whole, each row saying it is part of a synthetic folder.

    The Swedish source says so too; the Swedish page falls back to it only where given.
    """
    swedish = frame["source_sv"].where(frame["source_sv"] != "", frame["source"])
    return _table(
        name,
        frame.assign(
            value=frame["value"].map(_number),
            source=f"Synthetic sample (seed {seed}), as published: " + frame["source"],
            source_sv=f"Syntetiskt exempel (frö {seed}), som publicerat: " + swedish,
        ),
    )


def regional(published: Snapshot, trials: int, seed: int) -> pd.DataFrame:
    """As published, but the region's ongoing trials are the sample's, so the two agree."""
    frame = published["regional"].copy()
    ongoing = (frame["region"] == "stockholm_uppsala") & (frame["measure"] == "ongoing_trials")
    frame.loc[ongoing, "value"] = trials
    frame.loc[ongoing, "note"] = "The number of trials in this synthetic sample."
    frame.loc[ongoing, "note_sv"] = "Antalet prövningar i detta syntetiska exempel."
    return _as_published(frame, "regional", seed)


def release(published: Snapshot, seed: int) -> pd.DataFrame:
    """The published release's period and date, named as the synthetic sample it is."""
    record = published["release"].iloc[0].to_dict()
    record.update(
        title=f"Synthetic sample (seed {seed}), not real figures",
        title_sv=f"Syntetiskt exempel (frö {seed}), inte verkliga siffror",
        publisher="atmp sample (synthetic data)",
        publisher_sv="atmp sample (syntetiska data)",
        source_title=source_text(seed),
        source_url="",
        licence="",
        citation="Synthetic sample data: not to be cited.",
        citation_sv="Syntetiska exempeldata: citera dem inte.",
        next_update="",
        contact="",
        note="Made by `atmp sample`; the period and date are the published release's.",
        note_sv="Skapad av `atmp sample`; perioden och datumet är den publicerade utgåvans.",
    )
    return _table("release", pd.DataFrame([record]))


def generate(
    published: Snapshot, seed: int = DEFAULT_SEED, trials: int | None = None
) -> dict[str, pd.DataFrame]:
    """Every dataset of a sample folder; `trials` defaults to the published number.

    Each dataset draws from its own stream of the seed, so the size of the
    trial register changes nothing else.
    """
    if trials is None:
        trials = sum(count_trials(published.trials, Filters()).exact_per_centre().values())
    if not 1 <= trials <= MAX_TRIALS:
        raise ValueError(f"the number of trials must be 1 to {MAX_TRIALS:,}, not {trials}")
    streams = np.random.default_rng(seed).spawn(5)
    return {
        "trial_register": trial_register(published, trials, seed, streams[0]),
        "cart": cart(published, seed, streams[1]),
        "hospital_exemption": hospital_exemption(published, seed, streams[2]),
        "vecura": vecura(published, seed, streams[3]),
        "vecura_exports": vecura_exports(published, seed, streams[4]),
        "regional": regional(published, trials, seed),
        "key_facts": _as_published(published["key_facts"], "key_facts", seed),
        "release": release(published, seed),
    }


def refusal(out_dir: Path, published_dir: Path) -> str | None:
    """Why sample data must not go to `out_dir`, or None when it may."""
    if out_dir.resolve().is_relative_to(published_dir.resolve()):
        return (
            f"{out_dir} is in the project's published data folder ({published_dir}): "
            f"sample data never goes there"
        )
    if out_dir.exists() and not out_dir.is_dir():
        return f"{out_dir} is a file, not a folder"
    held = [path.name for dataset in DATASETS for path in dataset_files(out_dir, dataset)]
    if held and not (out_dir / SYNTHETIC_MARKER).is_file():
        return (
            f"{out_dir} holds data files ({', '.join(held)}) without a {SYNTHETIC_MARKER} "
            f"marker, so they may be real data: choose another folder"
        )
    return None


def write(
    tables: dict[str, pd.DataFrame], out_dir: Path, marker: str, published_dir: Path
) -> list[Path]:
    """Write a sample folder, marker first, so synthetic data never stands unmarked.

    Into an existing sample folder, data files of an earlier run that this one
    does not write (trials.csv, workbooks) are removed: two trial sources would
    make the folder invalid.
    """
    reason = refusal(out_dir, published_dir)
    if reason:
        raise SampleRefused(reason)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / SYNTHETIC_MARKER).write_text(marker, encoding="utf-8", newline="\n")
    written = []
    for dataset in DATASETS:
        path = out_dir / f"{dataset.name}.csv"
        for stale in dataset_files(out_dir, dataset):
            if stale != path or dataset.name not in tables:
                stale.unlink()
        if dataset.name in tables:
            tables[dataset.name].to_csv(path, index=False, lineterminator="\n")
            written.append(path)
    return written
