"""geo.boundaries: reading, coverage repair and simplification, dissolving, export, overlays."""

from __future__ import annotations

import json

import geopandas as gpd
import numpy as np
import pytest
import shapely

import geo.coverage
from geo.boundaries import (
    areas_m2,
    coverage_report,
    dissolve_by,
    make_valid_polygons,
    points_to_areas,
    read_boundaries,
    round_coordinates,
    simplify_coverage,
    to_geojson,
)

RD = "EPSG:28992"
X0, Y0 = 92_000.0, 437_000.0  # RD New metres, in Rotterdam


def _vertices(gdf: gpd.GeoDataFrame) -> int:
    return int(shapely.get_num_coordinates(np.asarray(gdf.geometry.array)).sum())


def _wiggly_grid() -> gpd.GeoDataFrame:
    """Test data, built here: 3 x 3 cells of 100 m whose shared edges zigzag (+-1.5 m every
    2 m); the outer boundary is straight. Polygonizing the noded lines makes a valid coverage."""
    t = np.arange(0.0, 300.0 + 1e-9, 2.0)
    wiggle = 1.5 * np.sin(2 * np.pi * t / 20)
    lines = []
    for k in range(4):
        offset = wiggle if k in (1, 2) else 0 * t
        lines.append(shapely.LineString(np.c_[X0 + 100 * k + offset, Y0 + t]))
        lines.append(shapely.LineString(np.c_[X0 + t, Y0 + 100 * k + offset]))
    cells = shapely.get_parts(shapely.polygonize(shapely.get_parts(shapely.union_all(lines))))
    cells = sorted(cells, key=lambda c: (round(c.centroid.y, -1), round(c.centroid.x, -1)))
    return gpd.GeoDataFrame({"code": [f"C{i}" for i in range(9)]}, geometry=cells, crs=RD)


def test_wiggly_grid_simplifies_without_gaps_or_overlaps():
    grid = _wiggly_grid()
    assert len(grid) == 9 and coverage_report(grid)["is_valid_coverage"]
    out = simplify_coverage(grid, tolerance_m=10)
    assert out.crs == "EPSG:4326" and out["code"].tolist() == grid["code"].tolist()
    assert out.attrs["coverage_simplify"]["method"] == "coverage"
    report = coverage_report(out)
    assert report["overlapping_pairs"] == 0 and report["gap_count"] == 0
    assert report["union_area_m2"] == pytest.approx(90_000, rel=1e-6)
    assert areas_m2(out).sum() == pytest.approx(90_000, rel=1e-6)  # no overlaps either
    assert out.is_valid.all()
    assert _vertices(out) < _vertices(grid) / 4


def test_overlaps_and_narrow_gaps_are_repaired_before_simplifying():
    # test data, built here: a frame with a 0.5 m gap around the square in its hole, and a
    # neighbour overlapping the frame by 0.7 m
    frame = shapely.box(X0, Y0, X0 + 300, Y0 + 300).difference(
        shapely.box(X0 + 100, Y0 + 100, X0 + 200, Y0 + 200)
    )
    inner = shapely.box(X0 + 100.5, Y0 + 100.5, X0 + 199.5, Y0 + 199.5)
    east = shapely.box(X0 + 299.3, Y0, X0 + 400, Y0 + 100)
    gdf = gpd.GeoDataFrame({"code": ["F", "I", "E"]}, geometry=[frame, inner, east], crs=RD)
    before = coverage_report(gdf)
    assert before["overlapping_pairs"] == 1 and before["overlap_area_m2"] == pytest.approx(70)
    assert before["gap_count"] == 1 and before["gap_area_m2"] == pytest.approx(199)
    out = simplify_coverage(gdf, tolerance_m=1)
    info = out.attrs["coverage_simplify"]
    assert info["method"] == "repaired coverage" and info["repair"]["filled_gaps"] == 1
    after = coverage_report(out)
    assert after["is_valid_coverage"] and after["overlapping_pairs"] == 0
    assert after["gap_count"] == 0
    assert after["union_area_m2"] == pytest.approx(300 * 300 + 100 * 100, rel=1e-6)
    area = dict(zip(out["code"], areas_m2(out), strict=True))
    assert area["F"] == pytest.approx(300 * 300 - 99 * 99, rel=1e-6)  # took the gap
    assert area["E"] == pytest.approx(100 * 100, rel=1e-6)  # lost the overlap


