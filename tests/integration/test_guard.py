"""The request guard (dashboard/guard/) end to end, through the real Dash endpoint: the exact
hostile requests of issue 15, each with what it now gets.

Malformed bodies answer 400; a forged callback with a value of the wrong type or size is
not run (204, "no update"); a wrong value of the right type reaches the page's own
validation and gets its notice. Nothing answers 500.
"""

from __future__ import annotations

import base64
import json
from urllib.parse import quote

import pytest

from dashboard import ids
from dashboard.exports.downloads import FORMATS
from tests.dash_client import ROUTER_OUTPUT
from tests.editor import sign_in

UPDATE = "/_dash-update-component"


@pytest.fixture
def client(built_store, monkeypatch):
    monkeypatch.setenv("DASHBOARD_STORE", str(built_store))
    monkeypatch.delenv("DASHBOARD_DEBUG", raising=False)
    from app import create_app

    client = create_app().server.test_client()
    assert client.get("/").status_code == 200
    return client


def deps(client) -> list[dict]:
    return client.get("/_dash-dependencies").get_json()


def dep_of(client, output: str) -> dict:
    """The server callback whose output is exactly ``output`` (or contains it)."""
    found = [d for d in deps(client) if not d.get("clientside_function")
             and (d["output"] == output or output in d["output"].strip(".").split("..."))]
    assert len(found) == 1, (output, [d["output"] for d in found])
    return found[0]


def payload(dep: dict, values: dict | None = None, changed: str | None = None) -> dict:
    """A callback request as the renderer builds it, with ``values[(id, prop)]`` filled in
    (None elsewhere; a pattern-matching part is an empty list unless given)."""
    values = values or {}

    def part(p):
        key = (p["id"], p["property"])
        if p["id"].startswith("{"):
            return values.get(key, [])
        return {"id": p["id"], "property": p["property"], "value": values.get(key)}

    outputs = [{"id": o.split(".")[0], "property": o.split(".")[1]}
               for o in dep["output"].strip(".").split("...")]
    first = dep["inputs"][0]
    return {"output": dep["output"], "outputs": outputs if len(outputs) > 1 else outputs[0],
            "inputs": [part(p) for p in dep["inputs"]],
            "state": [part(p) for p in dep["state"]],
            "changedPropIds": [changed or f"{first['id']}.{first['property']}"]}


def post(client, body, headers: dict | None = None):
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return client.post(UPDATE, data=data, content_type="application/json", headers=headers)


# -- malformed bodies: 400 ---------------------------------------------------------------------

def _router(client) -> dict:
    return next(d for d in deps(client) if ROUTER_OUTPUT in d["output"])


MALFORMED = {
    "null": lambda c: b"null",
    "a list": lambda c: b"[]",
    "a number": lambda c: b"42",
    "not json": lambda c: b"{not json",
    "100,000 deep": lambda c: b"[" * 100_000 + b"]" * 100_000,
    "100,000 deep in a value": lambda c: json.dumps(payload(_router(c))).replace(
        '"value": null', '"value": ' + "[" * 100_000 + "]" * 100_000, 1).encode(),
    "missing inputs": lambda c: {k: v for k, v in payload(_router(c)).items()
                                 if k != "inputs"},
    "unknown output": lambda c: {**payload(_router(c)), "output": "nope.children"},
    "a clientside output": lambda c: payload(dep_of_clientside(c)),
    "one input too many": lambda c: {**payload(_router(c)),
                                     "inputs": payload(_router(c))["inputs"] * 2},
    "another component's input": lambda c: {
        **payload(dep_of(c, f"{ids.EXPLORER_BAR}.figure")),
        "inputs": [{"id": "nav-bar", "property": "children", "value": None}] * 5},
    "inputs not a list": lambda c: {**payload(_router(c)), "inputs": {"a": 1}},
    "output a list": lambda c: {**payload(_router(c)), "output": ["x"]},
    "property not a string": lambda c: {**payload(_router(c)), "inputs": [
        {"id": "_pages_location", "property": 5, "value": "/"}] * 2},
}


