"""Scale-out: any instance serves any request identically, so a load balancer needs no stickiness.

Each process holds only the data snapshot of the shared folder; the view lives in the
link, which every request carries. Two gunicorn instances on one folder must therefore
answer alike, even when consecutive requests of one page go to different instances.
Answers are compared as JSON data: Dash orders a component's data-* and aria-* props
through a set, so their order in the bytes depends on each process's string hashing.
"""

from __future__ import annotations

import json
import re
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from atmp.data import load_snapshot
from atmp.state import join_query
from tests.support.dash_request import dashboard_request, export_request, page_request
from tests.support.data_files import set_patients
from tests.support.gunicorn_app import Instance, get, gunicorn, post

LINK = "?centre=akademiska&class=sctmp,tep&lang=sv&theme=dark"
STATUS_BAR = {"points": [{"customdata": ["status", "open"]}]}
# A page's interactions as the browser sends them: (what changed, its new value); a change
# of "url.search" follows a link of the previous answer, as the theme button does.
STEPS = [
    ("url.search", None),
    ("filter-centre.value", ["karolinska"]),
    ("filter-atmp_class.value", ["ex_vivo_gtmp"]),
    ("url.search", "theme"),
    ("chart-trials_by_status.clickData", STATUS_BAR),
    ("filter-status.value", ["open", "follow_up"]),
    ("reset-filters.n_clicks", 1),
    ("filter-disease_area.value", ["oncology"]),
]


def _page(instance: Instance) -> tuple[str, dict, str]:
    """The page's HTML around Dash's config, and the config as data without its random token.

    Dash signs a token of each page load (`end_id`) for background callbacks only, which
    the app has none of.
    """
    html = get(f"{instance.base}/").decode()
    head, config, tail = re.split(
        r'<script id="_dash-config" type="application/json">(.*?)'
        r"</script>",
        html,
        flags=re.DOTALL,
    )
    return head, {**json.loads(config), "end_id": None}, tail


def _callback(instance: Instance, body: dict) -> dict:
    return json.loads(post(f"{instance.base}/_dash-update-component", body))


def _filter_changes(instances: list[Instance]) -> list[dict]:
    """STEPS on one page, step n sent to instance n % len(instances); each answer.

    Every request carries the dropdowns' values and the query string as the previous
    answer left them, as the browser does.
    """
    search, dropdowns, links, answers = LINK, {}, {}, []
    for n, (trigger, value) in enumerate(STEPS):
        component = trigger.rsplit(".", 1)[0]
        if component == "url":
            search = links.get(value, search)
        elif component.startswith("filter-"):
            dropdowns[component] = value
        values = {**dropdowns, "url": search, **({} if component == "url" else {component: value})}
        answer = _callback(
            instances[n % len(instances)],
            dashboard_request(instances[0].dependencies, trigger, values),
        )
        answers.append(answer)
        changed = answer["response"]
        search = changed.get("url", {}).get("search", search)
        view = changed["view-state"]["data"]
        links = {key: join_query(view["filters"], move) for key, move in view["moves"].items()}
        dropdowns |= {
            key: outputs["value"]
            for key, outputs in changed.items()
            if key.startswith("filter-") and "value" in outputs
        }  # else kept
    return answers


def _cart_patients(instance: Instance) -> str:
    answer = _callback(instance, dashboard_request(instance.dependencies, "url.search", {}))
    return answer["response"]["kpi-cart-value"]["children"]


def test_scl001_the_data_version_is_the_files_not_when_they_were_read(published, data_copy):
    assert load_snapshot(data_copy).version == published.version  # another folder, a later load
    set_patients(data_copy, "akademiska", 38, 40)
    assert load_snapshot(data_copy).version != published.version


