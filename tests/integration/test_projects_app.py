"""Projects on the explorer map and the projects page, through Dash's own endpoints."""

from __future__ import annotations

import base64
import csv
import io
import json

import pytest

from dashboard import ids
from dashboard.projects.places import placement
from dashboard.projects.registry import load_projects
from tests.dash_client import texts, walk

pytestmark = pytest.mark.slow


def _operations(call) -> dict:
    """Patch operations of the map in a response: location path -> value."""
    body = call.response["response"][ids.EXPLORER_MAP]["figure"]
    assert body["__dash_patch_update"]
    return {".".join(map(str, op["location"])): op["params"].get("value")
            for op in body["operations"]}


def _map_call(calls):
    return next(c for c in calls if f"{ids.EXPLORER_MAP}.figure" in c.outputs)


def test_explorer_map_has_a_marker_per_place_of_each_project(dash_client, store):
    dash_client.render("/", "?level=buurt&area=ZUID0599")
    fig = dash_client.props[(ids.EXPLORER_MAP, "figure")]
    year = int(dash_client.props[(ids.EXPLORER_YEAR, "value")])  # Mantine: a string
    active = [p for p in load_projects() if p.active_in(year)]
    expected = sorted(p.key for p in active for _ in placement(store, p).points)
    assert sorted(fig["data"][3]["customdata"]) == expected
    assert "innosi" not in expected  # no place on the map: listed, not drawn
    highlight = fig["layout"]["map"]["layers"][1]
    assert highlight["visible"] is False and highlight["source"]["features"] == []
    listed = " ".join(texts(dash_client.props[(ids.PROJECTS_MAP_LIST, "children")]))
    for p in active:
        assert p.name in listed
    assert "Amsterdam" in listed  # Bruggenbouwers is listed with its gemeente


def test_pillar_toggle_patches_only_the_projects_trace(dash_client, store):
    from datetime import date

    from dashboard.projects.db import save_activities
    from dashboard.projects.registry import all_projects

    # test data: activities at a postcode (a real place: drawn as a marker), one per pillar
    save_activities([{"project": "Test", "name": f"Test {pillar}", "pillar": pillar,
                      "start_date": date(2020, 1, 1), "area_codes": None, "postcode": "3073",
                      "lat": None, "lon": None, "source": "test"}
                     for pillar in ("werk", "wonen")], editor="test-editor")
    dash_client.render("/", "?level=buurt&area=ZUID0599")
    calls = dash_client.change(ids.PROJECTS_MAP_PILLARS, "value", ["werk"])
    ops = _operations(_map_call(calls))
    assert all(path.startswith(("data.3.", "layout.map.layers.1.")) for path in ops)
    year = int(dash_client.props[(ids.EXPLORER_YEAR, "value")])  # Mantine: a string
    werk = {p.key for p in all_projects() if p.pillar == "werk" and p.active_in(year)
            and placement(store, p).points}
    assert len(werk) == 1 and set(ops["data.3.customdata"]) == werk
    assert set(ops["data.3.marker"]["color"]) == {"#d55e00"}
    listed = " ".join(texts(dash_client.props[(ids.PROJECTS_MAP_LIST, "children")]))
    assert "Samen voor Zuid" in listed and "BRIDGE" not in listed


def test_choosing_a_project_outlines_its_areas_and_opens_its_panel(dash_client, store):
    dash_client.render("/", "?level=buurt&area=ZUID0599")
    # a click on a project marker reaches the server as the map's clickData
    click = {"points": [{"curveNumber": 3, "pointNumber": 0, "customdata": "knaprz"}]}
    calls = dash_client.change(ids.EXPLORER_MAP, "clickData", click)
    assert dash_client.props[(ids.PROJECTS_MAP_SELECTED, "data")] == "knaprz"
    ops = _operations(_map_call(calls))
    outline = ops["layout.map.layers.1.source"]
    assert [f["id"] for f in outline["features"]] == ["ZUID0599"]
    assert ops["layout.map.layers.1.visible"] is True
    panel = " ".join(texts(dash_client.props[(ids.PROJECTS_MAP_PANEL, "children")]))
    assert "KNAP'RZ" in panel and "2019 – 2023" in panel
    # the source as a reader knows it: the page's title; the seed file only in metadata
    assert "Kennis-gedreven werken aan bevordering van arbeidsparticipatie" in panel
    assert "003_8b11259e8df29c64.txt" not in panel
    # a click on an area (trace 0) chooses no project
    calls = dash_client.change(ids.EXPLORER_MAP, "clickData",
                               {"points": [{"curveNumber": 0, "location": "BU05991572"}]})
    assert dash_client.props[(ids.PROJECTS_MAP_SELECTED, "data")] == "knaprz"


