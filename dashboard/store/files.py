"""The files of a store folder, as the pipeline writes them and the store reads them."""

from __future__ import annotations

import json
import shutil
import tempfile
import weakref
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

#: 2: observations carry a ``quality`` column.
STORE_VERSION = 2
OBS_FILE, AREAS_FILE, FLAGS_FILE, MANIFEST_FILE = (
    "observations.parquet", "areas.parquet", "boundary_changes.parquet", "manifest.json")
#: Postcode-4 areas (snapshot builds only; optional).
PC4_FILE = "pc4.parquet"
#: Water parts of the boundary files near the built gemeenten (the map's fallback; optional).
WATER_FILE = "water.parquet"


class StoreNotFound(FileNotFoundError):
    """No (complete) store at the path; the message says how to build one."""


#: Footer key of :func:`overview` in the observations file (read by the store's engine).
OVERVIEW_KEY = b"dashboard.overview"
#: Rows per parquet row group: a query of one indicator reads a few groups, not the file.
ROW_GROUP_ROWS = 50_000


def write_observations(observations: pd.DataFrame, path: Path) -> None:
    """Write the observations sorted by (indicator, year, area_code) in row groups of
    :data:`ROW_GROUP_ROWS`, so the store's engine skips the groups a query does not need
    (their min/max statistics tell it), with :func:`overview` in the file's footer."""
    ordered = observations.sort_values(["indicator", "year", "area_code"], kind="stable")
    table = pa.Table.from_pandas(ordered, preserve_index=False)
    pq.write_table(with_overview(table, overview(ordered)), path,
                   row_group_size=ROW_GROUP_ROWS)


class StoreUnavailable(StoreNotFound):
    """No store can be served: none has opened in this process and the one at the path is
    absent or fails its checks. The message (with the path) is for the log, not for people."""


class ServedCopy:
    """A private copy of a store file, removed when this object is garbage-collected.

    The store queries its observations lazily from their file, so a file damaged or removed
    in place while the app runs would reach the store already served. A served store
    queries its own copy instead (and holds this object): what it checked is what it keeps
    answering from. :meth:`remove` removes it earlier (once, whatever is called first).

    Parameters
    ----------
    path : Path
        The file to copy.
    """

    def __init__(self, path: Path):
        folder = Path(tempfile.mkdtemp(prefix="dashboard-store-"))
        self.remove = weakref.finalize(self, shutil.rmtree, folder, ignore_errors=True)
        self.path = folder / path.name
        shutil.copyfile(path, self.path)


def overview(observations: pd.DataFrame) -> list[dict]:
    """What the observations hold, one entry per (indicator, year, source, method) with
    rows: ``ok`` (any row with status "ok") and ``n`` (rows), in that order. A store reads
    it from the footer instead of counting millions of rows in every worker."""
    keys = ["indicator", "year", "source", "method"]
    frame = observations[keys].assign(ok=observations["status"].eq("ok").fillna(False))
    counts = (frame.groupby(keys, dropna=False, sort=True)
              .agg(ok=("ok", "any"), n=("ok", "size")).reset_index())
    return [{"indicator": _plain(r.indicator), "year": None if pd.isna(r.year) else int(r.year),
             "source": _plain(r.source), "method": _plain(r.method), "ok": bool(r.ok),
             "n": int(r.n)} for r in counts.itertuples(index=False)]


def _plain(value) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


def with_overview(table: pa.Table, entries: list[dict]) -> pa.Table:
    """``table`` with ``entries`` (see :func:`overview`) as JSON in its schema's metadata."""
    meta = dict(table.schema.metadata or {})
    meta[OVERVIEW_KEY] = json.dumps(entries, separators=(",", ":")).encode()
    return table.replace_schema_metadata(meta)
