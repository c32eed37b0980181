"""Live reload: a valid change is swapped in whole, an invalid one never reaches a screen."""

from __future__ import annotations

import json
import os
import signal
import time

import psutil
import pytest

from atmp import store
from tests.support.dash_request import dashboard_request, page_request
from tests.support.data_files import set_patients
from tests.support.gunicorn_app import Instance, get, gunicorn, post


def _akademiska_patients() -> int:
    cart = store.current()["cart"]
    return int(cart.loc[cart["centre"] == "akademiska", "patients"].sum())


def test_rld001_a_valid_change_is_swapped_in_an_invalid_one_is_not(served):
    set_patients(served, "akademiska", 38, 40)
    store.refresh()
    assert _akademiska_patients() == 38  # a change is read once it held still for a look
    store.refresh()
    assert _akademiska_patients() == 40 and store.problem() is None

    set_patients(served, "akademiska", 40, "forty")
    store.refresh()
    store.refresh()
    assert _akademiska_patients() == 40  # the last good data
    problem = store.problem()
    assert problem is not None
    assert "cart.csv, row 2, column 'patients': not a whole number" in str(problem)

    set_patients(served, "akademiska", "forty", 41)
    store.refresh()
    store.refresh()
    assert _akademiska_patients() == 41 and store.problem() is None


def test_rld004_a_file_still_being_written_is_not_read(served):
    set_patients(served, "akademiska", 38, 4)  # half of "40", valid on its own
    store.refresh()
    set_patients(served, "akademiska", 4, 40)  # the rest of the write
    store.refresh()
    assert _akademiska_patients() == 38  # neither the half-written 4 nor, yet, 40
    store.refresh()
    assert _akademiska_patients() == 40


def test_rld002_the_watcher_picks_up_a_change_on_its_own(served):
    stop = store.watch(0.05)
    try:
        set_patients(served, "akademiska", 38, 40)
        for _ in range(100):
            if _akademiska_patients() == 40:
                break
            time.sleep(0.02)
        assert _akademiska_patients() == 40
    finally:
        stop.set()


def _kpis(instance: Instance) -> tuple[str, str]:
    body = dashboard_request(instance.dependencies, "url.search", {})
    answer = json.loads(post(f"{instance.base}/_dash-update-component", body))["response"]
    return answer["kpi-cart-value"]["children"], answer["source-cart"]["children"]


def _eventually(check, seconds: float = 15) -> bool:
    """True once `check()` holds: how soon each worker's watcher looks depends on the load."""
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


@pytest.mark.server
def test_rld003_two_gunicorn_workers_keep_the_last_good_data_and_show_the_problem(data_copy):
    with gunicorn(data_copy, ATMP_RELOAD_SECONDS="0.1", WEB_CONCURRENCY="2") as server:
        # Several requests, so that both workers answer.
        assert {_kpis(server)[0] for _ in range(6)} == {"112"}

        set_patients(data_copy, "akademiska", 38, 40)
        # Every worker's watcher looks, whether it answers a request or not.
        assert _eventually(lambda: {_kpis(server)[0] for _ in range(6)} == {"114"})

        set_patients(data_copy, "akademiska", 40, -3)
        problem = "cart.csv, row 2, column 'patients': a count cannot be negative"
        notice = "The latest data update could not be used: showing the figures of spring 2025"

        def pages() -> list[str]:
            return [
                post(
                    f"{server.base}/_dash-update-component", page_request(server.dependencies)
                ).decode()
                for _ in range(6)
            ]

        assert _eventually(lambda: all(notice in page for page in pages()))
        assert not any(problem in page for page in pages())  # details are not for visitors
        health = [json.loads(get(f"{server.base}/healthz")) for _ in range(6)]
        assert all(h["status"] == "degraded" and problem in h["problems"][0] for h in health)
        answers = {_kpis(server)[0] for _ in range(6)}
        assert answers == {"114"}  # the last good numbers, from every worker
    assert b"a count cannot be negative" in server.log  # and the log says it too


# Five ways a coordinator's save can break a file, as the live reload meets them.
BROKEN_SAVES = {
    "count-of-20-digits": lambda text: text.replace(
        "akademiska,38,", "akademiska,38000000000000000000,"
    ),
    "header-only": lambda text: text.splitlines(keepends=True)[0],
    "unknown-label": lambda text: text.replace("akademiska,38,", "Uppsala,38,"),
    "unclosed-quote": lambda text: text.replace(
        ',"Report text', ',"Report text, unclosed', 1
    ).replace('spring 2025",,', "spring 2025,,", 1),
    "not-text": lambda text: "\x00\x81\x8d binary",
}


@pytest.mark.server
def test_rld005_five_broken_saves_keep_the_last_good_numbers(data_copy):
    cart = data_copy / "cart.csv"
    good = cart.read_text(encoding="utf-8")
    with gunicorn(data_copy, ATMP_RELOAD_SECONDS="0.1", WEB_CONCURRENCY="1") as server:
        for kind, breaks in BROKEN_SAVES.items():
            cart.write_text(breaks(good), encoding="utf-8")
            assert _eventually(
                lambda: json.loads(get(f"{server.base}/healthz"))["status"] == "degraded"
            ), kind
            assert _kpis(server)[0] == "112", kind  # the last good numbers
            cart.write_text(good, encoding="utf-8")
            assert _eventually(
                lambda: json.loads(get(f"{server.base}/healthz"))["status"] == "ok"
            ), kind
    log = server.log.decode()
    assert log.count("Traceback") == 0, log[-3000:]
    # Logged when a process that watches (the master and its worker) meets the broken
    # file: a few times per change, not at every look (every 0.1 s) while it stays.
    assert len(BROKEN_SAVES) <= log.count("Still serving the data") <= 3 * len(BROKEN_SAVES)


def test_rld006_the_watcher_looks_only_at_the_files_it_reads(served):
    before = store.signature(served)
    assert {name for name, *_ in before} >= {"cart.csv", "cart.xlsx", "release.csv"}
    for i in range(200):  # what else people keep in a shared folder
        (served / f"notes-{i}.txt").write_text("x", encoding="utf-8")
    assert store.signature(served) == before
    (served / "cart.csv").unlink()
    assert store.signature(served) != before  # a file taken away is a change too


def _workers(server: Instance) -> set[int]:
    return {child.pid for child in psutil.Process(server.master).children()}


@pytest.mark.server
@pytest.mark.parametrize("how", ["worker-killed", "master-hup"])
def test_rld007_a_worker_forked_later_serves_the_last_good_data(data_copy, how):
    """After a valid update and then a failed one, a new worker (a crash, a HUP) serves
    the last good numbers, not those of start-up."""
    with gunicorn(data_copy, ATMP_RELOAD_SECONDS="0.1", WEB_CONCURRENCY="1") as server:
        set_patients(data_copy, "akademiska", 38, 40)
        assert _eventually(lambda: _kpis(server)[0] == "114")
        set_patients(data_copy, "akademiska", 40, -3)
        assert _eventually(
            lambda: json.loads(get(f"{server.base}/healthz"))["status"] == "degraded"
        )
        time.sleep(0.5)  # the master has looked too
        before = _workers(server)
        if how == "worker-killed":
            os.kill(next(iter(before)), signal.SIGKILL)
        else:
            os.kill(server.master, signal.SIGHUP)
        assert _eventually(lambda: _workers(server) and not _workers(server) & before)
        assert _eventually(lambda: _kpis(server)[0] == "114", seconds=20)
        assert {_kpis(server)[0] for _ in range(4)} == {"114"}
