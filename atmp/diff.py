"""What changed between two figures, as the few assignments that turn one into the other.

A filter change redraws the same charts with other numbers: the figures differ in
their data arrays and a few layout values, not in their styling. Sending only those
parts keeps a filter change small on the wire (the callback turns them into a
`dash.Patch`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from difflib import SequenceMatcher


class _Removed:
    def __repr__(self) -> str:
        return "REMOVED"


REMOVED = _Removed()  # the value of a change that deletes its key or list item


@dataclass(frozen=True)
class Inserted:
    """The value of a change that inserts `value` into a list at its index."""

    value: object


Path = tuple[str | int, ...]
# About what one operation of a Dash Patch costs on the wire besides its value:
# {"operation":"Merge","location":[...],"params":{"value":...}}.
OPERATION_BYTES = 60


def changes(old: object, new: object, path: Path = ()) -> list[tuple[Path, object]]:
    """(path, value) assignments that make `old` equal to `new`; value REMOVED deletes.

    Dicts are compared key by key and lists of dicts (traces, annotations, components)
    item by item, so an unchanged trace or style costs nothing; any other value that
    differs is assigned whole, and so is an item whose changes would take more bytes
    than itself (a trace that became another one). The changes apply in their order.
    """
    if isinstance(old, dict) and isinstance(new, dict):
        found: list[tuple[Path, object]] = [
            ((*path, key), REMOVED) for key in old if key not in new
        ]
        for key, value in new.items():
            if key not in old:
                found.append(((*path, key), value))
            elif old[key] != value:
                found += changes(old[key], value, (*path, key))
        return found
    if _records(old) and _records(new):
        return _cheaper(_record_changes(old, new, path), path, new)
    return [] if old == new else [(path, new)]


def _record_changes(old: list[dict], new: list[dict], path: Path) -> list:
    """A list of dicts, matched by identity (a trace's name, a component's id): an item
    that comes or goes is inserted or removed, so the items after it are not rewritten
    one place along. Front to back, with each index where the item is at that moment;
    extra items of a block are removed from its end."""
    found: list[tuple[Path, object]] = []
    shift = 0  # how far the items still to change have moved so far
    matcher = SequenceMatcher(
        None, [_identity(item) for item in old], [_identity(item) for item in new], autojunk=False
    )
    for _, start, end, new_start, new_end in matcher.get_opcodes():
        pairs = min(end - start, new_end - new_start)
        for offset in range(pairs):
            before, after = old[start + offset], new[new_start + offset]
            if before != after:
                at = (*path, start + shift + offset)
                found += _cheaper(changes(before, after, at), at, after)
        found += [
            ((*path, index + shift), REMOVED) for index in reversed(range(start + pairs, end))
        ]
        found += [
            ((*path, start + shift + offset), Inserted(new[new_start + offset]))
            for offset in range(pairs, new_end - new_start)
        ]
        shift += (new_end - new_start) - (end - start)
    return found


def _identity(item: dict) -> str:
    """A trace by its name, a component by its id; a component without one (a row of a
    table) by its content, so that rows that come or go leave the others as they are."""
    props = item.get("props")
    if isinstance(props, dict) and props.get("id") is None:
        return json.dumps(item, sort_keys=True)
    return json.dumps(
        [item.get("type"), item.get("name"), props.get("id") if isinstance(props, dict) else None],
        sort_keys=True,
    )


def _records(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _cheaper(found: list[tuple[Path, object]], path: Path, whole: object) -> list:
    """`found`, or `whole` assigned at `path` if that is fewer bytes to send."""
    return [(path, whole)] if _size(found) > OPERATION_BYTES + _bytes(whole) else found


def _size(found: list[tuple[Path, object]]) -> int:
    """About the bytes of the changes as a Patch: an operation per removal, insertion
    and parent whose keys are set (they are merged), plus the keys and values."""
    parents = {
        path[:-1]
        for path, value in found
        if value is not REMOVED and not isinstance(value, Inserted)
    }
    others = sum(value is REMOVED or isinstance(value, Inserted) for _, value in found)
    return OPERATION_BYTES * (len(parents) + others) + sum(
        _bytes(path[-1]) + _bytes(value) for path, value in found if path
    )


def _bytes(value: object) -> int:
    if value is REMOVED:
        return 0
    if isinstance(value, Inserted):
        value = value.value
    return len(json.dumps(value, separators=(",", ":")))
