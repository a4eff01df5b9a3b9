"""Hostile text in a project: shown as text, escaped in map popups, neutralised in exports."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from dash import dcc

from dashboard.projects.db import save_activities
from dashboard.projects.registry import all_projects

# Test data: an uploaded activity whose text tries to run HTML and spreadsheet formulas.
HOSTILE_NAME = "<img src=x onerror=alert(1)>"
HOSTILE_SUMMARY = '=HYPERLINK("http://example.invalid","klik")'
HOSTILE_ORG = "@SUM(1+1)&<b>"


@pytest.fixture
def hostile(store):
    save_activities([{"project": "+project", "name": HOSTILE_NAME, "pillar": "werk",
                      "summary_nl": HOSTILE_SUMMARY, "summary_en": HOSTILE_SUMMARY,
                      "organisation": HOSTILE_ORG, "start_date": date(2022, 1, 1),
                      "area_codes": "BU05991572", "postcode": None, "lat": None,
                      "lon": None, "source": "-upload"}], editor="test-editor")
    return next(p for p in all_projects() if p.origin == "upload")


def texts(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, list | tuple):
        return [s for child in node for s in texts(child)]
    children = getattr(node, "children", None)
    return texts(children) if children is not None else []


def components(node):
    if isinstance(node, list | tuple):
        for child in node:
            yield from components(child)
    elif hasattr(node, "to_plotly_json"):
        yield node
        yield from components(getattr(node, "children", None) or [])


def test_map_popup_escapes_html(store, hostile):
    from dashboard.projects.layer import Layer, hover, marker_updates

    text = hover(hostile, "nl")
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "&lt;b&gt;" in text and "&amp;" in text
    # tied to a buurt, not to a point: outlined when chosen, never a marker
    assert marker_updates(store, [hostile], Layer(), "nl")["data[3].customdata"] == []


def test_panel_and_lists_show_the_text_as_text(store, hostile):
    from dashboard.explorer.state import parse_state
    from dashboard.projects.layer import Layer
    from dashboard.projects.page import page_table
    from dashboard.projects.panels import map_outputs, project_panel

    panel = project_panel(store, hostile, "nl")
    state = parse_state({"year": "2024", "sel": "BU05991572"}, store).state
    listing, _ = map_outputs(store, state, Layer())
    table = page_table(store, [hostile], "en", hostile.key)
    for tree in (panel, listing, table):
        assert not any(isinstance(c, dcc.Markdown) for c in components(tree))
        assert not any(getattr(c, "dangerously_allow_html", False) for c in components(tree))
    assert HOSTILE_NAME in texts(panel) and HOSTILE_SUMMARY in texts(panel)
    assert any(HOSTILE_NAME in s for s in texts(listing))
    assert HOSTILE_NAME in texts(table)


def test_around_chart_escapes_the_start_label(store, hostile):
    from dashboard.projects.around import around_figure, pillar_indicators

    indicator = pillar_indicators(store, hostile)[0]
    fig = around_figure(store, hostile, indicator, "nl")
    labels = [a.text for a in fig.layout.annotations]
    assert any("&lt;img" in a for a in labels) and not any("<img" in a for a in labels)


def test_csv_export_neutralises_formulas(store, hostile):
    from dashboard.projects.export import registry_csv

    rows = list(csv.DictReader(io.StringIO(registry_csv(store, all_projects(), "nl"))))
    row = next(r for r in rows if r["origin"] == "upload")
    assert row["name"] == HOSTILE_NAME  # no formula: kept as is
    assert row["summary_nl"] == "'" + HOSTILE_SUMMARY
    assert row["organisations"] == "'" + HOSTILE_ORG
    assert row["project"] == "'+project" and row["source"] == "'-upload"
    assert row["area_codes"] == "BU05991572"
    for r in rows:
        assert not any(v.startswith(("=", "+", "-", "@")) for v in r.values())
    assert len(rows) == len(all_projects())


def test_geojson_export_places_and_neutralises(store, hostile):
    from dashboard.projects.export import registry_geojson
    from dashboard.projects.places import placement

    doc = json.loads(registry_geojson(store, all_projects(), "en"))
    by_id = {f["id"]: f for f in doc["features"]}
    feature = by_id[hostile.key]
    assert feature["properties"]["summary_en"] == "'" + HOSTILE_SUMMARY
    inside = store.areas.loc["BU05991572", "geometry"]
    from shapely.geometry import shape

    assert inside.contains(shape(feature["geometry"]).geoms[0])
    assert by_id["innosi"]["geometry"] is None  # no place on the map: null, not made up
    assert len(by_id["bruggenbouwers"]["geometry"]["coordinates"]) == \
        len(placement(store, next(p for p in all_projects() if p.key == "bruggenbouwers"))
            .markers) == 1