def dep_of_clientside(client) -> dict:
    return next(d for d in deps(client) if d.get("clientside_function"))


@pytest.mark.parametrize("name", list(MALFORMED))
def test_malformed_callback_request_answers_400(client, name):
    response = post(client, MALFORMED[name](client))
    body = response.get_data(as_text=True)
    assert response.status_code == 400, body[:300]
    assert body.startswith("Bad request") and len(body) < 300
    assert "Traceback" not in body


def test_every_input_and_state_of_every_callback_is_typed(client):
    from dashboard.guard.http import unchecked

    app = client.application.extensions.get("dash_app") or _app_of(client)
    assert unchecked(app.callback_map) == []


def _app_of(client):
    import dash

    return dash.get_app()


def test_a_body_over_the_size_limit_is_refused_unread(client):
    from dashboard.guard.http import MAX_BODY

    response = post(client, b" " * (MAX_BODY + 1))
    assert response.status_code == 413


@pytest.mark.parametrize("path", ["/_dash-component-suites/nope/x.js",
                                  "/_dash-component-suites/dash/nope.js"])
def test_unknown_component_suite_is_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    body = response.get_data(as_text=True)
    assert "Registered" not in body and "site-packages" not in body


# -- forged values: never a 500, the callback not run -----------------------------------------

PROJECTS_LIST = f"{ids.PROJECTS_LIST}.children"
FORGED = [
    # (output, {(id, prop): value}, changed) -> the callback must not run (204)
    (PROJECTS_LIST, {(ids.PROJECTS_YEAR_FROM, "value"): 2014,
                     (ids.PROJECTS_YEAR_TO, "value"): "30000000"}, ids.PROJECTS_YEAR_TO),
    (PROJECTS_LIST, {(ids.PROJECTS_YEAR_TO, "value"): "1" * 5000}, ids.PROJECTS_YEAR_TO),
    (PROJECTS_LIST, {(ids.PROJECTS_YEAR_FROM, "value"): "²"}, ids.PROJECTS_YEAR_FROM),
    (PROJECTS_LIST, {(ids.PROJECTS_PILLARS, "value"): 5}, ids.PROJECTS_PILLARS),
    (PROJECTS_LIST, {(ids.PROJECTS_PILLARS, "value"): True}, ids.PROJECTS_PILLARS),
    (PROJECTS_LIST, {(ids.PROJECTS_AREA, "value"): ["GM0599"]}, ids.PROJECTS_AREA),
    (PROJECTS_LIST, {(ids.PROJECTS_ORGANISATION, "value"): {"$ne": ""}},
     ids.PROJECTS_ORGANISATION),
    (f"{ids.EXPLORER_SELECTION}.data", {(ids.EXPLORER_CLICK, "data"): "BU05991572"},
     ids.EXPLORER_CLICK),
    (f"{ids.EXPLORER_SELECTION}.data", {(ids.EXPLORER_CLICK, "data"): ["BU05991572"]},
     ids.EXPLORER_CLICK),
    (f"{ids.EXPLORER_SELECTION}.data", {(ids.EXPLORER_CLICK, "data"): {"code": "BU05991572"},
                                        (ids.EXPLORER_SELECTION, "data"): [1, 2]},
     ids.EXPLORER_CLICK),
    (f"{ids.EXPLORER_SELECTION}.data", {(ids.EXPLORER_CLICK, "data"): {"code": "BU05991572"},
                                        (ids.EXPLORER_SELECTION, "data"): "BU05991572"},
     ids.EXPLORER_CLICK),
    (f"{ids.EXPLORER_BAR}.figure", {(ids.EXPLORER_INDICATOR, "value"): ["inwoners"]},
     ids.EXPLORER_INDICATOR),
    (f"{ids.EXPLORER_BAR}.figure", {(ids.EXPLORER_YEAR, "value"): "²"}, ids.EXPLORER_YEAR),
    (f"{ids.EXPLORER_BAR}.figure", {(ids.EXPLORER_SELECTION, "data"): ["x"] * 10_000},
     ids.EXPLORER_SELECTION),
    (f"{ids.COMPARE_TABLE}.children", {(ids.COMPARE_AREAS, "value"): 5}, ids.COMPARE_AREAS),
    (f"{ids.COMPARE_TABLE}.children", {(ids.COMPARE_INDICATORS, "value"): "inwoners"},
     ids.COMPARE_INDICATORS),
    (f"{ids.PROFILE_OPEN}.href", {(ids.PROFILE_PICKER, "value"): ["GM0599"]},
     ids.PROFILE_PICKER),
    (f"{ids.TARGETS_LOCATION}.href", {(ids.TARGETS_FORM_SAVE, "n_clicks"): 1,
                                      (ids.TARGETS_FORM_FIELDS["fixed_value"], "value"):
                                      int("9" * 400)}, ids.TARGETS_FORM_SAVE),
    (f"{ids.TARGETS_LOCATION}.href", {(ids.TARGETS_FORM_SAVE, "n_clicks"): 1,
                                      (ids.TARGETS_FORM_FIELDS["text_nl"], "value"):
                                      {"nl": "x"}}, ids.TARGETS_FORM_SAVE),
    (f"{ids.TARGETS_LOCATION}.href", {(ids.TARGETS_FORM_SAVE, "n_clicks"): 1,
                                      (ids.TARGETS_FORM_FIELDS["key"], "value"): "a\x00b"},
     ids.TARGETS_FORM_SAVE),
    (f"{ids.PROJECTS_UPLOAD_RESULT}.children", {(ids.PROJECTS_UPLOAD, "contents"): ["x"],
                                                (ids.PROJECTS_UPLOAD, "filename"): "a.csv"},
     ids.PROJECTS_UPLOAD),
]


