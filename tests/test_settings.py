"""Settings: each one documented in README, read from the environment."""

from pathlib import Path

from atmp.settings import SETTINGS, read_settings

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_set001_every_setting_is_documented():
    for name in SETTINGS:
        assert f"`{name}`" in README, name


def test_set002_environment_overrides_defaults():
    settings = read_settings({"PORT": "9000", "ATMP_DATA_DIR": "/x", "ATMP_DEBUG": "1"})
    assert (settings.port, str(settings.data_dir), settings.debug) == (9000, "/x", True)
    assert read_settings({}).debug is False
