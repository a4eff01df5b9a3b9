"""Area boundaries: read, repair, simplify, dissolve, export and overlay points.

Every function takes and returns GeoDataFrames in EPSG:4326 (lon/lat) unless stated; areas and
simplification tolerances are computed in RD New (EPSG:28992, metres).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from os import PathLike
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .coverage import coverage_stats, simplify_polygons, valid_polygons
from .topojson import read_topojson

log = logging.getLogger(__name__)

WGS84 = "EPSG:4326"
RD_NEW = "EPSG:28992"


def read_boundaries(
    path: str | PathLike,
    code_field: str,
    name_field: str | None = None,
    where: Mapping[str, object] | None = None,
) -> gpd.GeoDataFrame:
    """Read area boundaries as one row per area code.

    Parameters
    ----------
    path : str or path-like
        GeoJSON (or anything pyogrio reads); ``.topojson`` files go through
        :func:`geo.topojson.read_topojson`. A file without crs is taken as WGS84 lon/lat.
    code_field, name_field : str
        Properties holding the area code and (optionally) its name.
    where : mapping, optional
        Keep features whose property equals the value (a list, tuple or set means "one of"),
        e.g. ``{"water": "NEE"}``.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``code`` (whitespace stripped), ``name`` and ``geometry`` in EPSG:4326, in order
        of first appearance. Features sharing a code (land and water parts) are unioned;
        features without a code are dropped.
    """
    path = Path(path)
    gdf = read_topojson(path) if path.suffix == ".topojson" else gpd.read_file(path)
    gdf = gdf.set_crs(WGS84) if gdf.crs is None else gdf.to_crs(WGS84)
    for field in [code_field, name_field, *(where or {})]:
        if field is not None and field not in gdf.columns:
            raise KeyError(f"{path}: no field {field!r}; fields: {list(gdf.columns)}")
    for field, value in (where or {}).items():
        many = isinstance(value, list | tuple | set | frozenset)
        gdf = gdf[gdf[field].isin(list(value)) if many else gdf[field] == value]
    codes = gdf[code_field].map(_clean)
    names = gdf[name_field].map(_clean) if name_field else pd.Series(None, index=gdf.index)
    log.info("%s: %d features without %s dropped", path, codes.isna().sum(), code_field)
    frame = pd.DataFrame({"code": codes, "name": names, "geometry": gdf.geometry.array})
    rows = [
        (code, part["name"].iloc[0], _union(part["geometry"].to_numpy()))
        for code, part in frame.dropna(subset=["code"]).groupby("code", sort=False)
    ]
    return gpd.GeoDataFrame(rows, columns=["code", "name", "geometry"], crs=WGS84)


def make_valid_polygons(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Make geometries valid, keep only their polygonal parts and drop rows left empty.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame

    Returns
    -------
    geopandas.GeoDataFrame
        A copy (see :func:`geo.coverage.valid_polygons`).
    """
    out = _with_geometry(gdf, valid_polygons(_array(gdf)))
    return out[~out.geometry.is_empty]


def simplify_coverage(
    gdf: gpd.GeoDataFrame, tolerance_m: float, max_gap_width_m: float = 60.0
) -> gpd.GeoDataFrame:
    """Simplify neighbouring polygons together, without gaps or overlaps between them.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Polygons with a crs; invalid ones are made valid first (rows are kept).
    tolerance_m : float
        ``shapely.coverage_simplify`` tolerance in metres (RD New): about the square root of
        the area of the triangles removed.
    max_gap_width_m : float, default 60.0
        An invalid coverage is repaired first (:func:`geo.coverage.repair_coverage`): overlaps
        go to the earlier row, enclosed gaps narrower than this are filled. If repair fails,
        polygons are simplified one by one (``preserve_topology=True``), with a warning.

    Returns
    -------
    geopandas.GeoDataFrame
        Same rows and columns, EPSG:4326. ``attrs["coverage_simplify"]`` says which method
        was used and what the repair changed.
    """
    if gdf.crs is None:
        raise ValueError("simplify_coverage needs a crs")
    rd = gdf.to_crs(RD_NEW)
    geoms = valid_polygons(_array(rd))
    simplified, info = simplify_polygons(geoms, tolerance_m, max_gap_width=max_gap_width_m)
    out = _with_geometry(rd, simplified).to_crs(WGS84)
    out.attrs["coverage_simplify"] = info
    return out


def coverage_report(gdf: gpd.GeoDataFrame) -> dict:
    """Count overlaps and gaps between neighbouring polygons, in RD New.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Polygons with a crs.

    Returns
    -------
    dict
        ``n_features``, ``is_valid_coverage``, ``invalid_edge_features``,
        ``overlapping_pairs``, ``overlap_area_m2``, ``gap_count``, ``gap_area_m2`` (holes
        enclosed by the union, so a genuine enclave counts too), ``union_area_m2``.
    """
    stats = coverage_stats(_array(gdf.to_crs(RD_NEW)))
    return {(f"{k}_m2" if k.endswith("area") else k): v for k, v in stats.items()}


