"""The explorer map's surroundings, names, style, search and projects layer, on the store
built from the snapshot (no network: the Locatieserver is a fake on 127.0.0.1)."""

from __future__ import annotations

import pytest

from dashboard.basemap.online import Basemap
from dashboard.basemap.style import FINE_ZOOM, LABELS_BELOW, offline_style, online_style
from dashboard.explorer import geography, search
from dashboard.explorer.state import ExplorerState, view_codes

ZUID, AFRIKAANDERWIJK = "ZUID0599", "BU05991086"


def names(fc: dict, **match) -> set[str]:
    return {f["properties"]["name"] for f in fc["features"]
            if all(f["properties"].get(k) == v for k, v in match.items())}


def test_the_areas_around_zuid_fill_the_port_gap_and_name_the_neighbours(store):
    around = geography.context(store, ZUID, "buurt")
    in_view = set(view_codes(store, ZUID, "buurt"))
    assert not in_view & set(around["code"]) and "GM0599" not in set(around["code"])
    parts = set(around.loc[around["kind"] == "part", "name"])
    assert {"Waalhaven", "Eemhaven"} <= parts  # the port between Charlois and Heijplaat
    assert {"Barendrecht", "Albrandswaard", "Ridderkerk"} <= set(
        around.loc[around["kind"] == "gemeente", "name"])


def test_the_outline_is_the_view_dissolved_not_a_coarser_gemeente(store):
    from shapely.geometry import shape

    fc = geography.outline(store, ZUID, "buurt")
    (feature,) = fc["features"]
    drawn = shape(feature["geometry"])
    codes = view_codes(store, ZUID, "buurt")
    union = store.areas.loc[codes].geometry.union_all()
    assert abs(drawn.area - union.area) / union.area < 0.01
    assert geography.outline(store, ZUID, "gemeente")["features"] == []


def test_water_parts_of_the_boundary_files_are_in_the_store(store):
    from dashboard.store.pc4 import load_water

    water = load_water(store)
    assert water is not None and len(water) == store.manifest["rows"]["water"] > 0
    # the whole gemeente reaches the sea at the Maasvlakte: water is drawn there
    assert geography.water_geojson(store, "GM0599", "wijk")["features"]


def test_the_small_print_says_how_the_water_is_made(store):
    from layouts.explorer import basemap_note

    # the snapshot's boundary files have only sea and wide waters as water parts
    assert geography.water_source(store) == "wbk"
    offline = basemap_note("en", False, "wbk")
    assert offline.children.startswith("Basemap: no connection to PDOK's map server")
    assert "such as the Maas" in offline.children
    assert "TOP10NL (Kadaster / PDOK" in basemap_note("nl", False, "top10nl").children
    # online, PDOK's basemap has its own water: no water sentence
    assert "Water" not in basemap_note("nl", True, "wbk").children


def test_names_buurten_zoomed_in_wijken_zoomed_out_and_the_neighbours(store):
    labels = geography.labels(store, ZUID, "buurt", "nl")
    assert "Afrikaanderwijk" in names(labels, rank="fine")
    assert names(labels, rank="coarse") == {"Charlois", "Feijenoord", "IJsselmonde"}
    assert "Barendrecht" in names(labels, rank="gemeente")
    assert "Waalhaven-Eemhaven" in names(labels, rank="context")
    wijk = geography.labels(store, "GM0599", "wijk", "nl")
    assert {"Charlois", "Rotterdam Centrum"} <= names(wijk, rank="view")


def test_the_offline_style_requests_nothing_and_keeps_names_on_top():
    empty = {"type": "FeatureCollection", "features": []}
    style = offline_style(empty, empty, empty)
    assert "glyphs" not in style and "sprite" not in style  # MapLibre draws text locally
    ids = [layer["id"] for layer in style["layers"]]
    assert ids.index("zuid-water") < ids.index(LABELS_BELOW)
    zooms = {layer["id"]: (layer.get("minzoom"), layer.get("maxzoom"))
             for layer in style["layers"]}
    assert zooms["zuid-labels-fine"] == (FINE_ZOOM, None)
    assert zooms["zuid-labels-coarse"] == (None, FINE_ZOOM)
    base = {"version": 8, "glyphs": "http://127.0.0.1:1/{fontstack}/{range}.pbf",
            "sources": {"brt": {"type": "vector", "tiles": ["http://127.0.0.1:1/{z}"]}},
            "layers": [{"id": "brt-names", "type": "symbol", "source": "brt",
                        "layout": {"text-font": ["Brt Sans"]}}]}
    on = online_style(base, empty, empty, empty)
    assert on["layers"][0]["id"] == "brt-names" and "brt" in on["sources"]
    labels = [layer for layer in on["layers"] if layer["id"].startswith("zuid-labels")]
    assert labels and all(layer["layout"]["text-font"] == ["Brt Sans"] for layer in labels)
    assert "zuid-labels" not in base["sources"]  # the cached base style is not changed


def test_the_map_lies_on_the_basemap_offline_and_online(store):
    from dashboard.explorer.views import ONLINE_OPACITY, map_full

    state = ExplorerState("bijstand_per_1000_15_64", 2024, "buurt", ZUID)
    off = map_full(store, state, basemap=Basemap(False))
    assert off.layout.map.style["name"] == "zuid-offline"
    assert off.data[0].marker.opacity == 1
    base = {"version": 8, "name": "fake brt", "sources": {}, "layers": []}
    on = map_full(store, state, basemap=Basemap(True, base))
    assert on.layout.map.style["name"] == "fake brt"
    assert on.data[0].marker.opacity == ONLINE_OPACITY < 1


