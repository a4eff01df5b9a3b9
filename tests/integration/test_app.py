"""The app factory and Dash's HTTP endpoints, through Flask's test client."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from dashboard.formatting import format_int
from dashboard.store import get_store

ROUTER_OUTPUT = "_pages_content.children"


@pytest.fixture
def store_env(built_store, monkeypatch):
    """Point the app at the real built store, with a fresh store cache."""
    monkeypatch.setenv("DASHBOARD_STORE", str(built_store))
    monkeypatch.delenv("DASHBOARD_DEBUG", raising=False)
    _clear_store_cache()
    yield built_store
    _clear_store_cache()


def _clear_store_cache():
    clear = getattr(get_store, "cache_clear", None)
    if clear:
        clear()


@pytest.fixture
def client(store_env):
    from app import create_app

    dash_app = create_app()
    return dash_app.server.test_client()


def component_texts(node) -> list[str]:
    """Every text in a component tree as Dash serialises it to JSON."""
    if isinstance(node, str | int | float) and not isinstance(node, bool):
        return [str(node)]
    if isinstance(node, list):
        return [text for child in node for text in component_texts(child)]
    if isinstance(node, dict):
        return component_texts(node.get("props", {}).get("children"))
    return []


def render_page(client, pathname: str = "/data", search: str = "") -> dict:
    """Ask the Pages router for a page, as the browser does after loading the shell."""
    return route(client, pathname, search)["_pages_content"]["children"]


def route(client, pathname: str, search: str = "") -> dict:
    """The Pages router's whole answer: the page (``_pages_content``), its title
    (``_pages_store``)."""
    # registers the router callback (503: no store to serve, the maintenance page)
    assert client.get(pathname).status_code in (200, 503)
    deps = client.get("/_dash-dependencies").get_json()
    router = next(d for d in deps if ROUTER_OUTPUT in d["output"])
    location = router["inputs"][0]["id"]
    payload = {
        "output": router["output"],
        "outputs": [{"id": o.split(".")[0], "property": o.split(".")[1]}
                    for o in router["output"].strip(".").split("...")],
        "inputs": [{"id": location, "property": "pathname", "value": pathname},
                   {"id": location, "property": "search", "value": search}],
        "changedPropIds": [f"{location}.pathname"],
        "state": [],
    }
    response = client.post("/_dash-update-component", json=payload)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response.get_json()["response"]


def test_create_app_registers_the_home_page(store_env):
    import dash

    from app import create_app

    dash_app = create_app()
    paths = [page["path"] for page in dash.page_registry.values()]
    assert "/" in paths and "/data" in paths
    assert dash_app.title == "Wijkdashboard"
    assert dash_app.config.suppress_callback_exceptions is True


def test_index_is_served_as_dutch_html(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert '<html lang="nl">' in html
    assert "<title>Wijken verkennen · Wijkdashboard Rotterdam-Zuid</title>" in html
    assert "style.css" in html  # assets are picked up


@pytest.mark.parametrize(("path", "lang", "title"), [
    ("/?lang=en", "en", "Explore neighbourhoods · Rotterdam-Zuid neighbourhood dashboard"),
    ("/projecten", "nl", "Projecten · Wijkdashboard Rotterdam-Zuid"),
    ("/vergelijk?lang=en", "en", "Compare areas · Rotterdam-Zuid neighbourhood dashboard"),
    ("/gebied/WK059915?lang=en", "en",
     "Charlois · Area profile · Rotterdam-Zuid neighbourhood dashboard"),
    ("/gebied/BU05991572", "nl", "Carnisse · Gebiedsprofiel · Wijkdashboard Rotterdam-Zuid"),
    ("/gebied/XX?lang=en", "en", "Area profile · Rotterdam-Zuid neighbourhood dashboard"),
    ("/data?lang=xx", "nl", "Wat staat er in de databank · Wijkdashboard Rotterdam-Zuid"),
])
def test_index_carries_the_page_language_and_its_own_title(client, path, lang, title):
    html = client.get(path).get_data(as_text=True)
    assert f'<html lang="{lang}">' in html
    assert f"<title>{title}</title>" in html


def test_the_router_names_the_page_in_its_language(client):
    answer = route(client, "/gebied/WK059915", "?lang=en")
    assert answer["_pages_store"]["data"]["title"] == (
        "Charlois · Area profile · Rotterdam-Zuid neighbourhood dashboard")


def test_dash_layout_is_json_with_the_page_container(client):
    response = client.get("/_dash-layout")
    assert response.status_code == 200
    assert "_pages_location" in json.dumps(response.get_json())


def test_home_page_lists_the_store_in_dutch(client):
    summary = get_store().summary()
    texts = component_texts(render_page(client))
    content = " | ".join(texts)
    assert "Wat staat er in de databank" in content
    for gemeente in summary["gemeenten"]:
        assert f"{gemeente['name']} ({gemeente['code']})" in content
    assert f"Aantal waarnemingen: {format_int(summary['n_observations'], 'nl')}." in texts
    assert "Werk en inkomen" in texts and "Bronnen" in texts


def test_home_page_in_english(client):
    summary = get_store().summary()
    content = " | ".join(component_texts(render_page(client, search="?lang=en")))
    assert "What the data store holds" in content
    assert f"Number of observations: {format_int(summary['n_observations'], 'en')}." in content
    assert "Work and income" in content


def test_bad_lang_parameter_gives_a_notice_and_dutch(client):
    content = " | ".join(component_texts(render_page(client, search="?lang=xx")))
    assert "Onbekende taal ‘xx’" in content and "Unknown language ‘xx’" in content
    assert "Wat staat er in de databank" in content


def test_create_app_and_shell_do_not_open_the_store(store_env, monkeypatch):
    import layouts.common
    import layouts.home
    from app import create_app

    def refuse():
        raise AssertionError("the store was opened before a page was rendered")

    monkeypatch.setattr(layouts.home, "get_store", refuse)
    monkeypatch.setattr(layouts.common, "get_store", refuse)
    client = create_app().server.test_client()
    assert client.get("/").status_code == 200
    assert client.get("/_dash-layout").status_code == 200
    assert client.get("/_dash-dependencies").status_code == 200


def test_without_a_store_import_works_and_the_maintenance_page_shows(repo_root, tmp_path):
    # A fresh interpreter, so no store is cached and "import app" itself is what is tested.
    missing = tmp_path / "no-store-here"
    script = f"""
import json, sys
sys.path.insert(0, {str(repo_root)!r})
sys.path.insert(0, {str(repo_root / 'tests' / 'integration')!r})
import app
from test_app import component_texts, render_page
client = app.server.test_client()
print(json.dumps(component_texts(render_page(client))))
"""
    env = {**os.environ, "DASHBOARD_STORE": str(missing), "DASHBOARD_DEBUG": ""}
    done = subprocess.run([sys.executable, "-c", script], env=env, cwd=repo_root,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    content = " | ".join(json.loads(done.stdout.strip().splitlines()[-1]))
    assert "Gegevens tijdelijk niet beschikbaar" in content
    assert "Data temporarily unavailable" in content
    assert "python -m dashboard build" in content
    assert str(missing) not in content and str(tmp_path) not in content
    assert "Traceback" not in content
