"""The memo of renders and workbooks: bounded, and one making per key however many ask."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from atmp.memo import Kept


def test_mem001_twenty_callers_of_one_key_make_it_once():
    kept, made = Kept(4), []

    def make() -> str:
        made.append(threading.get_ident())
        time.sleep(0.2)  # a workbook being written
        return "workbook"

    with ThreadPoolExecutor(20) as pool:
        answers = list(pool.map(lambda _: kept.get("view", make), range(20)))
    assert answers == ["workbook"] * 20 and len(made) == 1


def test_mem002_a_failed_making_is_not_kept_and_the_next_caller_makes_it():
    kept, calls = Kept(4), []

    def fails() -> str:
        calls.append(1)
        raise OSError("disk full")

    with pytest.raises(OSError):
        kept.get("view", fails)
    assert kept.get("view", lambda: "made") == "made" and calls == [1]


def test_mem003_the_least_recently_used_goes_first():
    kept = Kept(2)
    for key in ("a", "b", "a", "c"):
        kept.get(key, lambda key=key: key.upper())
    assert list(kept.values) == ["a", "c"]