@pytest.mark.parametrize(("output", "values", "changed"), FORGED,
                         ids=[f"{o.split('.')[0]}:{json.dumps(list(v.values()))[:40]}"
                              for o, v, _ in FORGED])
def test_forged_value_of_the_wrong_type_or_size_is_not_run(client, output, values, changed):
    dep = dep_of(client, output)
    prop = next(p["property"] for p in dep["inputs"] if p["id"] == changed)
    response = post(client, payload(dep, {(k[0], k[1]): v for k, v in values.items()},
                                    f"{changed}.{prop}"))
    assert response.status_code == 204, response.get_data(as_text=True)[:300]


def test_the_same_callbacks_run_with_good_values(client):
    dep = dep_of(client, PROJECTS_LIST)
    response = post(client, payload(dep, {(ids.PROJECTS_YEAR_FROM, "value"): 2018,
                                          (ids.PROJECTS_YEAR_TO, "value"): "2020",
                                          (ids.PROJECTS_LANG, "data"): "nl"},
                                    f"{ids.PROJECTS_YEAR_TO}.value"))
    assert response.status_code == 200
    assert "projects-table" in response.get_data(as_text=True)


def test_a_forged_target_save_stores_nothing_even_for_an_editor(client):
    """The guard and the editor check are two layers: a signed-in editor's forged values are
    still never run, and the same save with good values then goes through both."""
    from dashboard.targets.db import saved_targets

    headers = sign_in(client)
    dep = dep_of(client, f"{ids.TARGETS_LOCATION}.href")
    good = {"key": "forged_text", "pillar": "werk", "indicator": "inwoners",
            "area": "GM0599", "rule": "g4", "baseline_year": 2018, "target_year": 2030}
    values = {(ids.TARGETS_FORM_FIELDS[k], "value"): v for k, v in good.items()}
    values[(ids.TARGETS_FORM_SAVE, "n_clicks")] = 1
    values[(ids.TARGETS_LANG, "data")] = "nl"
    changed = f"{ids.TARGETS_FORM_SAVE}.n_clicks"
    for text in ({"nl": "x"}, ["x"], 12, "a\x00b"):
        forged = values | {(ids.TARGETS_FORM_FIELDS["text_nl"], "value"): text}
        response = post(client, payload(dep, forged, changed), headers)
        assert response.status_code == 204
    assert saved_targets() == []
    values[(ids.TARGETS_FORM_FIELDS["text_nl"], "value")] = "Meer mensen aan het werk."
    response = post(client, payload(dep, values, changed), headers)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert [t.key for t in saved_targets()] == ["forged_text"], response.get_data(as_text=True)