def dissolve_by(
    gdf: gpd.GeoDataFrame, mapping: Mapping[str, str], code_field: str = "code"
) -> gpd.GeoDataFrame:
    """Union areas into larger ones, e.g. buurten into a custom area.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
    mapping : mapping of str to str
        Old code -> new code; rows whose code is not in it are left out.
    code_field : str, default "code"

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``code`` (new code, in order of first appearance), ``n_parts``, ``geometry``,
        same crs. Uses ``coverage_union_all`` when the parts form a valid coverage (exact, no
        slivers), else ``union_all``.
    """
    missing = set(mapping) - set(gdf[code_field])
    if missing:
        log.warning("dissolve_by: %d codes not found, e.g. %s", len(missing), sorted(missing)[:3])
    new = gdf[code_field].map(dict(mapping))
    keep = new.notna().to_numpy()
    geoms, keys = _array(gdf)[keep], new[keep].to_numpy()
    union = shapely.coverage_union_all if shapely.coverage_is_valid(geoms) else _union
    rows = [
        (key, int((keys == key).sum()), union(geoms[keys == key])) for key in dict.fromkeys(keys)
    ]
    return gpd.GeoDataFrame(rows, columns=["code", "n_parts", "geometry"], crs=gdf.crs)


def round_coordinates(gdf: gpd.GeoDataFrame, decimals: int = 5) -> gpd.GeoDataFrame:
    """Round every coordinate (5 decimals of a degree is about 1 m).

    Shared vertices round alike, so neighbours stay edge-matched; slivers narrower than the
    step may become invalid, which does not matter for drawing.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
    decimals : int, default 5

    Returns
    -------
    geopandas.GeoDataFrame
        A copy.
    """
    return _with_geometry(gdf, shapely.transform(_array(gdf), lambda xy: np.round(xy, decimals)))


def to_geojson(
    gdf: gpd.GeoDataFrame,
    id_field: str = "code",
    properties: Iterable[str] = ("name",),
    decimals: int = 5,
) -> dict:
    """Export as a GeoJSON FeatureCollection for Plotly ``choropleth_map(featureidkey="id")``.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
    id_field : str, default "code"
        Column written as each feature's ``id``.
    properties : iterable of str, default ("name",)
        Columns copied into ``properties`` (NaN becomes null).
    decimals : int, default 5
        Coordinates are rounded (see :func:`round_coordinates`).

    Returns
    -------
    dict
        Reprojected to EPSG:4326, polygons oriented as RFC 7946 asks (exterior
        counter-clockwise); features with an empty geometry are left out.
    """
    if gdf.crs is not None and gdf.crs != WGS84:
        gdf = gdf.to_crs(WGS84)
    gdf = round_coordinates(gdf[~gdf.geometry.is_empty], decimals)
    texts = shapely.to_geojson(shapely.orient_polygons(_array(gdf), exterior_cw=False))
    features = [
        {
            "type": "Feature",
            "id": _jsonable(row[id_field]),
            "properties": {p: _jsonable(row[p]) for p in properties},
            "geometry": json.loads(text),
        }
        for (_, row), text in zip(gdf.iterrows(), texts, strict=True)
    ]
    return {"type": "FeatureCollection", "features": features}


def areas_m2(gdf: gpd.GeoDataFrame) -> pd.Series:
    """Area of each geometry in square metres, computed in RD New.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame

    Returns
    -------
    pandas.Series
        Named ``area_m2``, indexed like ``gdf``.
    """
    return gdf.to_crs(RD_NEW).area.rename("area_m2")


def points_to_areas(
    points: gpd.GeoDataFrame, areas: gpd.GeoDataFrame, area_code_field: str = "code"
) -> pd.Series:
    """Code of the area containing each point.

    Parameters
    ----------
    points, areas : geopandas.GeoDataFrame
        Points are reprojected to the areas' crs.
    area_code_field : str, default "code"

    Returns
    -------
    pandas.Series
        Indexed like ``points``; NaN for points outside every area. A point on a shared edge
        (or in an overlap) gets the lowest code among the areas it touches, so the answer
        does not depend on row order.
    """
    if (points.crs is None) != (areas.crs is None):
        raise ValueError("points and areas need both a crs, or neither")
    if points.crs is not None and points.crs != areas.crs:
        points = points.to_crs(areas.crs)
    p_idx, a_idx = shapely.STRtree(_array(areas)).query(_array(points), predicate="intersects")
    hits = pd.DataFrame({"point": p_idx, "code": areas[area_code_field].to_numpy()[a_idx]})
    hits = hits.sort_values(["point", "code"]).drop_duplicates("point")
    result = pd.Series(np.nan, index=points.index, dtype=object, name=area_code_field)
    result.iloc[hits["point"].to_numpy()] = hits["code"].to_numpy()
    return result


def _array(gdf: gpd.GeoDataFrame) -> np.ndarray:
    return np.asarray(gdf.geometry.array, dtype=object)


def _with_geometry(gdf: gpd.GeoDataFrame, geoms: np.ndarray) -> gpd.GeoDataFrame:
    out = gdf.copy()
    out[out.geometry.name] = gpd.GeoSeries(geoms, index=gdf.index, crs=gdf.crs)
    return out


def _clean(value: object) -> object:
    return None if pd.isna(value) else (str(value).strip() or None)


def _union(geoms: np.ndarray) -> shapely.Geometry:
    return geoms[0] if len(geoms) == 1 else shapely.union_all(geoms)  # leave singles untouched


def _jsonable(value: object) -> object:
    if isinstance(value, np.generic):
        value = value.item()
    return None if np.ndim(value) == 0 and pd.isna(value) else value
