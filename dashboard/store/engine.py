"""The observations behind a query engine, so a worker never holds them all.

A store opened from its folder queries ``observations.parquet`` in place. The file is
sorted by indicator, year and area in row groups, with a summary of what it holds in its
footer (:func:`dashboard.store.files.write_observations`), so what the app asks for —
the summary, and all rows of one indicator — is read with Arrow from the footer and the
few row groups whose statistics include the indicator. Any other selection
(:meth:`Observations.where`) goes through DuckDB, which is imported and connected only
then: a serving worker that never needs it does not carry its 70 MB (library, instance
and buffers). A store made from a DataFrame (tests, tools) is queried the same way, so
both give the same answers.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from dashboard.store.files import OVERVIEW_KEY

#: One thread per connection: gunicorn runs one worker per core already.
CONFIG = {"threads": 1, "memory_limit": "256MB", "enable_object_cache": True}
OVERVIEW_SCHEMA = pa.schema([("indicator", pa.string()), ("year", pa.int32()),
                             ("source", pa.string()), ("method", pa.string()),
                             ("ok", pa.bool_()), ("n", pa.int64())])
OVERVIEW_SQL = ("SELECT indicator, CAST(year AS INTEGER) AS year, source, method, "
                "coalesce(bool_or(status = 'ok'), false) AS ok, count(*) AS n "
                "FROM obs GROUP BY ALL ORDER BY ALL")


class Observations:
    """Read-only SQL over the observations as a relation named ``obs``.

    Parameters
    ----------
    source : Path or pandas.DataFrame
        The parquet file, or the observations themselves.
    """

    def __init__(self, source: Path | pd.DataFrame):
        self._con = None  # DuckDB, connected on first use (see the module's note)
        self._lock = threading.Lock()  # one connection, used by one query at a time
        if isinstance(source, pd.DataFrame):
            self.frame: pd.DataFrame | None = source
            self._table: pa.Table | None = pa.Table.from_pandas(source, preserve_index=False)
            self.dtypes = source.dtypes
            self._file = self._meta = None
        else:
            self.frame = self._table = None
            self.path = Path(source)
            schema = pq.read_schema(self.path)
            # strings read as dictionaries: a few distinct values each, never millions of
            # Python-sized strings in between (the index encodes them so anyway)
            self._file = pq.ParquetFile(self.path, read_dictionary=[
                f.name for f in schema if pa.types.is_string(f.type)
                or pa.types.is_large_string(f.type)])
            self._meta = self._file.metadata
            self.dtypes = schema.empty_table().to_pandas().dtypes
        self.columns = list(self.dtypes.index)

    def _connection(self):
        if self._con is None:
            import duckdb

            con = duckdb.connect(config=CONFIG)
            if self._table is not None:
                con.register("obs", self._table)
            else:
                literal = str(self.path).replace("'", "''")
                con.execute(f"CREATE VIEW obs AS SELECT * FROM read_parquet('{literal}')")
            self._con = con
        return self._con

    def arrow(self, sql: str, params: list | None = None) -> pa.Table:
        """Rows of ``sql`` (over the relation ``obs``) as an Arrow table, by DuckDB."""
        with self._lock:
            return self._connection().sql(sql, params=params or None).to_arrow_table()

    def overview(self) -> pd.DataFrame:
        """One row per (indicator, year, source, method): ``ok`` (any row with status
        "ok") and ``n`` (rows), ordered by those four; from the file's footer when the
        build wrote it there, else counted by DuckDB."""
        meta = self._meta.metadata if self._meta is not None else None
        if meta and OVERVIEW_KEY in meta:
            rows = json.loads(meta[OVERVIEW_KEY])
            return self._pandas(pa.Table.from_pylist(rows, schema=OVERVIEW_SCHEMA))
        return self.query(OVERVIEW_SQL)

    def indicator(self, indicator: str) -> pa.Table:
        """Every row of ``indicator`` with a year, without the indicator column, as
        stored (Arrow); reads only the row groups whose statistics may hold it."""
        if self._table is not None:
            table = self._table
        else:
            groups = [i for i in range(self._meta.num_row_groups)
                      if _may_hold(self._meta.row_group(i), indicator)]
            with self._lock:  # one reader of the file's handle at a time
                table = self._file.read_row_groups(groups, use_threads=False)
        keep = pc.and_(pc.equal(table["indicator"], indicator), pc.is_valid(table["year"]))
        return table.filter(keep).drop_columns(["indicator"]).unify_dictionaries()

    def query(self, sql: str, params: list | None = None) -> pd.DataFrame:
        """Rows of ``sql`` as pandas, columns of the observations in their stored dtypes
        (the same as reading the file with pandas)."""
        return self._pandas(self.arrow(sql, params))

    def _pandas(self, table: pa.Table) -> pd.DataFrame:
        frame = table.to_pandas()
        for name in frame.columns:
            if name in self.dtypes.index and frame[name].dtype != self.dtypes[name]:
                frame[name] = frame[name].astype(self.dtypes[name])
        return frame

    def where(self, indicators: list[str] | None = None, codes: list[str] | None = None,
              columns: list[str] | None = None) -> pd.DataFrame:
        """The observations of ``indicators`` and/or the areas ``codes`` (all when None)."""
        conds, params = [], []
        for column, values in (("indicator", indicators), ("area_code", codes)):
            if values is not None:
                conds.append(f"{column} IN (SELECT unnest(?::VARCHAR[]))")
                params.append([str(v) for v in values])
        select = ", ".join(_quote(c) for c in columns or self.columns)
        sql = f"SELECT {select} FROM obs" + (" WHERE " + " AND ".join(conds) if conds else "")
        return self.query(sql, params)

    def all(self) -> pd.DataFrame:
        """Every observation, as pandas (memory: the whole store; for tools and tests)."""
        if self.frame is not None:
            return self.frame
        return pd.read_parquet(self.path)


def _may_hold(group, indicator: str) -> bool:
    """Whether a row group's statistics allow rows of ``indicator`` (True without them)."""
    names = [group.column(j).path_in_schema for j in range(group.num_columns)]
    stats = group.column(names.index("indicator")).statistics
    if stats is None or not stats.has_min_max:
        return True
    return stats.min <= indicator <= stats.max


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
