"""Targets measured against the store: values, benchmark, status, matrix and status table.

Plain data for the page, its callbacks and the exports; the decision itself is the pure
:func:`dashboard.targets.status.assess`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard.catalogue import Indicator
from dashboard.explorer.state import ExplorerState
from dashboard.figures.common import value_text
from dashboard.formatting import MISSING, format_number
from dashboard.i18n import t
from dashboard.store import Store
from dashboard.targets.model import PILLARS, Target
from dashboard.targets.status import Assessment, assess, explain

FOCUS_GROUP = "nprz_focus"
EXPLORER_AREA = "ZUID0599"  # the explorer view a matrix cell opens (all focus wijken lie in Zuid)


@dataclass(frozen=True)
class Benchmark:
    """Where a target value comes from: a fixed value, or a benchmark area in one year."""

    value: float | None
    code: str | None = None
    year: int | None = None
    partial: bool = False


@dataclass(frozen=True)
class TargetResult:
    """A target measured in the store."""

    target: Target
    area: str
    assessment: Assessment
    benchmark: Benchmark

    def label(self, store: Store, lang: str) -> str:
        """Where the target value comes from, e.g. ``G4 (vier grote steden) 2024``."""
        b = self.benchmark
        if b.code is None:
            return t("targets.fixed_label", lang)
        text = f"{store.area_name(b.code, lang)} {b.year}"
        return text + (f", {t('figure.partial', lang)}" if b.partial else "")

    def explanation(self, store: Store, lang: str) -> str:
        ind = store.catalogue[self.target.indicator]
        return explain(self.assessment, lang, lambda v: short_value(v, ind, lang),
                       self.label(store, lang))


def short_value(value: float | None, ind: Indicator, lang: str) -> str:
    """A number with ``%`` for shares, without a long unit (explanations repeat values)."""
    if value is None:
        return MISSING
    number = format_number(value, lang, ind.decimals)
    return number + "%" if ind.unit.get(lang).startswith("%") else number


def full_value(value: float | None, ind: Indicator, lang: str) -> str:
    """A number with its unit, or an en dash when there is none."""
    return MISSING if value is None else value_text(value, ind, lang)


def source_names(store: Store, indicator: str, years: list[int], lang: str) -> list[str]:
    """Titles (and tables) of the sources behind ``indicator`` in ``years``; for a derived
    or aggregated value, the sources of the indicators it is computed from."""
    names: list[str] = []
    keys = [indicator, *sorted(store.catalogue[indicator].referenced_keys())]
    metas = {k: store.metadata(k, lang)["sources_per_year"] for k in keys}
    for year in years:
        for key in keys:
            srcs = metas[key].get(int(year), [])
            names += [(s["title"] or s["id"]) + (f" ({s['table']})" if s.get("table") else "")
                      for s in srcs]
            if srcs:
                break
    return list(dict.fromkeys(names))


def area_series(store: Store, code: str, indicator: str) -> pd.DataFrame:
    """``Store.series``, or an empty frame for an area no longer in the store (a saved
    target may name one); the page then says there is not enough data."""
    if code not in store.areas.index:
        return pd.DataFrame(columns=["year", "value", "status", "partial",
                                     "comparable_with_previous"])
    return store.series(code, indicator)


def series_points(frame: pd.DataFrame) -> dict[int, tuple[float | None, str]]:
    """A ``Store.series`` frame as year -> (value, status); a value only when ok."""
    out = {}
    for row in frame.itertuples(index=False):
        ok = row.status == "ok" and pd.notna(row.value)
        out[int(row.year)] = (float(row.value) if ok else None, str(row.status))
    return out


def benchmark_value(store: Store, target: Target, ref_year: int) -> Benchmark:
    """The target value: the fixed value, or the benchmark's value in the latest year up
    to ``ref_year`` (the area's latest year); failing that its first later year."""
    if target.benchmark is None:
        return Benchmark(target.fixed_value)
    if target.benchmark not in store.areas.index:
        return Benchmark(None, target.benchmark)
    frame = store.series(target.benchmark, target.indicator)
    ok = frame[(frame["status"] == "ok") & frame["value"].notna()]
    if ok.empty:
        return Benchmark(None, target.benchmark)
    before = ok[ok["year"] <= ref_year]
    row = before.iloc[-1] if len(before) else ok.iloc[0]
    return Benchmark(float(row["value"]), target.benchmark, int(row["year"]),
                     bool(row["partial"]) if pd.notna(row["partial"]) else False)


def evaluate(store: Store, target: Target, area: str | None = None) -> TargetResult:
    """Measure ``target`` for its own area, or for ``area`` (a focus wijk in the matrix)."""
    code = area or target.area
    ind = store.catalogue[target.indicator]
    points = series_points(area_series(store, code, target.indicator))
    later = [y for y, (v, _) in points.items() if v is not None and y > target.baseline_year]
    bench = benchmark_value(store, target, max(later, default=target.baseline_year))
    result = assess(points, baseline_year=target.baseline_year, target_year=target.target_year,
                    target_value=bench.value, direction=ind.direction)
    return TargetResult(target, code, result, bench)


def by_pillar(results: list[TargetResult]) -> dict[str, list[TargetResult]]:
    """Results grouped per pillar, in the NPRZ order of the pillars."""
    return {p: [r for r in results if r.target.pillar == p] for p in PILLARS}


def focus_wijken(store: Store) -> list[str]:
    """Codes of the NPRZ focus wijken in the store, in the order of data/areas.yaml."""
    codes = store.area_config.groups.get(FOCUS_GROUP, ()) if store.area_config else ()
    return [c for c in codes if c in store.areas.index]


def matrix_columns(targets: list[Target]) -> list[Target]:
    """One column per distinct measure (indicator, rule, value, years) among the targets."""
    seen, out = set(), []
    for target in targets:
        sig = (target.indicator, target.rule, target.fixed_value, target.baseline_year,
               target.target_year)
        if sig not in seen:
            seen.add(sig)
            out.append(target)
    return out


def explorer_href(store: Store, indicator: str, code: str, year: int | None, lang: str) -> str:
    """Link opening ``code`` selected in the explorer, for ``indicator`` and ``year``."""
    years = store.years(indicator)
    if year not in years:
        year = years[-1] if years else 0
    state = ExplorerState(indicator, year, "buurt", EXPLORER_AREA, (code,), lang)
    return "/?" + state.query()


def matrix(store: Store, targets: list[Target], lang: str) -> dict:
    """The focus-wijk matrix: rows = focus wijken, columns = distinct target measures.

    Returns
    -------
    dict
        ``columns``: list of ``{key, indicator, label, unit}``; ``rows``: list of
        ``{code, name, cells}`` where each cell has ``status``, ``value`` (a number as text),
        ``year``, ``href`` (the explorer) and ``why`` (the explanation).
    """
    columns = matrix_columns(targets)
    rows = []
    for code in focus_wijken(store):
        cells = []
        for target in columns:
            res = evaluate(store, target, code)
            ind = store.catalogue[target.indicator]
            year = res.assessment.latest_year
            cells.append({
                "key": target.key, "status": res.assessment.status,
                "value": short_value(res.assessment.latest, ind, lang), "year": year,
                "href": explorer_href(store, target.indicator, code, year, lang),
                "why": res.explanation(store, lang)})
        rows.append({"code": code, "name": store.area_name(code, lang), "cells": cells})
    return {"columns": [{"key": c.key, "indicator": c.indicator,
                         "label": store.catalogue[c.indicator].label.get(lang),
                         "unit": store.catalogue[c.indicator].unit.get(lang)}
                        for c in columns], "rows": rows}


def status_table(store: Store, results: list[TargetResult], lang: str,
                 today: date | None = None) -> pd.DataFrame:
    """One row per target with the numbers, the data years used, the rule and the date.

    Values are plain numbers (not formatted text); a missing one is empty, never 0.
    """
    today = today or date.today()
    rows = []
    for res in results:
        a, target, ind = res.assessment, res.target, store.catalogue[res.target.indicator]
        used = sorted({y for y in (a.baseline_year, a.latest_year, res.benchmark.year) if y})
        rows.append({
            "exported_on": today.isoformat(), "pillar": target.pillar, "target": target.key,
            "origin": target.origin, "indicator": target.indicator,
            "indicator_label": ind.label.get(lang), "unit": ind.unit.get(lang),
            "area_code": res.area, "area_name": store.area_name(res.area, lang),
            "rule": target.rule, "rule_text": t(f"targets.rule.{target.rule}", lang),
            "benchmark_area": res.benchmark.code, "benchmark_year": res.benchmark.year,
            "baseline_year": a.baseline_year, "baseline_value": a.baseline,
            "latest_year": a.latest_year, "latest_value": a.latest,
            "target_year": a.target_year, "target_value": a.target_value,
            "path_value_latest_year": a.path_value, "status": a.status,
            "status_text": t(f"targets.status.{a.status}", lang),
            "explanation": res.explanation(store, lang),
            "data_years_used": ", ".join(str(y) for y in used),
            "sources": "; ".join(source_names(store, target.indicator, used, lang)),
            "licence": ind.licence,
        })
    frame = pd.DataFrame(rows)
    for column in ("benchmark_year", "latest_year"):  # years stay whole numbers when empty
        if column in frame:
            frame[column] = frame[column].astype("Int64")
    return frame


def card(store: Store, res: TargetResult, lang: str) -> dict:
    """What a target's card shows, as text: facts, status, explanation, source line."""
    a, target = res.assessment, res.target
    ind = store.catalogue[target.indicator]
    facts = [
        (t("targets.baseline", lang, year=a.baseline_year), short_value(a.baseline, ind, lang)),
        (t("targets.latest", lang, year=a.latest_year) if a.latest_year
         else t("targets.latest_none", lang), short_value(a.latest, ind, lang)),
        (t("targets.target", lang, year=a.target_year),
         f"{short_value(a.target_value, ind, lang)} ({res.label(store, lang)})"),
        (t("targets.path", lang, year=a.latest_year) if a.latest_year
         else t("targets.path_none", lang), short_value(a.path_value, ind, lang)),
    ]
    years = sorted({y for y in (a.baseline_year, a.latest_year, res.benchmark.year) if y})
    sources = ", ".join(source_names(store, target.indicator, years, lang)) \
        or t("targets.computed", lang)
    return {
        "key": target.key, "status": a.status, "status_text": t(f"targets.status.{a.status}",
                                                                 lang),
        "label": ind.label.get(lang), "unit": ind.unit.get(lang),
        "area_line": t("targets.rule_line", lang, area=store.area_name(res.area, lang),
                       rule=t(f"targets.rule.{target.rule}", lang)),
        "origin": t(f"targets.origin.{target.origin}", lang) if target.origin != "default"
        else "",
        "facts": facts, "why": res.explanation(store, lang), "text": target.text(lang),
        "definition": t("targets.definition", lang, text=ind.definition.get(lang)),
        "source": t("targets.source_line", lang, sources=sources,
                    years=", ".join(map(str, years)), licence=ind.licence),
    }


def detail_parts(store: Store, res: TargetResult, lang: str) -> dict:
    """Arguments of :func:`dashboard.targets.figures.detail_figure` for one result."""
    code = res.benchmark.code
    bench = None
    if code and code in store.areas.index:
        bench = (store.area_name(code, lang), store.series(code, res.target.indicator))
    return {"frame": area_series(store, res.area, res.target.indicator), "a": res.assessment,
            "ind": store.catalogue[res.target.indicator], "lang": lang,
            "area_name": store.area_name(res.area, lang), "benchmark": bench}
