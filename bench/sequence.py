"""The filter changes every benchmark replays, as the exact requests the browser sends.

A user narrows the view one dropdown at a time (crossing filters), switches a
centre, then clears the filters one by one back to the plain dashboard, so the
sequence repeats as a cycle. For the dashboard each request carries the link's
query string as the previous response left it, as the browser's `url.search` does.
"""

from __future__ import annotations

from bench.client import Client, encode
from tests.dash_request import callback_request, dashboard_request, search_after

# (dimension, its new selection): one dropdown change each.
CHANGES: tuple[tuple[str, list[str]], ...] = (
    ("centre", ["karolinska"]),
    ("atmp_class", ["ex_vivo_gtmp", "sctmp"]),
    ("status", ["open"]),
    ("disease_area", ["oncology"]),
    ("phase", ["phase_1", "phase_1_2"]),
    ("centre", ["akademiska"]),
    ("centre", []),
    ("atmp_class", []),
    ("disease_area", ["oncology", "immunological"]),
    ("status", []),
    ("phase", []),
    ("disease_area", []),
)
UPDATE = "/_dash-update-component"


def selections() -> list[tuple[str, dict[str, list[str]]]]:
    """(the dropdown that changed, every dropdown's value after the change) per change."""
    current: dict[str, list[str]] = {}
    steps = []
    for dimension, codes in CHANGES:
        current[f"filter-{dimension}"] = codes
        steps.append((f"filter-{dimension}.value", dict(current)))
    return steps


def dashboard_bodies(client: Client) -> list[tuple[bytes, str]]:
    """The request bodies of one cycle, each with the link the page shows after it, found by
    playing the cycle once (which also warms the app up): each request carries the query
    string the previous answer set."""
    dependencies = client.get("/_dash-dependencies").json()
    bodies, search = [], ""
    for trigger, values in selections():
        body = encode(dashboard_request(dependencies, trigger, {**values, "url": search}))
        answer = client.post(UPDATE, body)
        if answer.status != 200:
            raise RuntimeError(f"{trigger} gave {answer.status}: {answer.body[:300]!r}")
        search = search_after(answer.json(), search)
        bodies.append((body, search))
    if search:
        raise RuntimeError(f"the cycle should end on the plain dashboard, not {search}")
    return bodies


def baseline_bodies(client: Client) -> list[bytes]:
    """The same changes for the baseline app's one callback (it has no URL state)."""
    dependencies = client.get("/_dash-dependencies").json()
    spec = next(d for d in dependencies if any(i["id"] == "filter-centre" for i in d["inputs"]))
    bodies = [encode(callback_request(spec, trigger, values)) for trigger, values in selections()]
    for body in bodies:  # warm-up, and a check that every change is answered
        answer = client.post(UPDATE, body)
        if answer.status != 200:
            raise RuntimeError(f"baseline gave {answer.status}: {answer.body[:300]!r}")
    return bodies
