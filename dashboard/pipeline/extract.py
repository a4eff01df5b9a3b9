"""Turn raw tables into observations, as the catalogue names columns.

Secrecy and unknown markers become status ``secret``/``missing`` (never 0). An empty cell
is ``secret`` when the same column has values for other areas in that table (CBS blanks
what it keeps secret) and ``missing`` when the whole column is empty (not published).
"""

from __future__ import annotations

from collections.abc import Iterable

from dashboard.catalogue import Catalogue, Indicator, SourceSpec
from dashboard.pipeline.aggregate import MISSING, OK, SECRET, Obs
from dashboard.pipeline.sources.markers import classify
from dashboard.pipeline.sources.records import BOUNDARY_FLAG, CODE, LEVEL, RawTable, odata_stems

#: Within one KWB spec, which naming style wins when several tables give the same year:
#: OData is the latest StatLine state, the StatLine CSV export next, the WBK attributes last.
STYLE_ORDER = {"odata": 0, "statline": 1, "wbk": 2}
_RANK = {OK: 2, SECRET: 1, MISSING: 0}

Key = tuple[str, int, str]  # (area code, year, indicator key)


def _resolve(table: RawTable, column: str | list[str], stems: dict[str, str]) -> list[str] | None:
    """Actual column names in ``table`` for a spec column (or list), or None if absent."""
    names = [column] if isinstance(column, str) else list(column)
    cols = table.columns()
    out = []
    for name in names:
        if name in cols:
            out.append(name)
        elif table.style == "odata" and name in stems:
            out.append(stems[name])
        else:
            return None
    return out


def _cell(rec: dict, cols: list[str], blank_status: dict[str, str]) -> tuple[float | None, str]:
    total, statuses = 0.0, []
    for col in cols:
        value, status = classify(rec.get(col))
        if status == "blank":
            status = blank_status[col]
        if status != OK:
            statuses.append(status)
        else:
            total += value  # type: ignore[operator]
    if statuses:
        return None, SECRET if SECRET in statuses else MISSING
    return total, OK


def _blank_status(table: RawTable, cols: list[str]) -> dict[str, str]:
    out = {}
    for col in cols:
        filled = any(classify(r.get(col))[1] != "blank" for r in table.records)
        out[col] = SECRET if filled else MISSING
    return out


def _tables_for(spec: SourceSpec, tables: Iterable[RawTable]) -> list[RawTable]:
    chosen = [t for t in tables if t.kind == spec.source]
    if spec.source == "wijkprofiel":
        chosen = [t for t in chosen if t.meta.get("file") == spec.file]
    return sorted(chosen, key=lambda t: (t.year, STYLE_ORDER.get(t.style, 9)))


def _better(new: Obs, old: Obs | None) -> bool:
    return old is None or _RANK[new.status] > _RANK[old.status]


def _extract_estimates(ind: Indicator, spec: SourceSpec, table: RawTable,
                       out: dict[Key, Obs]) -> None:
    """Model estimates with their 95 % interval, for the spec's age group (Gezondheidsmonitor)."""
    age, margins = table.meta["ages"].get(spec.age), table.meta["margins"]
    stems = odata_stems(sorted(table.columns()))
    column = spec.column if spec.column in table.columns() else stems.get(spec.column or "")
    if age is None or column is None:
        return
    cells: dict[str, dict[str, object]] = {}
    for rec in table.records:
        if rec.get(LEVEL) and str(rec.get("Leeftijd")) == age:
            cells.setdefault(rec[CODE], {})[str(rec.get("Marges"))] = rec.get(column)
    filled = any(classify(c.get(margins["value"]))[1] != "blank" for c in cells.values())
    for code, cell in cells.items():
        value, status = classify(cell.get(margins["value"]))
        if status == "blank":
            status = SECRET if filled else MISSING
        lower, upper = (classify(cell.get(margins[b]))[0] if status == OK else None
                        for b in ("lower", "upper"))
        obs = Obs(value, status, table.source_id, lower=lower, upper=upper)
        key = (code, table.year, ind.key)
        if _better(obs, out.get(key)):
            out[key] = obs


def extract_indicator(ind: Indicator, tables: list[RawTable], out: dict[Key, Obs]) -> None:
    """Add the published values of one indicator to ``out`` (first good source wins)."""
    for spec in ind.sources:
        for table in _tables_for(spec, tables):
            if spec.source == "gezondheid":
                _extract_estimates(ind, spec, table, out)
                continue
            column = spec.column_for(table.style, table.year)
            if not column:
                continue
            stems = odata_stems(sorted(table.columns())) if table.style == "odata" else {}
            cols = _resolve(table, column, stems)
            if cols is None:
                continue
            blank = _blank_status(table, cols)
            for rec in table.records:
                if not rec.get(LEVEL):
                    continue
                value, status = _cell(rec, cols, blank)
                key = (rec[CODE], table.year, ind.key)
                obs = Obs(value, status, table.source_id)
                if _better(obs, out.get(key)):
                    out[key] = obs


def extract(catalogue: Catalogue, tables: list[RawTable]) -> dict[Key, Obs]:
    """All published observations of every indicator."""
    out: dict[Key, Obs] = {}
    for ind in catalogue:
        extract_indicator(ind, tables, out)
    return out


def boundary_flags(tables: list[RawTable]) -> dict[tuple[str, int], str]:
    """KWB 'indelingswijziging' code per (area, year), preferring OData over exports."""
    flags: dict[tuple[str, int], str] = {}
    kwb = sorted((t for t in tables if t.kind == "kwb"),
                 key=lambda t: STYLE_ORDER.get(t.style, 9), reverse=True)
    for table in kwb:
        for rec in table.records:
            if rec.get(BOUNDARY_FLAG) and rec.get(LEVEL):
                flags[(rec[CODE], table.year)] = rec[BOUNDARY_FLAG]
    return flags
