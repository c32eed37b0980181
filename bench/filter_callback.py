"""Server time of one filter change (the dashboard callback), and the app's start-up time.

Posts the same request the browser sends to /_dash-update-component through
Flask's test client, so the figure is the server's own work (routing, callback,
JSON), without the network. Prints medians and p95 over many runs.

    .venv/bin/python bench/filter_callback.py [runs]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.dash_request import dashboard_request  # noqa: E402

# Filter states a user clicks through: (dimension id, selected codes).
CHANGES = [
    ("filter-centre", ["akademiska"]),
    ("filter-atmp_class", ["ex_vivo_gtmp", "tep"]),
    ("filter-disease_area", ["oncology"]),
    ("filter-status", ["open"]),
    ("filter-centre", []),
]


def start_up_seconds() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import app"], cwd=ROOT, check=True)
    return time.perf_counter() - started


def main(runs: int) -> None:
    print(f"start-up (import app, load and validate data): {start_up_seconds():.2f} s")
    from app import server
    from atmp import store
    from components.banner import data_version

    client = server.test_client()
    dependencies = client.get("/_dash-dependencies").get_json()
    # As from a page: its data version, and the link of the view each change starts from.
    page = {"data-version": data_version(store.current(), store.problem()), "url": ""}
    selections: dict[str, list[str]] = {}
    bodies = []
    for trigger, codes in CHANGES:  # warm-up, and a check that every request succeeds
        selections[trigger] = codes
        bodies.append(dashboard_request(dependencies, f"{trigger}.value",
                                        {**page, **selections}))
        response = client.post("/_dash-update-component", json=bodies[-1])
        assert response.status_code == 200, response.data[:500]
        page["url"] = response.get_json()["response"]["url"]["search"]
    timings, sizes = [], []
    for run in range(runs):
        body = bodies[run % len(bodies)]
        started = time.perf_counter()
        response = client.post("/_dash-update-component", json=body)
        timings.append((time.perf_counter() - started) * 1000)
        sizes.append(len(response.data))
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(f"filter change, server time over {runs} requests: "
          f"median {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, "
          f"response median {statistics.median(sizes) / 1024:.1f} KiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
