"""Tidy exports of the store, for students and checks (``python -m dashboard export``), and
the parts every download shares: tidy columns with NL/EN headers, provenance and
formula-safe CSV.

Every file made from the store carries where its numbers come from: the source tables with
the years they cover, when each was retrieved, the licence, and a citation line
(:func:`provenance`).
"""

from __future__ import annotations

import io
import json
from functools import lru_cache
from typing import TextIO

import pandas as pd

from dashboard.i18n import t
from dashboard.store import Store

EXPORT_COLUMNS = ["area_code", "area_name", "level", "year", "indicator", "value", "status",
                  "unit"]
#: Columns of every download, in order; headers per language in ``HEADERS``.
TIDY_COLUMNS = ["area_code", "area_name", "level", "year", "theme", "indicator",
                "indicator_label", "value", "lower", "upper", "unit", "status", "quality",
                "partial", "method", "source", "licence"]
HEADERS = {
    "area_code": "gebiedscode", "area_name": "gebiedsnaam", "level": "niveau", "year": "jaar",
    "theme": "thema", "indicator": "indicator", "indicator_label": "indicatornaam",
    "value": "waarde", "lower": "ondergrens_95", "upper": "bovengrens_95", "unit": "eenheid",
    "status": "status", "quality": "betrouwbaarheid", "partial": "deels_berekend",
    "method": "methode", "source": "bron", "licence": "licentie",
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: object) -> object:
    """Prefix text that a spreadsheet would run as a formula; numbers stay numbers."""
    if isinstance(text, str) and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell neutralised; numeric columns untouched."""
    out = frame.copy()
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]) and \
                not pd.api.types.is_bool_dtype(out[column]):
            out[column] = out[column].map(neutralise)
    out.columns = [neutralise(str(c)) for c in out.columns]
    return out


def header_names(lang: str) -> dict[str, str]:
    """Column name -> header in ``lang`` (English headers are the column names)."""
    return {c: (HEADERS[c] if lang == "nl" else c) for c in TIDY_COLUMNS}


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


def finish_rows(store: Store, rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Store rows (``Store.values`` columns) as download rows in ``TIDY_COLUMNS`` order.

    Adds the indicator's theme, label and licence; a value that is not ``ok`` is empty, and
    so are ``lower``/``upper`` (a published 95 % interval) where there is none.
    """
    cat = store.catalogue
    keys = rows["indicator"].astype(str)
    ok = rows["status"] == "ok"
    bounds = {b: pd.to_numeric(rows[b], errors="coerce").where(ok) if b in rows
              else float("nan") for b in ("lower", "upper")}
    out = rows.assign(
        **bounds,
        year=rows["year"].astype(int),
        value=pd.to_numeric(rows["value"], errors="coerce").where(ok),
        theme=keys.map(lambda k: cat[k].theme),
        indicator_label=keys.map(lambda k: cat[k].label.get(lang)),
        unit=keys.map(lambda k: cat[k].unit.get(lang)),
        licence=keys.map(lambda k: cat[k].licence),
        quality=rows["quality"] if "quality" in rows else None,
        partial=rows["partial"].fillna(False).astype(bool))
    return out[TIDY_COLUMNS].reset_index(drop=True)


@lru_cache(maxsize=1024)
def _sources_per_year(store: Store, key: str) -> dict[int, list[dict]]:
    return store.metadata(key)["sources_per_year"]


