"""Fetch from the live APIs (CBS OData, PDOK) into raw tables and boundary sources."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd

from dashboard.sourceconfig import SourceConfig
from dashboard.sources.cbs_odata import CbsODataClient
from dashboard.sources.http import RawCache, make_session
from dashboard.sources.pdok import PdokClient
from dashboard.sources.records import RawTable, level_of


def _boundary_source(fc: dict, level: str, year: int, gemeente: str, url: str):
    from dashboard.geometry import BoundarySource

    code_field = f"{level}code"

    def load() -> gpd.GeoDataFrame:
        gdf = gpd.GeoDataFrame.from_features(fc.get("features", []), crs="EPSG:4326")
        if gdf.empty:
            return gpd.GeoDataFrame(columns=["code", "name", "geometry"], crs="EPSG:4326")
        if "water" in gdf.columns:
            gdf = gdf[gdf["water"].fillna("NEE") == "NEE"]
        gdf = gdf.rename(columns={code_field: "code", f"{level}naam": "name"})
        gdf["code"] = gdf["code"].astype(str).str.strip()
        gdf = gdf[[level_of(c) == level for c in gdf["code"]]]
        return gdf.dissolve(by="code", as_index=False, aggfunc="first")[
            ["code", "name", "geometry"]]

    meta = {"title": f"PDOK wijken en buurten {year}: {level} {gemeente}", "origin": url,
            "licence": "CC-BY-4.0", "credit": "Kadaster / CBS"}
    return BoundarySource(f"pdok:{year}:{level}:{gemeente}", level, year, "CBS/Kadaster via PDOK",
                          load, meta)


def fetch_live(cfg: SourceConfig, gemeenten: tuple[str, ...], *, cache_dir: Path | None,
               session=None, odata_base: str | None = None, pdok_base: str | None = None,
               progress=print) -> tuple[list[RawTable], list]:
    """Every KWB year of ``sources.yaml`` and the latest boundaries, for the gemeenten.

    The four G4 gemeenten are always fetched at gemeente level, as benchmarks.

    Raises
    ------
    dashboard.sources.http.SourceError
        On the first source that cannot be fetched; nothing is written then.
    """
    session = session or make_session()
    cache = RawCache(cache_dir) if cache_dir else None
    odata = CbsODataClient(session, base_url=odata_base or cfg.odata_base, cache=cache)
    pdok = PdokClient(session, base_url_template=pdok_base or cfg.pdok_base, cache=cache)
    bench = tuple(c for c in cfg.benchmarks.get("G4", ()) if c not in gemeenten)
    tables: list[RawTable] = []
    for i, gm in enumerate(gemeenten):
        extra = bench if i == 0 else ()
        for year, table in sorted(cfg.kwb_tables.items()):
            progress(f"fetching CBS {table} ({year}) for {gm}")
            raw = odata.kwb_table(table, year, gm, extra_codes=extra)
            raw.meta["complete"] = True
            tables.append(raw)
    year = max(cfg.kwb_tables)
    boundaries = []
    for gm in gemeenten + bench:
        levels = ("gemeente", "wijk", "buurt") if gm in gemeenten else ("gemeente",)
        for level in levels:
            progress(f"fetching PDOK {level} {year} for {gm}")
            fc, provs = pdok.features(year, level, gm)
            boundaries.append(_boundary_source(fc, level, year, gm, provs[0].url))
    return tables, boundaries
