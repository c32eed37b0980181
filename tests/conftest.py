"""Shared fixtures: the published data, a writable copy to break, Chromium options."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from atmp import store
from atmp.data import load_snapshot
from tests.support.browser import chromium_options
from tests.support.data_files import DATA_DIR


@pytest.fixture(scope="session")
def published():
    return load_snapshot(DATA_DIR)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the published data folder that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture
def served(data_copy):
    """The store serving a writable copy; the published snapshot is put back afterwards."""
    before = store.current() if store._state else None
    store.install(load_snapshot(data_copy))
    yield data_copy
    if before is not None:
        store.install(before)


@pytest.fixture
def dash_duo(dash_duo):
    """dash_duo serving on DASH_TEST_PORT (default 58050), so two checkouts can test at once.

    Dash gives its server 3 s to answer and then restarts it on the same port, which a busy
    machine turns into "port in use"; 30 s avoids the restart.
    """
    start_server = dash_duo.start_server
    port = int(os.environ.get("DASH_TEST_PORT", "58050"))
    dash_duo.start_server = lambda app, **kwargs: start_server(
        app, **{"port": port, "start_timeout": 30, **kwargs}
    )
    return dash_duo


@pytest.fixture
def dash_app():
    """The dashboard, for dash_duo to serve."""
    from app import app

    return app


def pytest_setup_options():
    """dash_duo's Chromium: Debian's, headless (tests/support/browser.py)."""
    return chromium_options()


@pytest.fixture(scope="session")
def client():
    """The app's Flask test client: pages, callbacks, downloads and the open data."""
    from app import server

    return server.test_client()


@pytest.fixture(scope="session")
def dependencies(client):
    """The page's callbacks, to build the requests the browser sends."""
    return client.get("/_dash-dependencies").get_json()
