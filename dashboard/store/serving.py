"""The store the app serves, opened once per process and swapped only for one that passes
its checks (:func:`get_store`); :func:`serving_stale` says when an older one is kept."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from dashboard.settings import get_settings
from dashboard.store.files import (
    AREAS_FILE,
    FLAGS_FILE,
    MANIFEST_FILE,
    OBS_FILE,
    PC4_FILE,
    WATER_FILE,
    StoreUnavailable,
)
from dashboard.store.reader import Store

LOG = logging.getLogger(__name__)


_LOCK = threading.Lock()
#: path -> (files' stamp, the last store that opened and passed its checks)
_CACHE: dict[Path, tuple[tuple, Store]] = {}
#: path -> (files' stamp, why it failed): a broken store is tried once, not per request
_FAILED: dict[Path, tuple[tuple, str]] = {}
#: path -> the store replaced last. Caches keyed by store may keep a replaced store alive
#: for a while, so its private copy is removed when the next one replaces it (a request
#: still using the replaced store finishes first) or when it is garbage-collected.
_REPLACED: dict[Path, Store] = {}


def _stamp(path: Path) -> tuple:
    """What changes when a build swaps in a store or someone touches one of its files."""
    out = []
    for name in (MANIFEST_FILE, OBS_FILE, AREAS_FILE, FLAGS_FILE, PC4_FILE, WATER_FILE):
        try:
            st = (path / name).stat()
            out.append((name, st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((name, None, None))
    return tuple(out)


def get_store(path: str | Path | None = None) -> Store:
    """The store at ``path`` (default: settings), opened once per process.

    When its files change (a new build swapped in, or a file was damaged) the store is
    opened again and checked in full; only a store that passes replaces the one served.
    One that fails leaves the last good store serving (see :func:`serving_stale`).

    Raises
    ------
    StoreUnavailable
        If no store at ``path`` has ever opened in this process and this one fails (a
        :class:`StoreNotFound`: the message names the path, for the log only).
    """
    path = Path(path or get_settings().store_dir).resolve()
    stamp = _stamp(path)
    with _LOCK:
        hit = _CACHE.get(path)
        if hit and hit[0] == stamp:
            return hit[1]
        failed = _FAILED.get(path)
        if not (failed and failed[0] == stamp):
            try:
                store = Store.open(path, private=True)
            except Exception as exc:  # whatever is wrong with the files, keep the good store
                LOG.error("store at %s not opened, %s: %s", path,
                          "still serving the previous one" if hit else "none to serve", exc)
                failed = _FAILED[path] = (stamp, str(exc))
            else:
                _FAILED.pop(path, None)
                _CACHE[path] = (stamp, store)
                if hit:
                    _retire(path, hit[1])
                return store
        if hit:
            return hit[1]
        raise StoreUnavailable(f"no usable store at {path}: {failed[1]}")


def _retire(path: Path, store: Store) -> None:
    older = _REPLACED.pop(path, None)
    if older is not None and older._served_copy is not None:
        older._served_copy.remove()
    _REPLACED[path] = store


def serving_stale(path: str | Path | None = None) -> bool:
    """Whether the store served for ``path`` is an older one, kept because the store now
    at ``path`` failed to open."""
    path = Path(path or get_settings().store_dir).resolve()
    with _LOCK:
        return path in _FAILED and path in _CACHE
