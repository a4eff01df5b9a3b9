"""A SYNTHETIC national-scale store, for the benchmark only.

    python -m bench.synthetic [--out DIR] [--gemeenten 350] [--buurten 14000] [--seed N]

Geometries are rectangles from a grid (each gemeente a cell, its buurten a tessellation of
that cell, wijken unions of four buurten), densified to about as many vertices per shape
as the real simplified boundaries. Values come from a seeded random generator. Nothing
here is real: codes are GM9000 onwards, names say "synthetisch", and the manifest, the
source entry and a README in the folder say SYNTHETIC. It is written to a git-ignored
cache folder and never served to people.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import shapely

from dashboard.catalogue import load_catalogue
from dashboard.store.files import (
    AREAS_FILE,
    FLAGS_FILE,
    MANIFEST_FILE,
    OBS_FILE,
    OVERVIEW_KEY,
    ROW_GROUP_ROWS,
    STORE_VERSION,
    overview,
)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "cache" / "bench" / "synthetic-national"
LABEL = "SYNTHETIC benchmark store: generated values on grid geometries, NOT real data"
SOURCE_ID = "synthetic:seeded"
# Every year of the KWB series (2014-2024), every catalogue indicator, every area: about
# 10 million observations, the size of a real national store.
DEFAULT_YEARS = tuple(range(2014, 2025))
BBOX = (3.4, 50.75, 7.2, 53.5)  # lon/lat box the grid fills (roughly the Netherlands)
BUURTEN_PER_WIJK = 4
SECRET_SHARE = 0.04
# Vertices per shape like the real simplified boundaries (buurt ~19, gemeente ~59).
VERTICES = {"buurt": 20, "wijk": 24, "gemeente": 60}


def split_counts(total: int, weights: np.ndarray) -> np.ndarray:
    """Integers proportional to ``weights``, each at least 1, summing to ``total``.

    Largest-remainder rounding, so the sum is exact.
    """
    n = len(weights)
    if total < n:
        raise ValueError(f"cannot give {n} parts at least 1 of {total}")
    share = np.asarray(weights, dtype=float) / float(np.sum(weights)) * (total - n)
    counts = np.floor(share).astype(int)
    rest = total - n - int(counts.sum())
    counts[np.argsort(-(share - counts), kind="stable")[:rest]] += 1
    return counts + 1


def tessellate(box: tuple[float, float, float, float], n: int) -> list:
    """``n`` rectangles that cover ``box`` exactly (rows of nearly equal cells)."""
    x0, y0, x1, y1 = box
    rows = max(1, round(math.sqrt(n)))
    per_row = split_counts(n, np.ones(rows)) if n >= rows else np.ones(n, dtype=int)
    height = (y1 - y0) / len(per_row)
    cells = []
    for r, k in enumerate(per_row):
        width = (x1 - x0) / k
        for c in range(k):
            cells.append(shapely.box(x0 + c * width, y0 + r * height,
                                     x0 + (c + 1) * width, y0 + (r + 1) * height))
    return cells


def _densify(geoms: list, vertices: int) -> np.ndarray:
    arr = np.asarray(geoms, dtype=object)
    perimeter = shapely.length(arr)
    return shapely.segmentize(arr, perimeter / max(vertices - 1, 4))


def synthetic_areas(n_gemeenten: int, n_buurten: int, rng: np.random.Generator
                    ) -> gpd.GeoDataFrame:
    """Gemeenten, wijken and buurten as a store's ``areas`` table (WGS84)."""
    sizes = split_counts(n_buurten, np.clip(rng.lognormal(0.0, 0.7, n_gemeenten), 0.2, 8.0))
    if sizes.max() > 99 * BUURTEN_PER_WIJK:
        raise ValueError("a gemeente got more buurten than its codes can number")
    cols = math.ceil(math.sqrt(n_gemeenten))
    rows = math.ceil(n_gemeenten / cols)
    w, h = (BBOX[2] - BBOX[0]) / cols, (BBOX[3] - BBOX[1]) / rows
    records: list[tuple] = []
    for i, size in enumerate(sizes):
        gm = f"GM{9000 + i:04d}"
        x0, y0 = BBOX[0] + (i % cols) * w, BBOX[1] + (i // cols) * h
        box = (x0, y0, x0 + w, y0 + h)
        records.append((gm, f"Synthetische gemeente {i + 1:03d}", "gemeente", None, gm,
                        shapely.box(*box)))
        cells = tessellate(box, int(size))
        for j in range(0, len(cells), BUURTEN_PER_WIJK):
            wk = f"WK{gm[2:]}{j // BUURTEN_PER_WIJK + 1:02d}"
            part = cells[j:j + BUURTEN_PER_WIJK]
            records.append((wk, f"Synthetische wijk {gm[2:]}-{wk[-2:]}", "wijk", gm, gm,
                            shapely.union_all(part)))
            for k, cell in enumerate(part):
                bu = f"BU{wk[2:]}{k + 1:02d}"
                records.append((bu, f"Synthetische buurt {gm[2:]}-{wk[-2:]}-{k + 1:02d}",
                                "buurt", wk, gm, cell))
    frame = pd.DataFrame(records, columns=["code", "name", "level", "parent", "gemeente",
                                           "geometry"])
    geoms = np.empty(len(frame), dtype=object)
    for level, n_vertices in VERTICES.items():
        mask = (frame["level"] == level).to_numpy()
        geoms[mask] = _densify(list(frame.loc[mask, "geometry"]), n_vertices)
    frame = frame.assign(groups="", boundary_year=pd.array([2024] * len(frame), dtype="Int16"),
                         boundary_source=SOURCE_ID, geometry=geoms)
    return gpd.GeoDataFrame(frame, geometry="geometry", crs="EPSG:4326")


def _values(kind: str, base: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Plausible-looking magnitudes per kind; ``base`` is a per-area size."""
    n = len(base)
    if kind == "count":
        return np.round(base * rng.uniform(0.02, 0.6) * rng.lognormal(0, 0.2, n))
    if kind == "share":
        return np.round(rng.beta(2, 5, n) * 100, 1)
    if kind == "rate":
        return np.round(rng.gamma(2.0, 25.0, n), 1)
    if kind == "index":
        return np.round(rng.normal(100, 15, n))
    if kind == "distance":
        return np.round(rng.gamma(2.0, 0.5, n), 1)
    return np.round(rng.lognormal(3.3, 0.3, n), 1)


def synthetic_observations(areas: pd.DataFrame, catalogue, years: tuple[int, ...],
                           rng: np.random.Generator):
    """One row per area, indicator and year; a few buurt values are "secret".

    Yields one DataFrame per indicator, sorted by (year, area_code), so the whole store
    never has to be in memory at once.
    """
    codes = areas["code"].to_numpy()
    is_buurt = (areas["level"] == "buurt").to_numpy()
    size = np.where(is_buurt, 1.0, 0.0) * rng.lognormal(7.2, 0.6, len(codes))
    # Larger areas: the sum of their buurten (so counts grow with the area).
    by_code = pd.Series(size, index=codes)
    wijk_size = by_code[is_buurt].groupby(areas.loc[is_buurt, "parent"].to_numpy()).sum()
    gm_size = by_code[is_buurt].groupby(areas.loc[is_buurt, "gemeente"].to_numpy()).sum()
    size = by_code.add(wijk_size, fill_value=0).add(gm_size, fill_value=0)[codes].to_numpy()
    order = np.argsort(codes, kind="stable")
    for ind in sorted(catalogue, key=lambda i: i.key):
        parts = []
        for year in years:
            value = _values(ind.kind, size, rng)
            secret = is_buurt & (rng.random(len(codes)) < SECRET_SHARE)
            parts.append(pd.DataFrame({
                "area_code": codes, "year": np.int16(year), "indicator": ind.key,
                "value": np.where(secret, np.nan, value),
                "status": np.where(secret, "secret", "ok")}).iloc[order])
        obs = pd.concat(parts, ignore_index=True)
        yield obs.assign(partial=False, method="published", source=SOURCE_ID,
                         quality=np.where(obs["status"] == "ok", "ok", None))


def _write_observations(parts, path: Path) -> int:
    """Write the indicator frames ``parts`` as one parquet file laid out as the pipeline
    writes it (see :func:`dashboard.store.files.write_observations`), its summary in the
    footer."""
    writer, n, entries = None, 0, []
    try:
        for frame in parts:
            table = pa.Table.from_pandas(frame, preserve_index=False)
            if writer is None:
                writer = pq.ParquetWriter(path, table.schema)
            writer.write_table(table, row_group_size=ROW_GROUP_ROWS)
            entries += overview(frame)  # one indicator per part, in order
            n += len(frame)
        if writer is not None:
            writer.add_key_value_metadata({OVERVIEW_KEY: json.dumps(entries,
                                                                    separators=(",", ":"))})
    finally:
        if writer is not None:
            writer.close()
    return n


def write_synthetic_store(out: Path = DEFAULT_OUT, *, n_gemeenten: int = 350,
                          n_buurten: int = 14_000, years: tuple[int, ...] = DEFAULT_YEARS,
                          seed: int = 6, data_dir: Path = ROOT / "data") -> dict:
    """Generate the synthetic store at ``out`` (replacing it); returns its manifest.

    Parameters
    ----------
    out : Path
        Store folder; written under a temporary name and renamed when complete.
    n_gemeenten, n_buurten : int
        Scale; wijken are groups of four buurten.
    years : tuple of int
        Years with a value for every area and indicator of ``data/indicators.yaml``.
    seed : int
        Seed of the generator: the same arguments give the same store.
    data_dir : Path
        Folder of ``indicators.yaml``.
    """
    rng = np.random.default_rng(seed)
    catalogue = load_catalogue(Path(data_dir) / "indicators.yaml")
    areas = synthetic_areas(n_gemeenten, n_buurten, rng)
    buurten = areas.loc[areas["level"] == "buurt", "code"]
    flags = pd.DataFrame([(c, y, "1", True) for c in buurten for y in years],
                         columns=["area_code", "year", "flag", "comparable_with_previous"])
    levels = areas["level"].value_counts()
    manifest = {
        "version": STORE_VERSION, "synthetic": True, "label": LABEL,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "gemeenten": list(areas.loc[areas["level"] == "gemeente", "code"]),
        "params": {"n_gemeenten": n_gemeenten, "n_buurten": n_buurten, "years": list(years),
                   "seed": seed},
        "sources": [{"id": SOURCE_ID, "kind": "synthetic", "title": LABEL,
                     "publisher": "bench/synthetic.py (generated, not real)", "table": None,
                     "years": list(years), "retrieved_at": None, "sha256": None,
                     "licence": None, "credit": "SYNTHETIC", "origin": "bench/synthetic.py"}],
        "rows": {"observations": 0, "areas": len(areas), "boundary_changes": len(flags)},
        "levels": {str(k): int(v) for k, v in levels.items()},
    }
    out = Path(out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    try:
        manifest["rows"]["observations"] = _write_observations(
            synthetic_observations(areas, catalogue, tuple(years), rng), tmp / OBS_FILE)
        areas.to_parquet(tmp / AREAS_FILE, index=False)
        flags.to_parquet(tmp / FLAGS_FILE, index=False)
        (tmp / MANIFEST_FILE).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        (tmp / "README-SYNTHETIC.txt").write_text(LABEL + "\n", encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        tmp.rename(out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return manifest


def ensure_synthetic_store(out: Path = DEFAULT_OUT, **params) -> tuple[Path, float]:
    """The synthetic store at ``out``, generated only when absent or made with other
    parameters; returns its path and the seconds spent generating (0 when reused)."""
    import time

    wanted = {"n_gemeenten": 350, "n_buurten": 14_000, "years": list(DEFAULT_YEARS),
              "seed": 6} | {k: list(v) if k == "years" else v for k, v in params.items()}
    manifest = Path(out) / MANIFEST_FILE
    if manifest.is_file():
        old = json.loads(manifest.read_text(encoding="utf-8"))
        fresh = pq.ParquetFile(Path(out) / OBS_FILE).schema_arrow.metadata or {}
        # a store generated before the footer summary is made again, as the build would
        if old.get("synthetic") and old.get("params") == wanted and OVERVIEW_KEY in fresh:
            return Path(out), 0.0
    t0 = time.perf_counter()
    write_synthetic_store(out, **{k: tuple(v) if k == "years" else v for k, v in wanted.items()})
    return Path(out), time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--gemeenten", type=int, default=350)
    parser.add_argument("--buurten", type=int, default=14_000)
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args()
    path, seconds = ensure_synthetic_store(args.out, n_gemeenten=args.gemeenten,
                                           n_buurten=args.buurten, seed=args.seed)
    print(f"{LABEL}\n{path} ({seconds:.1f} s)")


if __name__ == "__main__":
    main()
