"""The snapshot this process serves. Set at start-up; a reload replaces it whole."""

from __future__ import annotations

import sys
from pathlib import Path

from atmp.data import DataError, Snapshot, load_snapshot

_served: Snapshot | None = None


def install(snapshot: Snapshot) -> None:
    global _served
    _served = snapshot


def current() -> Snapshot:
    if _served is None:
        raise RuntimeError("no data loaded: call atmp.store.load_or_exit() at start-up")
    return _served


def load_or_exit(data_dir: Path) -> Snapshot:
    """Load the data folder, or stop the process with the list of problems (exit code 2)."""
    try:
        snapshot = load_snapshot(data_dir)
    except DataError as error:
        print(f"{error}\nThe dashboard was not started.", file=sys.stderr)
        raise SystemExit(2) from None
    install(snapshot)
    return snapshot