def test_falls_back_to_per_polygon_simplification_when_repair_fails(monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise shapely.errors.GEOSException("TopologyException: test")

    monkeypatch.setattr(geo.coverage, "repair_coverage", broken)
    # test data, built here: two overlapping squares
    boxes = [shapely.box(X0, Y0, X0 + 100, Y0 + 100), shapely.box(X0 + 90, Y0, X0 + 200, Y0 + 100)]
    gdf = gpd.GeoDataFrame({"code": ["A", "B"]}, geometry=boxes, crs=RD)
    out = simplify_coverage(gdf, tolerance_m=5)
    assert out.attrs["coverage_simplify"]["method"] == "per-polygon"
    assert "simplifying per polygon" in caplog.text
    assert areas_m2(out).tolist() == pytest.approx([10_000, 11_000], rel=1e-6)


def _check_simplified(original, simplified):
    assert simplified["code"].tolist() == original["code"].tolist()
    assert simplified.is_valid.all() and not simplified.is_empty.any()
    report = coverage_report(simplified)
    assert report["is_valid_coverage"] and report["overlapping_pairs"] == 0
    assert report["gap_count"] == 0
    before = coverage_report(original)["union_area_m2"]
    assert report["union_area_m2"] == pytest.approx(before, rel=0.01)
    assert areas_m2(simplified).sum() == pytest.approx(areas_m2(original).sum(), rel=0.01)


@pytest.fixture(scope="module")
def rotterdam_buurten(snapshot_dir):
    path = snapshot_dir / "rotterdam/gebiedsindeling/buurten.geojson"
    return read_boundaries(path, "cbs_buurtcode_afgeleid", "BUURTNAAM")


@pytest.mark.slow
@pytest.mark.parametrize(("tolerance", "min_factor"), [(10, 5), (25, 10)])
def test_rotterdam_full_resolution_buurten(rotterdam_buurten, tolerance, min_factor):
    assert len(rotterdam_buurten) == 91
    assert rotterdam_buurten["code"].str.match(r"^BU0599\d{4}$").all()
    before = coverage_report(rotterdam_buurten)
    # dissolved subbuurten, reprojected: almost a coverage (measured 6 pairs, 1.7 m² overlap)
    assert before["overlap_area_m2"] < 10 and before["gap_area_m2"] < 10
    out = simplify_coverage(rotterdam_buurten, tolerance)
    _check_simplified(rotterdam_buurten, out)
    # measured: 38,083 vertices -> 6,347 at 10 m (6.0x), 3,432 at 25 m (11.1x)
    assert _vertices(out) * min_factor < _vertices(rotterdam_buurten)


@pytest.mark.slow
def test_presimplified_wbk_buurten_are_repaired(snapshot_dir):
    path = snapshot_dir / "cbs/wbk-2024/buurten_2024_rijnmond.geojson"
    wbk = read_boundaries(path, "buurtcode", "buurtnaam", where={"gemeentecode": "GM0599"})
    assert len(wbk) == 91
    before = coverage_report(wbk)
    # simplified per polygon by the publisher (measured: 160 overlapping pairs, 0.81 km²;
    # 185 enclosed gaps, 0.91 km²)
    assert before["overlapping_pairs"] > 100 and before["gap_area_m2"] > 500_000
    for tolerance in (10, 25):
        out = simplify_coverage(wbk, tolerance)
        assert out.attrs["coverage_simplify"]["method"] == "repaired coverage"
        _check_simplified(wbk, out)


def test_read_boundaries_strips_codes_dissolves_and_filters(tmp_path):
    def feature(code, water, box):  # test data, built here
        return {
            "type": "Feature",
            "properties": {"gm": code, "naam": " A ", "water": water},
            "geometry": shapely.geometry.mapping(shapely.box(*box)),
        }

    path = tmp_path / "areas.geojson"  # no crs member: WGS84 lon/lat
    path.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    feature(" GM0001 ", "NEE", (4.0, 51.0, 4.1, 51.1)),
                    feature("GM0001", "JA", (4.1, 51.0, 4.2, 51.1)),
                    feature("GM0002", "NEE", (4.2, 51.0, 4.3, 51.1)),
                    feature(None, "NEE", (4.3, 51.0, 4.4, 51.1)),
                ],
            }
        ),
        encoding="utf-8",
    )
    gdf = read_boundaries(path, "gm", "naam")
    assert gdf["code"].tolist() == ["GM0001", "GM0002"] and gdf["name"].tolist() == ["A", "A"]
    assert gdf.crs == "EPSG:4326"
    assert gdf.geometry.iloc[0].equals(shapely.box(4.0, 51.0, 4.2, 51.1))
    land = read_boundaries(path, "gm", where={"water": "NEE"})
    assert land.geometry.iloc[0].equals(shapely.box(4.0, 51.0, 4.1, 51.1))
    assert land["name"].isna().all()
    with pytest.raises(KeyError, match="nope"):
        read_boundaries(path, "nope")


