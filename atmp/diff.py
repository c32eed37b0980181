"""What changed between two figures, as the few assignments that turn one into the other.

A filter change redraws the same charts with other numbers: the figures differ in
their data arrays and a few layout values, not in their styling. Sending only those
parts keeps a filter change small on the wire (the callback turns them into a
`dash.Patch`).
"""

from __future__ import annotations

import json


class _Removed:
    def __repr__(self) -> str:
        return "REMOVED"


REMOVED = _Removed()  # the value of a change that deletes its key or list item

Path = tuple[str | int, ...]
# About what one operation of a Dash Patch costs on the wire besides its value:
# {"operation":"Merge","location":[...],"params":{"value":...}}.
OPERATION_BYTES = 60


def changes(old: object, new: object, path: Path = ()) -> list[tuple[Path, object]]:
    """(path, value) assignments that make `old` equal to `new`; value REMOVED deletes.

    Dicts are compared key by key and lists of dicts (traces, annotations) item by
    item, so an unchanged trace or style costs nothing; any other value that differs
    is assigned whole, and so is an item whose changes would take more bytes than
    itself (a trace that became another one). Removed list items come last, from the
    end, so each index still names the item it meant when it is applied.
    """
    if isinstance(old, dict) and isinstance(new, dict):
        found: list[tuple[Path, object]] = [((*path, key), REMOVED)
                                            for key in old if key not in new]
        for key, value in new.items():
            if key not in old:
                found.append(((*path, key), value))
            elif old[key] != value:
                found += changes(old[key], value, (*path, key))
        return found
    if _records(old) and _records(new):
        found = []
        for index, (before, after) in enumerate(zip(old, new, strict=False)):
            if before != after:
                found += _cheaper(changes(before, after, (*path, index)), (*path, index), after)
        found += [((*path, index), new[index]) for index in range(len(old), len(new))]
        found += [((*path, index), REMOVED) for index in reversed(range(len(new), len(old)))]
        return found
    return [] if old == new else [(path, new)]


def _records(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _cheaper(found: list[tuple[Path, object]], path: Path, whole: object) -> list:
    """`found`, or `whole` assigned at `path` if that is fewer bytes to send."""
    return [(path, whole)] if _size(found) > OPERATION_BYTES + _bytes(whole) else found


def _size(found: list[tuple[Path, object]]) -> int:
    """About the bytes of the changes as a Patch: an operation per removal and per parent
    whose keys are set (they are merged), plus the keys and values."""
    parents = {path[:-1] for path, value in found if value is not REMOVED}
    removals = sum(value is REMOVED for _, value in found)
    return (OPERATION_BYTES * (len(parents) + removals)
            + sum(_bytes(path[-1]) + (0 if value is REMOVED else _bytes(value))
                  for path, value in found if path))


def _bytes(value: object) -> int:
    return len(json.dumps(value, separators=(",", ":")))
