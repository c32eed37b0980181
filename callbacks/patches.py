"""A filter change as bytes: the outputs of the view the page shows and of the new one,
compared (atmp/diff.py), become a `dash.Patch` of only what changed."""

from __future__ import annotations

from dash import Patch, no_update

from atmp.diff import REMOVED, Inserted, Path, changes
from components.render import PER_ITEM, Rendered, outputs


def changed_outputs(shown: Rendered, rendered: Rendered) -> dict:
    """The same outputs as changes to the page that shows `shown`: no_update where an
    output stays as it is, else a Patch of only the parts that change (a figure's data,
    a note's text, a chip), or the new value where it is a plain string."""
    was = outputs(shown)
    result = {}
    for name, value in outputs(rendered).items():
        if name in PER_ITEM:
            result[name] = [
                no_update
                if whole is kept
                else _change(shown.json_of(name, at), rendered.json_of(name, at), whole)
                for at, (kept, whole) in enumerate(zip(was[name], value, strict=True))
            ]
        elif value is no_update or value is was[name]:  # parts kept are the same object
            result[name] = no_update
        else:
            old = None if was[name] is no_update else shown.json_of(name)
            result[name] = _change(old, rendered.json_of(name), value)
    return result


def _change(old: object, new: object, whole: object) -> object:
    """no_update, a Patch from `old` to `new` (JSON forms), or `whole`, the output itself."""
    if old == new:  # compared in C: most outputs of a filter change stay as they are
        return no_update
    found = changes(old, new)
    if not found:
        return no_update
    if found[0][0] == ():  # a string, or what the page did not have
        return whole
    return as_patch(found)


def as_patch(found: list[tuple[Path, object]]) -> Patch:
    """A Patch of the changes, the keys set in one dict merged in one operation.

    A merge may come after a removal or an insertion: removals delete dict keys that
    nothing else touches, and list items come and go front to back, each after every
    change at a lower index (see atmp/diff.py).
    """
    patch = Patch()
    merges: dict[Path, dict] = {}
    for path, value in found:
        *parents, key = path
        if value is REMOVED:
            del _at(patch, parents)[key]
        elif isinstance(value, Inserted):
            _at(patch, parents).insert(key, value.value)
        elif isinstance(key, str):
            merges.setdefault(tuple(parents), {})[key] = value
        else:
            _at(patch, parents)[key] = value
    for parents, values in merges.items():
        _at(patch, parents).update(values)
    return patch


def _at(patch: Patch, path: Path) -> Patch:
    for key in path:
        patch = patch[key]
    return patch
