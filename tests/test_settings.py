"""Settings: one table, each documented in README with its default, each checked at start."""

import re
import subprocess
import sys

import pytest

from atmp.settings import SETTINGS, SettingError, read_settings
from tests.support.data_files import DATA_DIR

README = (DATA_DIR.parent / "README.md").read_text(encoding="utf-8")


def test_set001_every_setting_is_documented_with_its_default():
    rows = {
        match.group(1): match.group(2)
        for match in re.finditer(r"^\| `(\w+)` \| `?([^|`]*)`? \|", README, flags=re.M)
    }
    assert set(rows) == set(SETTINGS)
    for name, default in SETTINGS.items():
        assert name == "ATMP_DATA_DIR" or rows[name] == default, (name, rows[name])


def test_set002_environment_overrides_defaults():
    settings = read_settings({"PORT": "9000", "ATMP_DATA_DIR": "/x", "ATMP_DEBUG": "1"})
    assert (settings.port, str(settings.data_dir), settings.debug) == (9000, "/x", True)
    assert read_settings({}).debug is False


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("PORT", "http"),
        ("PORT", "70000"),
        ("WEB_CONCURRENCY", "0"),
        ("WEB_CONCURRENCY", "2.5"),
        ("ATMP_RELOAD_SECONDS", "0"),
        ("ATMP_RELOAD_SECONDS", "nan"),
        ("ATMP_RELOAD_SECONDS", "-1"),
        ("ATMP_THREADS", "0"),
        ("ATMP_TIMEOUT", "thirty"),
        ("ATMP_GRACEFUL_TIMEOUT", "-5"),
    ],
)
def test_set003_a_bad_setting_is_named(name, value):
    with pytest.raises(SettingError, match=f"^{name}="):
        read_settings({name: value})


def test_set004_start_up_with_a_bad_setting_is_one_line_and_exit_2():
    done = subprocess.run(
        [sys.executable, "-m", "atmp", "settings"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"ATMP_RELOAD_SECONDS": "0"},
    )
    assert done.returncode == 2
    assert done.stderr.strip() == "ATMP_RELOAD_SECONDS='0' must be a number from 0.05 to 3600."
    started = subprocess.run(
        [sys.executable, "-c", "import app"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"WEB_CONCURRENCY": "many"},
        cwd=DATA_DIR.parent,
    )
    assert started.returncode == 2 and "Traceback" not in started.stderr
    assert "WEB_CONCURRENCY='many' must be a whole number" in started.stderr
