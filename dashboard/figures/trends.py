"""Trend lines over the years, saying on the chart itself where a series breaks."""

from __future__ import annotations

import pandas as pd

from dashboard import colours as C
from dashboard.catalogue import Indicator
from dashboard.figures.common import (
    HOVER,
    NUMBER_AXIS,
    FigureSpec,
    axis_title,
    base_layout,
    cadence,
    empty_figure,
    escape,
    figure,
    hover_text,
    is_ok,
    is_partial,
    rows_of,
)
from dashboard.formatting import format_year_ranges
from dashboard.i18n import t


def _line(frame: pd.DataFrame | list, name: str, ind: Indicator,
          lang: str) -> tuple[dict, list[int]]:
    """Points of one line, with ``None`` gaps at boundary changes, skipped years and
    values that are not ok; also the years without a value."""
    xs: list = []
    ys: list = []
    texts: list = []
    symbols: list = []
    missing: list[int] = []
    prev = None
    rows = sorted(rows_of(frame), key=lambda r: int(r.year))
    step = cadence(r.year for r in rows)
    for row in rows:
        year = int(row.year)
        flag = getattr(row, "comparable_with_previous", None)
        broken = flag is not None and not pd.isna(flag) and not bool(flag)
        if prev is not None and (year > prev + step or broken):
            for column, gap in ((xs, None), (ys, None), (texts, ""), (symbols, "circle")):
                column.append(gap)
        ok = is_ok(row)
        if not ok:
            missing.append(year)
        xs.append(year)
        ys.append(float(row.value) if ok else None)
        quality = getattr(row, "quality", "ok")
        weak = ok and isinstance(quality, str) and quality != "ok"
        texts.append(hover_text(name, row.value, ind, lang, row.partial).replace(
            "<br>", f"<br>{year}: ", 1)
            + (f"<br><i>{t('figure.flagged', lang)}</i>" if weak else "") if ok else "")
        symbols.append("x-thin-open" if weak else
                       "circle-open" if ok and is_partial(row.partial) else "circle")
        prev = year
    return {"x": xs, "y": ys, "hovertext": texts, "symbols": symbols}, missing


def _runs(years: list[int]) -> list[list[int]]:
    """Consecutive runs: [2019, 2020, 2021, 2023] -> [[2019, 2020, 2021], [2023]]."""
    runs: list[list[int]] = []
    for year in sorted(set(years)):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return runs


def _break_marks(frames: list[pd.DataFrame | list],
                 lang: str) -> tuple[list[dict], list[dict]]:
    """Shaded spans labelled "geen gegevens 2019–2021" for years in which no line has a
    value, and dashed lines labelled "grenswijziging" where CBS flags a boundary
    change, drawn on the chart itself."""
    having: set[int] = set()
    changes: set[int] = set()
    for frame in frames:
        for row in rows_of(frame):
            if is_ok(row):
                having.add(int(row.year))
            flag = getattr(row, "comparable_with_previous", None)
            if flag is not None and not pd.isna(flag) and not bool(flag):
                changes.add(int(row.year))
    # shaded: years inside the chart in which no line has a value (one line's own gaps
    # show as breaks in that line and in the note under the chart)
    missing = set(range(min(having), max(having) + 1)) - having if having else set()
    shapes, notes = [], []
    grey = "#666666"
    for run in _runs(sorted(missing)):
        shapes.append({"type": "rect", "xref": "x", "yref": "paper", "x0": run[0] - 0.5,
                       "x1": run[-1] + 0.5, "y0": 0, "y1": 1, "layer": "below",
                       "fillcolor": "rgba(0,0,0,0.07)", "line": {"width": 0}})
        notes.append({"x": (run[0] + run[-1]) / 2, "y": 0.98, "xref": "x", "yref": "paper",
                      "yanchor": "top", "showarrow": False, "font": {"size": 11, "color": grey},
                      "textangle": 0 if len(run) > 2 else -90,
                      "text": t("figure.gap_years", lang, years=format_year_ranges(run))})
    for year in sorted(changes - missing):
        shapes.append({"type": "line", "xref": "x", "yref": "paper", "x0": year - 0.5,
                       "x1": year - 0.5, "y0": 0, "y1": 1,
                       "line": {"color": grey, "width": 1, "dash": "dot"}})
        notes.append({"x": year - 0.5, "y": 0.02, "xref": "x", "yref": "paper",
                      "yanchor": "bottom", "xanchor": "right", "showarrow": False,
                      "textangle": -90, "font": {"size": 11, "color": grey},
                      "text": t("figure.boundary_change", lang, year=year)})
    return shapes, notes


