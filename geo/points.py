"""Placing points and small areas (postcode-4) onto neighbourhoods, and marker positions.

Pure geometry on GeoDataFrames in EPSG:4326; shares of area are computed in RD New
(EPSG:28992, metres). Nothing here knows what the areas mean.
"""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .boundaries import RD_NEW, WGS84, points_to_areas

#: Fraction of a postcode area that must lie in a neighbourhood for it to count there:
#: small enough for a postcode split over two buurten, large enough to ignore slivers
#: from boundaries drawn at different resolutions.
MIN_SHARE = 0.1


def place_points(lons, lats, areas: gpd.GeoDataFrame, code_field: str = "code") -> list:
    """Code of the area containing each lon/lat point, or None outside every area.

    Parameters
    ----------
    lons, lats : sequence of float
        WGS84 coordinates.
    areas : geopandas.GeoDataFrame
        Polygons with a ``code_field`` column.

    Returns
    -------
    list
        One code (or None) per point; a point on a shared edge gets the lowest code.
    """
    if len(lons) != len(lats):
        raise ValueError("lons and lats differ in length")
    points = gpd.GeoDataFrame(geometry=gpd.points_from_xy(lons, lats), crs=WGS84)
    if points.empty or areas.empty:
        return [None] * len(points)
    codes = points_to_areas(points, areas.to_crs(WGS84), code_field)
    return [None if pd.isna(c) else c for c in codes]


def overlap_shares(parts: gpd.GeoDataFrame, areas: gpd.GeoDataFrame,
                   min_share: float = MIN_SHARE, keep_largest: bool = True) -> pd.DataFrame:
    """Which areas each part (e.g. a postcode-4 polygon) lies in, and how much of it.

    Parameters
    ----------
    parts, areas : geopandas.GeoDataFrame
        Both with a ``code`` column; any crs (both are reprojected to RD New).
    min_share : float
        Keep pairs where at least this fraction of the part's area lies in the area.
    keep_largest : bool
        Also keep each part's largest overlap when it is below ``min_share``.

    Returns
    -------
    pandas.DataFrame
        ``part, area, share`` (share of the part's area, 0–1), sorted by part, then
        largest share first.
    """
    cols = ["part", "area", "share"]
    if parts.empty or areas.empty:
        return pd.DataFrame(columns=cols)
    p = parts.to_crs(RD_NEW)
    a = areas.to_crs(RD_NEW)
    p_geom = np.asarray(p.geometry.array, dtype=object)
    a_geom = np.asarray(a.geometry.array, dtype=object)
    pi, ai = shapely.STRtree(a_geom).query(p_geom, predicate="intersects")
    if not len(pi):
        return pd.DataFrame(columns=cols)
    inter = shapely.area(shapely.intersection(p_geom[pi], a_geom[ai]))
    whole = shapely.area(p_geom[pi])
    share = np.divide(inter, whole, out=np.zeros_like(inter), where=whole > 0)
    frame = pd.DataFrame({"part": p["code"].to_numpy()[pi], "area": a["code"].to_numpy()[ai],
                          "share": share})
    frame = frame[frame["share"] > 0].sort_values(["part", "share"], ascending=[True, False])
    largest = ~frame["part"].duplicated()
    frame = frame[(largest & keep_largest) | (frame["share"] >= min_share)]
    return frame.reset_index(drop=True)[cols]


def inside_points(gdf: gpd.GeoDataFrame) -> pd.DataFrame:
    """A point inside each geometry (for markers), as ``code, lon, lat`` in WGS84."""
    g = gdf.to_crs(WGS84)
    usable = g[g.geometry.notna() & ~g.geometry.is_empty]
    pts = usable.geometry.representative_point()
    return pd.DataFrame({"code": usable["code"].to_numpy(), "lon": pts.x.to_numpy(),
                         "lat": pts.y.to_numpy()})


def spread(lons, lats, radius_m: float = 250.0) -> tuple[list[float], list[float]]:
    """Move markers that share a position onto a small circle around it, so each shows.

    Parameters
    ----------
    lons, lats : sequence of float
        WGS84 positions; equal positions (to about 1 m) form a group.
    radius_m : float
        Circle radius for a group of up to 8; larger groups get a proportionally wider one.

    Returns
    -------
    tuple of list
        New lons and lats, in the input order; single markers do not move.
    """
    groups: dict[tuple[float, float], list[int]] = {}
    for i, (lon, lat) in enumerate(zip(lons, lats, strict=True)):
        groups.setdefault((round(lon, 5), round(lat, 5)), []).append(i)
    out_lon, out_lat = [float(x) for x in lons], [float(y) for y in lats]
    for (lon, lat), members in groups.items():
        n = len(members)
        if n == 1:
            continue
        r = radius_m * max(1.0, n / 8)
        dlat = r / 111_320.0
        dlon = dlat / max(math.cos(math.radians(lat)), 1e-6)
        for k, i in enumerate(members):
            angle = 2 * math.pi * k / n
            out_lon[i] = lon + dlon * math.sin(angle)
            out_lat[i] = lat + dlat * math.cos(angle)
    return out_lon, out_lat
