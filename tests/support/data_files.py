"""The published data folder, and the edits tests make to copies of it."""

from __future__ import annotations

from pathlib import Path

from atmp.sample import generate, marker_text, write

DATA_DIR = Path(__file__).resolve().parent.parent.parent / "data"


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (decks/ too) by its path in it, with its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def set_patients(data_dir: Path, centre: str, old: int, new: int | str) -> None:
    path = data_dir / "cart.csv"
    text = path.read_text(encoding="utf-8")
    assert f"{centre},{old}," in text
    path.write_text(text.replace(f"{centre},{old},", f"{centre},{new},"), encoding="utf-8")


def write_sample(published, folder: Path, seed: int = 7, trials: int | None = None) -> Path:
    tables = generate(published, seed, trials)
    write(tables, folder, marker_text(seed, len(tables["trial_register"])), DATA_DIR)
    return folder
