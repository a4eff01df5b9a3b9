"""Drive a Dash app through its own HTTP endpoints, as the browser's renderer does.

Used by the integration tests and by the benchmark: render a page through the Pages
router, keep the props of every component, then fire callbacks for a changed input and
record each response's size and server time.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field

ROUTER_OUTPUT = "_pages_content.children"


@dataclass
class Call:
    output: str
    bytes: int
    seconds: float
    response: dict

    @property
    def outputs(self) -> set[str]:
        """``id.prop`` of every output the answer changes (those left unchanged by a
        multi-output callback are not in it)."""
        return {f"{cid}.{prop}" for cid, props in (self.response.get("response") or {}).items()
                for prop in props}


@dataclass
class DashClient:
    client: object  # a Flask test client (or anything with get/post like it)
    props: dict[tuple[str, str], object] = field(default_factory=dict)
    deps: list[dict] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)  # e.g. the CSRF header

    def render(self, pathname: str = "/", search: str = "") -> dict:
        """Render a page through the router; remember every component's props."""
        assert self.client.get(pathname).status_code == 200
        self.deps = self.client.get("/_dash-dependencies").get_json()
        router = next(d for d in self.deps if ROUTER_OUTPUT in d["output"])
        loc = router["inputs"][0]["id"]
        self.props[(loc, "pathname")] = pathname
        self.props[(loc, "search")] = search
        call = self._post(router, changed=[f"{loc}.pathname"])
        content = call.response["response"]["_pages_content"]["children"]
        self.props = {k: v for k, v in self.props.items() if k[0] == loc}
        self._collect(content)
        return content

    def _collect(self, node) -> None:
        if isinstance(node, list):
            for child in node:
                self._collect(child)
        elif isinstance(node, dict) and "props" in node:
            props = node["props"]
            if isinstance(props.get("id"), str):
                for key, value in props.items():
                    self.props[(props["id"], key)] = value
            elif isinstance(props.get("id"), dict):  # a pattern-matching id
                for key, value in props.items():
                    self.props[(json.dumps(props["id"], sort_keys=True), key)] = value
            self._collect(props.get("children"))

    def _spec(self, dep_part: dict) -> dict | list[dict]:
        cid, prop = dep_part["id"], dep_part["property"]
        if cid.startswith("{"):
            # As the renderer does: every rendered component the pattern matches (ALL).
            pattern = json.loads(cid)
            fixed = {k: v for k, v in pattern.items() if not isinstance(v, list)}
            found = [json.loads(k) for k, p in self.props if p == prop and k.startswith("{")]
            return [{"id": i, "property": prop,
                     "value": self.props[(json.dumps(i, sort_keys=True), prop)]}
                    for i in found if {k: i.get(k) for k in fixed} == fixed
                    and set(i) == set(pattern)]
        return {"id": cid, "property": prop, "value": self.props.get((cid, prop))}

    def _post(self, dep: dict, changed: list[str]) -> Call:
        outputs = [{"id": o.split(".")[0], "property": o.split(".")[1]}
                   for o in dep["output"].strip(".").split("...")]
        payload = {"output": dep["output"], "outputs": outputs if len(outputs) > 1
                   else outputs[0],
                   "inputs": [self._spec(i) for i in dep["inputs"]],
                   "state": [self._spec(s) for s in dep["state"]],
                   "changedPropIds": changed}
        t0 = time.perf_counter()
        res = self.client.post("/_dash-update-component", json=payload,
                                **({"headers": self.headers} if self.headers else {}))
        seconds = time.perf_counter() - t0
        body = res.get_data()
        if res.status_code == 204:
            return Call(dep["output"], 0, seconds, {})
        assert res.status_code == 200, body[:500]
        return Call(dep["output"], len(body), seconds, json.loads(body))

    def change(self, cid: str, prop: str, value) -> list[Call]:
        """Set a prop and fire the server callbacks that depend on it, as the renderer
        does: a callback whose inputs are outputs of another pending callback waits for
        it, then fires once with every changed input."""
        self.props[(cid, prop)] = value
        changed = {f"{cid}.{prop}"}
        server = [d for d in self.deps
                  if not d.get("clientside_function") and ROUTER_OUTPUT not in d["output"]]
        fired: set[str] = set()
        calls: list[Call] = []
        while True:
            pending = [d for d in server if d["output"] not in fired
                       and changed & set(_names(d["inputs"]))]
            pending_outputs = {o for d in pending for o in _outputs(d)}
            ready = [d for d in pending
                     if not (set(_names(d["inputs"])) & (pending_outputs - set(_outputs(d))))]
            if not ready:
                return calls
            for dep in ready:
                fired.add(dep["output"])
                call = self._post(dep, sorted(changed & set(_names(dep["inputs"]))))
                calls.append(call)
                for out_id, values in (call.response.get("response") or {}).items():
                    for out_prop, val in values.items():
                        if not _is_patch(val):
                            self.props[(out_id, out_prop)] = val
                        changed.add(f"{out_id}.{out_prop}")


def _names(parts: list[dict]) -> list[str]:
    return [f"{p['id']}.{p['property']}" for p in parts]


def _outputs(dep: dict) -> list[str]:
    return dep["output"].strip(".").split("...")


def _is_patch(value) -> bool:
    return isinstance(value, dict) and value.get("__dash_patch_update")



def walk(node):
    """Every component in a serialised component tree, depth first."""
    if isinstance(node, list):
        for child in node:
            yield from walk(child)
    elif isinstance(node, dict) and "props" in node:
        yield node
        yield from walk(node["props"].get("children"))


def texts(node) -> list[str]:
    """Every text (and number) shown in a serialised component tree, in document order."""
    if isinstance(node, str | int | float) and not isinstance(node, bool):
        return [str(node)]
    if isinstance(node, list):
        return [t for child in node for t in texts(child)]
    if isinstance(node, dict) and "props" in node:
        return texts(node["props"].get("children"))
    return []


def hrefs(node) -> list[str]:
    """Every link target in a serialised component tree."""
    return [n["props"]["href"] for n in walk(node) if n["props"].get("href")]
