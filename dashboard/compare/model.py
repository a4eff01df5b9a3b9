"""Comparing 2–4 areas side by side: the URL state, the table and the small multiples.

Areas of different levels may be compared (a buurt with Rotterdam-Zuid and NL): every value
is the store's own value for that area — combined areas are computed from counts and
denominators by the build, never averaged here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pandas as pd

from dashboard import figures
from dashboard.catalogue import THEMES, Indicator
from dashboard.explorer.details import status_text
from dashboard.formatting import format_estimate
from dashboard.i18n import parse_lang, t
from dashboard.store import Store

MIN_AREAS, MAX_AREAS, MAX_INDICATORS = 2, 4, 8
#: Kinds a default indicator may have: comparable between areas of any size.
DEFAULT_KINDS = ("share", "rate", "mean")
_CODE_RE = re.compile(r"^[A-Z0-9]{2,12}$")
_KEY_RE = re.compile(r"^[a-z][a-z0-9_]{1,47}$")


@dataclass(frozen=True)
class CompareState:
    """What the compare page shows; round-trips through the URL query string."""

    areas: tuple[str, ...]
    indicators: tuple[str, ...]
    lang: str = "nl"

    def query(self) -> str:
        """The query string (without ``?``), e.g. ``areas=A,B&indicators=x,y&lang=en``."""
        return urlencode({"areas": ",".join(self.areas),
                          "indicators": ",".join(self.indicators), "lang": self.lang})


@dataclass
class ParsedCompare:
    state: CompareState
    notices: list[str] = field(default_factory=list)


def _all_have_values(store: Store, key: str, areas: list[str]) -> bool:
    """Whether every area has a reliable value of ``key`` in one and the same year."""
    years: set[int] | None = None
    for code in areas:
        s = store.series(code, key)
        good = s[(s["status"] == "ok") & s["value"].notna() & s["quality"].fillna("ok").eq("ok")]
        mine = {int(y) for y in good["year"]}
        years = mine if years is None else years & mine
        if not years:
            return False
    return bool(years)


def default_indicators(store: Store, areas: list[str] | None = None) -> list[str]:
    """One indicator per theme: the first share, rate or mean of the theme for which every
    one of ``areas`` has a reliable value in a common year (without ``areas``: the first
    with any data)."""
    out = []
    for theme in THEMES:
        for ind in store.catalogue.by_theme()[theme]:
            if ind.kind in DEFAULT_KINDS and store.years(ind.key) and (
                    not areas or _all_have_values(store, ind.key, areas)):
                out.append(ind.key)
                break
    return out


def default_areas(store: Store) -> list[str]:
    """The area of interest (Rotterdam-Zuid) and its gemeente."""
    cfg = store.area_config
    first = cfg.default_area if cfg and cfg.default_area in store.areas.index else None
    codes = [first, store.area(first)["gemeente"] if first else None,
             *store.manifest.get("gemeenten", [])]
    return [c for c in dict.fromkeys(codes) if c and c in store.areas.index][:MIN_AREAS]


def _items(value) -> list[str]:
    if isinstance(value, list | tuple):
        value = ",".join(str(v) for v in value)
    return [p.strip() for p in str(value or "")[:600].split(",") if p.strip()]


def parse_compare(query: dict, store: Store) -> ParsedCompare:
    """Validate ``areas``, ``indicators`` and ``lang``; anything unknown is left out with a
    notice naming it; with no areas the defaults are shown."""
    lang_raw = query.get("lang")
    lang, lang_notice = parse_lang(lang_raw[0] if isinstance(lang_raw, list) else lang_raw)
    notices = [lang_notice] if lang_notice else []

    def bad(param: str, value: str) -> None:
        notices.append(t("compare.bad_param", lang, param=param, value=value[:40]))

    areas: list[str] = []
    # ``sel`` is the explorer's name for its selection: /vergelijk?sel=… works too.
    for code in _items(query.get("areas") or query.get("sel")):
        code = code.upper()
        if not _CODE_RE.match(code) or code not in store.areas.index:
            bad("areas", code)
        elif code not in areas:
            areas.append(code)
    if len(areas) > MAX_AREAS:
        notices.append(t("compare.too_many_areas", lang, n=MAX_AREAS,
                         dropped=", ".join(areas[MAX_AREAS:])))
        areas = areas[:MAX_AREAS]
    if not areas:
        areas = default_areas(store)
    elif len(areas) < MIN_AREAS:
        notices.append(t("compare.too_few_areas", lang, n=MIN_AREAS))
    indicators: list[str] = []
    for key in _items(query.get("indicators")):
        if not _KEY_RE.match(key) or key not in store.catalogue:
            bad("indicators", key)
        elif key not in indicators:
            indicators.append(key)
    if len(indicators) > MAX_INDICATORS:
        notices.append(t("compare.too_many_indicators", lang, n=MAX_INDICATORS))
        indicators = indicators[:MAX_INDICATORS]
    return ParsedCompare(CompareState(tuple(areas), tuple(
        indicators or default_indicators(store, areas)), lang), notices)


def _value_text(ind: Indicator, row: pd.DataFrame, value: float, lang: str) -> str:
    """The value with its published 95 % interval (the reason it is unreliable, if any,
    goes in the cell's ``quality_text``)."""
    return format_estimate(value, row["lower"].iloc[0], row["upper"].iloc[0], lang,
                           ind.decimals)


def compare_table(store: Store, state: CompareState) -> list[dict]:
    """One row per indicator: the latest year in which every area has a value (else the
    latest in which any has one), and each area's value (or status) in that year.

    Returns
    -------
    list of dict
        ``key, label, unit, year`` and ``cells`` (``code, value, text, status, partial,
        quality_text`` — why a value is unreliable, "" when it is not — in the order of
        ``state.areas``); ``year`` is None when no area has a value.
    """
    out = []
    for key in state.indicators:
        ind = store.catalogue[key]
        series = {c: store.series(c, key) for c in state.areas}
        per_area = [{int(y) for y in s.loc[(s["status"] == "ok") & s["value"].notna(), "year"]}
                    for s in series.values()]
        shared = set.intersection(*per_area) if per_area else set()
        anywhere = set().union(*per_area)
        # the latest year in which every area has a value, else the latest of any area
        year = max(shared) if shared else (max(anywhere) if anywhere else None)
        cells = []
        for code in state.areas:
            s = series[code]
            row = s[s["year"] == year] if year is not None else s.iloc[0:0]
            status = str(row["status"].iloc[0]) if len(row) else "missing"
            value = float(row["value"].iloc[0]) if status == "ok" and \
                pd.notna(row["value"].iloc[0]) else None
            quality = row["quality"].iloc[0] if value is not None else None
            cells.append({"code": code, "value": value, "status": status,
                          "quality_text": store.catalogue.quality_text(key, quality,
                                                                       state.lang, long=True),
                          "partial": bool(len(row) and pd.notna(row["partial"].iloc[0])
                                          and row["partial"].iloc[0]),
                          "text": _value_text(ind, row, value, state.lang)
                          if value is not None else status_text(
                              status, state.lang, row["method"].iloc[0] if len(row) else None)})
        out.append({"key": key, "label": ind.label.get(state.lang),
                    "unit": ind.unit.get(state.lang), "year": year, "cells": cells})
    return out


def compare_figures(store: Store, state: CompareState) -> list[tuple[str, object]]:
    """Small multiples: (indicator key, trend figure with one line per area) per indicator.

    Lines break at boundary changes, skipped years and secret values, as in the explorer.
    """
    names = {c: store.area_name(c, state.lang) for c in state.areas}
    out = []
    for key in state.indicators:
        ind = store.catalogue[key]
        fig = figures.as_figure(figures.trend_figure(
            {c: store.series(c, key) for c in state.areas}, ind, state.lang, {}, names))
        # The chart's heading is the page's (an h3 per chart); the axis names the unit only.
        fig.update_layout(height=320, margin={"l": 10, "r": 10, "t": 60, "b": 90})
        fig.update_yaxes(title_text=ind.unit.get(state.lang))
        out.append((key, fig))
    return out


def area_options(store: Store, lang: str) -> list[dict]:
    """Every area for a picker: custom areas first, then gemeenten, wijken, buurten."""
    order = {"custom": 0, "gemeente": 1, "wijk": 2, "buurt": 3}
    rows = sorted(store.areas.itertuples(index=False),
                  key=lambda r: (order.get(r.level, 9), store.area_name(r.code, lang)))
    return [{"label": f"{store.area_name(r.code, lang)} "
                      f"({t('level.' + r.level, lang).lower()}, {r.code})", "value": r.code}
            for r in rows]
