"""Area geometries for the store: pick boundary sources, simplify, add custom areas.

Per level, boundary sources are tried newest first and CBS before others; each area takes
its shape from the first source that has it (an area that no longer exists keeps an older
shape, with its boundary year). Areas of one source are simplified together as a coverage,
so neighbours keep shared edges: no gaps or overlaps.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd
import shapely

from dashboard.areas import AreaConfig, level_of
from dashboard.pipeline.sources.records import CODE, NAME, RawTable
from geo.boundaries import dissolve_by, make_valid_polygons, simplify_coverage

log = logging.getLogger(__name__)

#: Simplification tolerance per level, metres (fine enough for a neighbourhood map).
TOLERANCE_M = {"buurt": 8.0, "wijk": 15.0, "gemeente": 40.0}
COLUMNS = ["code", "name", "level", "parent", "gemeente", "groups", "boundary_year",
           "boundary_source", "geometry"]


@dataclass
class BoundarySource:
    """A loadable set of boundaries of one level and year."""

    id: str
    level: str
    year: int
    publisher: str
    load: Callable[[], gpd.GeoDataFrame]  # -> code, name, geometry (EPSG:4326)
    meta: dict = field(default_factory=dict)


def _rank(src: BoundarySource, covers: int) -> tuple:
    # newest first; then the source holding most of the areas still to shape (one source
    # per level keeps a clean coverage); then CBS before others
    return (-src.year, -covers, 0 if src.publisher.startswith("CBS") else 1, src.id)


def _names(tables: list[RawTable]) -> dict[str, str]:
    out: dict[str, str] = {}
    for t in sorted(tables, key=lambda t: t.year):  # later years overwrite
        for rec in t.records:
            if rec.get(NAME) and t.kind == "kwb":
                out[rec[CODE]] = rec[NAME]
    return out


def _parent(code: str, level: str) -> str | None:
    return {"buurt": "WK" + code[2:8], "wijk": "GM" + code[2:6]}.get(level)


def _level_shapes(level: str, codes: set[str], sources: list[BoundarySource],
                  progress) -> tuple[list[gpd.GeoDataFrame], list[dict]]:
    todo, parts, used = set(codes), [], []
    remaining = [s for s in sources if s.level == level]
    loaded: dict[str, gpd.GeoDataFrame] = {}
    while todo and remaining:
        for src in remaining:
            if src.id not in loaded:
                loaded[src.id] = src.load()
        covers = {s.id: int(loaded[s.id]["code"].isin(todo).sum()) for s in remaining}
        src = min(remaining, key=lambda s: _rank(s, covers[s.id]))
        remaining.remove(src)
        gdf = loaded.pop(src.id)
        gdf = gdf[gdf["code"].isin(todo)]
        if gdf.empty:
            continue
        gdf = make_valid_polygons(gdf)
        progress(f"{level}: {len(gdf)} shapes from {src.id} ({src.year})")
        simple = simplify_coverage(gdf, TOLERANCE_M[level])
        simple = simple.assign(boundary_year=src.year, boundary_source=src.id)
        parts.append(simple[["code", "name", "boundary_year", "boundary_source", "geometry"]])
        todo -= set(gdf["code"])
        used.append({"id": src.id, "kind": "boundaries", "title": src.meta.get("title", src.id),
                     "publisher": src.publisher, "years": [src.year],
                     "licence": src.meta.get("licence"), "credit": src.meta.get("credit"),
                     "origin": src.meta.get("origin"), "sha256": src.meta.get("sha256"),
                     "retrieved_at": src.meta.get("retrieved_at"), "areas": int(len(gdf))})
    if todo:
        log.warning("%d %s areas have no boundary: %s", len(todo), level, sorted(todo)[:5])
    return parts, used


def build_areas(obs_df: pd.DataFrame, tables: list[RawTable], sources: list[BoundarySource],
                areas_cfg: AreaConfig, gemeenten: tuple[str, ...],
                progress=print) -> tuple[gpd.GeoDataFrame, list[dict]]:
    """The areas table (GeoDataFrame, EPSG:4326) and the boundary sources used."""
    codes = set(obs_df["area_code"])
    names = _names(tables)
    groups: dict[str, list[str]] = {}
    for group, members in areas_cfg.groups.items():
        for code in members:
            groups.setdefault(code, []).append(group)
    frames, used = [], []
    for level in ("buurt", "wijk", "gemeente"):
        level_codes = {c for c in codes if level_of(c) == level}
        parts, src_used = _level_shapes(level, level_codes, sources, progress)
        used += src_used
        shaped = pd.concat(parts) if parts else gpd.GeoDataFrame(columns=COLUMNS[:1])
        have = set(shaped["code"]) if len(shaped) else set()
        missing = sorted(level_codes - have)
        rows = pd.DataFrame({"code": missing, "boundary_year": pd.NA, "boundary_source": None})
        df = pd.concat([shaped, rows], ignore_index=True) if missing else shaped
        if df.empty:
            continue
        df = df.assign(level=level)
        frames.append(df)
    cbs = gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), geometry="geometry",
                           crs="EPSG:4326")
    cbs["name"] = [names.get(c) or n or c for c, n in zip(cbs["code"], cbs["name"], strict=True)]
    cbs["parent"] = [_parent(c, lvl) for c, lvl in zip(cbs["code"], cbs["level"], strict=True)]
    cbs["gemeente"] = ["GM" + c[2:6] for c in cbs["code"]]
    custom = _custom_areas(cbs, areas_cfg, codes)
    out = pd.concat([cbs, custom], ignore_index=True) if len(custom) else cbs
    out["groups"] = [",".join(groups.get(c, [])) for c in out["code"]]
    out["boundary_year"] = pd.to_numeric(out["boundary_year"], errors="coerce").astype("Int16")
    out = gpd.GeoDataFrame(out[COLUMNS], geometry="geometry", crs="EPSG:4326")
    return out.sort_values(["level", "code"]).reset_index(drop=True), used


def _custom_areas(cbs: gpd.GeoDataFrame, cfg: AreaConfig, codes: set[str]) -> gpd.GeoDataFrame:
    rows = []
    available: dict[str, set[str]] = {}
    for code, level in zip(cbs["code"], cbs["level"], strict=True):
        available.setdefault(level, set()).add(code)
    shaped = cbs[~cbs.geometry.isna() & ~cbs.geometry.is_empty]
    for area in cfg.custom:
        if area.code not in codes:
            continue
        parts = area.parts_in(available)
        dissolved = dissolve_by(shaped, {p: area.code for p in parts})
        geom = dissolved.geometry.iloc[0] if len(dissolved) else shapely.Polygon()
        years = cbs.loc[cbs["code"].isin(parts), "boundary_year"].dropna()
        rows.append({"code": area.code, "name": area.name_nl, "level": "custom",
                     "parent": area.gemeente, "gemeente": area.gemeente,
                     "boundary_year": int(years.max()) if len(years) else pd.NA,
                     "boundary_source": f"dissolved:{len(parts)} parts", "geometry": geom})
    return gpd.GeoDataFrame(rows, columns=COLUMNS[:1] + [c for c in COLUMNS[1:] if c != "groups"],
                            geometry="geometry", crs="EPSG:4326")