def trend_figure(series: dict[str, pd.DataFrame], ind: Indicator, lang: str,
                 benchmarks: dict[str, pd.DataFrame], names: dict[str, str]) -> FigureSpec:
    """Lines over the years: solid per selected area, dashed grey per benchmark.

    A line breaks where CBS flags a boundary change (``comparable_with_previous`` False),
    where a year is absent in between, and where a value is secret or missing; such points
    are never drawn as values (a note under the chart lists them). The chart itself says
    where it breaks: a shaded span "geen gegevens 2019–2021" over years without a value
    and a dotted line "grenswijziging" at a boundary change. Partial values have open
    markers; unreliable ones (``quality`` not ok) a cross, with the reason in the hover.

    Parameters
    ----------
    series : dict
        Area code -> ``Store.series`` frame, one per selected area.
    ind : Indicator
        The indicator.
    lang : str
        ``"nl"`` or ``"en"``.
    benchmarks : dict
        Label -> series frame of a benchmark area.
    names : dict
        Area code -> name, for the legend.

    Returns
    -------
    FigureSpec
        One trace per area, then one per benchmark; with no areas, a figure asking the
        reader to click an area on the map.
    """
    if not series:
        return empty_figure(t("figure.click_area", lang))
    traces, gaps, years = [], [], set()
    # each series read into rows once: the lines and the break marks both go through them
    lines = [(names.get(code, code), rows_of(frame), False) for code, frame in series.items()]
    lines += [(label, rows_of(frame), True) for label, frame in benchmarks.items()]
    for i, (name, frame, is_benchmark) in enumerate(lines):
        points, missing = _line(frame, name, ind, lang)
        years |= {x for x in points["x"] if x is not None}
        symbols = points.pop("symbols")
        if missing and not is_benchmark:
            gaps.append(f"{escape(name)} ({format_year_ranges(missing)})")
        if is_benchmark:
            j = i - len(series)
            colour = C.BENCHMARK_COLOURS[j % len(C.BENCHMARK_COLOURS)]
            style = {"line": {"color": colour, "width": 1.5,
                              "dash": C.BENCHMARK_DASHES[j % len(C.BENCHMARK_DASHES)]},
                     "marker": {"size": 5, "symbol": symbols, "color": colour}}
        else:
            colour = C.LINE_COLOURS[i % len(C.LINE_COLOURS)]
            style = {"line": {"color": colour, "width": 2.5},
                     "marker": {"size": 8, "symbol": symbols, "color": colour}}
        traces.append(dict(type="scatter", name=name, mode="lines+markers", connectgaps=False,
                           hovertemplate=HOVER, **points, **style))
    notes = [{"text": t("figure.gaps", lang, items="; ".join(gaps)), "xref": "paper",
              "yref": "paper", "x": 0, "y": 0, "yshift": -58, "xanchor": "left", "yanchor": "top",
              "showarrow": False, "font": {"size": 11, "color": "#666666"}}] if gaps else []
    span = (max(years) - min(years)) if years else 0
    shapes, marks = _break_marks([frame for _, frame, _ in lines], lang)
    return figure(traces, {
        **base_layout(lang, margin={"l": 10, "r": 10, "t": 30, "b": 90}),
        "annotations": notes + marks, "shapes": shapes, "hovermode": "closest",
        "legend": {"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        "xaxis": {"title": {"text": t("figure.year", lang)}, "tickformat": "d",
                  "dtick": 1 if span <= 12 else 2},
        "yaxis": {"title": {"text": axis_title(ind, lang)}, **NUMBER_AXIS,
                  "rangemode": "tozero" if ind.kind in ("count", "share", "rate")
                  else "normal"}})
