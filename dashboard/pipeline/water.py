"""Water for the map's fallback geography.

CBS publishes gemeenten (and, in some editions, buurten) as land parts and water parts
(``water == "JA"``: sea, lakes, wide estuaries). The store's areas keep the land parts; this
module keeps the water parts near the built gemeenten, so the explorer can draw them when
no basemap server answers. Measured on the snapshot's 2024 files: only the gemeente file
has water parts (81 of 423 features); CBS counts rivers and harbours inside a gemeente (the
Nieuwe Maas in Rotterdam) as part of its land buurten, so those are not in any water part,
and no other boundary set in the snapshot leaves them out either (the municipal subbuurten,
PDOK's buurten, the postcode-4 areas and the 2014/2015 layers all cover the river).

The live build therefore adds Kadaster's BRT TOP10NL water surfaces (``waterdeel_vlak``,
PDOK OGC API Features): the river and the harbours as Kadaster maps them.
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
#: Smaller water parts (ditches, ponds) are left out: 1 ha.
MIN_AREA_M2 = 10_000
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


def live_water(gemeente_fcs: list[tuple[dict, str]], top10: tuple[dict, str] | None,
               cfg, *, problem: str | None = None) -> tuple[gpd.GeoDataFrame, list[dict]]:
    """Water from the live answers: the ``water == "JA"`` parts of PDOK's gemeenten and
    TOP10NL's water surfaces.

    Parameters
    ----------
    gemeente_fcs : list of (dict, str)
        PDOK ``gemeenten`` FeatureCollections and the URL each came from.
    top10 : (dict, str) or None
        TOP10NL's ``waterdeel_vlak`` FeatureCollection and its URL; None when not fetched.
    cfg : dashboard.sourceconfig.WaterSource or None
        Title, licence and credit of the TOP10NL layer.
    problem : str, optional
        Why TOP10NL was not fetched (recorded in the manifest, shown nowhere as data).

    Returns
    -------
    tuple
        ``source, geometry`` (EPSG:4326) and manifest ``sources`` entries.
    """
    now = datetime.now(UTC).isoformat(timespec="seconds")
    frames, used = [], []
    for fc, url in gemeente_fcs:
        gdf = _features(fc)
        if "water" in gdf.columns:
            gdf = gdf[gdf["water"] == "JA"]
            if not gdf.empty:
                frames.append(gdf.assign(source=url)[COLUMNS])
                used.append({"id": f"pdok:{url}:water", "kind": "water",
                             "publisher": "CBS/Kadaster via PDOK",
                             "title": "PDOK wijken en buurten: gemeenten (water parts)",
                             "licence": "CC-BY-4.0", "credit": "Kadaster / CBS", "origin": url,
                             "retrieved_at": now, "areas": int(len(gdf))})
    if top10 is not None and cfg is not None:
        gdf = _features(top10[0])
        frames.append(gdf.assign(source=top10[1])[COLUMNS])
        used.append({"id": f"top10nl:{cfg.collection}", "kind": "water",
                     "publisher": "Kadaster via PDOK", "title": cfg.title,
                     "licence": cfg.licence, "credit": cfg.credit, "origin": top10[1],
                     "retrieved_at": now, "areas": int(len(gdf))})
    elif cfg is not None:
        used.append({"id": f"top10nl:{cfg.collection}", "kind": "water", "title": cfg.title,
                     "publisher": "Kadaster via PDOK", "licence": cfg.licence,
                     "credit": cfg.credit, "origin": cfg.base_url, "areas": 0,
                     "problem": problem or "not fetched"})
    if not frames:
        return gpd.GeoDataFrame(columns=COLUMNS, geometry="geometry", crs="EPSG:4326"), used
    return gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), geometry="geometry",
                            crs="EPSG:4326"), used


def _features(fc: dict) -> gpd.GeoDataFrame:
    features = [f for f in fc.get("features", []) if isinstance(f, dict) and f.get("geometry")]
    if not features:
        return gpd.GeoDataFrame(columns=["water", "geometry"], geometry="geometry",
                                crs="EPSG:4326")
    gdf = gpd.GeoDataFrame.from_features(features, crs="EPSG:4326")
    return gdf[gdf.geometry.notna() & gdf.geom_type.isin(["Polygon", "MultiPolygon"])]


def build_water(water: gpd.GeoDataFrame, areas: gpd.GeoDataFrame,
                gemeenten: tuple[str, ...]) -> gpd.GeoDataFrame:
    """Water near the built gemeenten: every source's parts joined where they touch or
    overlap (the same sea part comes from two files; a river comes in many TOP10NL
    pieces), parts under :data:`MIN_AREA_M2` left out, simplified; one row per part.

    Parameters
    ----------
    water : geopandas.GeoDataFrame
        ``source, geometry`` as :func:`snapshot_water` or :func:`live_water` return it.
    areas : geopandas.GeoDataFrame
        The store's areas (the built gemeenten's polygons decide what is near).
    gemeenten : tuple of str
        The gemeenten built in detail.

    Returns
    -------
    geopandas.GeoDataFrame
        ``source`` (the sources of the part, ``;``-separated) and ``geometry``, EPSG:4326.
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
    rd = rd.assign(geometry=rd.geometry.make_valid().intersection(near))
    joined = gpd.GeoDataFrame(geometry=[rd.union_all()], crs=28992).explode(ignore_index=True)
    joined = joined[joined.geom_type == "Polygon"]
    joined = joined[joined.area >= MIN_AREA_M2]
    if joined.empty:
        return empty
    # which sources each part came from (a spatial join, not a loop over pairs)
    hits = gpd.sjoin(joined, rd[["source", "geometry"]], how="left", predicate="intersects")
    sources = hits.groupby(level=0)["source"].agg(lambda s: ";".join(sorted(set(s))))
    joined = joined.assign(source=sources.reindex(joined.index).fillna(""),
                           geometry=joined.simplify(TOLERANCE_M, preserve_topology=True))
    joined = joined[~joined.geometry.is_empty]
    log.info("water: %d parts near %s", len(joined), ", ".join(gemeenten))
    return gpd.GeoDataFrame(joined[COLUMNS], geometry="geometry", crs=28992).to_crs(
        "EPSG:4326").reset_index(drop=True)