def test_indicator_switch_leaves_the_projects_layer_alone(dash_client):
    dash_client.render("/", "?level=buurt&area=ZUID0599")
    calls = dash_client.change(ids.EXPLORER_INDICATOR, "value", "pct_huur_corporatie")
    assert not [p for p in _operations(_map_call(calls)) if p.startswith("data.3")]
    calls = dash_client.change(ids.EXPLORER_YEAR, "value", "2016")
    ops = _operations(_map_call(calls))
    assert "knaprz" not in ops["data.3.customdata"]  # 2019–2023
    assert "innosi" not in ops["data.3.customdata"]


def test_selecting_amsterdam_lists_its_project(dash_client):
    dash_client.render("/", "?level=gemeente&area=ZUID0599")
    dash_client.change(ids.EXPLORER_CLICK, "data", {"code": "GM0363", "add": False})
    content = dash_client.props[(ids.PROJECTS_MAP_LIST, "children")]
    first_group = content[1]  # heading, then the list of the selected area
    assert content[0]["props"]["children"].startswith("Actief in Amsterdam")
    items = first_group["props"]["children"]
    assert [i["props"]["data-key"] for i in items] == ["bruggenbouwers"]
    assert texts(items)[:2] == ["Bruggenbouwers in stad en buurt",
                                 "Welzijn & gezondheid · periode onbekend · Amsterdam"]


def test_projects_page_lists_everything_and_opens_a_project_from_the_url(dash_client):
    content = dash_client.render("/projecten", "?project=knaprz&lang=en")
    text = " ".join(texts(content))
    for p in load_projects():
        assert p.name in text
    panel = " ".join(texts(dash_client.props[(ids.PROJECTS_PANEL, "children")]))
    assert "KNAP'RZ" in panel
    fig = dash_client.props[(ids.PROJECTS_AROUND_GRAPH, "figure")]
    assert [tr["name"] for tr in fig["data"]] == ["Rotterdam-Zuid", "Rotterdam"]
    # the start year, marked after the trend chart's own break marks
    assert fig["layout"]["shapes"][-1]["x0"] == 2019
    assert "not what the project achieved" in text


def test_projects_page_without_a_project_points_to_its_own_list(dash_client):
    """The projects page has no map: its empty panel and chart name only the list (the
    explorer's project panel, beside its map, names both)."""
    dash_client.render("/projecten", "?lang=en")
    panel = " ".join(texts(dash_client.props[(ids.PROJECTS_PANEL, "children")]))
    chart = json.dumps(dash_client.props[(ids.PROJECTS_AROUND_GRAPH, "figure")])
    assert panel == "Choose a project in the list."
    assert "Choose a project in the list." in chart and "on the map" not in chart
    dash_client.render("/", "?lang=en")
    explorer_panel = " ".join(texts(dash_client.props[(ids.PROJECTS_MAP_PANEL, "children")]))
    assert explorer_panel == "Choose a project in the list or on the map."


