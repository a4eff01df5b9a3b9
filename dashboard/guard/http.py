"""The guard on Dash's HTTP endpoints: a malformed callback request answers 400, a value of
the wrong type or size answers "no update" (204), before Dash or a callback sees it.

Checked, in this order, each bounded in work: the body's size (Flask's
``MAX_CONTENT_LENGTH``), its nesting depth (found without parsing, so 100,000 nested
brackets never reach the recursive JSON parser), its shape (a pydantic model of Dash's
request), the callback it names (a server callback of this app), the number and names of
its inputs and states, and each value (:mod:`dashboard.guard.props`). Values are replaced
by their parsed form, so a callback gets a year as an int, never ``"²"``.
"""

from __future__ import annotations

import logging
import re
from typing import Annotated, Any

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, StrictStr, ValidationError

from dashboard.guard.props import known, parse_prop
from dashboard.guard.values import Refused

LOG = logging.getLogger(__name__)
UPDATE_PATH = "/_dash-update-component"
#: Largest request body: an upload of dcc.Upload's cap in base64, plus the rest.
MAX_BODY = 12 * 1024 * 1024
#: Deepest nesting of a callback request (a figure's clickData is about 6 deep).
MAX_DEPTH = 32
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")


def json_depth(raw: bytes) -> int:
    """Deepest nesting of brackets in a JSON text, strings skipped (not parsed)."""
    brackets = _STRING.sub(b"", raw).translate(None, _NOT_BRACKET)
    if not brackets:
        return 0
    codes = np.frombuffer(brackets, dtype=np.uint8)
    steps = np.where((codes == ord("[")) | (codes == ord("{")), 1, -1)
    return int(np.cumsum(steps).max())


_Id = StrictStr | dict[StrictStr, Any]


class _Part(BaseModel):
    model_config = ConfigDict(extra="ignore")
    id: _Id
    property: Annotated[StrictStr, Field(max_length=100)]
    value: Any = None


_Parts = Annotated[list[_Part | Annotated[list[_Part], Field(max_length=10_000)]],
                   Field(max_length=200)]


class UpdateRequest(BaseModel):
    """A callback request as Dash's renderer sends it (other keys are ignored)."""

    model_config = ConfigDict(extra="ignore")
    output: Annotated[StrictStr, Field(max_length=10_000)]
    outputs: _Part | Annotated[list[_Part | list[_Part]], Field(max_length=200)]
    inputs: _Parts
    state: _Parts = []
    changedPropIds: Annotated[list[Annotated[StrictStr, Field(max_length=2000)]],  # noqa: N815
                              Field(max_length=200)] = []


class BadRequest(ValueError):
    """The request is malformed: answered with 400 and this message."""


def _declared(parts: list[dict]) -> list[tuple[str, str, bool]]:
    # Dash keeps a pattern-matching id as its JSON text ("{...}").
    return [(p["id"], p["property"], str(p["id"]).startswith("{")) for p in parts]


def _check_parts(sent: list, declared: list[dict], what: str) -> None:
    expected = _declared(declared)
    if len(sent) != len(expected):
        raise BadRequest(f"{what}: {len(sent)} sent, {len(expected)} expected")
    for part, (cid, prop, pattern) in zip(sent, expected, strict=True):
        if pattern:
            items = part if isinstance(part, list) else [part]
            for item in items:
                if not isinstance(item.id, dict) or item.property != prop:
                    raise BadRequest(f"{what}: not {prop} of a pattern-matching id")
        elif isinstance(part, list) or part.id != cid or part.property != prop:
            raise BadRequest(f"{what}: expected {cid}.{prop}")


def check_update(raw: bytes, callback_map: dict) -> tuple[dict, list[str]]:
    """Check a callback request body; parse its values.

    Parameters
    ----------
    raw : bytes
        The request body.
    callback_map : dict
        The app's ``callback_map`` (output -> callback).

    Returns
    -------
    tuple
        The body as a dict with every value parsed, and the problems with values (empty
        when all are of their type): with any, the callback must not run.

    Raises
    ------
    BadRequest
        For a body that is not a callback request of this app.
    """
    import json

    if len(raw) > MAX_BODY:
        raise BadRequest("body too large")
    if json_depth(raw) > MAX_DEPTH:
        raise BadRequest(f"nested deeper than {MAX_DEPTH}")
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):
        raise BadRequest("not JSON") from None
    if not isinstance(body, dict):
        raise BadRequest("not a JSON object")
    try:
        request = UpdateRequest.model_validate(body)
    except ValidationError as exc:
        first = exc.errors(include_input=False)[0]
        where = ".".join(str(p) for p in first["loc"][:3])
        raise BadRequest(f"{where}: {first['msg']}") from None
    callback = callback_map.get(request.output)
    if not callback or "callback" not in callback:
        raise BadRequest("unknown output")
    outputs = request.outputs if isinstance(request.outputs, list) else [request.outputs]
    if len(outputs) != len(request.output.strip(".").split("...")):
        raise BadRequest("outputs do not match output")
    _check_parts(request.inputs, callback["inputs"], "inputs")
    _check_parts(request.state, callback["state"], "state")
    problems: list[str] = []
    for key in ("inputs", "state"):
        for part in body.get(key, []):
            for item in part if isinstance(part, list) else [part]:
                if not known(item["id"], item["property"]):
                    # An input props.py does not type yet is passed on as sent (bounded by
                    # the checks above); tests/integration/test_guard.py fails until it is.
                    continue
                try:
                    item["value"] = parse_prop(item["id"], item["property"], item.get("value"))
                except Refused as exc:
                    problems.append(str(exc))
    return body, problems


def unchecked(callback_map: dict) -> list[str]:
    """Inputs and states of server callbacks that :mod:`dashboard.guard.props` does not
    type (should be none)."""
    out = []
    for output, callback in callback_map.items():
        if "callback" not in callback:
            continue
        for part in callback["inputs"] + callback["state"]:
            cid = part["id"]
            if str(cid).startswith("{"):
                import json

                cid = json.loads(cid)
            if not known(cid, part["property"]):
                out.append(f"{output}: {part['id']}.{part['property']}")
    return out


def install(app) -> None:
    """Guard the Dash ``app``'s callback endpoint (a Flask ``before_request`` hook).

    Parameters
    ----------
    app : dash.Dash
        The app; its callbacks may be registered before or after this call.
    """
    from flask import request

    server = app.server
    server.config["MAX_CONTENT_LENGTH"] = MAX_BODY

    def guard_update():
        if request.method != "POST" or not request.path.endswith(UPDATE_PATH):
            return None
        try:
            body, problems = check_update(request.get_data(cache=True), app.callback_map)
        except BadRequest as exc:
            LOG.info("refused callback request: %s", exc)
            return f"Bad request: {exc}\n", 400, {"Content-Type": "text/plain; charset=utf-8"}
        if problems:
            LOG.info("callback not run, values refused: %s", "; ".join(problems[:5]))
            return "", 204
        # Dash reads the body with request.get_json(), which returns this cache: so Dash and
        # the callback see the parsed values, and the body is parsed once.
        request._cached_json = (body, body)
        return None

    # After Dash's own first-request set-up (which registers the page router's callback).
    server.before_request(guard_update)
