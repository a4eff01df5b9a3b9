"""Placing coordinates and postcode-4 areas onto buurten (geo/points.py and its use)."""

from __future__ import annotations

import math

import geopandas as gpd
import pytest
from shapely.geometry import box

from geo.points import inside_points, overlap_shares, place_points, spread

# Test data built here: two unit squares side by side near Rotterdam (degrees).
A = box(4.40, 51.90, 4.41, 51.91)
B = box(4.41, 51.90, 4.42, 51.91)


@pytest.fixture
def squares():
    return gpd.GeoDataFrame({"code": ["BU_A", "BU_B"]}, geometry=[A, B], crs="EPSG:4326")


def test_points_fall_in_the_area_that_contains_them(squares):
    codes = place_points([4.405, 4.415, 4.50], [51.905, 51.905, 51.905], squares)
    assert codes == ["BU_A", "BU_B", None]


def test_a_point_on_a_shared_edge_gets_the_lowest_code(squares):
    assert place_points([4.41], [51.905], squares.iloc[::-1]) == ["BU_A"]


def test_lengths_must_match(squares):
    with pytest.raises(ValueError):
        place_points([4.4, 4.5], [51.9], squares)


def test_overlap_shares_split_a_part_over_two_areas(squares):
    # a part three quarters in A, one quarter in B
    part = gpd.GeoDataFrame({"code": ["3000"]}, geometry=[box(4.4025, 51.90, 4.4125, 51.91)],
                            crs="EPSG:4326")
    shares = overlap_shares(part, squares)
    assert list(shares["area"]) == ["BU_A", "BU_B"]
    assert shares["share"].tolist() == pytest.approx([0.75, 0.25], abs=0.01)
    # a sliver below the threshold is dropped, the largest part always stays
    sliver = gpd.GeoDataFrame({"code": ["3001"]}, geometry=[box(4.4005, 51.90, 4.4105, 51.91)],
                              crs="EPSG:4326")
    assert list(overlap_shares(sliver, squares)["area"]) == ["BU_A"]
    outside = gpd.GeoDataFrame({"code": ["3002"]}, geometry=[box(5.0, 52.0, 5.01, 52.01)],
                               crs="EPSG:4326")
    assert overlap_shares(outside, squares).empty
    # 45% in A, 55% in B: neither reaches 0.9; the largest stays only when asked
    split = gpd.GeoDataFrame({"code": ["3003"]}, geometry=[box(4.4055, 51.90, 4.4155, 51.91)],
                             crs="EPSG:4326")
    assert list(overlap_shares(split, squares, min_share=0.9, keep_largest=False)["area"]) == []
    assert list(overlap_shares(split, squares, min_share=0.9)["area"]) == ["BU_B"]


def test_inside_points_are_inside(squares):
    pts = inside_points(squares)
    for code, lon, lat in pts.itertuples(index=False):
        geom = A if code == "BU_A" else B
        assert geom.contains(gpd.points_from_xy([lon], [lat])[0])


def test_spread_moves_only_markers_that_share_a_place():
    lons, lats = spread([4.5, 4.5, 4.5, 4.6], [51.9, 51.9, 51.9, 51.95], radius_m=250)
    assert (lons[3], lats[3]) == (4.6, 51.95)
    moved = list(zip(lons[:3], lats[:3], strict=True))
    assert len(set(moved)) == 3
    for lon, lat in moved:  # all on a circle of about 250 m around the shared place
        dy = (lat - 51.9) * 111_320
        dx = (lon - 4.5) * 111_320 * math.cos(math.radians(51.9))
        assert math.hypot(dx, dy) == pytest.approx(250, rel=0.01)


# -- on the real store (postcode areas written by the build) ----------------------------

def _raw_pc4(snapshot_dir):
    path = snapshot_dir / "cbs" / "postcode-2024" / "pc4_2024_zuid-holland.geojson"
    gdf = gpd.read_file(path)
    gdf["postcode"] = gdf["postcode"].astype(str).str.strip()
    return gdf


def test_the_build_writes_the_postcode_areas_of_rotterdam(store, snapshot_dir):
    from dashboard.store.pc4 import load_pc4

    pc4 = load_pc4(store)
    raw = _raw_pc4(snapshot_dir)
    rotterdam = store.areas.loc["GM0599", "geometry"]
    touching = set(raw[raw.intersects(rotterdam)]["postcode"])
    assert set(pc4["code"]) == touching
    assert {"3083", "3074", "3011"} <= set(pc4["code"])
    assert pc4.crs.to_epsg() == 4326
    assert any(s["id"].endswith("pc4-2024-zuid-holland") for s in store.manifest["sources"])


@pytest.mark.parametrize("postcode", ["3083", "3074", "3072", "3011"])
def test_postcodes_are_placed_on_the_buurten_holding_a_tenth_or_more(store, snapshot_dir,
                                                                      postcode):
    from dashboard.projects.places import place_postcodes

    # By hand: overlay the unsimplified postcode polygon with the store's 2024 buurten.
    raw = _raw_pc4(snapshot_dir)
    poly = raw[raw["postcode"] == postcode].to_crs(28992).geometry.union_all()
    buurten = store.areas[(store.areas["level"] == "buurt")
                          & (store.areas["boundary_year"] == 2024)].to_crs(28992)
    shares = {c: g.intersection(poly).area / poly.area
              for c, g in zip(buurten["code"], buurten.geometry, strict=True)}
    expected = {c for c, s in shares.items() if s >= 0.1}
    borderline = {c for c, s in shares.items() if 0.08 < s < 0.12}  # simplification noise
    placed = set(place_postcodes(store, [postcode])[postcode])
    assert expected - borderline <= placed <= expected | borderline
    assert placed


def test_coordinates_go_to_their_buurt_or_else_their_gemeente(store):
    from dashboard.projects.places import place_coordinates

    carnisse = store.area("Carnisse")["code"]
    inside = store.areas.loc[carnisse, "geometry"].representative_point()
    amsterdam = store.areas.loc["GM0363", "geometry"].representative_point()
    got = place_coordinates(store, [(inside.x, inside.y), (amsterdam.x, amsterdam.y),
                                    (2.0, 60.0)])
    assert got == [carnisse, "GM0363", None]


def test_a_project_given_by_postcode_and_point_is_placed_with_markers(store):
    from dashboard.projects.model import Point, Project, Text
    from dashboard.projects.places import place_postcodes, placement

    p = Project(key="t", name="T", summary=Text(nl="a", en="b"), source="test",
                points=(Point(postcode="3074"), Point(lat=52.0, lon=4.0),
                        Point(postcode="9999")))
    place = placement(store, p)
    assert place.codes == place_postcodes(store, ["3074"])["3074"]
    assert place.gemeenten == ("GM0599",)
    assert place.unplaced == ("52.00000,4.00000", "postcode 9999")
    assert len(place.markers) == 1