def test_filters_and_upload_then_export(editor_client, store):
    from dashboard.projects.upload import MAX_BYTES

    dash_client = editor_client
    dash_client.render("/projecten", "")
    assert dash_client.props[(ids.PROJECTS_UPLOAD, "max_size")] == 2 * MAX_BYTES
    dash_client.change(ids.PROJECTS_AREA, "value", "GM0363")
    listed = dash_client.props[(ids.PROJECTS_LIST, "children")]
    assert "1 projecten" in " ".join(texts(listed))
    raw = ("project,name,pillar,start_date,postcode\n"
           "Test,=cmd|' /C calc'!A0,wonen,2024-02-01,3074\n"
           "Test,Fout,wonen,2024-02-01,0000\n")
    url = "data:text/csv;base64," + base64.b64encode(raw.encode()).decode()
    dash_client.props[(ids.PROJECTS_UPLOAD, "filename")] = "test.csv"
    dash_client.change(ids.PROJECTS_UPLOAD, "contents", url)
    report = " ".join(texts(dash_client.props[(ids.PROJECTS_UPLOAD_RESULT, "children")]))
    assert "1 opgeslagen, 0 al aanwezig (dubbel), 1 afgewezen" in report
    assert "Rij 3: postcode ‘0000’" in report
    dash_client.change(ids.PROJECTS_UPLOAD, "contents", url + "")  # the same file again
    report = " ".join(texts(dash_client.props[(ids.PROJECTS_UPLOAD_RESULT, "children")]))
    assert "0 opgeslagen, 1 al aanwezig (dubbel), 1 afgewezen" in report
    calls = dash_client.change(ids.PROJECTS_EXPORT_CSV, "n_clicks", 1)
    sent = calls[0].response["response"][ids.PROJECTS_DOWNLOAD]["data"]
    assert sent["filename"] == "projecten.csv"
    rows = list(csv.DictReader(io.StringIO(sent["content"])))
    uploaded = [r for r in rows if r["origin"] == "upload"]
    assert [r["name"] for r in uploaded] == ["'=cmd|' /C calc'!A0"]
    assert uploaded[0]["postcodes"] == "3074"
    assert uploaded[0]["area_codes"] and uploaded[0]["gemeenten"] == "Rotterdam"
    calls = dash_client.change(ids.PROJECTS_EXPORT_GEOJSON, "n_clicks", 1)
    doc = json.loads(calls[0].response["response"][ids.PROJECTS_DOWNLOAD]["data"]["content"])
    assert len(doc["features"]) == len(rows)
    # Who uploaded what: one upload added one activity (the repeat added nothing).
    calls = dash_client.change(ids.PROJECTS_EXPORT_HISTORY, "n_clicks", 1)
    sent = calls[0].response["response"][ids.PROJECTS_DOWNLOAD]["data"]
    assert sent["filename"] == "uploads-wijzigingen.csv"
    history = list(csv.DictReader(io.StringIO(sent["content"].lstrip("\ufeff"))))
    assert {(r["redacteur"], r["sleutel"], r["veld"], r["na"]) for r in history} >= {
        ("redacteur", "test.csv", "saved", "1"), ("redacteur", "test.csv", "file", "test.csv")}
    [added] = [r for r in history if r["veld"] == "activities"]
    assert added["na"].startswith("Test: =cmd|' /C calc'!A0 (")  # project: name (uid)


def _table_rows(listed) -> int:
    return sum(1 for n in walk(listed) if n.get("type") == "Tr") - 1  # minus the header


def test_the_projects_list_is_paged(dash_client, store):
    from dashboard.projects.page import PAGE_SIZE
    from dashboard.projects.upload import import_upload

    raw = "project,name,pillar,start_date,area_codes\n" + "".join(
        f"Paging,Activiteit {i:03d},werk,2024-01-01,GM0599\n" for i in range(120))
    url = "data:text/csv;base64," + base64.b64encode(raw.encode()).decode()
    assert import_upload(url, "veel.csv", store, editor="redacteur").saved == 120
    total = len(load_projects()) + 120
    dash_client.render("/projecten", "")
    assert _table_rows(dash_client.props[(ids.PROJECTS_LIST, "children")]) == PAGE_SIZE
    assert dash_client.props[(ids.PROJECTS_PAGE_STATUS, "children")] == f"1–50 van {total}"
    assert dash_client.props[(ids.PROJECTS_PAGE_PREV, "disabled")] is True
    dash_client.change(ids.PROJECTS_PAGE_NEXT, "n_clicks", 1)
    assert dash_client.props[(ids.PROJECTS_PAGE_STATUS, "children")] == f"51–100 van {total}"
    assert dash_client.props[(ids.PROJECTS_PAGE_PREV, "disabled")] is False
    dash_client.change(ids.PROJECTS_PAGE_NEXT, "n_clicks", 2)
    dash_client.change(ids.PROJECTS_PAGE_NEXT, "n_clicks", 3)  # past the end: stays last
    last = dash_client.props[(ids.PROJECTS_PAGE_STATUS, "children")]
    assert last == f"101–{total} van {total}"
    assert dash_client.props[(ids.PROJECTS_PAGE_NEXT, "disabled")] is True
    assert _table_rows(dash_client.props[(ids.PROJECTS_LIST, "children")]) == total - 100
    dash_client.change(ids.PROJECTS_PILLARS, "value", ["werk"])  # a filter: back to page 1
    assert dash_client.props[(ids.PROJECTS_PAGE_STATUS, "children")].startswith("1–50 van")
