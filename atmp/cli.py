"""The `atmp` command (also `python -m atmp`), for the people who update the data.

`atmp check-data DIR` says whether a folder would be served, and if not, every
problem with where it is and how to fix it; a folder that is served may still get
warnings from checks across its files. `atmp template OUT.xlsx` writes a workbook to
start a data update from; `atmp diff OLD NEW` lists every number that changed
between two releases. `atmp sample OUT_DIR` writes a
synthetic folder for demos, tests and benchmarks.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from atmp.crosscheck import warnings
from atmp.data import DataError, Snapshot, dataset_files, load_snapshot
from atmp.filters import Filters
from atmp.releases import changes
from atmp.sample import DEFAULT_SEED, MAX_TRIALS, SampleRefused, generate, marker_text, write
from atmp.schema import DATASETS
from atmp.settings import DEFAULT_DATA_DIR, SettingError, read_settings
from atmp.template import template_xlsx
from atmp.trials import count_trials
from atmp.vocab import CENTRE

# Exit codes: 1 the data is invalid (as a test fails), 2 the command was refused (as argparse).
INVALID, REFUSED = 1, 2


def summary(snapshot: Snapshot) -> list[str]:
    """What a valid folder holds: its files, rows per file, trials per centre."""
    kind = (
        "synthetic (SYNTHETIC marker): not real figures"
        if snapshot.synthetic
        else "not marked synthetic"
    )
    lines = [f"{snapshot.data_dir}: valid, {kind}."]
    for dataset in DATASETS:
        if dataset.name in snapshot:
            name = dataset_files(snapshot.data_dir, dataset)[0].name
            rows = len(snapshot[dataset.name])
            lines.append(f"  {name:<24} {rows:>7,} {'row' if rows == 1 else 'rows'}")
    per_centre = count_trials(snapshot.trials, Filters()).exact_per_centre()
    sources = snapshot.trials.sources()
    named = {"register": " (trial register)", "aggregates": " (published figures)"}
    counts = ", ".join(
        f"{CENTRE.label(centre, 'en')} {n:,}"
        f"{named[sources[centre]] if snapshot.trials.parts else ''}"
        for centre, n in per_centre.items()
    )
    lines.append(f"Trials per centre: {counts}; {sum(per_centre.values()):,} in all.")
    if snapshot.decks:
        decks = ", ".join(f"{name} ({len(rows)} slides)" for name, rows in snapshot.decks.items())
        lines.append(f"Decks for meetings: {decks}.")
    if snapshot.earlier:
        kept = ", ".join(
            f"{earlier.tag} ({earlier.release.reference_period})" for earlier in snapshot.earlier
        )
        lines.append(f"Release {snapshot.tag}; earlier releases kept: {kept}.")
    return lines


def check_data(args: argparse.Namespace) -> int:
    folder: Path = args.dir
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        print(
            f"atmp check-data: {folder} {what}: give the folder that holds the CSV files.",
            file=sys.stderr,
        )
        return INVALID
    try:
        snapshot = load_snapshot(folder)
    except DataError as error:
        print(f"{folder}: {len(error.problems)} problem(s); the app would not serve this folder.")
        for problem in error.problems:
            print(problem)
        return INVALID
    print("\n".join(summary(snapshot)))
    found = warnings(snapshot)
    if found:
        print(f"{len(found)} warning(s): the folder is served, but check these:")
        print("\n".join(f"  - {warning}" for warning in found))
    return 0


def sample(args: argparse.Namespace) -> int:
    try:
        published = load_snapshot(DEFAULT_DATA_DIR)
    except DataError as error:  # the sample's shape comes from the published data
        print(f"atmp sample: {error}", file=sys.stderr)
        return INVALID
    tables = generate(published, args.seed, args.trials)
    trials = len(tables["trial_register"])
    try:
        written = write(tables, args.out_dir, marker_text(args.seed, trials), DEFAULT_DATA_DIR)
    except SampleRefused as refused:
        print(f"atmp sample: refused: {refused}.", file=sys.stderr)
        return REFUSED
    print(
        f"Wrote synthetic sample data (seed {args.seed}, {trials:,} trials) to {args.out_dir}: "
        f"{', '.join(path.name for path in written)}. Not real figures: never publish them."
    )
    return 0


def diff(args: argparse.Namespace) -> int:
    loaded = []
    for folder in (args.old, args.new):
        try:
            loaded.append(load_snapshot(folder))
        except DataError as error:
            print(
                f"{folder}: {len(error.problems)} problem(s); check it with atmp check-data.",
                file=sys.stderr,
            )
            return INVALID
    old, new = loaded
    found = changes(old, new, args.lang)
    print(f"{old.tag} → {new.tag}: {len(found)} number(s) changed.")
    for change in found:
        print(f"  {change.dataset} | {change.row} | {change.column}: {change.old} → {change.new}")
    return 0


def show_settings(args: argparse.Namespace) -> int:
    """The settings the dashboard would start with, or the one that stops it (exit 2)."""
    try:
        settings = read_settings()
    except SettingError as error:
        print(f"{error}.", file=sys.stderr)
        return REFUSED
    for name, value in vars(settings).items():
        print(f"{name}: {value}")
    return 0


def template(args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.suffix.lower() != ".xlsx":
        print(f"atmp template: {out} must end in .xlsx", file=sys.stderr)
        return REFUSED
    try:
        out.write_bytes(template_xlsx())
    except OSError as error:
        print(f"atmp template: cannot write {out}: {error.strerror or error}", file=sys.stderr)
        return REFUSED
    print(
        f"Wrote the data template to {out}: one sheet per dataset, drop-down lists for "
        "category columns, instructions in Swedish and English."
    )
    return 0


def _whole_number(low: int, high: int | None = None):
    def parse(text: str) -> int:
        try:
            number = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if number < low or (high is not None and number > high):
            upper = f" to {high:,}" if high is not None else " or more"
            raise argparse.ArgumentTypeError(f"must be {low}{upper}, not {number}")
        return number

    return parse


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="atmp", description=__doc__.splitlines()[0])
    commands = root.add_subparsers(required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check-data",
        help="validate a data folder: every problem, or a summary",
        description="Validate a data folder as the app does at start-up. Prints every problem "
        "(file, row, column, value, what is wrong, how to fix it) and exits 1, "
        "or a summary and exits 0.",
    )
    check.add_argument("dir", type=Path, metavar="DIR", help="the folder of CSV/XLSX files")
    check.set_defaults(run=check_data)

    make = commands.add_parser(
        "sample",
        help="write a synthetic data folder (never over real data)",
        description="Write a complete, valid, synthetic data folder, marked SYNTHETIC. The same "
        "seed and size give the same bytes. Refuses (exit 2) the project's data/ "
        "folder and any folder with data files but no SYNTHETIC marker.",
    )
    make.add_argument("out_dir", type=Path, metavar="OUT_DIR", help="the folder to write")
    make.add_argument(
        "--seed",
        type=_whole_number(0),
        default=DEFAULT_SEED,
        help=f"random seed (default {DEFAULT_SEED})",
    )
    make.add_argument(
        "--trials",
        type=_whole_number(1, MAX_TRIALS),
        default=None,
        help="number of trials (default: the published number, 43)",
    )
    make.set_defaults(run=sample)

    compare = commands.add_parser(
        "diff",
        help="list every number that changed between two data folders",
        description="Compare two releases (data folders): every number that moved, was added "
        "or went away, as dataset | row | column: old → new.",
    )
    compare.add_argument("old", type=Path, metavar="OLD", help="the earlier data folder")
    compare.add_argument("new", type=Path, metavar="NEW", help="the later data folder")
    compare.add_argument(
        "--lang", choices=("en", "sv"), default="en", help="the language of the labels (default en)"
    )
    compare.set_defaults(run=diff)

    check_settings = commands.add_parser(
        "settings",
        help="check the settings from the environment and print them",
        description="Read every setting from the environment as the app does; print them, or "
        "name the one that is wrong and exit 2.",
    )
    check_settings.set_defaults(run=show_settings)

    blank = commands.add_parser(
        "template",
        help="write a workbook to start a data update from",
        description="Write an Excel workbook with one sheet per dataset (its columns in "
        "order), drop-down lists for category columns in Swedish and English, "
        "and instructions.",
    )
    blank.add_argument("out", type=Path, metavar="OUT.xlsx", help="the workbook to write")
    blank.set_defaults(run=template)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)
