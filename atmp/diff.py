"""What changed between two figures, as the few assignments that turn one into the other.

A filter change redraws the same charts with other numbers: the figures differ in
their data arrays and a few layout values, not in their styling. Sending only those
parts keeps a filter change small on the wire (the callback turns them into a
`dash.Patch`).
"""

from __future__ import annotations


class _Removed:
    def __repr__(self) -> str:
        return "REMOVED"


REMOVED = _Removed()  # the value of a change that deletes its key or list item

Path = tuple[str | int, ...]


def changes(old: object, new: object, path: Path = ()) -> list[tuple[Path, object]]:
    """(path, value) assignments that make `old` equal to `new`; value REMOVED deletes.

    Dicts are compared key by key and lists of dicts (traces, annotations) item by
    item, so an unchanged trace or style costs nothing; any other value that differs
    is assigned whole. Removed list items come last, from the end, so each index
    still names the item it meant when it is applied.
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
                found += changes(before, after, (*path, index))
        found += [((*path, index), new[index]) for index in range(len(old), len(new))]
        found += [((*path, index), REMOVED) for index in reversed(range(len(new), len(old)))]
        return found
    return [] if old == new else [(path, new)]


def _records(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)
