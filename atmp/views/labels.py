"""Numbers and labels as the charts print them: approximate values, two-line axis labels."""

from __future__ import annotations

from atmp.text import number

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
