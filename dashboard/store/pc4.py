"""The store's optional map layers, read once per process (and again when the file changes):
postcode-4 areas (written by :mod:`dashboard.pipeline.pc4`) and water parts (written by
:mod:`dashboard.pipeline.water`)."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import geopandas as gpd

from dashboard.store.files import PC4_FILE, WATER_FILE

LOG = logging.getLogger(__name__)
_lock = threading.Lock()
_cache: dict[Path, tuple[float, gpd.GeoDataFrame | None]] = {}


def _load(store, name: str) -> gpd.GeoDataFrame | None:
    path = Path(store.path) / name
    stamp = path.stat().st_mtime if path.is_file() else -1.0
    with _lock:
        hit = _cache.get(path)
        if hit and hit[0] == stamp:
            return hit[1]
    try:
        gdf = gpd.read_parquet(path) if path.is_file() else None
    except Exception as exc:  # a damaged optional layer: keep the last good one, or none
        LOG.error("%s not read (%s): %s", name, type(exc).__name__,
                  "keeping the last good copy" if hit else "the map goes without it")
        return hit[1] if hit else None
    with _lock:
        _cache[path] = (stamp, gdf)
    return gdf


def load_pc4(store) -> gpd.GeoDataFrame | None:
    """The store's postcode areas (``code, geometry``), or None if the build wrote none.

    A store opened with :meth:`Store.open` holds them already (read and checked with the
    rest); a store built in memory (tests) has them read here."""
    if getattr(store, "layers_read", False):
        return store.pc4
    return _load(store, PC4_FILE)


def load_water(store) -> gpd.GeoDataFrame | None:
    """The store's water parts (``source, geometry``), or None if the build wrote none.

    A store opened with :meth:`Store.open` holds them already; one built in memory (tests)
    has them read here."""
    if getattr(store, "layers_read", False):
        return store.water
    return _load(store, WATER_FILE)
