"""Every setting of the dashboard, read once from the environment, with its default."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# name: (default, help) — README.md documents each; a test checks that it does.
SETTINGS: dict[str, tuple[str, str]] = {
    "ATMP_DATA_DIR": (str(DEFAULT_DATA_DIR), "Folder of the CSV datasets to serve."),
    "PORT": ("8050", "Port that `make run` and gunicorn listen on."),
    "WEB_CONCURRENCY": ("2", "Number of gunicorn worker processes."),
    "ATMP_RELOAD_SECONDS": ("2", "How often each worker looks for changed data files, in "
                            "seconds."),
    "ATMP_DEBUG": ("0", "1 turns on Dash's debug mode (development only: never in production)."),
    "ATMP_FRAME_ANCESTORS": ("'self'", "Pages that may show the dashboard in a frame: a CSP "
                             "source list, e.g. `'self' https://intranet.example.se`; `'none'` "
                             "forbids every frame."),
    "ATMP_SMALL_NUMBERS": ("hide", "`hide` shows patient counts below 5 per year, product or "
                           "country as \"<5\"; `show` shows them as they are."),
}


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    port: int
    workers: int
    reload_seconds: float
    debug: bool
    hide_small_numbers: bool
    frame_ancestors: str


def read_settings(environ: dict[str, str] | None = None) -> Settings:
    environ = os.environ if environ is None else environ

    def get(name: str) -> str:
        return environ.get(name, "").strip() or SETTINGS[name][0]

    return Settings(
        data_dir=Path(get("ATMP_DATA_DIR")),
        port=int(get("PORT")),
        workers=int(get("WEB_CONCURRENCY")),
        reload_seconds=float(get("ATMP_RELOAD_SECONDS")),
        debug=get("ATMP_DEBUG") == "1",
        # Anything but an explicit "show" hides: a typo must not reveal small counts.
        hide_small_numbers=get("ATMP_SMALL_NUMBERS") != "show",
        frame_ancestors=_source_list(get("ATMP_FRAME_ANCESTORS")),
    )


def _source_list(value: str) -> str:
    """A CSP source list that cannot end its directive or add another one to the policy."""
    if any(char in value for char in ";,\r\n") or not value.isprintable():
        raise ValueError(f"ATMP_FRAME_ANCESTORS must be a CSP source list without ';' or ',': "
                         f"{value!r}")
    return " ".join(value.split())
