"""The build step: sources → one store folder (observations, areas, manifest).

``python -m dashboard build [--snapshot DIR] [--gemeente GM0599] [--out DIR]``. Heavy work
happens here, never in the web process. The store is written to a temporary folder next to
the target and swapped in only when complete, so a failed build leaves the previous store.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from dashboard.areas import AreaConfig, load_areas
from dashboard.catalogue import Catalogue, load_catalogue
from dashboard.pipeline.compute import fill
from dashboard.pipeline.extract import boundary_flags, extract
from dashboard.pipeline.geometry import BoundarySource, build_areas
from dashboard.pipeline.pc4 import build_pc4
from dashboard.pipeline.quality import assess
from dashboard.pipeline.sources.records import GEMEENTE, LEVEL, RawTable
from dashboard.sourceconfig import SourceConfig, load_source_config
from dashboard.store.files import (
    AREAS_FILE,
    FLAGS_FILE,
    MANIFEST_FILE,
    OBS_FILE,
    PC4_FILE,
    STORE_VERSION,
    WATER_FILE,
    write_observations,
)

Progress = Callable[[str], None]


class BuildError(RuntimeError):
    """The build could not complete; the previous store is untouched."""


def _scope(tables: list[RawTable], gemeenten: tuple[str, ...]) -> list[RawTable]:
    """Keep every gemeente-level record (benchmarks) and the detail of chosen gemeenten."""
    out = []
    for t in tables:
        recs = [r for r in t.records
                if r.get(LEVEL) == "gemeente" or r.get(GEMEENTE) in gemeenten]
        if recs:
            out.append(type(t)(t.source_id, t.kind, t.style, t.year, recs, t.meta))
    return out


def observations_frame(obs: dict, catalogue: Catalogue) -> pd.DataFrame:
    """Long table: area_code, year, indicator, value, status, partial, method, source,
    lower, upper (the bounds of a published 95 % interval; NaN where there is none), quality
    (``ok``, a reason the value is unreliable, or None without a value)."""
    rows = [(code, year, key, o.value, o.status, o.partial, o.method, o.source, o.lower,
             o.upper) for (code, year, key), o in obs.items()]
    df = pd.DataFrame(rows, columns=["area_code", "year", "indicator", "value", "status",
                                     "partial", "method", "source", "lower", "upper"])
    for col in ("value", "lower", "upper"):
        df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
    df["year"] = df["year"].astype("int16")
    df["partial"] = df["partial"].astype(bool)
    order = {ind.key: i for i, ind in enumerate(catalogue)}
    df = df.assign(_o=df["indicator"].map(order)).sort_values(["_o", "year", "area_code"])
    df = df.drop(columns="_o").reset_index(drop=True)
    return df.assign(quality=assess(df, catalogue))


def _sources_manifest(tables: list[RawTable], obs_df: pd.DataFrame, geo_sources: list[dict]):
    used = Counter(obs_df["source"])
    out, seen = [], set()
    for t in tables:
        if t.source_id in seen:
            continue
        seen.add(t.source_id)
        m = t.meta
        out.append({"id": t.source_id, "kind": t.kind, "title": m.get("title"),
                    "publisher": m.get("publisher"), "table": m.get("table"),
                    "years": sorted({x.year for x in tables if x.source_id == t.source_id}),
                    "retrieved_at": m.get("retrieved_at"), "sha256": m.get("sha256"),
                    "licence": m.get("licence"), "credit": m.get("credit"),
                    "boundaries": m.get("boundaries"),
                    "origin": m.get("url") or m.get("path"), "observations": used[t.source_id]})
    return out + geo_sources


def _counts(obs_df: pd.DataFrame, areas: pd.DataFrame) -> dict:
    level = areas.set_index("code")["level"]
    ok = obs_df[obs_df["status"] == "ok"].assign(level=lambda d: d["area_code"].map(level))
    counts: dict = {}
    for (lvl, year, ind), n in ok.groupby(["level", "year", "indicator"]).size().items():
        counts.setdefault(lvl, {}).setdefault(str(year), {})[ind] = int(n)
    return counts


def _write_atomically(out: Path, files: Callable[[Path], None]) -> None:
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    try:
        files(tmp)
        old = out.with_name(f".{out.name}.old")
        if old.exists():
            shutil.rmtree(old)
        if out.exists():
            out.rename(old)
        tmp.rename(out)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def build_store(tables: list[RawTable], boundaries, out: Path, *, catalogue: Catalogue,
                areas_cfg: AreaConfig, sources_cfg: SourceConfig, gemeenten: tuple[str, ...],
                progress: Progress = print, pc4: BoundarySource | None = None,
                water=None) -> dict:
    """Build the store from raw tables and boundary sources; returns the manifest.

    ``pc4`` (postcode-4 boundaries) adds ``pc4.parquet``, used to place activities given
    by postcode onto buurten. ``water`` (``(GeoDataFrame, manifest entries)`` of the
    boundary files' water parts) adds ``water.parquet``, the map's fallback water.
    """
    t0 = time.perf_counter()
    tables = _scope(tables, gemeenten)
    if not tables:
        raise BuildError(f"no records for {', '.join(gemeenten)} in the sources")
    progress(f"extracting {len(catalogue)} indicators from {len(tables)} tables")
    obs = extract(catalogue, tables)
    progress(f"{len(obs)} published values; deriving and aggregating")
    fill(catalogue, obs, areas_cfg, tables)
    obs_df = observations_frame(obs, catalogue)
    flags = boundary_flags(tables)
    flags_df = pd.DataFrame(
        [(c, y, f, f in sources_cfg.unchanged_codes) for (c, y), f in sorted(flags.items())],
        columns=["area_code", "year", "flag", "comparable_with_previous"])
    progress("building area geometries")
    areas, geo_sources = build_areas(obs_df, tables, boundaries, areas_cfg, gemeenten,
                                     progress=progress)
    obs_df = obs_df[obs_df["area_code"].isin(set(areas["code"]))].reset_index(drop=True)
    pc4_df = None
    if pc4 is not None:
        pc4_df, pc4_entry = build_pc4(pc4, areas, gemeenten)
        geo_sources = [*geo_sources, pc4_entry]
        progress(f"postcode-4: {len(pc4_df)} areas touching {', '.join(gemeenten)}")
    water_df = None
    if water is not None:
        from dashboard.pipeline.water import build_water
        water_df = build_water(water[0], areas, gemeenten)
        geo_sources = [*geo_sources, *water[1]]
        progress(f"water: {len(water_df)} parts near {', '.join(gemeenten)}")
    cat_path = Path(catalogue.path)
    manifest = {
        "version": STORE_VERSION,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "gemeenten": list(gemeenten),
        "catalogue_sha256": hashlib.sha256(cat_path.read_bytes()).hexdigest()
        if cat_path.is_file() else None,
        "sources": _sources_manifest(tables, obs_df, geo_sources),
        "rows": {"observations": len(obs_df), "areas": len(areas),
                 "boundary_changes": len(flags_df),
                 "pc4": 0 if pc4_df is None else len(pc4_df),
                 "water": 0 if water_df is None else len(water_df)},
        "counts": _counts(obs_df, areas),
    }

    def write(tmp: Path) -> None:
        write_observations(obs_df, tmp / OBS_FILE)
        flags_df.to_parquet(tmp / FLAGS_FILE, index=False)
        areas.to_parquet(tmp / AREAS_FILE, index=False)
        if pc4_df is not None:
            pc4_df.to_parquet(tmp / PC4_FILE, index=False)
        if water_df is not None:
            water_df.to_parquet(tmp / WATER_FILE, index=False)
        manifest["build_seconds"] = round(time.perf_counter() - t0, 2)
        (tmp / MANIFEST_FILE).write_text(json.dumps(manifest, indent=1, ensure_ascii=False),
                                         encoding="utf-8")

    _write_atomically(Path(out), write)
    progress(f"store written to {out}: {len(obs_df)} observations, {len(areas)} areas")
    return manifest


def run_build(out: Path, *, snapshot: Path | None, gemeenten: tuple[str, ...], data_dir: Path,
              cache_dir: Path | None = None, progress: Progress = print,
              session=None, odata_base: str | None = None, pdok_base: str | None = None,
              dataderden_base: str | None = None, top10nl_base: str | None = None) -> dict:
    """Read the sources (snapshot folder or live APIs) and build the store at ``out``."""
    catalogue = load_catalogue(data_dir / "indicators.yaml")
    areas_cfg = load_areas(data_dir / "areas.yaml")
    sources_cfg = load_source_config(data_dir / "sources.yaml")
    pc4 = water = None
    if snapshot is not None:
        from dashboard.pipeline.pc4 import snapshot_pc4_source
        from dashboard.pipeline.sources.snapshot import boundary_resources, read_tables
        tables = read_tables(snapshot, progress=progress)
        boundaries = boundary_resources(snapshot)
        pc4 = snapshot_pc4_source(snapshot)
        from dashboard.pipeline.water import snapshot_water
        water = snapshot_water(snapshot)
    else:
        from dashboard.pipeline.sources.live import fetch_live
        tables, boundaries, water = fetch_live(
            sources_cfg, gemeenten, catalogue=catalogue, cache_dir=cache_dir, session=session,
            odata_base=odata_base, pdok_base=pdok_base, dataderden_base=dataderden_base,
            top10nl_base=top10nl_base, progress=progress)
    return build_store(tables, boundaries, out, catalogue=catalogue, areas_cfg=areas_cfg,
                       sources_cfg=sources_cfg, gemeenten=gemeenten, progress=progress,
                       pc4=pc4, water=water)
