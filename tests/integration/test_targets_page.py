"""The targets page through Dash's own HTTP endpoints: render, save, detail chart, export."""

from __future__ import annotations

import base64
import csv
import io
from pathlib import Path

import pytest

from dashboard import ids
from dashboard.store import get_store
from dashboard.targets.db import saved_targets
from dashboard.targets.model import load_default_targets
from tests.dash_client import DashClient
from tests.editor import sign_in

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def dash(built_store, monkeypatch):
    monkeypatch.setenv("DASHBOARD_STORE", str(built_store))
    monkeypatch.delenv("DASHBOARD_DEBUG", raising=False)
    from app import create_app

    client = create_app().server.test_client()
    return DashClient(client, headers=sign_in(client))


def find(node, pred) -> list[dict]:
    """Every component in a serialised tree for which ``pred(props)`` holds."""
    out = []
    if isinstance(node, list):
        for child in node:
            out += find(child, pred)
    elif isinstance(node, dict) and "props" in node:
        if pred(node["props"]):
            out.append(node)
        out += find(node["props"].get("children"), pred)
    return out


def texts(node) -> list[str]:
    if isinstance(node, str | int | float) and not isinstance(node, bool):
        return [str(node)]
    if isinstance(node, list):
        return [x for child in node for x in texts(child)]
    if isinstance(node, dict):
        return texts(node.get("props", {}).get("children"))
    return []


def cards(content) -> list[dict]:
    return find(content, lambda p: "target-card" in str(p.get("className", "")).split())


def test_page_shows_pillars_cards_matrix_and_table(dash):
    content = dash.render("/doelen", "?lang=en")
    words = texts(content)
    for pillar in ("School", "Work", "Housing", "Safety"):
        assert pillar in words
    defaults = load_default_targets(ROOT / "data" / "targets.yaml", get_store().catalogue)
    found = cards(content)
    assert [c["props"]["data-key"] for c in found] == [
        x.key for p in ("school", "werk", "wonen", "veiligheid") for x in defaults
        if x.pillar == p]
    statuses = {c["props"]["data-key"]: c["props"]["data-status"] for c in found}
    assert statuses["school_opleiding_laag"] == "no_data"
    matrix_rows = find(content, lambda p: "data-code" in p and "data-status" in p)
    assert len({r["props"]["data-code"] for r in matrix_rows}) == 7
    links = find(content, lambda p: str(p.get("href", "")).startswith("/?indicator="))
    assert len(links) == len(matrix_rows) and all("sel=BU0599" in x["props"]["href"]
                                                  for x in links)


def test_invalid_save_shows_why_and_writes_nothing(dash):
    dash.render("/doelen", "?lang=nl")
    F = ids.TARGETS_FORM_FIELDS
    values = {"key": "mijn_doel", "pillar": "werk", "indicator": "bijstand_per_1000_15_64",
              "area": "ZUID0599", "rule": "fixed", "fixed_value": None,
              "baseline_year": 2014, "target_year": 2031}
    for field, value in values.items():
        dash.props[(F[field], "value")] = value
    [call] = dash.change(ids.TARGETS_FORM_SAVE, "n_clicks", 1)
    response = call.response["response"]
    assert ids.TARGETS_LOCATION not in response  # no reload
    message = " ".join(texts(response[ids.TARGETS_FORM_MESSAGE]["children"]))
    assert "Vaste waarde:" in message and "Basisjaar:" in message
    assert "Niet opgeslagen" in message
    assert saved_targets() == []


def test_valid_save_reloads_the_page_with_the_new_target(dash):
    dash.render("/doelen", "?lang=nl")
    F = ids.TARGETS_FORM_FIELDS
    values = {"key": "focus_koop", "pillar": "wonen", "indicator": "pct_koopwoningen",
              "area": "BU05991571", "rule": "rotterdam", "fixed_value": None,
              "baseline_year": 2014, "target_year": 2031, "text_nl": "=1+1", "text_en": ""}
    for field, value in values.items():
        dash.props[(F[field], "value")] = value
    [call] = dash.change(ids.TARGETS_FORM_SAVE, "n_clicks", 1)
    href = call.response["response"][ids.TARGETS_LOCATION]["href"]
    assert href == "/doelen?lang=nl&saved=focus_koop"
    content = dash.render("/doelen", "?lang=nl&saved=focus_koop")
    assert "Doel ‘focus_koop’ is opgeslagen." in texts(content)
    [card] = [c for c in cards(content) if c["props"]["data-key"] == "focus_koop"]
    words = texts(card)
    assert "Tarwewijk · Rotterdams gemiddelde halen" in words and "=1+1" in words
    assert "toegevoegd in de app" in " ".join(words)
    assert any(w.startswith("Laatst gewijzigd door redacteur op ") for w in words)

    # The target's history: who changed what, formula-safe.
    dash.props[(ids.TARGETS_DETAIL_SELECT, "value")] = "focus_koop"
    [call] = dash.change(ids.TARGETS_EXPORT_HISTORY, "n_clicks", 1)
    data = call.response["response"][ids.TARGETS_DOWNLOAD]["data"]
    assert data["filename"] == "doel-focus_koop-wijzigingen.csv"
    rows = list(csv.DictReader(io.StringIO(base64.b64decode(data["content"]).decode(
        "utf-8-sig"))))
    assert {r["redacteur"] for r in rows} == {"redacteur"}
    assert {r["actie"] for r in rows} == {"toegevoegd"}
    assert next(r for r in rows if r["veld"] == "text_nl")["na"] == "'=1+1"


def test_detail_chart_and_export(dash):
    dash.render("/doelen", "?lang=en")
    [call] = dash.change(ids.TARGETS_DETAIL_SELECT, "value", "wonen_corporatie")
    out = call.response["response"]
    names = [trace["name"] for trace in out[ids.TARGETS_DETAIL_GRAPH]["figure"]["data"]]
    assert names[0].startswith("Rotterdam-Zuid") and "Path to the target" in names
    assert "Target 2031" in names and "G4 (four largest cities)" in names
    assert "2014" in out[ids.TARGETS_DETAIL_WHY]["children"]
    [call] = dash.change(ids.TARGETS_EXPORT_CSV, "n_clicks", 1)
    data = call.response["response"][ids.TARGETS_DOWNLOAD]["data"]
    assert data["filename"].startswith("nprz-doelen-") and data["base64"]
    rows = list(csv.DictReader(io.StringIO(base64.b64decode(data["content"]).decode(
        "utf-8-sig"))))
    assert len(rows) == len(cards(dash.render("/doelen", "?lang=en")))
    assert {"exported_on", "data_years_used", "rule", "rule_text"} <= set(rows[0])
