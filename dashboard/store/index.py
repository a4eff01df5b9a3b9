"""Row look-ups by indicator and year over the observations in the query engine.

A worker keeps only the indicators it has been asked about, each in a compact form sorted
by (year, area_code) so a query slices its rows without scanning the rest, and drops the
least recently used ones beyond :data:`ROW_BUDGET` rows. What every page needs about all
indicators (years with data, sources per year, row counts) is one small overview built
on open.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dashboard.store.engine import Observations

_EMPTY_COLUMNS = ["value", "status", "partial", "method", "source", "quality", "lower",
                  "upper"]
#: Observation rows kept per worker in compact form (about 15 bytes a row): every
#: indicator of a city's store, five of the national benchmark store (about 200,000 rows
#: each). With 2.5 million a worker that had filled it peaked at 312-318 MB RSS there,
#: with 1.5 million at 289-306 MB, with 1 million at 267-294 MB (make bench, quiet).
ROW_BUDGET = 1_000_000
_KEYS = ("indicator", "area_code", "year")


def _small_codes(codes: np.ndarray, n: int) -> np.ndarray:
    """``codes`` (-1 for missing) in the smallest signed integer type that holds ``n``."""
    for dtype in (np.int8, np.int16, np.int32):
        if n < np.iinfo(dtype).max:
            return codes.astype(dtype)
    return codes.astype(np.int64)


def _encode(column: pa.ChunkedArray, sort: bool = False) -> tuple[np.ndarray, list]:
    """Integer codes (-1 for null) and the distinct values of ``column``; with ``sort``,
    codes follow the order of the values."""
    encoded = pc.dictionary_encode(column).combine_chunks()
    codes = pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False)
    uniques = encoded.dictionary.to_pylist()
    if sort and uniques:
        order = np.argsort(np.asarray(uniques, dtype=object), kind="stable")
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        codes = np.where(codes >= 0, rank[np.maximum(codes, 0)], -1)
        uniques = [uniques[i] for i in order]
    return codes.astype(np.int64), uniques


class _Column:
    """One observation column in the index's row order.

    Columns of a numpy dtype are kept as arrays; others (strings) as small integer codes
    into their distinct values, so a repeated string such as a status or a source takes a
    byte or two a row, and :meth:`take` gives back the column's stored dtype.
    """

    __slots__ = ("codes", "uniques", "dtype")

    def __init__(self, column: pa.ChunkedArray, dtype, order: np.ndarray | None,
                 encoded: tuple[np.ndarray, list] | None = None):
        self.dtype = dtype
        if encoded is None and isinstance(dtype, np.dtype) and column.null_count == 0:
            values = column.to_numpy().astype(dtype, copy=False)
            self.codes, self.uniques = (values if order is None else values[order]), None
        else:
            codes, uniques = encoded or _encode(column)
            codes = _small_codes(codes, len(uniques))
            self.codes = codes if order is None else codes[order]
            self.uniques = pd.array(uniques, dtype=dtype)

    def isna(self) -> np.ndarray:
        """Per row: no value (null or NaN)."""
        if self.uniques is None:
            return np.isnan(self.codes) if self.codes.dtype.kind == "f" else \
                np.zeros(len(self.codes), dtype=bool)
        missing = np.append(np.asarray(pd.isna(self.uniques), dtype=bool), True)
        return missing[self.codes]  # code -1 (null) reads the appended True

    def equals(self, value: object) -> np.ndarray:
        """Per row: the value is ``value`` (never for a null)."""
        if self.uniques is None:
            return self.codes == value
        same = np.append(np.asarray(self.uniques == value, dtype=bool), False)
        return same[self.codes]

    def take(self, rows: np.ndarray) -> pd.Series:
        if self.uniques is None:
            return pd.Series(self.codes[rows], dtype=self.dtype, copy=False)
        values = self.uniques.take(self.codes[rows], allow_fill=True)
        return pd.Series(values, dtype=self.dtype, copy=False)


class IndicatorRows:
    """The rows of one indicator, sorted by (year, area_code), in compact columns.

    ``spans[year]`` is the (start, stop) row range of a year, ``year_spans`` lists
    (year, start, stop) ascending, ``row_ok`` says which rows have status "ok",
    ``code_ids`` maps an area code to its number in ``cols["area_code"]``.
    """

    def __init__(self, table: pa.Table, dtypes: pd.Series):
        self.n = table.num_rows
        code_ids, codes = _encode(table["area_code"], sort=True)
        years = table["year"].to_numpy().astype(np.int64)
        key = years * (len(codes) + 1) + code_ids
        order = None if np.all(key[1:] >= key[:-1]) else np.argsort(key, kind="stable")
        self.value_columns = [c for c in table.column_names if c not in _KEYS]
        self.cols = {c: _Column(table[c], dtypes[c], order)
                     for c in ["year", *self.value_columns]}
        self.cols["area_code"] = _Column(table["area_code"], dtypes["area_code"], order,
                                         (code_ids, codes))
        ok = pc.fill_null(pc.equal(table["status"], "ok"), False).to_numpy(
            zero_copy_only=False)
        self.row_ok = ok if order is None else ok[order]
        self.code_ids = {code: i for i, code in enumerate(codes)}
        self.n_codes = len(codes)
        self.area_pos: np.ndarray | None = None  # set by the store on first use
        sorted_years = years if order is None else years[order]
        cuts = np.flatnonzero(sorted_years[1:] != sorted_years[:-1]) + 1
        starts = np.concatenate([[0], cuts]).tolist() if self.n else []
        stops = np.concatenate([cuts, [self.n]]).tolist() if self.n else []
        self.year_spans = [(int(sorted_years[s]), s, e)
                           for s, e in zip(starts, stops, strict=True)]
        self.spans = {y: (s, e) for y, s, e in self.year_spans}

    def take(self, rows: np.ndarray, columns: list[str]) -> pd.DataFrame:
        """The columns of the rows ``rows`` (positions in this index's order)."""
        return pd.DataFrame({c: self.cols[c].take(rows) for c in columns})


class ObservationIndex:
    """Row look-ups by indicator and year (a part of :class:`dashboard.store.Store`)."""

    def _index(self, source: Path | pd.DataFrame) -> None:
        """Open the observations in the engine and read the overview.

        ``_overview`` has one row per (indicator, year, source, method) with ``ok`` (any
        row with status "ok") and ``n`` (rows); ``_ok_years[indicator]`` lists the years
        with a usable value.
        """
        self._obs = Observations(source)
        self._value_columns = [c for c in self._obs.columns if c not in _KEYS]
        self._loaded: OrderedDict[str, IndicatorRows] = OrderedDict()
        self._loaded_rows = 0
        self._load_lock = threading.Lock()
        self._overview = self._obs.overview()
        self.n_observations = int(self._overview["n"].sum())
        known = self._overview.dropna(subset=["indicator", "year"])
        self._has_rows = set(known["indicator"])
        ok = known[known["ok"]]
        self._ok_years = {k: sorted({int(y) for y in grp["year"]})
                          for k, grp in ok.groupby("indicator")}

    @property
    def observations(self) -> pd.DataFrame:
        """Every observation as one DataFrame (the whole store in memory: for tools and
        tests; the app queries through :meth:`values`, :meth:`series`, :meth:`rows`)."""
        return self._obs.all()

    def rows(self, indicators: list[str] | None = None,
             codes: list[str] | None = None) -> pd.DataFrame:
        """Observation rows (every stored column) of ``indicators`` and/or the area codes
        ``codes``; all of them when both are None. Order is not defined."""
        return self._obs.where(indicators, codes)

    def _indicator(self, indicator: str) -> IndicatorRows | None:
        """The compact rows of ``indicator`` (None without rows), loaded on first use."""
        if indicator not in self._has_rows:
            return None
        with self._load_lock:
            hit = self._loaded.get(indicator)
            if hit is not None:
                self._loaded.move_to_end(indicator)
                return hit
        table = self._obs.indicator(indicator)
        rows = IndicatorRows(table, self._obs.dtypes)
        del table
        pa.default_memory_pool().release_unused()  # the row groups read: give them back
        with self._load_lock:
            if indicator not in self._loaded:
                self._loaded[indicator] = rows
                self._loaded_rows += rows.n
            while self._loaded_rows > ROW_BUDGET and len(self._loaded) > 1:
                _, old = self._loaded.popitem(last=False)
                self._loaded_rows -= old.n
            return self._loaded[indicator]

    def _columns(self, indicator: str) -> list[str]:
        """Columns besides area_code and year (those of an empty frame for no data)."""
        return self._value_columns if indicator in self._has_rows else _EMPTY_COLUMNS

    def years(self, indicator: str) -> list[int]:
        """Years with at least one usable value of ``indicator``, ascending."""
        self.catalogue[indicator]  # KeyError naming an unknown indicator
        return list(self._ok_years.get(indicator, ()))
