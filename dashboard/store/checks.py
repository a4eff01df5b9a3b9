"""Checks of a store's files before the app serves them: every file opens, has the columns
and kinds of values the store reads, and the manifest is the JSON object it should be.

A file that fails raises :class:`StoreCorrupt` naming the file and the problem (for the
log; people see only that the data is unavailable). :func:`dashboard.store.get_store`
keeps serving the last good store when a new one fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from pandas.api import types
from pydantic import BaseModel, ConfigDict, StrictStr, ValidationError

#: file -> {column: predicate on its dtype}
COLUMNS = {
    "observations.parquet": {"area_code": types.is_string_dtype, "year": types.is_integer_dtype,
                             "indicator": types.is_string_dtype,
                             "value": types.is_float_dtype, "status": types.is_string_dtype,
                             "partial": types.is_bool_dtype, "method": types.is_string_dtype,
                             "source": types.is_string_dtype},
    "boundary_changes.parquet": {"area_code": types.is_string_dtype,
                                 "year": types.is_integer_dtype,
                                 "comparable_with_previous": types.is_bool_dtype},
    "areas.parquet": {"code": types.is_string_dtype, "name": types.is_string_dtype,
                      "level": types.is_string_dtype, "gemeente": types.is_string_dtype,
                      "geometry": lambda dtype: str(dtype) == "geometry"},
    "pc4.parquet": {"code": types.is_string_dtype,
                    "geometry": lambda dtype: str(dtype) == "geometry"},
    "water.parquet": {"source": types.is_string_dtype,
                      "geometry": lambda dtype: str(dtype) == "geometry"},
}


class StoreCorrupt(ValueError):
    """A store file cannot be read, or holds something else than the store expects."""


class Manifest(BaseModel):
    """The parts of ``manifest.json`` the app reads (others are kept, unchecked)."""

    model_config = ConfigDict(extra="allow")
    built_at: StrictStr
    gemeenten: list[StrictStr] = []
    sources: list[dict] = []
    counts: dict[StrictStr, dict] = {}


def read_manifest(path: Path) -> dict:
    """The manifest as a dict, checked.

    Raises
    ------
    StoreCorrupt
        If it is not UTF-8 JSON, not an object, or a field has the wrong kind.
    """
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        Manifest.model_validate(raw)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        first = exc.errors()[0] if isinstance(exc, ValidationError) else None
        problem = (f"{'.'.join(map(str, first['loc']))}: {first['msg']}" if first
                   else type(exc).__name__)
        raise StoreCorrupt(f"{path.name}: {problem}") from None
    if not isinstance(raw, dict):
        raise StoreCorrupt(f"{path.name}: not a JSON object")
    return raw


def read_frame(path: Path, geo: bool = False) -> pd.DataFrame:
    """A store parquet file, read and checked against :data:`COLUMNS`.

    Raises
    ------
    StoreCorrupt
        If it cannot be read (truncated, not parquet) or a column is absent or of the
        wrong kind.
    """
    try:
        if geo:
            import geopandas as gpd

            frame = gpd.read_parquet(path)
        else:
            frame = pd.read_parquet(path)
    except Exception as exc:  # pyarrow, geopandas and OS errors all mean "cannot read"
        raise StoreCorrupt(f"{path.name}: cannot be read ({type(exc).__name__})") from None
    _check_columns(path, frame)
    return frame


def check_schema(path: Path) -> Path:
    """Check a parquet file's footer and column kinds without reading its rows (for the
    observations, which the store queries in place); returns ``path``.

    Raises
    ------
    StoreCorrupt
        If the footer cannot be read (a truncated file) or a column is absent or of the
        wrong kind.
    """
    import pyarrow.parquet as pq

    try:
        frame = pq.read_schema(path).empty_table().to_pandas()
    except Exception as exc:  # pyarrow and OS errors all mean "cannot read"
        raise StoreCorrupt(f"{path.name}: cannot be read ({type(exc).__name__})") from None
    _check_columns(path, frame)
    return path


def _check_columns(path: Path, frame: pd.DataFrame) -> None:
    for column, ok in COLUMNS.get(path.name, {}).items():
        if column not in frame.columns:
            raise StoreCorrupt(f"{path.name}: column {column!r} is missing")
        if not ok(frame[column].dtype):
            raise StoreCorrupt(f"{path.name}: column {column!r} is {frame[column].dtype}")
