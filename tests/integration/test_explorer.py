"""The explorer through Dash's own endpoints (Flask test client) on the real store."""

from __future__ import annotations

import json

import pytest

from dashboard import ids
from dashboard.explorer.state import ExplorerState, parse_state, view_codes
from tests.dash_client import texts

pytestmark = pytest.mark.slow


def test_state_round_trips_through_the_query_string(store):
    state = ExplorerState("pct_huur_corporatie", 2016, "wijk", "GM0599", ("WK059915",), "en",
                          "woz_waarde", False)
    query = dict(p.split("=") for p in state.query().split("&"))
    parsed = parse_state(query, store)
    assert parsed.state == state and parsed.notices == []


@pytest.mark.parametrize("query, param", [
    ({"indicator": "nonsense"}, "indicator"),
    ({"year": "20x4"}, "year"),
    ({"year": "1999"}, "year"),
    ({"level": "straat"}, "level"),
    ({"area": "GM9999"}, "area"),
    ({"sel": "<script>alert(1)</script>"}, "sel"),
    ({"scale": "log"}, "scale"),
])
def test_bad_parameter_falls_back_with_a_notice(store, query, param):
    parsed = parse_state(query, store)
    assert len(parsed.notices) == 1 and f"‘{param}’" in parsed.notices[0]
    default = parse_state({}, store).state
    assert getattr(parsed.state, {"sel": "selected", "scale": "classed"}.get(param, param)) \
        == getattr(default, {"sel": "selected", "scale": "classed"}.get(param, param))


def test_selection_is_capped_at_four(store):
    codes = view_codes(store, "ZUID0599", "buurt")[:6]
    parsed = parse_state({"sel": ",".join(codes)}, store)
    assert parsed.state.selected == tuple(codes[:4]) and parsed.notices


def test_page_has_one_shape_per_area_in_view(dash_client, store):
    dash_client.render("/", "?level=buurt&area=ZUID0599")
    fig = dash_client.props[(ids.EXPLORER_MAP, "figure")]
    codes = view_codes(store, "ZUID0599", "buurt")
    geo_ids = [f["id"] for f in fig["data"][0]["geojson"]["features"]]
    assert sorted(geo_ids) == codes
    # every area is drawn: with a value (trace 0) or grey as secret/no data (trace 1)
    assert sorted(fig["data"][0]["locations"] + fig["data"][1]["locations"]) == codes
    zuid_parts = {"WK059915", "WK059910", "WK059912"}
    assert all(store.area(c)["parent"] in zuid_parts for c in codes)


def test_bad_url_shows_a_notice_not_a_crash(dash_client):
    content = dash_client.render("/", "?indicator=bogus&year=abc")
    text = " ".join(texts(content))
    assert "‘indicator’" in text and "‘year’" in text
    assert dash_client.props[(ids.EXPLORER_INDICATOR, "value")] == "bijstand_per_1000_15_64"


def test_indicator_switch_patches_values_and_never_resends_geometry(dash_client):
    dash_client.render("/", "?level=buurt&area=ZUID0599")
    calls = dash_client.change(ids.EXPLORER_INDICATOR, "value", "pct_huur_corporatie")
    assert len(calls) == 1  # one request for the whole page
    assert {f"{ids.EXPLORER_MAP}.figure", f"{ids.EXPLORER_BAR}.figure",
            f"{ids.EXPLORER_TREND}.figure", f"{ids.EXPLORER_SCATTER}.figure",
            f"{ids.EXPLORER_DETAILS}.children", f"{ids.EXPLORER_TABLE}.children",
            f"{ids.EXPLORER_QUERY}.data", f"{ids.EXPLORER_TOOLKIT_LINKS}.children"
            } <= calls[0].outputs
    body = json.dumps(calls[0].response[
        "response"][ids.EXPLORER_MAP]["figure"])
    assert "__dash_patch_update" in body and "geojson" not in body
    assert all("geojson" not in json.dumps(c.response) for c in calls)
    query = dash_client.props[(ids.EXPLORER_QUERY, "data")]
    assert "indicator=pct_huur_corporatie" in query


def test_area_click_selects_and_updates_details_trend_and_url(dash_client, store):
    dash_client.render("/", "?level=buurt&area=ZUID0599")
    # the browser turns a map click into {code, add} (clientside); the server does the rest
    calls = dash_client.change(ids.EXPLORER_CLICK, "data", {"code": "BU05991572", "add": False})
    assert dash_client.props[(ids.EXPLORER_SELECTION, "data")] == ["BU05991572"]
    assert len(calls) == 1
    assert {f"{ids.EXPLORER_DETAILS}.children", f"{ids.EXPLORER_TREND}.figure",
            f"{ids.EXPLORER_MAP}.figure", f"{ids.EXPLORER_BAR}.figure"} <= calls[0].outputs
    # what a click does not move is not sent again
    assert f"{ids.EXPLORER_TABLE}.children" not in calls[0].outputs
    details = " ".join(texts(dash_client.props[(ids.EXPLORER_DETAILS, "children")]))
    assert "Carnisse" in details
    trend = dash_client.props[(ids.EXPLORER_TREND, "figure")]
    assert any(tr.get("name") == "Carnisse" for tr in trend["data"])
    assert "sel=BU05991572" in dash_client.props[(ids.EXPLORER_QUERY, "data")]
    assert all("geojson" not in json.dumps(c.response) for c in calls)


def test_level_switch_sends_the_new_geometry(dash_client, store):
    dash_client.render("/", "?level=buurt&area=ZUID0599")
    calls = dash_client.change(ids.EXPLORER_LEVEL, "value", "wijk")
    fig = dash_client.props[(ids.EXPLORER_MAP, "figure")]
    assert [f["id"] for f in fig["data"][0]["geojson"]["features"]] == \
        view_codes(store, "ZUID0599", "wijk") == ["WK059910", "WK059912", "WK059915"]
    assert [f"{ids.EXPLORER_MAP}.figure" in c.outputs for c in calls] == [True]


def test_forged_callback_input_is_validated(dash_client):
    dash_client.render("/")
    calls = dash_client.change(ids.EXPLORER_INDICATOR, "value", "../../etc/passwd")
    assert calls  # answered, with the default indicator, not an error
    assert "bijstand" in dash_client.props[(ids.EXPLORER_QUERY, "data")]


def test_clicks_replace_or_add_up_to_four():
    from dashboard.explorer.state import apply_click

    assert apply_click(["A"], "B", add=False) == ["B"]
    assert apply_click(["A"], "B", add=True) == ["A", "B"]
    assert apply_click(["A", "B"], "A", add=True) == ["B"]  # a second click removes it
    assert apply_click(["A", "B", "C", "D"], "E", add=True) == ["B", "C", "D", "E"]


def test_click_on_unknown_code_changes_nothing(dash_client):
    dash_client.render("/", "?sel=BU05991572")
    calls = dash_client.change(ids.EXPLORER_CLICK, "data", {"code": "<img src=x>", "add": True})
    assert all(c.bytes == 0 for c in calls)  # PreventUpdate: 204, nothing sent
    assert dash_client.props[(ids.EXPLORER_SELECTION, "data")] == ["BU05991572"]
