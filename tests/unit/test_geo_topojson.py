"""geo.topojson: decoding hand-built topologies exactly, and the CBS 2014/2015 TopoJSON files."""

from __future__ import annotations

import json

import pytest
import shapely

from geo.boundaries import areas_m2, make_valid_polygons
from geo.topojson import read_topojson

GEBIEDSINDELINGEN = "cbs/gebiedsindelingen-2014"

# test data, built here: two squares sharing one edge, on a quantization grid of
# 0.5 x 0.25 degrees from (4.0, 51.0). Grid positions: left square (0,0)-(1,1), right (1,0)-(2,1).
# Arc 0 is the shared edge (1,0)->(1,1); the right square uses it reversed (index ~0 == -1).
# Arc positions are delta-encoded; point positions are quantized but not delta-encoded.
QUANTIZED = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.25], "translate": [4.0, 51.0]},
    "arcs": [
        [[1, 0], [0, 1]],
        [[1, 1], [-1, 0], [0, -1], [1, 0]],
        [[1, 0], [1, 0], [0, 1], [-1, 0]],
        [[1, 1], [0, 0], [1, 0], [-1, 0]],  # collapses to (1,1),(2,1),(1,1): degenerate
    ],
    "objects": {
        "labels": {
            "type": "GeometryCollection",
            "geometries": [{"type": "Point", "coordinates": [2, 1], "properties": {"n": 1}}],
        },
        "areas": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "arcs": [[0, 1]], "id": "L", "properties": {"naam": "left"}},
                {"type": "Polygon", "arcs": [[2, -1]], "id": "R", "properties": {"naam": "right"}},
                {"type": "MultiPolygon", "arcs": [[[0, 1]], [[3]]], "id": "M"},
                {"type": "Polygon", "arcs": [[3]], "id": "D", "properties": {"naam": "gone"}},
                {"type": "LineString", "arcs": [-1], "id": "E"},
                {"type": "MultiPoint", "coordinates": [[0, 0], [2, 1]], "id": "P"},
                {"type": None, "id": "N"},
            ],
        },
    },
}

LEFT = [(4.5, 51.0), (4.5, 51.25), (4.0, 51.25), (4.0, 51.0), (4.5, 51.0)]
RIGHT = [(4.5, 51.0), (5.0, 51.0), (5.0, 51.25), (4.5, 51.25), (4.5, 51.0)]

# test data, built here: the same two squares without quantization (absolute positions)
UNQUANTIZED = {
    "type": "Topology",
    "arcs": [
        [[4.5, 51.0], [4.5, 51.25]],
        [[4.5, 51.25], [4.0, 51.25], [4.0, 51.0], [4.5, 51.0]],
        [[4.5, 51.0], [5.0, 51.0], [5.0, 51.25], [4.5, 51.25]],
    ],
    "objects": {
        "squares": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "arcs": [[0, 1]], "properties": {"code": "L"}},
                {"type": "Polygon", "arcs": [[2, -1]], "properties": {"code": "R"}},
                {"type": "Point", "coordinates": [4.25, 51.125], "properties": {"code": "pt"}},
            ],
        }
    },
}


def test_quantized_delta_encoded_arcs_decode_to_exact_coordinates():
    gdf = read_topojson(QUANTIZED).set_index("id")
    assert list(gdf.index) == ["L", "R", "M", "D", "E", "P", "N"]
    assert list(gdf.loc["L"].geometry.exterior.coords) == LEFT
    assert list(gdf.loc["R"].geometry.exterior.coords) == RIGHT
    assert (
        gdf.loc["L"]
        .geometry.intersection(gdf.loc["R"].geometry)
        .equals(shapely.LineString([(4.5, 51.0), (4.5, 51.25)]))
    )
    assert list(gdf.loc["E"].geometry.coords) == [(4.5, 51.25), (4.5, 51.0)]
    assert [p.coords[0] for p in gdf.loc["P"].geometry.geoms] == [(4.0, 51.0), (5.0, 51.25)]
    assert gdf.loc["L", "naam"] == "left" and gdf.crs == "EPSG:4326"


def test_degenerate_rings_are_dropped_and_empty_features_kept():
    gdf = read_topojson(QUANTIZED).set_index("id")
    multi = gdf.loc["M"].geometry
    assert multi.geom_type == "MultiPolygon" and len(multi.geoms) == 1
    assert list(multi.geoms[0].exterior.coords) == LEFT
    assert gdf.loc["D"].geometry.is_empty and gdf.loc["D", "naam"] == "gone"
    assert gdf.loc["N"].geometry.is_empty
    assert gdf.attrs["topojson"] == {"object": "areas", "dropped_rings": 2, "empty": 2}


def test_object_choice():
    labels = read_topojson(QUANTIZED, "labels")
    assert labels.geometry.iloc[0].coords[0] == (5.0, 51.25) and labels["n"].tolist() == [1]
    with pytest.raises(KeyError, match="nope"):
        read_topojson(QUANTIZED, "nope")


def test_unquantized_topology_and_reading_from_a_file(tmp_path):
    path = tmp_path / "squares.topojson"
    path.write_text(json.dumps(UNQUANTIZED), encoding="utf-8")
    gdf = read_topojson(path)
    assert gdf["code"].tolist() == ["L", "R", "pt"]
    assert list(gdf.geometry.iloc[0].exterior.coords) == LEFT
    assert list(gdf.geometry.iloc[1].exterior.coords) == RIGHT
    assert gdf.geometry.iloc[2].coords[0] == (4.25, 51.125)
    assert "id" not in gdf.columns


@pytest.mark.slow
def test_gemeenten_2015(snapshot_dir):
    gdf = read_topojson(snapshot_dir / GEBIEDSINDELINGEN / "Gemeente_2015_layer_labels.topojson")
    assert gdf.attrs["topojson"]["object"] == "layer"
    assert len(gdf) == 393 and gdf["statcode"].is_unique
    rotterdam = gdf[gdf["statcode"] == "GM0599"]
    assert rotterdam["statnaam"].tolist() == ["Rotterdam"]
    area_km2 = areas_m2(rotterdam).iloc[0] / 1e6
    assert 300 < area_km2 < 350  # SOURCES.md: about 325 km²; measured 324.9


@pytest.mark.slow
def test_wijken_2014(snapshot_dir):
    gdf = read_topojson(snapshot_dir / GEBIEDSINDELINGEN / "Wijk_2014_layer_labels.topojson")
    assert len(gdf) == 2745 and gdf["statcode"].is_unique
    assert gdf["statcode"].str.startswith("WK").all()
    assert (gdf["id"] == gdf["statcode"]).all()
    labels = read_topojson(
        snapshot_dir / GEBIEDSINDELINGEN / "Wijk_2014_layer_labels.topojson", "labels"
    )
    assert len(labels) == 2746 and (labels.geom_type == "Point").all()


@pytest.mark.slow
def test_coarse_buurten_2014_collapse(snapshot_dir):
    gdf = read_topojson(snapshot_dir / GEBIEDSINDELINGEN / "Buurt_2014_layer_q1e3.topojson")
    assert len(gdf) == 11691 and gdf["statcode"].is_unique
    # 545 buurten have every ring shorter than 4 positions as stored; once repeated positions
    # are removed 1,054 do (the other 509 were rings of 1-2 distinct points, zero area).
    assert gdf.attrs["topojson"]["empty"] == gdf.geometry.is_empty.sum() == 1054
    assert len(make_valid_polygons(gdf)) < 11691 - 1054
