"""Malformed requests get a clear 400, never a 5xx or a traceback."""

import pytest

from app import server


@pytest.mark.parametrize("body", [{"garbage": 1}, {"output": "x.y", "inputs": "no"}, []])
def test_srv001_malformed_callback_request_is_a_400_without_traceback(body):
    response = server.test_client().post("/_dash-update-component", json=body)
    assert response.status_code == 400
    assert b"Traceback" not in response.data and b"/work" not in response.data
    assert response.get_json()["error"].startswith("The request could not be processed")


def test_srv002_the_page_still_answers():
    assert server.test_client().get("/?centre=<script>").status_code == 200
