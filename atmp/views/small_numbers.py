"""Small-number suppression: patient counts that must not show become "<5" or "≥5"."""

from __future__ import annotations

from atmp.settings import hides_small_numbers
from atmp.text import number, t

# Small numbers: patient counts below SMALL per year, product or country are hidden unless
# ATMP_SMALL_NUMBERS=show. Read once at start-up; builders take `hide_small` for tests.
SMALL = 5
BELOW = f"<{SMALL}"
AT_LEAST = f"≥{SMALL}"
HIDE_SMALL = hides_small_numbers()


def hidden_cells(values: list[int], hide: bool, total_shown: bool = False) -> list[str | None]:
    """The mark that replaces each patient count that must not show; None where it may.

    A count below SMALL shows as "<5". Where the group's total shows elsewhere (a key
    figure, or the bar that a hover splits), one hidden count would be that total minus
    the others, so the smallest other count is hidden too, as "≥5" (complementary
    suppression: the total then gives away only the sum of two hidden counts).
    """
    if not hide:
        return [None] * len(values)
    marks: list[str | None] = [BELOW if value < SMALL else None for value in values]
    shown = [i for i, mark in enumerate(marks) if mark is None]
    if total_shown and shown and len(shown) == len(values) - 1:
        marks[min(shown, key=values.__getitem__)] = AT_LEAST
    return marks


def drawn(values: list, hidden: list[str | None]) -> list:
    """The values a chart draws: None where the count is hidden, so no bar, point or
    colour gives it away."""
    return [None if mark else value for value, mark in zip(values, hidden, strict=True)]


def largest_shown(values: list, hidden: list[str | None]) -> float:
    """The largest value that shows (0 if none), for the axis range."""
    return max([value for value, mark in zip(values, hidden, strict=True) if not mark], default=0)


def only_hidden(hidden: list[str | None], *columns: list) -> list[list]:
    """Each column's items where the count is hidden: what the marks that stand in for
    the hidden counts show."""
    return [[item for item, mark in zip(column, hidden, strict=True) if mark] for column in columns]


def small_numbers_notes(figure: dict, lang: str) -> list[str]:
    """What "<5" and "≥5" mean, for the marks that the figure's texts and hovers use."""
    words = [
        word
        for trace in figure["data"]
        for key in ("text", "hovertext")
        for word in trace.get(key) or []
    ]
    return [
        t(key, lang, small=SMALL)
        for key, mark in (("note.small_numbers", BELOW), ("note.small_numbers_total", AT_LEAST))
        if any(mark in word for word in words)
    ]


def split_lines(parts: list[tuple[str, int]], lang: str, hide: bool) -> str:
    """Hover lines splitting a shown bar: '<br>label: n' each, small parts hidden."""
    if len(parts) < 2:
        return ""
    marks = hidden_cells([value for _, value in parts], hide, total_shown=True)
    return "".join(
        f"<br>{label}: {mark or number(value, lang)}"
        for (label, value), mark in zip(parts, marks, strict=True)
    )
