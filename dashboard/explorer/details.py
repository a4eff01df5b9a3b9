"""The explorer's details panel and table, as plain data (so every number is traceable)."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from dashboard.catalogue import Indicator
from dashboard.explorer.state import ExplorerState, benchmarks, view_rows
from dashboard.figures import areas_word, is_number, is_reliable, rows_of
from dashboard.formatting import format_estimate, format_number, format_ordinal
from dashboard.i18n import t
from dashboard.store import Store

NOT_COMBINABLE = "not_combinable"  # the pipeline's method for "cannot be combined"


def status_text(status: str, lang: str, method: object = None) -> str:
    """What to show instead of a value: secret, no data, or not for combined areas."""
    if method == NOT_COMBINABLE:
        return t("status.not_combinable", lang)
    return t("status.secret" if status == "secret" else "status.missing", lang)


def _combined_reason(ind: Indicator, method: object, lang: str) -> str:
    """Why a combined area has no value of an indicator that cannot be combined, or ``""``."""
    agg = ind.aggregation
    return agg.reason.get(lang) if method == NOT_COMBINABLE and agg.reason else ""


def rank_among(values: pd.Series | list[tuple[str, float]], code: str,
               direction: str) -> tuple[int | None, int]:
    """(rank, number ranked) of ``code`` among ``values`` (area code -> reliable value, as a
    Series or (code, value) pairs): 1 is the best value by the indicator's direction, the
    highest when it is neutral."""
    pairs = list(values.items()) if isinstance(values, pd.Series) else list(values)
    sign = 1 if direction == "higher_worse" else -1  # stable: ties keep their order
    codes = [c for c, _ in sorted(pairs, key=lambda p: sign * float(p[1]))]
    return (codes.index(code) + 1 if code in codes else None), len(codes)


def rank_sentence(rank: int, n: int, level: str, lang: str, direction: str,
                  short: bool = False) -> str:
    """"6e van 21 buurten met een betrouwbaar cijfer (1e = beste)": the base said once,
    "1e = hoogste" for a neutral indicator; ``short``: "6e van 21"."""
    text = t("rank.text", lang, ordinal=format_ordinal(rank, lang), n=n)
    first = t("rank.first_highest" if direction == "neutral" else "rank.first_best", lang)
    return text if short else t("rank.with_base", lang, text=text, first=first,
                                areas=areas_word(level, n, lang))


def judgement(diff: float, direction: str, lang: str) -> str:
    """"beter"/"slechter" from the indicator's direction ("hoger"/"lager" when neutral)."""
    if diff == 0:
        return t("judge.same", lang)
    if direction == "neutral":
        return t("judge.higher" if diff > 0 else "judge.lower", lang)
    better = (diff > 0) == (direction == "higher_better")
    return t("judge.better" if better else "judge.worse", lang)


def method_text(store: Store, indicator: str, lang: str) -> str:
    """How the dashboard computes values it does not take as published: the rate from two
    counts, and combined areas from the counts of their parts (same level for both)."""
    ind = store.catalogue[indicator]
    cat, agg = store.catalogue, ind.aggregation
    label = {k: cat[k].label.get(lang).lower() for k in ind.referenced_keys()}
    out = []
    if ind.derive:
        out.append(t("method.derived", lang, num=label[ind.derive.numerator],
                     den=label[ind.derive.denominator],
                     scale=format_number(ind.derive.scale, lang)))
    if agg.method == "ratio":
        out.append(t("method.ratio", lang, num=label[agg.numerator], den=label[agg.denominator]))
    elif agg.method == "weighted_mean":
        out.append(t("method.weighted", lang, weight=label[agg.weight]))
    elif agg.method == "sum":
        out.append(t("method.sum", lang))
    else:
        out.append(t("method.none", lang))
    return " ".join(out)


def metadata(store: Store, indicator: str, lang: str) -> dict:
    """:meth:`Store.metadata`, kept per process (the store is read-only); read it, never
    write into it."""
    return _metadata(store, indicator, lang)


@lru_cache(maxsize=512)
def _metadata(store: Store, indicator: str, lang: str) -> dict:
    return store.metadata(indicator, lang)


def source_line(store: Store, indicator: str, year: int, lang: str) -> str:
    """"Bron: CBS, tabel 85984NED (2024), CC-BY-4.0", then how values are computed."""
    return _source_line(store, indicator, int(year), lang)


