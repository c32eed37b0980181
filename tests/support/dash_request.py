"""The request the browser sends for the dashboard callback, for tests and benchmarks."""

from __future__ import annotations


def callback_request(spec: dict, trigger: str, values: dict[str, object]) -> dict:
    """Body of a POST to /_dash-update-component for the callback `spec` (an entry of
    /_dash-dependencies), as the browser sends it when `trigger` (e.g. "filter-centre.value")
    changed.

    `values` gives inputs by component id (e.g. {"filter-centre": ["akademiska"]});
    every other input is sent empty, as on a fresh page; a pattern-matching input or
    state (the deck panel's) as matching no component.
    """
    outputs = []
    for part in spec["output"].strip(".").split("..."):
        component, prop = part.rsplit(".", 1)
        outputs.append({"id": component, "property": prop})

    def sent(item: dict) -> dict | list:
        if item["id"].startswith("{"):
            return []
        default = [] if item["id"].startswith("filter-") else None
        value = values.get(item["id"], "" if item["id"] == "url" else default)
        return {"id": item["id"], "property": item["property"], "value": value}

    return {
        "output": spec["output"],
        "outputs": outputs,
        "inputs": [sent(item) for item in spec["inputs"]],
        "changedPropIds": [trigger],
        "state": [sent(item) for item in spec.get("state", [])],
    }


def dashboard_request(dependencies: list, trigger: str, values: dict[str, object]) -> dict:
    """Body of a POST for the dashboard callback, the one that listens to the URL.

    The browser sends the link's query string as `values["url"]`: the one the previous
    response set (see `search_after`), or '' on a fresh page.
    """
    spec = next(d for d in dependencies if any(i["id"] == "url" for i in d["inputs"]))
    return callback_request(spec, trigger, values)


def search_after(response: dict, search: str) -> str:
    """The link's query string once the browser applied a dashboard response: the one it
    sets, or `search` (what the request carried) when it leaves the URL as it was."""
    return response.get("response", {}).get("url", {}).get("search", search)


def page_request(dependencies: list, search: str = "") -> dict:
    """Body of the POST that renders the page for a link (the layout is only a shell)."""
    spec = next(
        d
        for d in dependencies
        if any(i["id"] == "boot" for i in d["inputs"]) and d["clientside_function"] is None
    )
    component, prop = spec["output"].rsplit(".", 1)
    return {
        "output": spec["output"],
        "outputs": {"id": component, "property": prop},
        "inputs": [{"id": "boot", "property": "data", "value": {"search": search}}],
        "changedPropIds": ["boot.data"],
        "state": [],
    }


def dataset_request(dependencies: list, search: str) -> dict:
    """Body of the POST that the header's data download sends, for the view of `search`."""
    spec = next(d for d in dependencies if any(i["id"] == "download-dataset" for i in d["inputs"]))
    component, prop = spec["output"].split("@")[0].rsplit(".", 1)
    return {
        "output": spec["output"],
        "outputs": {"id": component, "property": prop},
        "inputs": [{"id": "download-dataset", "property": "n_clicks", "value": 1}],
        "state": [{"id": "url", "property": "search", "value": search}],
        "changedPropIds": ["download-dataset.n_clicks"],
    }


def export_request(dependencies: list, chart: str, kind: str, search: str) -> dict:
    """Body of the POST that a chart's download button (png, svg, csv or xlsx) sends."""
    spec = next(d for d in dependencies if '"type":"export"' in d["inputs"][0]["id"])
    outputs = [
        dict(zip(("id", "property"), part.rsplit(".", 1), strict=True))
        for part in spec["output"].strip(".").split("...")
    ]
    # The button's id as Dash names it: JSON with sorted keys and no spaces.
    button = f'{{"chart":"{chart}","kind":"{kind}","type":"export"}}'
    return {
        "output": spec["output"],
        "outputs": outputs,
        "inputs": [
            [
                {
                    "id": {"chart": chart, "kind": kind, "type": "export"},
                    "property": "n_clicks",
                    "value": 1,
                }
            ]
        ],
        "state": [{"id": "url", "property": "search", "value": search}],
        "changedPropIds": [f"{button}.n_clicks"],
    }


def rendered_prop(response: dict, component_id: str, prop: str):
    """A property of a component in the page that a page render (`page_request`) answered
    with, e.g. the data version the page then sends with every filter change."""
    stack = list(response["response"].values())
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            props = node.get("props", node)
            if props.get("id") == component_id and prop in props:
                return props[prop]
            stack.extend(value for value in props.values() if isinstance(value, list | dict))
    raise KeyError(f"{component_id}.{prop} is not in the rendered page")