@pytest.mark.slow
def test_cbs_gemeenten_land_and_water_parts(snapshot_dir):
    path = snapshot_dir / "cbs/wbk-2024/gemeenten_2024_nl.geojson"
    everything = read_boundaries(path, "gemeentecode", "gemeentenaam")
    land = read_boundaries(path, "gemeentecode", "gemeentenaam", where={"water": "NEE"})
    assert len(everything) == len(land) == 342 and everything["code"].is_unique
    total = areas_m2(everything[everything["code"] == "GM0599"]).iloc[0]
    land_only = areas_m2(land[land["code"] == "GM0599"]).iloc[0]
    assert 280e6 < land_only < total < 340e6  # measured 293.7 and 323.6 km²


def test_make_valid_polygons_keeps_polygonal_parts_only():
    bowtie = shapely.Polygon([(0, 0), (2, 2), (2, 0), (0, 2)])  # test data, built here
    mixed = shapely.GeometryCollection(
        [shapely.box(5, 5, 6, 6), shapely.LineString([(0, 0), (1, 0)])]
    )
    line = shapely.GeometryCollection([shapely.LineString([(0, 0), (1, 1)])])
    gdf = gpd.GeoDataFrame(
        {"code": list("abcd")}, geometry=[bowtie, mixed, line, shapely.Polygon()]
    )
    out = make_valid_polygons(gdf)
    assert out["code"].tolist() == ["a", "b"] and out.is_valid.all()
    assert out.geometry.iloc[0].geom_type == "MultiPolygon" and out.geometry.iloc[0].area == 2
    assert out.geometry.iloc[1].equals(shapely.box(5, 5, 6, 6))


def test_dissolve_by_unions_cells_into_new_areas():
    grid = _wiggly_grid()
    mapping = {f"C{i}": ("zuid" if i < 3 else "midden") for i in range(8)}  # C8 left out
    out = dissolve_by(grid, mapping)
    assert out["code"].tolist() == ["zuid", "midden"] and out["n_parts"].tolist() == [3, 5]
    assert out.crs == RD and (out.geom_type == "Polygon").all()
    assert out.area.tolist() == pytest.approx([30_000, 50_000], rel=1e-9)


def test_round_coordinates_and_geojson_export():
    # test data, built here: a clockwise square and an empty geometry
    square = shapely.Polygon([(4.123456, 51.0), (4.123456, 51.1), (4.2, 51.1), (4.2, 51.0)])
    gdf = gpd.GeoDataFrame(
        {"code": ["BU1", "BU2"], "name": ["Een", None], "n": [np.int64(3), np.nan]},
        geometry=[square, shapely.Polygon()],
        crs="EPSG:4326",
    )
    assert round_coordinates(gdf).geometry.iloc[0].exterior.coords[0] == (4.12346, 51.0)
    fc = to_geojson(gdf, properties=("name", "n"))
    json.dumps(fc, allow_nan=False)
    assert [f["id"] for f in fc["features"]] == ["BU1"]
    feature = fc["features"][0]
    assert feature["properties"] == {"name": "Een", "n": 3.0}
    ring = feature["geometry"]["coordinates"][0]
    assert [4.12346, 51.0] in ring
    assert shapely.LinearRing(ring).is_ccw  # RFC 7946 exterior orientation
    rd = to_geojson(gdf.to_crs(RD))
    back = rd["features"][0]["geometry"]["coordinates"][0]
    assert np.allclose(back, ring, atol=2e-5)


def test_areas_m2_in_rd_new():
    gdf = gpd.GeoDataFrame(geometry=[shapely.box(X0, Y0, X0 + 100, Y0 + 50)], crs=RD)
    assert areas_m2(gdf.to_crs("EPSG:4326")).iloc[0] == pytest.approx(5000, rel=1e-6)


def _two_areas() -> gpd.GeoDataFrame:
    # test data, built here: west and east squares sharing the edge x = X0 + 100
    west = shapely.box(X0, Y0, X0 + 100, Y0 + 100)
    east = shapely.box(X0 + 100, Y0, X0 + 200, Y0 + 100)
    return gpd.GeoDataFrame({"code": ["W", "E"]}, geometry=[west, east], crs=RD)


def test_points_to_areas_inside_outside_and_on_a_shared_edge():
    points = gpd.GeoDataFrame(
        {"what": ["west", "east", "outside", "edge"]},
        geometry=shapely.points(
            [(X0 + 50, Y0 + 50), (X0 + 150, Y0 + 20), (X0 - 5, Y0), (X0 + 100, Y0 + 50)]
        ),
        index=[10, 11, 12, 13],
        crs=RD,
    )
    codes = points_to_areas(points, _two_areas())
    assert codes.index.tolist() == [10, 11, 12, 13]
    assert codes[10] == "W" and codes[11] == "E" and codes[13] == "E"  # lowest code wins
    assert np.isnan(codes[12])
    reordered = points_to_areas(points, _two_areas().iloc[::-1])
    assert reordered[13] == "E"
    lonlat = points_to_areas(points.iloc[:3].to_crs("EPSG:4326"), _two_areas())
    assert lonlat.iloc[:2].tolist() == ["W", "E"] and np.isnan(lonlat[12])
