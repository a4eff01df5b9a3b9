"""Decode TopoJSON topologies into GeoDataFrames.

TopoJSON stores each shared boundary once, as an *arc*; geometries refer to arcs by index
(a negative index ``~i`` means arc ``i`` reversed). A quantized topology has a ``transform``:
arc positions are then integers, delta-encoded along each arc, and point positions are
integers without delta encoding. See https://github.com/topojson/topojson-specification.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from os import PathLike
from typing import Any

import geopandas as gpd
import numpy as np
import shapely

CRS = "EPSG:4326"
_EMPTY = shapely.Polygon()


def read_topojson(
    path_or_dict: str | PathLike | Mapping[str, Any], object_name: str | None = None
) -> gpd.GeoDataFrame:
    """Read one object of a TopoJSON topology as a GeoDataFrame.

    Parameters
    ----------
    path_or_dict : str, path-like or mapping
        A ``.topojson`` file or an already parsed ``Topology`` dict.
    object_name : str, optional
        Key in ``topology["objects"]``. By default the only object is used; when there are
        several (CBS files hold ``layer`` polygons and ``labels`` points), the first object
        holding any polygon is used, else the first object.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per geometry of the object (a ``GeometryCollection`` object gives one row per
        member), the feature properties as columns, ``id`` when features have one (a property
        called ``id`` wins over the feature id), crs EPSG:4326. Polygon rings with fewer than
        4 distinct-consecutive positions after decoding are dropped; a polygon whose exterior
        is dropped disappears, and a feature left with nothing keeps an empty geometry.
        ``gdf.attrs["topojson"]`` reports ``object``, ``dropped_rings`` and ``empty``.
        Geometries are not made valid (see ``geo.boundaries.make_valid_polygons``).

    Examples
    --------
    >>> gdf = read_topojson("Wijk_2014_layer_labels.topojson")  # doctest: +SKIP
    >>> gdf[["statcode", "statnaam"]].head()  # doctest: +SKIP
    """
    topology = _load(path_or_dict)
    if topology.get("type") != "Topology":
        raise ValueError(f"not a TopoJSON Topology: type={topology.get('type')!r}")
    name = _pick_object(topology["objects"], object_name)
    decoder = _Decoder(topology)
    rows, geoms = [], []
    for member in _members(topology["objects"][name]):
        props = dict(member.get("properties") or {})
        if "id" in member:
            props.setdefault("id", member["id"])
        rows.append(props)
        geoms.append(decoder.geometry(member))
    gdf = gpd.GeoDataFrame(rows, geometry=geoms, crs=CRS)
    gdf.attrs["topojson"] = {
        "object": name,
        "dropped_rings": decoder.dropped_rings,
        "empty": int(gdf.geometry.is_empty.sum()),
    }
    return gdf


def _load(path_or_dict: str | PathLike | Mapping[str, Any]) -> Mapping[str, Any]:
    if isinstance(path_or_dict, Mapping):
        return path_or_dict
    with open(path_or_dict, encoding="utf-8") as f:
        return json.load(f)


def _pick_object(objects: Mapping[str, Any], name: str | None) -> str:
    if name is not None:
        if name not in objects:
            raise KeyError(f"TopoJSON object {name!r} not found; objects: {sorted(objects)}")
        return name
    if not objects:
        raise ValueError("TopoJSON topology has no objects")
    for key, obj in objects.items():
        if any("Polygon" in str(m.get("type")) for m in _members(obj)):
            return key
    return next(iter(objects))


def _members(obj: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    if obj.get("type") == "GeometryCollection":
        return list(obj.get("geometries") or [])
    return [obj]


class _Decoder:
    """Turns TopoJSON geometry objects into shapely geometries, caching decoded arcs."""

    def __init__(self, topology: Mapping[str, Any]):
        transform = topology.get("transform")
        if transform:
            self.scale = np.asarray(transform["scale"], dtype=float)
            self.translate = np.asarray(transform["translate"], dtype=float)
        else:
            self.scale = self.translate = None
        self.raw_arcs = topology.get("arcs") or []
        self.arcs: dict[int, np.ndarray] = {}
        self.dropped_rings = 0

    def _arc(self, index: int) -> np.ndarray:
        i = ~index if index < 0 else index
        if i not in self.arcs:
            xy = np.asarray([p[:2] for p in self.raw_arcs[i]], dtype=float).reshape(-1, 2)
            if self.scale is not None:
                xy = np.cumsum(xy, axis=0) * self.scale + self.translate
            self.arcs[i] = xy
        return self.arcs[i][::-1] if index < 0 else self.arcs[i]

    def _position(self, p: list[float]) -> tuple[float, float]:
        xy = np.asarray(p[:2], dtype=float)
        if self.scale is not None:
            xy = xy * self.scale + self.translate
        return float(xy[0]), float(xy[1])

    def _line(self, arc_indexes: list[int]) -> np.ndarray:
        parts = [self._arc(a) for a in arc_indexes]
        # consecutive arcs share their end/start position: keep it once
        parts = [parts[0]] + [p[1:] for p in parts[1:]]
        return np.concatenate(parts) if parts else np.empty((0, 2))

    def _ring(self, arc_indexes: list[int]) -> np.ndarray | None:
        xy = self._line(arc_indexes)
        if len(xy):
            keep = np.r_[True, np.any(np.diff(xy, axis=0) != 0, axis=1)]
            xy = xy[keep]
        if len(xy) < 4:
            self.dropped_rings += 1
            return None
        return xy

    def _polygon(self, rings: list[list[int]]) -> shapely.Polygon | None:
        decoded = [self._ring(r) for r in rings]
        if not decoded or decoded[0] is None:
            return None
        return shapely.Polygon(decoded[0], [h for h in decoded[1:] if h is not None])

    def geometry(self, g: Mapping[str, Any]) -> shapely.Geometry:
        kind, arcs = g.get("type"), g.get("arcs")
        if kind == "Polygon":
            poly = self._polygon(arcs)
            return _EMPTY if poly is None else poly
        if kind == "MultiPolygon":
            polys = [p for p in (self._polygon(rs) for rs in arcs) if p is not None]
            return shapely.MultiPolygon(polys) if polys else _EMPTY
        if kind == "Point":
            return shapely.Point(self._position(g["coordinates"]))
        if kind == "MultiPoint":
            return shapely.MultiPoint([self._position(p) for p in g["coordinates"]])
        if kind == "LineString":
            return shapely.LineString(self._line(arcs))
        if kind == "MultiLineString":
            return shapely.MultiLineString([self._line(a) for a in arcs])
        if kind == "GeometryCollection":
            return shapely.GeometryCollection([self.geometry(m) for m in g["geometries"]])
        if kind is None:
            return _EMPTY
        raise ValueError(f"unsupported TopoJSON geometry type {kind!r}")