def provenance(store: Store, rows: pd.DataFrame, lang: str) -> dict:
    """Where the numbers of ``rows`` come from.

    Returns
    -------
    dict
        ``sources`` (id, title, publisher, table, years, retrieved, licence, credit — every
        source table behind a row, including the parts of computed values), ``years``,
        ``retrieved`` (first and last retrieval date), ``licences``, ``built_at``,
        ``quality`` (indicator, reason, the reason in words — for every unreliable value's
        reason in ``rows``) and ``citation`` (one line in ``lang``).
    """
    by_id = {s["id"]: s for s in store.manifest.get("sources", [])}
    wanted = set(rows["source"].astype(str)) & set(by_id)
    for key in sorted(set(rows["indicator"].astype(str))):
        years = {int(y) for y in rows.loc[rows["indicator"] == key, "year"]}
        for ref in [key, *sorted(store.catalogue[key].referenced_keys())]:
            for year, srcs in _sources_per_year(store, ref).items():
                if year in years:
                    wanted |= {s["id"] for s in srcs if s["id"] in by_id}
    sources = [{"id": i, "title": by_id[i].get("title"), "publisher": by_id[i].get("publisher"),
                "table": by_id[i].get("table"), "years": list(by_id[i].get("years") or []),
                "retrieved": str(by_id[i].get("retrieved_at") or "")[:10],
                "licence": by_id[i].get("licence"), "credit": by_id[i].get("credit")}
               for i in sorted(wanted)]
    dates = sorted(s["retrieved"] for s in sources if s["retrieved"])
    credits = list(dict.fromkeys(f"{s['credit'] or s['publisher']} ({s['licence']})"
                                 for s in sources))
    built = str(store.manifest.get("built_at") or "")[:10]
    retrieved = (f"{dates[0]} – {dates[-1]}" if dates and dates[0] != dates[-1]
                 else (dates[0] if dates else "–"))
    flagged = (rows[["indicator", "quality"]].dropna().drop_duplicates()
               if "quality" in rows else pd.DataFrame(columns=["indicator", "quality"]))
    flagged = flagged[flagged["quality"] != "ok"].sort_values(["indicator", "quality"])
    return {
        "quality": [(k, q, store.catalogue.quality_text(k, q, lang, long=True))
                    for k, q in flagged.itertuples(index=False)],
        "sources": sources, "years": sorted({int(y) for y in rows["year"]}),
        "retrieved": retrieved, "licences": sorted({str(s["licence"]) for s in sources}),
        "built_at": built,
        "citation": t("downloads.citation", lang, credits="; ".join(credits) or "–",
                      retrieved=retrieved, built=built or "–"),
    }


def column_notes(prov: dict, lang: str) -> list[str]:
    """What the quality and partial columns mean, and each unreliable value's reason in
    words per indicator (from :func:`provenance`)."""
    names = header_names(lang)
    return [t("downloads.quality_column", lang, column=names["quality"]),
            t("downloads.partial_column", lang, column=names["partial"]),
            *(f"{names['quality']} = {reason} ({key}): {text}"
              for key, reason, text in prov.get("quality", []))]


def provenance_lines(prov: dict, lang: str) -> list[str]:
    """Provenance as short text lines (the header of a CSV, the 'about' sheet)."""
    lines = [t("downloads.citation_label", lang) + ": " + prov["citation"],
             t("downloads.licence_label", lang) + ": " + ", ".join(prov["licences"]),
             t("downloads.retrieved_label", lang) + ": " + prov["retrieved"],
             t("downloads.years_label", lang) + ": " + ", ".join(map(str, prov["years"])),
             *column_notes(prov, lang)]
    for s in prov["sources"]:
        table = f", {t('downloads.table', lang)} {s['table']}" if s["table"] else ""
        lines.append(f"{t('downloads.source_label', lang)}: {s['title']} ({s['publisher']}"
                     f"{table}; {', '.join(map(str, s['years']))}; "
                     f"{t('downloads.retrieved_label', lang).lower()} {s['retrieved']}; "
                     f"{s['licence']})")
    return lines


def to_csv(store: Store, rows: pd.DataFrame, lang: str) -> bytes:
    """Tidy CSV (UTF-8): ``#`` provenance lines, then one row per area, year and indicator.

    Read it back with ``pandas.read_csv(path, comment="#")``. Text cells that a spreadsheet
    would run as a formula are neutralised; numbers stay numbers.
    """
    tidy = finish_rows(store, rows, lang)
    buffer = io.StringIO()
    for line in provenance_lines(provenance(store, tidy, lang), lang):
        buffer.write("# " + line.replace("\n", " ") + "\n")
    neutralise_frame(tidy.rename(columns=header_names(lang))).to_csv(
        buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


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
