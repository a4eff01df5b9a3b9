"""Bad input, as a table: malformed URL parameters, huge and hostile strings, path tricks,
corrupt snapshot and store files. Each row states what the app answers: the status code,
a notice naming the parameter (or file), and never a traceback or raw HTML.

Uploads are tested with the upload feature, not here.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from dashboard.pipeline.build import run_build
from dashboard.pipeline.sources.snapshot import SnapshotError
from tests.dash_client import ROUTER_OUTPUT

ROOT = Path(__file__).resolve().parents[2]
HUGE = "x" * 100_000
SCRIPT = "<script>alert(1)</script>"
HOSTILE = [SCRIPT, '"><img src=x onerror=alert(1)>', "\x00nul", "Zuid\u202e\U0001F600é",
           "../../../../etc/passwd", "=HYPERLINK(\"http://x\")", "' OR 1=1 --", HUGE]
PAGES = ["/", "/data", "/doelen", "/projecten", "/vergelijk", "/indicatoren",
         "/gebied/BU05991572"]


@pytest.fixture
def client(built_store, monkeypatch):
    monkeypatch.setenv("DASHBOARD_STORE", str(built_store))
    monkeypatch.delenv("DASHBOARD_DEBUG", raising=False)
    from app import create_app

    return create_app().server.test_client()


def route(client, pathname: str, search: str = ""):
    """POST the Pages router callback as the browser does; returns the raw response."""
    assert client.get("/").status_code in (200, 503)  # sets up the page router
    deps = client.get("/_dash-dependencies").get_json()
    router = next(d for d in deps if ROUTER_OUTPUT in d["output"])
    loc = router["inputs"][0]["id"]
    payload = {"output": router["output"],
               "outputs": [{"id": o.split(".")[0], "property": o.split(".")[1]}
                           for o in router["output"].strip(".").split("...")],
               "inputs": [{"id": loc, "property": "pathname", "value": pathname},
                          {"id": loc, "property": "search", "value": search}],
               "changedPropIds": [f"{loc}.pathname"], "state": []}
    return client.post("/_dash-update-component", json=payload)


def walk(node):
    """Every component (dict with type and props) of a rendered tree."""
    if isinstance(node, list):
        for child in node:
            yield from walk(child)
    elif isinstance(node, dict) and "props" in node:
        yield node
        for value in node["props"].values():
            yield from walk(value)


def notices(content) -> list[str]:
    out = []
    for comp in walk(content):
        if "notice" in str(comp["props"].get("className") or "").split():
            children = comp["props"].get("children")
            out.append(children if isinstance(children, str) else json.dumps(children))
    return out


def assert_safe(response) -> dict:
    """200, no traceback, and no component that could render a string as HTML."""
    body = response.get_data(as_text=True)
    assert response.status_code == 200, body[:300]
    assert "Traceback" not in body and 'File "' not in body
    content = response.get_json()["response"]["_pages_content"]["children"]
    for comp in walk(content):
        assert comp["type"] != "Markdown" or not comp["props"].get("dangerously_allow_html")
        assert "dangerouslySetInnerHTML" not in comp["props"]
    return content


# -- the explorer: every parameter, malformed --------------------------------------------------

EXPLORER_BAD = [
    ("indicator", "nope"), ("indicator", SCRIPT), ("indicator", HUGE),
    ("year", "abc"), ("year", "99999999999999999999999"), ("year", "-1"), ("year", "2024.5"),
    ("level", "planet"), ("level", "\x00"),
    ("area", "../../etc/passwd"), ("area", "GM0599\u202e"),
    ("sel", "BU0599'; DROP TABLE targets;--"), ("sel", SCRIPT),
    ("scale", "continuous;rm -rf"), ("ind2", "=1+1"),
]


@pytest.mark.parametrize(("param", "value"), EXPLORER_BAD,
                         ids=[f"{p}={v[:12]!r}" for p, v in EXPLORER_BAD])
def test_explorer_bad_parameter_gives_a_notice_naming_it(client, param, value):
    content = assert_safe(route(client, "/", f"?{param}={quote(value)}"))
    found = notices(content)
    assert len(found) == 1, found
    assert f"‘{param}’" in found[0]
    assert len(found[0]) < 600  # a 100 kB value is not echoed back in full
    assert "x" * 201 not in json.dumps(content)


def test_explorer_repeated_parameter_uses_the_first(client):
    content = assert_safe(route(client, "/", "?level=wijk&level=planet"))
    assert notices(content) == []
    level = next(c for c in walk(content) if c["props"].get("id") == "explorer-level")
    assert level["props"]["value"] == "wijk"


# -- the other pages: the lang parameter and hostile strings ------------------------------------

@pytest.mark.parametrize("path", ["/", "/data", "/gebied/BU05991572"])
def test_bad_lang_names_the_parameter_in_both_languages(client, path):
    found = notices(assert_safe(route(client, path, "?lang=" + quote(SCRIPT))))
    text = " ".join(found)
    assert "Onbekende taal" in text and "Unknown language" in text
    assert SCRIPT[:20] in text  # shown as text (React escapes it), cut to 20 characters


HOSTILE_IDS = ["script", "img", "nul", "unicode", "traversal", "formula", "sql", "100kB"]
PAGE_CASES = [pytest.param(path, value, id=f"{path}-{name}")
              for path in PAGES for value, name in zip(HOSTILE, HOSTILE_IDS, strict=True)]


@pytest.mark.parametrize(("path", "value"), PAGE_CASES)
def test_every_page_survives_hostile_parameters(client, path, value):
    search = "?" + "&".join(f"{k}={quote(value)}" for k in
                            ("lang", "indicator", "year", "area", "sel", "areas", "code"))
    response = route(client, path, search)
    body = response.get_data(as_text=True)
    assert_safe(response)
    assert len(body) < 2_000_000 and HUGE not in body


# -- the profile path: /gebied/<code> ----------------------------------------------------------

@pytest.mark.parametrize("code", ["NOPE123", SCRIPT, "..%2F..%2Fetc%2Fpasswd", "%00", HUGE])
def test_profile_with_an_unknown_or_hostile_code_says_so(client, code):
    content = assert_safe(route(client, f"/gebied/{code}"))
    text = json.dumps(content)
    assert "root:x:0:0" not in text
    found = notices(content)
    assert len(found) == 1 and ("Er is geen gebied met code" in found[0]), found
    assert len(found[0]) < 300


@pytest.mark.parametrize("path", ["/gebied/../../etc/passwd", "/assets/../app.py",
                                  "/assets/%2e%2e/app.py", "/_dash-component-suites/../app.py"])
def test_path_traversal_serves_no_files(client, path):
    response = client.get(path)
    body = response.get_data(as_text=True)
    # Dash answers an unknown component library with an error; ours is a plain message.
    assert response.status_code in (200, 404, 500), response.status_code
    assert "root:x:0:0" not in body and "def create_app" not in body
    assert "Traceback" not in body


def test_malformed_callback_request_is_a_plain_error(client):
    response = client.post("/_dash-update-component", data=b"{not json",
                           content_type="application/json")
    body = response.get_data(as_text=True)
    assert response.status_code in (400, 500)
    assert "Traceback" not in body and 'File "' not in body


# -- corrupt files --------------------------------------------------------------------------------

def mirror(snapshot: Path, dest: Path) -> Path:
    """The snapshot as symlinks (never copies), so one file can be swapped for a bad one."""
    for path in snapshot.rglob("*"):
        if path.is_file():
            target = dest / path.relative_to(snapshot)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(path)
    return dest


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.unlink()
    path.write_bytes(data[: len(data) // 2])


def _flip_a_digit(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.unlink()
    i = next(i for i, ch in enumerate(text) if ch.isdigit() and i > len(text) // 2)
    path.write_text(text[:i] + str((int(text[i]) + 1) % 10) + text[i + 1:], encoding="utf-8")


def _remove(path: Path) -> None:
    path.unlink()


def _garble(path: Path) -> None:
    path.unlink()
    path.write_text("{not json", encoding="utf-8")


CORRUPT = [
    ("cbs/kwb-odata/85984NED_2024_rotterdam_buurten.json", _truncate, "sha256 differs"),
    ("cbs/kwb-statline/kwb_2016_rotterdam.csv", _flip_a_digit, "sha256 differs"),
    ("cbs/kwb-statline/kwb_2015_rotterdam.csv", _remove, "cannot read"),
    ("datapackage.json", _garble, "not valid JSON"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("rel", "damage", "problem"), CORRUPT,
                         ids=[f"{r.split('/')[-1]}:{d.__name__[1:]}" for r, d, _ in CORRUPT])
def test_corrupt_snapshot_file_is_named_and_the_store_kept(snapshot_dir, built_store, tmp_path,
                                                           rel, damage, problem):
    snap = mirror(snapshot_dir, tmp_path / "snap")
    damage(snap / rel)
    out = tmp_path / "store"
    shutil.copytree(built_store, out)
    before = sorted((p.name, p.read_bytes()) for p in out.iterdir())
    with pytest.raises(SnapshotError) as err:
        run_build(out, snapshot=snap, gemeenten=("GM0599",), data_dir=ROOT / "data",
                  progress=lambda m: None)
    assert str(snap / rel) in str(err.value) and problem in str(err.value)
    assert sorted((p.name, p.read_bytes()) for p in out.iterdir()) == before


@pytest.mark.parametrize("damage", [_truncate, _garble], ids=["truncated", "garbled"])
@pytest.mark.parametrize("name", ["observations.parquet", "manifest.json"])
def test_corrupt_store_file_gives_the_maintenance_page_without_paths(built_store, tmp_path,
                                                                      monkeypatch, name, damage):
    out = tmp_path / "store"
    shutil.copytree(built_store, out)
    damage(out / name)
    monkeypatch.setenv("DASHBOARD_STORE", str(out))
    monkeypatch.delenv("DASHBOARD_DEBUG", raising=False)
    from app import create_app

    client = create_app().server.test_client()
    assert client.get("/").status_code == 503
    response = route(client, "/")
    body = json.dumps(response.get_json(), ensure_ascii=False)
    assert response.status_code == 200
    assert "Traceback" not in body and str(out) not in body and str(tmp_path) not in body
    assert "Gegevens tijdelijk niet beschikbaar" in body and "Data temporarily unavailable" in body