@lru_cache(maxsize=512)
def _source_line(store: Store, indicator: str, year: int, lang: str) -> str:
    meta = metadata(store, indicator, lang)
    srcs = list(meta["sources_per_year"].get(int(year), []))
    if not srcs:  # derived or aggregated: name the sources of what it is computed from
        for ref in sorted(store.catalogue[indicator].referenced_keys()):
            srcs += metadata(store, ref, lang)["sources_per_year"].get(int(year), [])
    tables = ", ".join(dict.fromkeys(
        f"{s['title'] or s['id']}" + (f" ({s['table']})" if s.get("table") else "")
        for s in srcs)) or t("details.computed_only", lang)
    return t("details.source_line", lang, sources=tables, year=year,
             licence=meta["licence"]) + " " + method_text(store, indicator, lang)


def details(store: Store, state: ExplorerState, code: str) -> dict:
    """Everything the details panel shows for one area.

    Returns
    -------
    dict
        ``name, level, value_text`` (with its 95 % interval when published), ``status,
        partial, method, reason`` (why a combined area has no value), ``quality`` and
        ``quality_text`` (why a value is unreliable: too small a number, too wide an
        interval), ``rank_text, differences`` (list of (label, text)), ``definition,
        caveats, source, unit``.
    """
    lang = state.lang
    ind = store.catalogue[state.indicator]
    area = store.area(code)
    view = view_rows(store, state)
    row = next((r for r in view if r.area_code == code), None) or next(
        iter(rows_of(store.values(state.indicator, state.year, areas=[code], lang=lang))),
        None)  # a selected area outside the view
    value = None if row is None or row.status != "ok" else float(row.value)
    status = "missing" if row is None else str(row.status)
    method = None if row is None else str(row.method)
    lower, upper = (None, None) if value is None else (row.lower, row.upper)
    quality = None if row is None or value is None else row.quality
    reliable = value is not None and (not isinstance(quality, str) or quality == "ok")
    if value is None:
        value_text = status_text(status, lang, method)
    else:
        value_text = format_estimate(value, lower, upper, lang, ind.decimals,
                                     ind.unit.get(lang))
    reason = _combined_reason(ind, method, lang)
    rank_text = "" if value is None or reliable else t("rank.not_ranked", lang)
    ok = list({r.area_code: float(r.value) for r in view if is_reliable(r)}.items())
    rank, n = rank_among(ok, code, ind.direction)
    if reliable and rank:
        rank_text = rank_sentence(rank, n, state.level, lang, ind.direction)
    diffs = []
    for label, ref in benchmarks(store, state).items():
        if ref is None or not reliable or label == area["name" if lang == "nl" else "name_en"]:
            continue
        diff = value - ref
        sign = "+" if diff > 0 else ""
        diffs.append((label, f"{sign}{format_number(diff, lang, ind.decimals)} "
                             f"({judgement(diff, ind.direction, lang)})"))
    meta = metadata(store, state.indicator, lang)
    return {
        "code": code, "name": area["name" if lang == "nl" else "name_en"],
        "level": area["level"], "value_text": value_text, "status": status,
        "partial": bool(row.partial) if row is not None else False,
        "method": method, "reason": reason,
        "quality": quality if isinstance(quality, str) else None,
        "quality_text": store.catalogue.quality_text(state.indicator, quality, lang, long=True),
        "rank_text": rank_text, "differences": diffs, "unit": ind.unit.get(lang),
        "label": ind.label.get(lang), "definition": meta["definition"],
        "caveats": meta["caveats"], "source": source_line(store, state.indicator, state.year,
                                                          lang),
    }


def table_rows(store: Store, state: ExplorerState, sort: str = "value") -> list[dict]:
    """Rows of the accessible table: name, code, formatted value (with its interval) or
    status, ``interval`` (``"(68–76)"`` or ``""``), partial flag, and an unreliable value's
    reason in words (``note``)."""
    ind = store.catalogue[state.indicator]
    view = list(view_rows(store, state))
    if sort == "name":
        view.sort(key=lambda r: r.area_name)
    else:  # highest first, areas without a value last
        view.sort(key=lambda r: (not is_number(r.value),
                                 -float(r.value) if is_number(r.value) else 0.0, r.area_name))
    out = []
    for r in view:
        ok = r.status == "ok" and is_number(r.value)
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
                    "note": store.catalogue.quality_text(ind.key, r.quality, state.lang,
                                                         long=True) if ok
                    else _combined_reason(ind, r.method, state.lang)})
    return out
