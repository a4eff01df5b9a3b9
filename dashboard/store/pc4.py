"""The store's postcode-4 areas (written by :mod:`dashboard.pipeline.pc4`), read once per
process."""

from __future__ import annotations

import threading
from pathlib import Path

import geopandas as gpd

from dashboard.store.files import PC4_FILE

_lock = threading.Lock()
_cache: dict[Path, tuple[float, gpd.GeoDataFrame | None]] = {}


def load_pc4(store) -> gpd.GeoDataFrame | None:
    """The store's postcode areas (``code, geometry``), or None if the build wrote none."""
    path = Path(store.path) / PC4_FILE
    stamp = path.stat().st_mtime if path.is_file() else -1.0
    with _lock:
        hit = _cache.get(path)
        if hit and hit[0] == stamp:
            return hit[1]
    gdf = gpd.read_parquet(path) if path.is_file() else None
    with _lock:
        _cache[path] = (stamp, gdf)
    return gdf
