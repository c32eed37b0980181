"""What is wrong with a data folder, said so that whoever keeps the data can fix it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, located as precisely as the data allows."""

    file: str
    message: str
    fix: str
    row: int | None = None
    column: str | None = None
    value: str | None = None

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        shown = f" (value {_shortened(self.value)!r})" if self.value is not None else ""
        return f"{', '.join(where)}: {self.message}{shown}. Fix: {self.fix}"


def _shortened(value: str, limit: int = 80) -> str:
    return value if len(value) <= limit else f"{value[:limit]}…"


class DataError(Exception):
    """The data folder is invalid; `problems` says everything that is wrong."""

    def __init__(self, data_dir: Path, problems: list[Problem]):
        self.data_dir = data_dir
        self.problems = problems
        lines = [f"The data in {data_dir} is invalid ({len(problems)} problem(s)):"]
        lines += [f"  - {problem}" for problem in problems]
        super().__init__("\n".join(lines))
