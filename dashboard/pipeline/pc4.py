"""Postcode-4 areas in the store, so an activity given by postcode can be placed on buurten.

The build writes ``pc4.parquet`` (code = postcode, simplified polygon, WGS84) with the
postcode areas that touch the built gemeenten; the web process only reads it
(:mod:`dashboard.store.pc4`).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import geopandas as gpd

from dashboard.pipeline.geometry import BoundarySource

#: Simplification tolerance (metres): finer than a buurt map needs, so shares stay true.
PC4_TOLERANCE_M = 5.0


def snapshot_pc4_source(root: Path) -> BoundarySource | None:
    """The newest postcode-4 boundary file of a snapshot folder, loaded on demand."""
    from dashboard.pipeline.sources.snapshot import load_datapackage, read_bytes
    from geo.boundaries import read_boundaries

    found = [r for r in load_datapackage(root)
             if r.kind.startswith("boundaries-") and "postcode4" in r.levels]
    if not found:
        return None
    res = max(found, key=lambda r: r.years[0] if r.years else 0)

    def load() -> gpd.GeoDataFrame:
        read_bytes(res)  # checks the file's hash
        return read_boundaries(res.path, "postcode")

    meta = {"title": f"{res.publisher}: {res.path.name}", "origin": res.origin,
            "sha256": res.sha256, "licence": res.licence, "credit": "Kadaster / CBS",
            "path": str(res.path), "retrieved_at": datetime.fromtimestamp(
                res.path.stat().st_mtime, UTC).isoformat(timespec="seconds")}
    return BoundarySource(res.rel, "postcode4", res.years[0] if res.years else 0,
                          res.publisher, load, meta)


def build_pc4(source: BoundarySource, areas: gpd.GeoDataFrame,
              gemeenten: tuple[str, ...]) -> tuple[gpd.GeoDataFrame, dict]:
    """Postcode areas touching the built gemeenten, simplified, and their manifest entry.

    Parameters
    ----------
    source : BoundarySource
        Loads ``code, name, geometry`` (code = the four digits).
    areas : geopandas.GeoDataFrame
        The store's areas (gemeente polygons select the postcodes kept).
    gemeenten : tuple of str
        The gemeenten built in detail.

    Returns
    -------
    tuple
        ``code, geometry`` (EPSG:4326) and a manifest ``sources`` entry.
    """
    from geo.boundaries import make_valid_polygons, simplify_coverage

    gdf = source.load()
    gdf = gdf[gdf["code"].astype(str).str.fullmatch(r"\d{4}")]
    gm = areas[(areas["level"] == "gemeente") & areas["code"].isin(gemeenten)]
    gm = gm[gm.geometry.notna() & ~gm.geometry.is_empty]
    if len(gm):
        gdf = gdf[gdf.intersects(gm.to_crs(gdf.crs).union_all())]
    else:
        gdf = gdf.iloc[0:0]
    gdf = make_valid_polygons(gdf)
    if len(gdf):
        gdf = simplify_coverage(gdf, PC4_TOLERANCE_M)
    out = gpd.GeoDataFrame(gdf[["code", "geometry"]].sort_values("code"),
                           geometry="geometry", crs="EPSG:4326").reset_index(drop=True)
    m = source.meta
    entry = {"id": source.id, "kind": "boundaries", "title": m.get("title", source.id),
             "publisher": source.publisher, "years": [source.year],
             "licence": m.get("licence"), "credit": m.get("credit"),
             "origin": m.get("origin"), "sha256": m.get("sha256"),
             "retrieved_at": m.get("retrieved_at"), "areas": int(len(out))}
    return out, entry
