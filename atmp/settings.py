"""Every setting of the dashboard, read once from the environment, with its default."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# name: default. README.md's settings table documents each; tests/test_settings.py checks
# that every one is there, with its default.
SETTINGS: dict[str, str] = {
    "ATMP_DATA_DIR": str(DEFAULT_DATA_DIR),
    "PORT": "8050",
    "WEB_CONCURRENCY": "2",
    "ATMP_THREADS": "16",
    "ATMP_TIMEOUT": "30",
    "ATMP_GRACEFUL_TIMEOUT": "10",
    "ATMP_RELOAD_SECONDS": "2",
    "ATMP_DEBUG": "0",
    "ATMP_FRAME_ANCESTORS": "'self'",
    "ATMP_SMALL_NUMBERS": "hide",
}


class SettingError(ValueError):
    """A setting the dashboard cannot run with; the message names it and says why."""


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    port: int
    workers: int
    threads: int
    timeout: int
    graceful_timeout: int
    reload_seconds: float
    debug: bool
    hide_small_numbers: bool
    frame_ancestors: str


def setting(name: str, environ: Mapping[str, str] | None = None) -> str:
    """One setting as text: the environment's value, or its default."""
    environ = os.environ if environ is None else environ
    return environ.get(name, "").strip() or SETTINGS[name]


def _number(name: str, environ: Mapping[str, str], kind: type, low: float, high: float):
    text = setting(name, environ)
    try:
        value = kind(text)
    except ValueError:
        value = None
    if value is None or value != value or not low <= value <= high:
        what = "a whole number" if kind is int else "a number"
        raise SettingError(f"{name}={text!r} must be {what} from {low:g} to {high:g}")
    return value


def read_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Every setting, checked: a bad one raises SettingError naming it."""
    environ = os.environ if environ is None else environ
    return Settings(
        data_dir=Path(setting("ATMP_DATA_DIR", environ)),
        port=_number("PORT", environ, int, 1, 65535),
        workers=_number("WEB_CONCURRENCY", environ, int, 1, 64),
        threads=_number("ATMP_THREADS", environ, int, 1, 256),
        timeout=_number("ATMP_TIMEOUT", environ, int, 1, 3600),
        graceful_timeout=_number("ATMP_GRACEFUL_TIMEOUT", environ, int, 0, 3600),
        reload_seconds=_number("ATMP_RELOAD_SECONDS", environ, float, 0.05, 3600),
        debug=setting("ATMP_DEBUG", environ) == "1",
        hide_small_numbers=hides_small_numbers(environ),
        frame_ancestors=_source_list(setting("ATMP_FRAME_ANCESTORS", environ)),
    )


def hides_small_numbers(environ: Mapping[str, str] | None = None) -> bool:
    # Anything but an explicit "show" hides: a typo must not reveal small counts.
    return setting("ATMP_SMALL_NUMBERS", environ) != "show"


def settings_or_exit() -> Settings:
    """The settings, or one line naming the bad one and exit code 2 (no traceback)."""
    try:
        return read_settings()
    except SettingError as error:
        print(f"{error}. The dashboard was not started.", file=sys.stderr)
        raise SystemExit(2) from None


def _source_list(value: str) -> str:
    """A CSP source list that cannot end its directive or add another one to the policy."""
    if any(char in value for char in ";,\r\n") or not value.isprintable():
        raise SettingError(
            f"ATMP_FRAME_ANCESTORS must be a CSP source list without ';' or ',': {value!r}"
        )
    return " ".join(value.split())
