"""The `atmp` command: check-data's exit codes and words, sample's refusals, as a user runs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from atmp.cli import main
from atmp.data import SYNTHETIC_MARKER
from tests.support.data_files import DATA_DIR, folder_bytes

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "atmp", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture(scope="module")
def sample_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cli") / "sample"
    result = _run("sample", folder)
    assert result.returncode == 0, result.stderr
    assert "Not real figures" in result.stdout
    return folder


def test_cli001_check_data_on_a_sample_folder_summarises_it(sample_dir):
    result = _run("check-data", sample_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid, synthetic" in result.stdout
    assert "trial_register.csv" in result.stdout and "43 rows" in result.stdout
    assert "Karolinska 29, Akademiska (Uppsala) 14; 43 in all" in result.stdout


def test_cli002_check_data_on_the_published_folder(capsys):
    assert main(["check-data", str(DATA_DIR)]) == 0
    out = capsys.readouterr().out
    assert "not marked synthetic" in out and "trials.csv" in out and "27 rows" in out


def test_cli003_check_data_names_every_problem_and_exits_1(data_copy):
    cart = data_copy / "cart.csv"
    cart.write_text(
        cart.read_text(encoding="utf-8").replace("akademiska,38", "akademiska,-38"),
        encoding="utf-8",
    )
    (data_copy / "vecura.csv").unlink()
    result = _run("check-data", data_copy)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "2 problem(s)" in lines[0]
    assert (
        "cart.csv, row 2, column 'patients': a count cannot be negative (value '-38'). "
        "Fix: give a number of 0 or more"
    ) in lines
    assert any(line.startswith("vecura.csv: the file is missing") for line in lines)
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("target", ["nowhere", "README.md"])
def test_cli004_check_data_on_no_folder_says_so_without_a_traceback(tmp_path, target):
    folder = tmp_path / "nowhere" if target == "nowhere" else ROOT / target
    result = _run("check-data", folder)
    assert result.returncode == 1
    assert str(folder) in result.stderr and "folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli005_sample_refuses_the_published_folder_with_exit_2():
    before = folder_bytes(DATA_DIR)
    result = _run("sample", DATA_DIR)
    assert result.returncode == 2
    assert "refused" in result.stderr and "published data folder" in result.stderr
    assert folder_bytes(DATA_DIR) == before


def test_cli006_sample_refuses_unmarked_data(data_copy, capsys):
    assert main(["sample", str(data_copy)]) == 2
    assert "without a SYNTHETIC marker" in capsys.readouterr().err
    assert not (data_copy / SYNTHETIC_MARKER).exists()


def test_cli007_same_output_in_another_process(sample_dir, tmp_path, capsys):
    assert main(["sample", str(tmp_path), "--seed", "7"]) == 0
    for path in sample_dir.iterdir():
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


@pytest.mark.parametrize("trials", ["0", "100001", "many"])
def test_cli008_sample_size_out_of_range_is_refused(tmp_path, capsys, trials):
    with pytest.raises(SystemExit) as exited:
        main(["sample", str(tmp_path / "out"), "--trials", trials])
    assert exited.value.code == 2
    assert "--trials" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_cli009_console_script_is_installed():
    script = Path(sys.executable).parent / "atmp"
    result = subprocess.run(
        [str(script), "check-data", str(DATA_DIR)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and "valid" in result.stdout


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_cli010_check_data_warns_across_files_and_still_serves(data_copy, capsys):
    assert main(["check-data", str(data_copy)]) == 0
    assert "warning" not in capsys.readouterr().out  # the published folder is consistent
    _edit(
        data_copy / "regional.csv",
        "stockholm_uppsala,ongoing_trials,43",
        "stockholm_uppsala,ongoing_trials,45",
    )
    # The CAR-T counts move on a year, the share of Sweden they are applied to does not.
    _edit(data_copy / "cart.csv", "spring 2025", "spring 2026")
    cart = data_copy / "cart.csv"
    cart.write_text(
        "".join(
            line
            for line in cart.read_text(encoding="utf-8").splitlines(True)
            if not line.startswith("akademiska")
        ),
        encoding="utf-8",
    )
    assert main(["check-data", str(data_copy)]) == 0
    out = capsys.readouterr().out
    assert "3 warning(s): the folder is served" in out
    assert "Stockholm–Uppsala's ongoing trials are 45, the centres' trials add up to 43" in out
    assert "CAR-T share of Sweden (63 %) is of 2025" in out and "are of 2026" in out
    assert "cart: no rows for Akademiska (Uppsala)" in out
