"""Fetch from the live APIs (CBS OData, PDOK) into raw tables and boundary sources."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import geopandas as gpd

from dashboard.areas import level_of
from dashboard.catalogue import Catalogue
from dashboard.pipeline.sources.cbs_odata import CbsODataClient
from dashboard.pipeline.sources.gezondheid import KIND as HEALTH
from dashboard.pipeline.sources.gezondheid import health_tables
from dashboard.pipeline.sources.http import RawCache, make_session
from dashboard.pipeline.sources.pdok import PdokClient, top10nl_water
from dashboard.pipeline.sources.records import RawTable
from dashboard.sourceconfig import SourceConfig


def _boundary_source(fc: dict, level: str, year: int, gemeente: str, url: str):
    from dashboard.pipeline.geometry import BoundarySource

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


def expected_odata_columns(catalogue: Catalogue, year: int) -> set[str]:
    """OData columns that the catalogue's ``kwb`` sources read from the table of ``year``.

    Parameters
    ----------
    catalogue
        The indicator catalogue.
    year
        Reference year of the KWB table.

    Returns
    -------
    set of str
        Key stems (``AantalInwoners``) or full keys, as named in the catalogue.
    """
    expected: set[str] = set()
    for ind in catalogue:
        for spec in ind.sources:
            if spec.source != "kwb":
                continue
            column = spec.column_for("odata", year)
            names = column if isinstance(column, list) else [column]
            expected.update(name for name in names if name)
    return expected


def health_columns(catalogue: Catalogue) -> set[str]:
    """Key stems the catalogue's ``gezondheid`` sources read."""
    return {spec.column for ind in catalogue for spec in ind.sources
            if spec.source == HEALTH and spec.column}


def fetch_live(cfg: SourceConfig, gemeenten: tuple[str, ...], *, catalogue: Catalogue,
               cache_dir: Path | None, session=None, odata_base: str | None = None,
               pdok_base: str | None = None, dataderden_base: str | None = None,
               top10nl_base: str | None = None,
               progress=print) -> tuple[list[RawTable], list, tuple]:
    """Every KWB year and Gezondheidsmonitor table of ``sources.yaml``, the latest
    boundaries and the water around them, for the gemeenten.

    The four G4 gemeenten are always fetched at gemeente level, as benchmarks.

    Parameters
    ----------
    cfg
        Source configuration (``sources.yaml``).
    gemeenten
        ``GMxxxx`` codes to fetch down to buurt level.
    catalogue
        Indicator catalogue; every OData column its ``kwb`` sources name for a table's
        year must be in that table, so a column CBS renamed fails the fetch.
    cache_dir, session, odata_base, pdok_base, dataderden_base, top10nl_base, progress
        Raw cache folder, injected session, API roots (tests) and progress callback;
        ``dataderden_base`` defaults to ``odata_base`` when only that is given, and
        ``top10nl_base`` to TOP10NL's path on the host of ``pdok_base`` when only that is.

    Returns
    -------
    tuple
        Raw tables, boundary sources, and ``(water, manifest entries)`` as
        :func:`dashboard.pipeline.water.live_water` returns them. Water is a backdrop: a
        TOP10NL answer that fails is recorded in its manifest entry, not fatal.

    Raises
    ------
    dashboard.pipeline.sources.http.SourceError
        On the first source that cannot be fetched or lacks an expected column; nothing
        is written then.
    """
    session = session or make_session()
    cache = RawCache(cache_dir) if cache_dir else None
    odata = CbsODataClient(session, base_url=odata_base or cfg.odata_base, cache=cache)
    pdok = PdokClient(session, base_url_template=pdok_base or cfg.pdok_base, cache=cache)
    bench = tuple(c for c in cfg.benchmarks.get("G4", ()) if c not in gemeenten)
    expected = {year: expected_odata_columns(catalogue, year) for year in cfg.kwb_tables}
    tables: list[RawTable] = []
    for i, gm in enumerate(gemeenten):
        extra = bench if i == 0 else ()
        for year, table in sorted(cfg.kwb_tables.items()):
            progress(f"fetching CBS {table} ({year}) for {gm}")
            raw = odata.kwb_table(table, year, gm, extra_codes=extra,
                                  expected_columns=expected[year])
            raw.meta["complete"] = True
            tables.append(raw)
    if cfg.health_tables and health_columns(catalogue):
        # A mirror or test server given for CBS (odata_base) stands in for both catalogues
        # unless told otherwise, so a test never reaches the real third-party host.
        thirdparty = CbsODataClient(
            session, base_url=dataderden_base or odata_base or cfg.dataderden_base, cache=cache)
        for i, gm in enumerate(gemeenten):
            for health in cfg.health_tables:
                progress(f"fetching CBS third-party table {health.table} for {gm}")
                tables += health_tables(thirdparty, health, gm, columns=health_columns(catalogue),
                                        extra_codes=bench if i == 0 else ())
    year = max(cfg.kwb_tables)
    boundaries, gemeente_fcs, detail = [], [], []
    for gm in gemeenten + bench:
        levels = ("gemeente", "wijk", "buurt") if gm in gemeenten else ("gemeente",)
        for level in levels:
            progress(f"fetching PDOK {level} {year} for {gm}")
            fc, provs = pdok.features(year, level, gm)
            boundaries.append(_boundary_source(fc, level, year, gm, provs[0].url))
            if level == "gemeente":
                gemeente_fcs.append((fc, provs[0].url))
            if gm in gemeenten:
                detail.append(fc)
    water = _water(cfg, session, cache, gemeente_fcs, detail, pdok_base, top10nl_base,
                   progress)
    return tables, boundaries, water


#: Degrees added around the built gemeenten's box when asking TOP10NL for water.
WATER_PAD_DEG = 0.02


def _water(cfg: SourceConfig, session, cache, gemeente_fcs, detail, pdok_base, top10nl_base,
           progress) -> tuple:
    from dashboard.pipeline.sources.http import SourceError
    from dashboard.pipeline.water import live_water

    shapes = [f for fc in detail for f in fc.get("features", []) if f.get("geometry")]
    if cfg.water is None or not shapes:
        return live_water(gemeente_fcs, None, cfg.water, problem="no boundaries to ask for")
    base = top10nl_base or cfg.water.base_url
    if pdok_base and not top10nl_base:
        # a mirror or test server given for PDOK stands in for TOP10NL too (its path kept)
        host = urlsplit(pdok_base)
        base = f"{host.scheme}://{host.netloc}{urlsplit(cfg.water.base_url).path}"
    west, south, east, north = gpd.GeoDataFrame.from_features(shapes, crs="EPSG:4326") \
        .total_bounds
    bbox = (west - WATER_PAD_DEG, south - WATER_PAD_DEG, east + WATER_PAD_DEG,
            north + WATER_PAD_DEG)
    progress(f"fetching PDOK BRT TOP10NL {cfg.water.collection}")
    try:
        fc, provs = top10nl_water(session, base, bbox, collection=cfg.water.collection,
                                  cache=cache)
    except SourceError as exc:
        progress(f"water: TOP10NL not fetched, the map shows only the boundary files' water "
                 f"parts ({exc})")
        return live_water(gemeente_fcs, None, cfg.water, problem=str(exc))
    return live_water(gemeente_fcs, (fc, provs[0].url), cfg.water)
