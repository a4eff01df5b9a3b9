"""The explorer's details panel and table, as plain data (so every number is traceable)."""

from __future__ import annotations

import pandas as pd

from dashboard.catalogue import Indicator
from dashboard.explorer.state import ExplorerState, benchmarks, view_values
from dashboard.formatting import format_estimate, format_number
from dashboard.i18n import t
from dashboard.store import Store

NOT_COMBINABLE = "not_combinable"  # the pipeline's method for "cannot be combined"


def status_text(status: str, lang: str, method: object = None) -> str:
    """What to show instead of a value: secret, no data, or not for combined areas."""
    if method == NOT_COMBINABLE:
        return t("status.not_combinable", lang)
    return t("status.secret" if status == "secret" else "status.missing", lang)


def quality_text(ind: Indicator, lower: object, upper: object, lang: str,
                 short: bool = False) -> str:
    """Why an estimate is uncertain (its interval is wide), or ``""``."""
    if ind.margin_quality(lower, upper) != "wide_margin":
        return ""
    if short:
        return t("quality.wide_margin_short", lang)
    return t("quality.wide_margin", lang, width=format_number(ind.wide_margin, lang))


def source_line(store: Store, indicator: str, year: int, lang: str) -> str:
    """"Bron: CBS, tabel 85984NED (2024), CC-BY-4.0" — where a number comes from."""
    meta = store.metadata(indicator, lang)
    srcs = list(meta["sources_per_year"].get(int(year), []))
    if not srcs:  # derived or aggregated: name the sources of what it is computed from
        for ref in sorted(store.catalogue[indicator].referenced_keys()):
            srcs += store.metadata(ref, lang)["sources_per_year"].get(int(year), [])
    tables = ", ".join(dict.fromkeys(
        f"{s['title'] or s['id']}" + (f" ({s['table']})" if s.get("table") else "")
        for s in srcs)) or t("details.computed_only", lang)
    return t("details.source_line", lang, sources=tables, year=year, licence=meta["licence"])


def details(store: Store, state: ExplorerState, code: str) -> dict:
    """Everything the details panel shows for one area.

    Returns
    -------
    dict
        ``name, level, value_text`` (with its 95 % interval when published), ``status,
        partial, method, reason`` (why a combined area has no value), ``quality_text``
        (why an estimate is uncertain), ``rank_text, differences`` (list of (label,
        text)), ``definition, caveats, source, unit``.
    """
    lang = state.lang
    ind = store.catalogue[state.indicator]
    area = store.area(code)
    rows = store.values(state.indicator, state.year, areas=[code], lang=lang)
    row = rows.iloc[0] if len(rows) else None
    value = None if row is None or row["status"] != "ok" else float(row["value"])
    status = "missing" if row is None else str(row["status"])
    method = None if row is None else str(row["method"])
    lower, upper = (None, None) if value is None else (row["lower"], row["upper"])
    if value is None:
        value_text = status_text(status, lang, method)
    else:
        value_text = format_estimate(value, lower, upper, lang, ind.decimals,
                                     ind.unit.get(lang))
    reason = (ind.aggregation.reason.get(lang)
              if method == NOT_COMBINABLE and ind.aggregation.reason else "")
    rank_text = ""
    view = view_values(store, state)
    ok = view[view["status"] == "ok"].sort_values("value", ascending=False)
    if value is not None and code in set(ok["area_code"]):
        rank = list(ok["area_code"]).index(code) + 1
        rank_text = t("details.rank", lang, rank=rank, n=len(ok))
    diffs = []
    for label, ref in benchmarks(store, state).items():
        if ref is None or value is None or label == area["name" if lang == "nl" else "name_en"]:
            continue
        diff = value - ref
        sign = "+" if diff > 0 else ""
        diffs.append((label, f"{sign}{format_number(diff, lang, ind.decimals)}"))
    meta = store.metadata(state.indicator, lang)
    return {
        "code": code, "name": area["name" if lang == "nl" else "name_en"],
        "level": area["level"], "value_text": value_text, "status": status,
        "partial": bool(row["partial"]) if row is not None else False,
        "method": method, "reason": reason,
        "quality_text": quality_text(ind, lower, upper, lang),
        "rank_text": rank_text, "differences": diffs, "unit": ind.unit.get(lang),
        "label": ind.label.get(lang), "definition": meta["definition"],
        "caveats": meta["caveats"], "source": source_line(store, state.indicator, state.year,
                                                          lang),
    }


def table_rows(store: Store, state: ExplorerState, sort: str = "value") -> list[dict]:
    """Rows of the accessible table: name, code, formatted value (with its interval) or
    status, ``interval`` (``"(68–76)"`` or ``""``), partial flag, and ``quality``
    (``"onzeker"`` for a wide interval, else ``""``)."""
    ind = store.catalogue[state.indicator]
    view = view_values(store, state)
    if sort == "name":
        view = view.sort_values("area_name")
    else:
        view = view.assign(_missing=view["value"].isna()).sort_values(
            ["_missing", "value", "area_name"], ascending=[True, False, True])
    out = []
    for r in view.itertuples(index=False):
        ok = r.status == "ok" and not pd.isna(r.value)
        interval = (format_estimate(r.value, r.lower, r.upper, state.lang, ind.decimals)
                    .removeprefix(format_number(r.value, state.lang, ind.decimals)).strip()
                    if ok else "")
        out.append({"code": r.area_code, "name": r.area_name,
                    "value": format_estimate(r.value, r.lower, r.upper, state.lang,
                                             ind.decimals) if ok
                    else status_text(r.status, state.lang, r.method),
                    "interval": interval,
                    "raw": float(r.value) if ok else None, "status": r.status,
                    "partial": bool(r.partial),
                    "quality": quality_text(ind, r.lower, r.upper, state.lang, short=True)
                    if ok else ""})
    return out
