"""The snapshot this process serves, and its live reload.

Set at start-up. A watcher thread in each worker process looks at the data
folder every few seconds; when the files changed, and then held still until the
next look (so a file being copied in is not read half-written), it validates
the whole folder and swaps the new snapshot in at once. An invalid folder never replaces the data
being served: the last good snapshot stays, and the problem is kept for the
page's banner and written to the log. Every worker watches on its own, idle or
not, so all of them end up on the folder's data without talking to each other.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from dataclasses import dataclass, replace
from pathlib import Path

from atmp.data import DataError, Snapshot, load_snapshot, watched_files

log = logging.getLogger("atmp.data")

Signature = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class State:
    snapshot: Snapshot
    signature: Signature  # the folder as last read
    error: DataError | None = None  # why the folder as it is now is not served
    changing: Signature | None = None  # a change seen at the last look, not read yet


_state: State | None = None
_lock = threading.Lock()


def _unlocked_after_fork() -> None:
    """A worker forked while the master's watcher held the lock gets one of its own."""
    global _lock
    _lock = threading.Lock()


os.register_at_fork(after_in_child=_unlocked_after_fork)


def signature(data_dir: Path) -> Signature:
    """Modification time and size of each file the loader reads (earlier releases' too),
    -1 where it is absent: any edit, copy or removal changes it. Only those files are
    looked at, however many others the folder holds."""
    folder = Path(data_dir)
    found = []
    for path in watched_files(folder):
        try:
            stat = path.stat()
            found.append((str(path.relative_to(folder)), stat.st_mtime_ns, stat.st_size))
        except OSError:
            found.append((str(path.relative_to(folder)), -1, -1))
    return tuple(found)


def install(snapshot: Snapshot) -> None:
    global _state
    _state = State(snapshot, signature(snapshot.data_dir))


def current() -> Snapshot:
    if _state is None:
        raise RuntimeError("no data loaded: call atmp.store.load_or_exit() at start-up")
    return _state.snapshot


def problem() -> DataError | None:
    """Why the folder's current content is not being served, or None."""
    return _state.error if _state else None


def refresh() -> None:
    """Reload the folder once a change held still; keep the last good data if it is invalid."""
    global _state
    if _state is None:
        return
    with _lock:
        found = signature(_state.snapshot.data_dir)
        if found == _state.signature:
            _state = replace(_state, changing=None)
            return
        if found != _state.changing:  # still being written, maybe: look again next time
            _state = replace(_state, changing=found)
            return
        try:
            snapshot = load_snapshot(_state.snapshot.data_dir)
        except DataError as error:
            log.error(
                "%s\nStill serving the data loaded at %s.",
                error,
                _state.snapshot.loaded_at.isoformat(timespec="seconds"),
            )
            _state = State(_state.snapshot, found, error)
            return
        log.warning("reloaded %s", snapshot.data_dir)
        _state = State(snapshot, found)


def watch(interval: float) -> threading.Event:
    """Refresh every `interval` seconds in a daemon thread of this process (after a fork).

    Returns the event that stops it.
    """
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(interval):
            try:
                refresh()
            except Exception:  # the watcher must outlive any surprise; the log has it
                log.exception("looking for changed data failed")

    threading.Thread(target=loop, name="atmp-data-watcher", daemon=True).start()
    return stop


def load_or_exit(data_dir: Path) -> Snapshot:
    """Load the data folder, or stop the process with the list of problems (exit code 2)."""
    try:
        snapshot = load_snapshot(data_dir)
    except DataError as error:
        print(f"{error}\nThe dashboard was not started.", file=sys.stderr)
        raise SystemExit(2) from None
    install(snapshot)
    return snapshot
