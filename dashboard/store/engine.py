"""The observations behind a query engine (DuckDB), so a worker never holds them all.

A store opened from its folder queries ``observations.parquet`` in place: DuckDB reads
only the row groups a query needs (the pipeline writes the file sorted by indicator, year
and area, see :func:`dashboard.store.files.write_observations`). A store made from a
DataFrame (tests, tools) is queried the same way, so both give the same answers.
"""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

#: One thread per connection: gunicorn runs one worker per core already.
CONFIG = {"threads": 1, "memory_limit": "256MB", "enable_object_cache": True}


class Observations:
    """Read-only SQL over the observations as a relation named ``obs``.

    Parameters
    ----------
    source : Path or pandas.DataFrame
        The parquet file, or the observations themselves.
    """

    def __init__(self, source: Path | pd.DataFrame):
        self._con = duckdb.connect(config=CONFIG)
        self._lock = threading.Lock()  # one connection, used by one query at a time
        if isinstance(source, pd.DataFrame):
            self.frame: pd.DataFrame | None = source
            table = pa.Table.from_pandas(source, preserve_index=False)
            self._con.register("obs", table)
            self.dtypes = source.dtypes
        else:
            self.frame = None
            self.path = Path(source)
            literal = str(self.path).replace("'", "''")
            self._con.execute(f"CREATE VIEW obs AS SELECT * FROM read_parquet('{literal}')")
            self.dtypes = pq.read_schema(self.path).empty_table().to_pandas().dtypes
        self.columns = list(self.dtypes.index)

    def arrow(self, sql: str, params: list | None = None) -> pa.Table:
        """Rows of ``sql`` as an Arrow table."""
        with self._lock:
            return self._con.sql(sql, params=params or None).to_arrow_table()

    def query(self, sql: str, params: list | None = None) -> pd.DataFrame:
        """Rows of ``sql`` as pandas, columns of the observations in their stored dtypes
        (the same as reading the file with pandas)."""
        frame = self.arrow(sql, params).to_pandas()
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


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
