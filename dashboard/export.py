"""Tidy exports of the store, for students and checks (``python -m dashboard export``)."""

from __future__ import annotations

import json
from typing import TextIO

import pandas as pd

from dashboard.store import Store

EXPORT_COLUMNS = ["area_code", "area_name", "level", "year", "indicator", "value", "status",
                  "unit"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: object) -> object:
    """Prefix text that a spreadsheet would run as a formula; numbers stay numbers."""
    if isinstance(text, str) and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def tidy_rows(store: Store, indicator: str, *, year: int | None = None,
              level: str | None = None, lang: str = "en") -> pd.DataFrame:
    """Rows ``area_code, area_name, level, year, indicator, value, status, unit``.

    All years when ``year`` is None. Secret and missing values have an empty value and
    their status, never 0.
    """
    years = [year] if year is not None else store.years(indicator)
    frames = [store.values(indicator, y, level=level, lang=lang) for y in years]
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame(columns=EXPORT_COLUMNS)
    out = pd.concat(frames, ignore_index=True)[EXPORT_COLUMNS]
    return out.assign(value=out["value"].where(out["status"] == "ok"))


def export_rows(store: Store, indicator: str, *, year: int | None = None,
                level: str | None = None, fmt: str = "csv", lang: str = "en",
                out: TextIO) -> int:
    """Write tidy rows as CSV (formula-safe) or JSON records to ``out``; returns row count."""
    rows = tidy_rows(store, indicator, year=year, level=level, lang=lang)
    if fmt == "json":
        records = [{k: (None if pd.isna(v) else v) for k, v in r.items()}
                   for r in rows.to_dict(orient="records")]
        json.dump(records, out, ensure_ascii=False, indent=1, default=int)
        out.write("\n")
    else:
        safe = rows.assign(**{c: rows[c].map(neutralise) for c in
                              ("area_code", "area_name", "indicator", "unit")})
        safe.to_csv(out, index=False, lineterminator="\n")
    return len(rows)
