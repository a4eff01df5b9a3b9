"""Water for the map's fallback geography: the ``water`` parts of the Wijk- en Buurtkaart.

CBS publishes gemeenten (and, in some editions, buurten) as land parts and water parts
(``water == "JA"``: sea, lakes, wide estuaries). The store's areas keep the land parts; this
module keeps the water parts near the built gemeenten, so the explorer can draw them when
no basemap server answers. Measured on the snapshot's 2024 files: only the gemeente file
has water parts (81 of 423 features); CBS counts rivers and harbours inside a gemeente (the
Nieuwe Maas in Rotterdam) as part of its land buurten, so those are not in any water part.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

import geopandas as gpd
import pandas as pd

log = logging.getLogger(__name__)

#: Water parts within this distance (metres) of a built gemeente are kept.
MARGIN_M = 25_000
#: Simplification tolerance (metres): a backdrop, not a measurement.
TOLERANCE_M = 20.0
COLUMNS = ["source", "geometry"]


def snapshot_water(root: Path) -> tuple[gpd.GeoDataFrame, list[dict]]:
    """Water parts of every boundary GeoJSON in a snapshot that marks them.

    Returns
    -------
    tuple
        ``source, geometry`` (EPSG:4326, unsimplified) and manifest ``sources`` entries
        for the files that contributed.
    """
    from dashboard.pipeline.sources.snapshot import load_datapackage, read_bytes

    frames, used = [], []
    for res in load_datapackage(root):
        if res.kind != "boundaries-geojson" or res.path.suffix != ".geojson":
            continue
        read_bytes(res)  # checks the file's hash
        gdf = gpd.read_file(res.path)
        if "water" not in gdf.columns:
            continue
        gdf = gdf[gdf["water"] == "JA"]
        if gdf.empty:
            continue
        gdf = gdf.set_crs("EPSG:4326") if gdf.crs is None else gdf.to_crs("EPSG:4326")
        frames.append(gpd.GeoDataFrame({"source": res.rel, "geometry": gdf.geometry.array},
                                       crs="EPSG:4326"))
        used.append({"id": f"{res.rel}:water", "kind": "water", "publisher": res.publisher,
                     "title": f"{res.publisher}: {res.path.name} (water parts)",
                     "years": list(res.years), "licence": res.licence,
                     "credit": "Kadaster / CBS", "origin": res.origin, "sha256": res.sha256,
                     "retrieved_at": datetime.fromtimestamp(res.path.stat().st_mtime, UTC)
                     .isoformat(timespec="seconds"), "areas": int(len(gdf))})
    if not frames:
        return gpd.GeoDataFrame(columns=COLUMNS, geometry="geometry", crs="EPSG:4326"), []
    return gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), crs="EPSG:4326"), used


def build_water(water: gpd.GeoDataFrame, areas: gpd.GeoDataFrame,
                gemeenten: tuple[str, ...]) -> gpd.GeoDataFrame:
    """Water parts near the built gemeenten, simplified, one row per part.

    Parameters
    ----------
    water : geopandas.GeoDataFrame
        ``source, geometry`` as :func:`snapshot_water` returns it.
    areas : geopandas.GeoDataFrame
        The store's areas (the built gemeenten's polygons decide what is near).
    gemeenten : tuple of str
        The gemeenten built in detail.
    """
    empty = gpd.GeoDataFrame(columns=COLUMNS, geometry="geometry", crs="EPSG:4326")
    gm = areas[(areas["level"] == "gemeente") & areas["code"].isin(gemeenten)]
    gm = gm[gm.geometry.notna() & ~gm.geometry.is_empty]
    if water.empty or gm.empty:
        return empty
    near = gm.to_crs(28992).union_all().buffer(MARGIN_M)
    rd = water.to_crs(28992)
    rd = rd[rd.intersects(near)]
    if rd.empty:
        return empty
    rd = rd.assign(geometry=rd.geometry.make_valid().intersection(near)
                   .simplify(TOLERANCE_M, preserve_topology=True))
    rd = rd[~rd.geometry.is_empty & rd.geometry.geom_type.isin(["Polygon", "MultiPolygon"])]
    # The same water part can come from two files (a gemeente's outline and the national
    # file): keep a part only if most of it is not already kept.
    kept: list = []
    keep = []
    for geom in rd.geometry:
        keep.append(not any(geom.intersection(k).area > 0.95 * geom.area for k in kept))
        if keep[-1]:
            kept.append(geom)
    rd = rd[keep]
    log.info("water: %d parts near %s", len(rd), ", ".join(gemeenten))
    return gpd.GeoDataFrame(rd[COLUMNS], geometry="geometry", crs=28992).to_crs(
        "EPSG:4326").reset_index(drop=True)
