"""Numbers and labels as the charts print them: approximate values, two-line axis labels."""

from __future__ import annotations

from atmp.figures import UNCERTAIN_MARK
from atmp.text import number, t
from atmp.trials import Range

APPROX = "≈\u00a0"


def approx(value: float, qualifier: str, lang: str, decimals: int = 0) -> str:
    prefix = {"about": APPROX, "more_than": "> "}.get(qualifier, "")
    return prefix + number(value, lang, decimals)


def qualifier_of(rows: list[dict]) -> str:
    """The qualifier of a sum of rows: "about" if any of its rows is approximate."""
    qualifiers = {row.get("qualifier", "") for row in rows}
    return "about" if "about" in qualifiers else max(qualifiers, default="")


def axis_label(label: str, detail: str) -> str:
    """A category label with a smaller second line, e.g. the centre and its products."""
    return f"{label}<br><span style='font-size:0.8em'>{detail}</span>" if detail else label


def count_text(trials: Range, lang: str) -> str:
    """'12', or '0–2' for a count the source allows only as a range."""
    if trials.exact:
        return number(trials.lower, lang)
    return f"{number(trials.lower, lang)}–{number(trials.upper, lang)}"


def reading_of(trials: Range) -> str:
    return "uncertain" if trials.uncertain else "certain"


def certainty_notes(figure: dict, lang: str) -> list[str]:
    """What the marks of uncertain and approximate numbers mean, for those the figure has."""
    marks = {
        mark
        for trace in figure["data"]
        if isinstance(trace.get("meta"), dict)
        for mark in (*trace["meta"]["reading"], *trace["meta"]["qualifier"])
    }
    return [
        t(f"note.{mark}", lang, mark=UNCERTAIN_MARK)
        for mark in ("uncertain", "about", "more_than")
        if mark in marks
    ]
