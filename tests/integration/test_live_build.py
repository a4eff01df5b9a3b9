"""The live path (CBS OData + PDOK clients) and the snapshot path converge: a build from a
fake CBS/PDOK server on 127.0.0.1 that serves the real recorded answers gives the same
values as the build from the snapshot files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard.compare.model import CompareState, compare_table
from dashboard.explorer.details import details, table_rows
from dashboard.explorer.state import ExplorerState
from dashboard.exports.tidy import finish_rows
from dashboard.pipeline.build import run_build
from dashboard.pipeline.sources.http import SourceError, make_session
from dashboard.profile.model import figure_row
from dashboard.store import Store
from tests.fakes import FakeServer, Reply
from tests.health_answers import HEALTH, TABLE, build_live_store
from tests.health_answers import data_dir as _data_dir
from tests.health_answers import serve_recording as _serve_recording

pytestmark = pytest.mark.slow


def test_live_build_equals_snapshot_values(snapshot_dir, store, tmp_path):
    data = _data_dir(tmp_path)
    with FakeServer() as srv:
        _serve_recording(srv, snapshot_dir)
        run_build(tmp_path / "live", snapshot=None, gemeenten=("GM0599",), data_dir=data,
                  cache_dir=tmp_path / "raw", session=make_session(retries=0),
                  odata_base=srv.url, pdok_base=srv.url + "/wb-{year}",
                  dataderden_base=srv.url + "/dataderden", progress=lambda m: None)
        assert srv.hits(f"/{TABLE}/TypedDataSet") == 2  # followed odata.nextLink
    live = Store.open(tmp_path / "live", data_dir=data)
    for key in ("inwoners", "bijstand", "pct_huur_corporatie", "inkomen_per_inwoner"):
        a = live.values(key, 2024, level="buurt").set_index("area_code")[["value", "status"]]
        b = store.values(key, 2024, level="buurt").set_index("area_code")[["value", "status"]]
        b = b[b.index.isin(a.index)]
        assert len(a) == 91
        assert a.sort_index().equals(b.sort_index()), key
    # the PDOK answer's 88 buurten have shapes; the raw answers were cached as received
    areas = live.areas[live.areas["level"] == "buurt"]
    assert (~areas.geometry.isna()).sum() == 88
    assert len(list((tmp_path / "raw").glob("*.json"))) >= 3


def test_broken_live_answer_fails_clearly_and_keeps_previous_store(built_store, tmp_path):
    data = _data_dir(tmp_path)
    out = tmp_path / "store"
    shutil.copytree(built_store, out)
    before = sorted((p.name, p.read_bytes()) for p in out.iterdir())
    with FakeServer() as srv:
        srv.route(f"/{TABLE}/TypedDataSet", Reply(200, b'{"value": [{"ID": 1, "Wijken'))
        with pytest.raises(SourceError, match=f"CBS table {TABLE}.*JSON"):
            run_build(out, snapshot=None, gemeenten=("GM0599",), data_dir=data,
                      session=make_session(retries=0), odata_base=srv.url,
                      pdok_base=srv.url + "/wb-{year}", progress=lambda m: None)
    assert sorted((p.name, p.read_bytes()) for p in out.iterdir()) == before


def _open(store_dir: Path, data: Path, buurten: list[str]) -> tuple[Store, list[str]]:
    return Store.open(store_dir, data_dir=data), buurten


def test_live_build_stores_health_estimates_with_margins_and_shows_them(snapshot_dir,
                                                                        tmp_path):
    store, buurten = _open(*build_live_store(snapshot_dir, tmp_path))
    a, b, c = buurten[:3]
    rows = store.values("ggd_eenzaam", 2022, areas=[a, b, c]).set_index("area_code")
    assert rows.loc[a, ["value", "lower", "upper"]].tolist() == [72.0, 68.0, 76.0]
    assert rows.loc[c, "status"] == "secret" and pd.isna(rows.loc[c, "value"])
    older = store.values("ggd_eenzaam_65plus", 2022, areas=[a]).iloc[0]
    assert (older["value"], older["lower"], older["upper"]) == (41.0, 37.0, 45.0)
    source = next(s for s in store.manifest["sources"] if s["table"] == "50120NED")
    assert source["licence"] == "CC-BY-4.0" and source["boundaries"] == HEALTH.boundaries
    # one table, one set of areas: 2020 and 2022 connect (not a boundary break)
    series = store.series(a, "ggd_eenzaam")
    assert series["year"].tolist() == [2020, 2022]
    assert series["comparable_with_previous"].tolist() == [None, True]

    state = ExplorerState("ggd_eenzaam", 2022, "buurt", "GM0599", (a,), "nl")
    d = details(store, state, a)
    assert d["value_text"] == "72\u00a0% (68–76\u00a0%)" and d["quality_text"] == ""
    assert d["quality"] == "ok" and "buurten met een betrouwbaar cijfer" in d["rank_text"]
    assert "50120NED" in d["source"] and "Modelschatting" in d["caveats"]
    table = {r["code"]: r for r in table_rows(store, state)}
    assert table[a]["value"] == "72 (68–76)" and table[c]["value"] == "geheim"
    en = details(store, ExplorerState("ggd_eenzaam", 2022, "buurt", "GM0599", (a,), "en"), a)
    assert en["value_text"] == "72\u00a0% (68–76\u00a0%)"

    # downloads carry the interval beside the value (empty where there is none)
    out = finish_rows(store, store.values("ggd_eenzaam", 2022, areas=[a, c]), "nl")
    out = out.set_index("area_code")
    assert out.loc[a, ["value", "lower", "upper"]].tolist() == [72.0, 68.0, 76.0]
    assert out.loc[c, ["value", "lower", "upper"]].isna().all()

    # profile and compare show the same value with its interval
    row = figure_row(store, a, store.catalogue["ggd_eenzaam"], "nl", [], [a])
    assert row["value_text"] == "72 (68–76)" and row["year"] == 2022
    cells = compare_table(store, CompareState((a, "ZUID0599"), ("ggd_eenzaam",), "en"))[0]
    assert [c["text"] for c in cells["cells"]] == ["72 (68–76)",
                                                    "not available for combined areas"]

    # a combined area says why it has no value instead of averaging the estimates
    zuid = details(store, ExplorerState("ggd_eenzaam", 2022, "wijk", "GM0599", ("ZUID0599",),
                                        "en"), "ZUID0599")
    assert zuid["value_text"] == "not available for combined areas"
    assert zuid["reason"].startswith("Model estimates without published counts")
    z = store.values("ggd_eenzaam", 2022, areas=["ZUID0599"]).iloc[0]
    assert z["status"] == "missing" and z["method"] == "not_combinable" and pd.isna(z["value"])


def test_wide_interval_marks_the_estimate_uncertain(snapshot_dir, tmp_path):
    store, buurten = _open(*build_live_store(snapshot_dir, tmp_path, widths=24.0))
    a = buurten[0]
    d = details(store, ExplorerState("ggd_eenzaam", 2022, "buurt", "GM0599", (a,), "en"), a)
    assert d["value_text"] == "72\u00a0% (60–84\u00a0%)"
    assert d["quality"] == "wide_margin"
    assert d["quality_text"] == ("Uncertain: the 95% confidence interval of this estimate is "
                                 "wider than 20 percentage points.")
    assert d["rank_text"] == "not ranked: the figure is unreliable"
    rows = {r["code"]: r for r in table_rows(store, ExplorerState(
        "ggd_eenzaam", 2022, "buurt", "GM0599", (a,), "nl"))}
    assert rows[a]["note"].startswith("Onzeker: het 95%-betrouwbaarheidsinterval")
    assert rows[a]["interval"] == "(60–84)"
    out = finish_rows(store, store.values("ggd_eenzaam", 2022, areas=[a]), "nl")
    assert out["quality"].tolist() == ["wide_margin"]


TOP10NL_ITEMS = "/kadaster/brt-top10nl/ogc/v1/collections/waterdeel_vlak/items"


def _square(west: float, south: float, east: float, north: float, **properties) -> dict:
    """Test data: a rectangle as a GeoJSON Feature (made here, not a real water shape)."""
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {"type": "Feature", "properties": properties,
            "geometry": {"type": "Polygon", "coordinates": [ring]}}


def _serve_water(srv: FakeServer, snapshot: Path, top10nl: Reply | None) -> None:
    """The recording, the gemeente with a (test) water part, and TOP10NL's water surfaces
    in two pages: two touching pieces of a (test) river and a pond under 1 ha."""
    from tests.health_answers import _gemeente_feature

    _serve_recording(srv, snapshot)
    fc = json.loads((snapshot / "cbs/pdok-2024/rotterdam_buurten_2024_pdok.geojson")
                    .read_text())
    land = _gemeente_feature(fc)
    land["properties"]["water"] = "NEE"
    sea = _square(4.00, 51.95, 4.05, 51.98, gemeentecode="GM0599", gemeentenaam="Rotterdam",
                  water="JA")
    srv.route("/wb-2024/collections/gemeenten/items",
              Reply.json({"features": [land, sea]}))
    if top10nl is None:
        page2 = f"{srv.url}{TOP10NL_ITEMS}?f=json&offset=2"
        top10nl = Reply.json({"features": [
            _square(4.40, 51.895, 4.48, 51.902, typewater="waterloop"),
            _square(4.48, 51.895, 4.56, 51.902, typewater="waterloop")],
            "links": [{"rel": "next", "href": page2}]})
        srv.route(TOP10NL_ITEMS, top10nl,
                  Reply.json({"features": [_square(4.50, 51.88, 4.5005, 51.8805,
                                                   typewater="meer, plas")]}))
    else:
        srv.route(TOP10NL_ITEMS, top10nl)


def _build_with_water(snapshot: Path, tmp_path: Path, top10nl: Reply | None = None):
    data = _data_dir(tmp_path)
    with FakeServer() as srv:
        _serve_water(srv, snapshot, top10nl)
        run_build(tmp_path / "live", snapshot=None, gemeenten=("GM0599",), data_dir=data,
                  session=make_session(retries=0), odata_base=srv.url,
                  pdok_base=srv.url + "/wb-{year}", dataderden_base=srv.url + "/dataderden",
                  progress=lambda m: None)
        asked = [r for r in srv.requests if r.path == TOP10NL_ITEMS]
    return Store.open(tmp_path / "live", data_dir=data), asked


def test_live_build_draws_the_river_from_top10nl_and_the_sea_from_pdok(snapshot_dir,
                                                                       tmp_path):
    from urllib.parse import parse_qs

    from dashboard.explorer import geography
    from dashboard.store.pc4 import load_water

    store, asked = _build_with_water(snapshot_dir, tmp_path)
    # TOP10NL was asked for the box around Rotterdam's areas, and its next page followed
    assert len(asked) == 2
    west, south, east, north = map(float, parse_qs(asked[0].query)["bbox"][0].split(","))
    gw, gs, ge, gn = store.areas.loc[["GM0599"]].total_bounds
    assert west < gw and south < gs and east > ge and north > gn and east - west < 1
    water = load_water(store).to_crs(28992)
    # the two touching river pieces are one part; the pond under 1 ha is left out
    assert len(water) == store.manifest["rows"]["water"] == 2
    river = water[water["source"].str.contains("brt-top10nl")]
    sea = water[water["source"].str.contains("/wb-2024/")]
    assert len(river) == len(sea) == 1
    assert 8e6 < river.area.iloc[0] < 1.0e7  # 0.16 x 0.007 degrees at 51.9 N
    entry = next(s for s in store.manifest["sources"] if s["id"] == "top10nl:waterdeel_vlak")
    assert (entry["credit"], entry["licence"], entry["areas"]) == (
        "Kadaster / PDOK (BRT TOP10NL)", "CC-BY-4.0", 3)
    assert geography.water_source(store) == "top10nl"
    assert geography.water_geojson(store, "GM0599", "buurt")["features"]  # drawn


def test_a_failing_top10nl_leaves_the_boundary_water_and_says_why(snapshot_dir, tmp_path):
    from dashboard.explorer import geography
    from dashboard.store.pc4 import load_water

    store, asked = _build_with_water(snapshot_dir, tmp_path, Reply(500, b"{}"))
    assert len(asked) == 1  # asked once (no retries in tests), not fatal for the build
    water = load_water(store)
    assert len(water) == 1 and "/wb-2024/" in water["source"].iloc[0]
    entry = next(s for s in store.manifest["sources"] if s["id"] == "top10nl:waterdeel_vlak")
    assert entry["areas"] == 0 and "500" in entry["problem"]
    assert geography.water_source(store) == "wbk"
