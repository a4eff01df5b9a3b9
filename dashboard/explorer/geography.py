"""The geography around the areas in view, from the store: the outline of the area of
interest, the areas around it (the rest of its gemeente, the neighbouring gemeenten), the
water parts and the names. Drawn under and over the choropleth, so the map shows where
things are even without a basemap server.

All of it is GeoJSON built once per process and view (like the view's own geometry).
"""

from __future__ import annotations

from functools import lru_cache

import geopandas as gpd

from dashboard.explorer.state import _view_codes
from dashboard.store import Store
from dashboard.store.pc4 import load_water

#: Context is drawn this far (a share of the view's width/height) beyond the view's bounds.
PAD = 0.6


def _newest(rows: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    rows = rows[rows.geometry.notna() & ~rows.geometry.is_empty]
    if len(rows):
        rows = rows[rows["boundary_year"] == rows["boundary_year"].max()]
    return rows


def _box(store: Store, area: str, level: str):
    from shapely import box

    codes = list(_view_codes(store, area, level))
    if not codes:
        return None
    west, south, east, north = store.areas.loc[codes].total_bounds
    dx, dy = (east - west) * PAD, (north - south) * PAD
    return box(west - dx, south - dy, east + dx, north + dy)


def _geojson(frame: gpd.GeoDataFrame, properties=("name",), decimals: int = 5) -> dict:
    from geo.boundaries import to_geojson

    return to_geojson(frame, properties=properties, decimals=decimals)


@lru_cache(maxsize=32)
def outline(store: Store, area: str, level: str) -> dict:
    """The outline of everything in view, dissolved (its own detail: never a coarser
    gemeente shape cutting across the buurten)."""
    codes = list(_view_codes(store, area, level))
    if level == "gemeente" or not codes:
        return {"type": "FeatureCollection", "features": []}
    shape = store.areas.loc[codes].geometry.union_all()
    frame = gpd.GeoDataFrame({"code": [area], "name": [""]}, geometry=[shape], crs=4326)
    return _geojson(frame.set_index("code", drop=False), properties=())


@lru_cache(maxsize=32)
def context(store: Store, area: str, level: str) -> gpd.GeoDataFrame:
    """Areas around the view: the rest of the gemeente at the view's level and the
    neighbouring gemeenten, clipped to a box around the view. Columns ``code, name, kind``
    (``"part"`` of the same gemeente, or ``"gemeente"``) and geometry."""
    empty = gpd.GeoDataFrame({"code": [], "name": [], "kind": []}, geometry=[], crs=4326)
    frame = _box(store, area, level)
    if frame is None or level == "gemeente":
        return empty
    areas = store.areas
    in_view = set(_view_codes(store, area, level))
    gemeenten = {c[2:6] for c in in_view}
    same = _newest(areas[(areas["level"] == level)
                         & areas["code"].str[2:6].isin(gemeenten)])
    same = same[~same["code"].isin(in_view)].assign(kind="part")
    around = _newest(areas[areas["level"] == "gemeente"])
    around = around[~around["code"].str[2:6].isin(gemeenten)].assign(kind="gemeente")
    rows = gpd.GeoDataFrame(
        [*same[["code", "name", "kind", "geometry"]].itertuples(index=False),
         *around[["code", "name", "kind", "geometry"]].itertuples(index=False)],
        columns=["code", "name", "kind", "geometry"], geometry="geometry", crs=4326)
    rows = rows[rows.intersects(frame)]
    rows = rows.assign(geometry=rows.geometry.intersection(frame))
    rows = rows[~rows.geometry.is_empty]
    return rows.set_index("code", drop=False)


@lru_cache(maxsize=32)
def context_geojson(store: Store, area: str, level: str) -> dict:
    """:func:`context` as GeoJSON (properties ``name``, ``kind``); kept per process and
    view, shared by the figures that carry it: read it, never write into it."""
    return _geojson(context(store, area, level), properties=("name", "kind"), decimals=4)


@lru_cache(maxsize=32)
def water_geojson(store: Store, area: str, level: str) -> dict:
    """The store's water parts within the box around the view (may be none)."""
    water = load_water(store)
    frame = _box(store, area, level)
    if water is None or frame is None or water.empty:
        return {"type": "FeatureCollection", "features": []}
    rows = water[water.intersects(frame)]
    rows = rows.assign(geometry=rows.geometry.intersection(frame))
    rows = rows[~rows.geometry.is_empty].reset_index(drop=True)
    rows = rows.assign(code=[f"water-{i}" for i in range(len(rows))]).set_index("code",
                                                                               drop=False)
    return _geojson(rows, properties=(), decimals=4)


def water_source(store: Store) -> str | None:
    """How the store's water was made: ``"top10nl"`` (TOP10NL's water surfaces and the
    boundary files' water parts), ``"wbk"`` (only the boundary files' water parts) or None
    (no water file)."""
    if load_water(store) is None:
        return None
    water = [s for s in store.manifest.get("sources", []) if s.get("kind") == "water"]
    if any(str(s.get("id", "")).startswith("top10nl:") and s.get("areas")
           and not s.get("problem") for s in water):
        return "top10nl"
    return "wbk"


def _points(frame: gpd.GeoDataFrame, rank: str, names: dict[str, str]) -> list[dict]:
    out = []
    for code, geom in zip(frame["code"], frame.geometry, strict=True):
        if geom is None or geom.is_empty or not names.get(code):
            continue
        point = geom.representative_point()
        out.append({"type": "Feature", "id": code,
                    "geometry": {"type": "Point",
                                 "coordinates": [round(point.x, 5), round(point.y, 5)]},
                    "properties": {"name": names[code], "rank": rank}})
    return out


@lru_cache(maxsize=64)
def labels(store: Store, area: str, level: str, lang: str) -> dict:
    """Name points: ``rank`` ``"fine"`` (buurten: shown when zoomed in), ``"coarse"``
    (their wijken/gebieden: shown when zoomed out), ``"view"`` (the areas of a wijk or
    gemeente map: always), ``"context"`` (the rest of the gemeente), ``"gemeente"``
    (neighbouring gemeenten)."""
    areas = store.areas
    codes = list(_view_codes(store, area, level))
    around = context(store, area, level)
    in_view = areas.loc[codes]
    name = {c: store.area_name(c, lang) for c in [*codes, *around["code"]]}
    features: list[dict] = []
    if level == "buurt":
        features += _points(in_view, "fine", name)
        features += _points(around[around["kind"] == "part"], "context-fine", name)
        parents = sorted({p for p in [*in_view["parent"], *around.loc[
            around["kind"] == "part", "code"].map(lambda c: "WK" + c[2:8])] if p})
        wijken = areas[areas["code"].isin(parents)]
        name.update({c: store.area_name(c, lang) for c in wijken["code"]})
        inside = {p for p in in_view["parent"] if p}
        features += _points(wijken[wijken["code"].isin(inside)], "coarse", name)
        features += _points(wijken[~wijken["code"].isin(inside)], "context", name)
    else:
        features += _points(in_view, "view", name)
        features += _points(around[around["kind"] == "part"], "context", name)
    features += _points(around[around["kind"] == "gemeente"], "gemeente", name)
    return {"type": "FeatureCollection", "features": features}