def test_a_well_typed_write_still_needs_an_editor(client):
    from dashboard.projects.db import count_activities

    dep = dep_of(client, f"{ids.PROJECTS_UPLOAD_RESULT}.children")
    raw = "project,name,pillar,start_date,area_codes\nP,A,werk,2024-01-01,GM0599\n"
    contents = "data:text/csv;base64," + base64.b64encode(raw.encode()).decode()
    body = payload(dep, {(ids.PROJECTS_UPLOAD, "contents"): contents,
                         (ids.PROJECTS_UPLOAD, "filename"): "a.csv",
                         (ids.PROJECTS_LANG, "data"): "nl"}, f"{ids.PROJECTS_UPLOAD}.contents")
    response = post(client, body)  # passes the guard, refused by the editor check
    assert response.status_code == 200
    assert "Meld u aan" in response.get_data(as_text=True)
    assert count_activities() == 0
    assert post(client, body, sign_in(client)).status_code == 200
    assert count_activities() == 1


# -- unicode digits in URLs --------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS["explorer"])
def test_unicode_digit_year_in_a_download_is_a_400_naming_it(client, fmt):
    response = client.get(f"/download/explorer.{fmt}?year=%C2%B2")
    body = response.get_data(as_text=True)
    assert response.status_code == 400, body[:300]
    assert "‘year’" in body


@pytest.mark.parametrize("fmt", FORMATS["compare"])
def test_unicode_digits_in_a_compare_download_are_a_400(client, fmt):
    response = client.get(f"/download/compare.{fmt}?areas=GM0599,G4&indicators=inwoners"
                          f"&year={quote('²')}")
    assert response.status_code in (200, 400)


@pytest.mark.parametrize("path", ["/", "/projecten", "/vergelijk", "/doelen"])
@pytest.mark.parametrize("year", ["²", "٢٠٢٤", "２０２４", "1" * 5000, "30000000"])
def test_unicode_or_huge_year_in_a_page_url_renders_the_page(client, path, year):
    dep = _router(client)
    body = payload(dep, {("_pages_location", "pathname"): path,
                         ("_pages_location", "search"): "?year=" + quote(year)})
    response = post(client, body)
    assert response.status_code == 200
    text = json.dumps(response.get_json(), ensure_ascii=False)
    assert "Traceback" not in text and len(text) < 3_000_000
    if path == "/":
        assert "‘year’" in text  # the explorer names the parameter it could not use


# -- unknown pages, versions -------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "title"), [("nl", "Pagina niet gevonden"),
                                             ("en", "Page not found")])
def test_an_unknown_page_is_404_in_its_language(client, lang, title):
    assert client.get(f"/nope?lang={lang}").status_code == 404
    assert client.get("/gebied/x/y").status_code == 404
    for known in ("/", "/projecten", "/gebied/BU05991572", "/data"):
        assert client.get(known).status_code == 200, known
    body = payload(_router(client), {("_pages_location", "pathname"): "/nope",
                                     ("_pages_location", "search"): f"?lang={lang}"})
    text = json.dumps(post(client, body).get_json(), ensure_ascii=False)
    assert title in text and "404 - Page not found" not in text


def test_versions_are_not_in_the_page_config(client):
    import sys

    import dash
    import plotly

    html = client.get("/").get_data(as_text=True)
    config = json.loads(html.split('id="_dash-config" type="application/json">')[1]
                        .split("</script>")[0])
    assert not {"dash_version", "python_version", "plotly_version"} & set(config)
    assert sys.version not in html and f'"{plotly.__version__}"' not in html
    assert f'"{dash.__version__}"' not in html


def test_files_and_endpoints_are_not_taken_for_pages(client):
    html = client.get("/").get_data(as_text=True)
    import re

    for src in re.findall(r'(?:src|href)="(/(?:_dash-component-suites|assets)/[^"]+)"', html):
        response = client.get(src)
        assert response.status_code == 200, src
        assert not response.content_type.startswith("text/html"), src