@pytest.mark.server
def test_scl002_two_instances_answer_every_request_identically(data_copy: Path):
    with (
        gunicorn(data_copy, WEB_CONCURRENCY="1", ATMP_RELOAD_SECONDS="0.1") as one,
        gunicorn(data_copy, WEB_CONCURRENCY="1", ATMP_RELOAD_SECONDS="0.1") as two,
    ):
        assert one.dependencies == two.dependencies
        assert _page(one) == _page(two)
        for path in ("/_dash-layout", "/_dash-dependencies"):
            assert json.loads(get(one.base + path)) == json.loads(get(two.base + path)), path
        page = page_request(one.dependencies, LINK)
        assert _callback(one, page) == _callback(two, page)

        alternating = _filter_changes([one, two])
        assert alternating == _filter_changes([one])
        searches = [answer["response"].get("url", {}).get("search") for answer in alternating]
        assert searches == [  # each step built on the one before; the theme link drops "dark"
            None,
            "?centre=karolinska&class=sctmp,tep&lang=sv&theme=dark",
            "?centre=karolinska&class=ex_vivo_gtmp&lang=sv&theme=dark",
            None,
            "?centre=karolinska&class=ex_vivo_gtmp&status=open&lang=sv",
            "?centre=karolinska&class=ex_vivo_gtmp&status=open,follow_up&lang=sv",
            "?lang=sv",
            "?disease=oncology&lang=sv",
        ]

        download = export_request(one.dependencies, "trials_by_class", "csv", LINK)
        sent = _callback(one, download)
        assert sent == _callback(two, download)
        assert sent["response"]["download"]["data"]["filename"].startswith("trials_by_class-")

        # A data update reaches both on their own, and they agree again, the data version too.
        set_patients(data_copy, "akademiska", 38, 40)
        for _ in range(100):
            if _cart_patients(one) == _cart_patients(two) == "114":
                break
            time.sleep(0.05)
        assert _cart_patients(one) == _cart_patients(two) == "114"
        assert _callback(one, page) == _callback(two, page)


def test_scl003_a_full_answer_moves_the_pages_data_version(data_copy: Path):
    """Two instances a few seconds apart in their data: a change answered by the other
    one is sent whole and moves the page's version, so the change after it, answered by
    the first again, is not a patch against numbers the page no longer shows."""
    from app import server
    from atmp import store
    from components import ids
    from tests.support.dash_request import rendered_prop, search_after

    client = server.test_client()
    dependencies = client.get("/_dash-dependencies").get_json()
    before = store.current()
    first = load_snapshot(data_copy)
    set_patients(data_copy, "akademiska", 38, 40)
    second = load_snapshot(data_copy)

    def change(trigger: str, values: dict) -> dict:
        body = dashboard_request(dependencies, trigger, values)
        return client.post("/_dash-update-component", json=body).get_json()["response"]

    try:
        store.install(first)
        page = client.post(
            "/_dash-update-component", json=page_request(dependencies, "")
        ).get_json()
        shown = rendered_prop(page, ids.DATA_VERSION, "data")
        store.install(second)  # the next change reaches the other instance
        centre = {"filter-centre": ["akademiska"], ids.DATA_VERSION: shown, "url": ""}
        answer = change("filter-centre.value", centre)
        assert answer["kpi-cart-value"]["children"] == "40"
        shown = answer[ids.DATA_VERSION]["data"]
        assert shown == second.version
        store.install(first)  # and the one after it, the first again
        status = {
            **centre,
            "filter-status": ["open"],
            ids.DATA_VERSION: shown,
            "url": search_after({"response": answer}, ""),
        }
        again = change("filter-status.value", status)
        assert again["kpi-cart-value"]["children"] == "38"  # whole, not a patch on 40
        assert again[ids.DATA_VERSION]["data"] == first.version
    finally:
        store.install(before)


@pytest.mark.server
def test_scl004_a_fresh_instance_serves_the_scripts_of_a_page_another_instance_wrote(
    data_copy: Path,
):
    """Behind a load balancer the page may come from one instance and its scripts, all at
    once, from another that has had no request yet: each must be served (Dash learns
    which files it may serve on its first request; threads asking at once raced it)."""
    with gunicorn(data_copy, WEB_CONCURRENCY="1") as writer:
        page = get(writer.base + "/").decode()
    files = re.findall(r'(?:src|href)="(/_dash-component-suites/[^"]+|/assets/[^"]+)"', page)
    assert any("dash_renderer" in path for path in files)
    with (
        gunicorn(data_copy, untouched=True, WEB_CONCURRENCY="1") as fresh,
        ThreadPoolExecutor(len(files)) as pool,
    ):
        # urllib raises on a 4xx or 5xx
        list(pool.map(lambda path: get(fresh.base + path), files))