def values(options: list[dict]) -> list[str]:
    return [item["value"] for group in options for item in group["items"]]


def test_search_finds_names_at_every_level_and_postcodes(store):
    from dashboard.projects.places import place_postcodes

    assert values(search.options(store, "Afrikaander", "nl"))[0] == f"area:{AFRIKAANDERWIJK}"
    found = values(search.options(store, "ijsselmonde", "en"))
    assert {"area:BU05991283", "area:WK059912"} <= set(found)  # buurt and wijk (gebied)
    assert "area:GM0489" in values(search.options(store, "Barendrecht", "nl"))
    assert "area:ZUID0599" in values(search.options(store, "rotterdam-zuid", "nl"))
    pc = search.options(store, "3073", "nl")
    assert values(pc) == ["pc4:3073"]
    expected = place_postcodes(store, ["3073"])["3073"]
    assert all(store.area_name(c, "nl") in pc[0]["items"][0]["label"] for c in expected)
    assert search.options(store, "9999", "nl")[0]["items"][0]["disabled"] is True
    assert search.options(store, "x", "nl") == []


def test_offline_address_search_says_it_needs_the_internet(store):
    groups = search.options(store, "Putselaan 1", "nl", locatie=None)
    (address,) = [g for g in groups if g["group"] == "Adressen"]
    assert address["items"][0]["disabled"] and "internet" in address["items"][0]["label"]


def test_choosing_a_result_selects_and_shows_it(store):
    from dashboard.projects.places import place_postcodes

    move = search.resolve(store, f"area:{AFRIKAANDERWIJK}", "wijk", ZUID, "nl")
    assert move.selected == (AFRIKAANDERWIJK,) and move.level == "buurt" and move.area == ZUID
    move = search.resolve(store, "pc4:3073", "buurt", ZUID, "nl")
    assert move.selected == place_postcodes(store, ["3073"])["3073"]
    move = search.resolve(store, "area:BU05990110", "buurt", ZUID, "nl")  # Stadsdriehoek
    assert move.area == "GM0599"  # outside Zuid: the map shows its gemeente
    assert search.resolve(store, "area:ZUID0599", "buurt", "GM0599", "nl").area == ZUID
    assert search.resolve(store, "javascript:alert(1)", "buurt", ZUID, "nl") is None
    assert search.resolve(store, "area:BU99999999", "buurt", ZUID, "nl") is None
    focus = search.focus_view(store, [AFRIKAANDERWIJK])
    point = store.areas.loc[AFRIKAANDERWIJK, "geometry"].centroid
    assert abs(focus["center"]["lon"] - point.x) < 0.01 and focus["zoom"] > 12


def test_an_address_goes_to_the_buurt_that_contains_it(store):
    from dashboard.basemap.locatieserver import LocatieClient
    from tests.fakes import FakeServer, Reply

    inside = store.areas.loc[AFRIKAANDERWIJK, "geometry"].representative_point()
    lookup = {"response": {"docs": [{"centroide_ll": f"POINT({inside.x} {inside.y})"}]}}
    suggest = {"response": {"docs": [{"id": "adr-1", "weergavenaam": "Testadres 1"}]}}
    with FakeServer() as srv:
        srv.route("/bzk/locatieserver/search/v3_1/suggest", Reply.json(suggest))
        srv.route("/bzk/locatieserver/search/v3_1/lookup", Reply.json(lookup))
        client = LocatieClient(srv.url)
        assert "addr:adr-1" in values(search.options(store, "Testadres 1", "nl", client))
        move = search.resolve(store, "addr:adr-1", "buurt", ZUID, "nl", client)
    assert move.selected == (AFRIKAANDERWIJK,)
    gone = search.resolve(store, "addr:adr-1", "buurt", ZUID, "nl", LocatieClient(srv.url))
    assert gone.selected == () and "internet" in gone.message


@pytest.mark.parametrize("key", ["bridge", "emi", "bruggenbouwers", "wt-pact"])
def test_projects_tied_to_areas_get_no_marker(store, key):
    from dashboard.projects.layer import Layer, layer_updates
    from dashboard.projects.registry import all_projects

    state = ExplorerState("bijstand_per_1000_15_64", 2024, "buurt", ZUID)
    updates = layer_updates(store, state, Layer(selected=key))
    assert key not in updates["data[3].customdata"]
    project = next(p for p in all_projects() if p.key == key)
    outlined = [f["id"] for f in updates["layout.map.layers[1].source"]["features"]]
    assert outlined == [c for c in project.areas if c in store.areas.index]


def test_a_project_with_a_postcode_gets_a_marker_in_view_only(store):
    from dashboard.projects.layer import Layer, marker_updates
    from dashboard.projects.model import Point, Project, Text

    here = Project(key="here", name="Here", summary=Text(nl="a", en="b"), source="test",
                   points=(Point(postcode="3073"),))
    away = Project(key="away", name="Away", summary=Text(nl="a", en="b"), source="test",
                   points=(Point(lat=52.37, lon=4.90),))  # Amsterdam: placed on GM0363
    out = marker_updates(store, [here, away], Layer(), "nl", gemeenten={"GM0599"})
    assert out["data[3].customdata"] == ["here"]
