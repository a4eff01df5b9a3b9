"""The observations in a compact form sorted by (indicator, year, area_code), so a query
slices its rows without scanning the rest."""

from __future__ import annotations

import numpy as np
import pandas as pd

_EMPTY_COLUMNS = ["value", "status", "partial", "method", "source"]


def _small_codes(codes: np.ndarray, n: int) -> np.ndarray:
    """``codes`` (-1 for missing) in the smallest signed integer type that holds ``n``."""
    for dtype in (np.int8, np.int16, np.int32):
        if n < np.iinfo(dtype).max:
            return codes.astype(dtype)
    return codes.astype(np.int64)


class _Column:
    """One observation column in the store's row order (indicator, year, area_code).

    Columns of a numpy dtype are kept as arrays; others (strings) as small integer codes
    into their distinct values, so a repeated string such as a status or a source takes a
    byte or two a row, and :meth:`take` gives back the column's own dtype.
    """

    __slots__ = ("codes", "uniques", "dtype")

    def __init__(self, column: pd.Series, order: np.ndarray,
                 factorized: tuple[np.ndarray, pd.Index] | None = None):
        self.dtype = column.dtype
        if factorized is None and isinstance(column.dtype, np.dtype):
            self.codes, self.uniques = column.to_numpy()[order], None
        else:
            codes, uniques = factorized or pd.factorize(column)
            self.codes = _small_codes(codes, len(uniques))[order]
            self.uniques = uniques.array

    def take(self, rows: np.ndarray) -> pd.Series:
        values = (self.codes[rows] if self.uniques is None
                  else self.uniques.take(self.codes[rows], allow_fill=True))
        return pd.Series(values, dtype=self.dtype, copy=False)



class ObservationIndex:
    """Row look-ups by indicator and year (a part of :class:`dashboard.store.Store`)."""

    def _index(self, obs: pd.DataFrame) -> None:
        """A compact copy of the observations sorted by (indicator, year, area_code).

        ``_spans[(indicator, year)]`` and ``_ind_spans[indicator]`` are (start, stop) row
        ranges of that order, ``_year_spans[indicator]`` lists (year, start, stop) by year,
        and ``_row_ok`` says which rows have status "ok". A query slices its rows without
        scanning the rest.
        """
        ind_ids, ind_keys = pd.factorize(obs["indicator"], sort=True)
        code_ids, codes = pd.factorize(obs["area_code"], sort=True)
        year_ids, year_keys = pd.factorize(obs["year"], sort=True)
        order = np.lexsort((code_ids, year_ids, ind_ids))
        self._value_columns = [c for c in obs.columns
                               if c not in ("indicator", "area_code", "year")]
        self._cols = {c: _Column(obs[c], order) for c in ["year", *self._value_columns]}
        self._cols["area_code"] = _Column(obs["area_code"], order, (code_ids, codes))
        self._row_ok = np.asarray((obs["status"] == "ok").fillna(False), dtype=bool)[order]
        self._code_ids = {code: i for i, code in enumerate(codes)}
        self._n_codes = len(codes)
        ind_sorted, year_sorted = ind_ids[order], year_ids[order]
        bounds = np.searchsorted(ind_sorted, np.arange(len(ind_keys) + 1))
        self._ind_spans = {key: (int(bounds[i]), int(bounds[i + 1]))
                           for i, key in enumerate(ind_keys)}
        cuts = np.flatnonzero((ind_sorted[1:] != ind_sorted[:-1])
                              | (year_sorted[1:] != year_sorted[:-1])) + 1
        starts = np.concatenate([[0], cuts]) if len(order) else np.array([], dtype=int)
        stops = np.concatenate([cuts, [len(order)]]) if len(order) else starts
        self._spans: dict[tuple[str, int], tuple[int, int]] = {}
        self._year_spans: dict[str, list[tuple[int, int, int]]] = {}
        for s, e in zip(starts.tolist(), stops.tolist(), strict=True):
            if ind_sorted[s] < 0 or year_sorted[s] < 0:  # no indicator or no year
                continue
            key, year = ind_keys[ind_sorted[s]], int(year_keys[year_sorted[s]])
            self._spans[(key, year)] = (s, e)
            self._year_spans.setdefault(key, []).append((year, s, e))

    def _rows(self, rows: np.ndarray, columns: list[str]) -> pd.DataFrame:
        """The columns of the rows ``rows`` (positions in the index order)."""
        return pd.DataFrame({c: self._cols[c].take(rows) for c in columns})

    def _columns(self, indicator: str) -> list[str]:
        """Columns besides area_code and year (those of an empty frame for no data)."""
        return self._value_columns if indicator in self._ind_spans else _EMPTY_COLUMNS

    def _indicator_rows(self, indicator: str, columns: list[str]) -> pd.DataFrame:
        """The columns of every row of ``indicator`` (KeyError naming an unknown one)."""
        self.catalogue[indicator]  # KeyError naming an unknown indicator
        span = self._ind_spans.get(indicator)
        if span is None:
            return pd.DataFrame(columns=columns)
        return self._rows(np.arange(*span), columns)

    def years(self, indicator: str) -> list[int]:
        """Years with at least one usable value of ``indicator``, ascending."""
        self.catalogue[indicator]  # KeyError naming an unknown indicator
        return [year for year, s, e in self._year_spans.get(indicator, ())
                if self._row_ok[s:e].any()]
