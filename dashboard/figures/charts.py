"""Charts beside the map: ranking bars, trend lines, and a scatter plot of two indicators."""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go

from dashboard import colours as C
from dashboard.catalogue import Indicator
from dashboard.figures.common import (
    HOVER,
    NUMBER_AXIS,
    axis_title,
    base_layout,
    empty_figure,
    escape,
    hover_text,
    is_partial,
    ok_mask,
    value_text,
)
from dashboard.formatting import format_int, format_year_ranges
from dashboard.i18n import t

_ROW_PX, _BENCH_PX = 24, 16


def _benchmark_marks(benchmarks: dict[str, float | None], ind: Indicator,
                     lang: str) -> tuple[list[dict], list[dict]]:
    items = [(label, float(v)) for label, v in benchmarks.items()
             if v is not None and math.isfinite(float(v))]
    shapes, notes = [], []
    for i, (label, v) in enumerate(items):
        colour = C.BENCHMARK_COLOURS[i % len(C.BENCHMARK_COLOURS)]
        dash = C.BENCHMARK_DASHES[i % len(C.BENCHMARK_DASHES)]
        shapes.append({"type": "line", "xref": "x", "yref": "paper", "x0": v, "x1": v,
                       "y0": 0, "y1": 1, "line": {"color": colour, "width": 1.5, "dash": dash}})
        # One row of labels per benchmark, so labels of close values never overlap.
        notes.append({"xref": "x", "yref": "paper", "x": v, "y": 1, "yanchor": "bottom",
                      "yshift": 2 + _BENCH_PX * i, "showarrow": False,
                      "text": f"{escape(label)}: {value_text(v, ind, lang)}",
                      "font": {"size": 11, "color": colour}, "bgcolor": "rgba(255,255,255,0.8)"})
    return shapes, notes


def ranking_bar(values: pd.DataFrame, ind: Indicator, lang: str,
                benchmarks: dict[str, float | None], selected: Iterable[str] = ()) -> go.Figure:
    """Horizontal bars of all areas, worst at the top.

    Worst means the highest value for ``higher_worse`` and the lowest for ``higher_better``;
    ``neutral`` indicators put the highest value at the top. Bars take the colour of their
    quantile class on the map. Secret and missing areas come last, without a bar, labelled
    "geheim"/"geen gegevens".

    Parameters
    ----------
    values : pandas.DataFrame
        Output of ``Store.values`` for one indicator and year.
    ind : Indicator
        The indicator.
    lang : str
        ``"nl"`` or ``"en"``.
    benchmarks : dict
        Label -> value of larger areas, drawn as labelled vertical lines; ``None`` is left out.
    selected : iterable of str
        Area codes to highlight (outlined bar, bold name).

    Returns
    -------
    plotly.graph_objects.Figure
        Trace 0 bars and trace 1 labels of areas without a value, both with the area codes
        as ``customdata``; benchmarks as ``layout.shapes`` and ``layout.annotations``.
    """
    if values.empty:
        return empty_figure(t("figure.no_values", lang))
    ok = ok_mask(values)
    good = values[ok].sort_values(["value", "area_name"],
                                  ascending=[ind.direction == "higher_better", True])
    bad = values[~ok].sort_values("area_name")
    sel = set(selected)
    breaks = C.quantile_breaks(good["value"], 5, ind.decimals)
    palette = C.class_colours(ind.direction, max(len(breaks) - 1, 1))
    classes = C.classify(good["value"], breaks)
    n_good, n_all = len(good), len(good) + len(bad)
    bars = go.Bar(
        orientation="h", x=list(good["value"]), y=list(range(n_good)),
        customdata=list(good["area_code"]), name="values", showlegend=False,
        text=[value_text(v, ind, lang) for v in good["value"]], textposition="outside",
        cliponaxis=False, hovertemplate=HOVER,
        hovertext=[hover_text(r.area_name, r.value, ind, lang, r.partial)
                   for r in good.itertuples(index=False)],
        marker={"color": [palette[c] for c in classes],
                "line": {"color": C.HIGHLIGHT,
                         "width": [2.5 if c in sel else 0 for c in good["area_code"]]}})
    labels = [t("figure.secret" if s == "secret" else "figure.no_data", lang)
              for s in bad["status"]]
    gaps = go.Scatter(
        x=[0] * len(bad), y=list(range(n_good, n_all)), mode="text", text=labels,
        textposition="middle right", textfont={"color": "#666666", "style": "italic"},
        customdata=list(bad["area_code"]), name="no-data", showlegend=False,
        hovertemplate=HOVER, hovertext=[f"<b>{escape(n)}</b><br>{label}"
                                        for n, label in zip(bad["area_name"], labels,
                                                            strict=True)])
    names = [f"<b>{escape(n)}</b>" if c in sel else escape(n)
             for c, n in zip([*good["area_code"], *bad["area_code"]],
                             [*good["area_name"], *bad["area_name"]], strict=True)]
    shapes, notes = _benchmark_marks(benchmarks, ind, lang)
    fig = go.Figure([bars, gaps])
    fig.update_layout(**base_layout(lang, margin={"l": 10, "r": 40, "b": 10,
                                                  "t": 30 + _BENCH_PX * len(notes)}),
                      height=max(260, _ROW_PX * n_all + 90 + _BENCH_PX * len(notes)),
                      shapes=shapes, annotations=notes, clickmode="event", hovermode="closest",
                      bargap=0.25, showlegend=False)
    fig.update_yaxes(tickmode="array", tickvals=list(range(n_all)), ticktext=names,
                     autorange="reversed", fixedrange=True, showgrid=False)
    fig.update_xaxes(title_text=axis_title(ind, lang), zeroline=True, zerolinecolor="#999999",
                     **NUMBER_AXIS)
    return fig


def _line(frame: pd.DataFrame, name: str, ind: Indicator, lang: str) -> tuple[dict, list[int]]:
    """Points of one line, with ``None`` gaps at boundary changes, skipped years and
    values that are not ok; also the years without a value."""
    xs: list = []
    ys: list = []
    texts: list = []
    symbols: list = []
    missing: list[int] = []
    prev = None
    for row in frame.sort_values("year").itertuples(index=False):
        year = int(row.year)
        flag = getattr(row, "comparable_with_previous", None)
        broken = flag is not None and not pd.isna(flag) and not bool(flag)
        if prev is not None and (year != prev + 1 or broken):
            for column, gap in ((xs, None), (ys, None), (texts, ""), (symbols, "circle")):
                column.append(gap)
        ok = row.status == "ok" and pd.notna(row.value)
        if not ok:
            missing.append(year)
        xs.append(year)
        ys.append(float(row.value) if ok else None)
        texts.append(hover_text(name, row.value, ind, lang, row.partial).replace(
            "<br>", f"<br>{year}: ", 1) if ok else "")
        symbols.append("circle-open" if ok and is_partial(row.partial) else "circle")
        prev = year
    return {"x": xs, "y": ys, "hovertext": texts, "symbols": symbols}, missing


def trend_figure(series: dict[str, pd.DataFrame], ind: Indicator, lang: str,
                 benchmarks: dict[str, pd.DataFrame], names: dict[str, str]) -> go.Figure:
    """Lines over the years: solid per selected area, dashed grey per benchmark.

    A line breaks where CBS flags a boundary change (``comparable_with_previous`` False),
    where a year is absent in between, and where a value is secret or missing; such points
    are never drawn as values (a note under the chart lists them). Partial values have
    open markers.

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
    plotly.graph_objects.Figure
        One trace per area, then one per benchmark; with no areas, a figure asking the
        reader to click an area on the map.
    """
    if not series:
        return empty_figure(t("figure.click_area", lang))
    traces, gaps, years = [], [], set()
    lines = [(names.get(code, code), frame, False) for code, frame in series.items()]
    lines += [(label, frame, True) for label, frame in benchmarks.items()]
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
        traces.append(go.Scatter(name=name, mode="lines+markers", connectgaps=False,
                                 hovertemplate=HOVER, **points, **style))
    fig = go.Figure(traces)
    notes = [{"text": t("figure.gaps", lang, items="; ".join(gaps)), "xref": "paper",
              "yref": "paper", "x": 0, "y": 0, "yshift": -48, "xanchor": "left", "yanchor": "top",
              "showarrow": False, "font": {"size": 11, "color": "#666666"}}] if gaps else []
    span = (max(years) - min(years)) if years else 0
    fig.update_layout(**base_layout(lang, margin={"l": 10, "r": 10, "t": 30, "b": 90}),
                      annotations=notes, hovermode="closest",
                      legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0})
    fig.update_xaxes(title_text=t("figure.year", lang), tickformat="d",
                     dtick=1 if span <= 12 else 2)
    fig.update_yaxes(title_text=axis_title(ind, lang), **NUMBER_AXIS, rangemode="tozero"
                     if ind.kind in ("count", "share", "rate") else "normal")
    return fig


def _ok_values(frame: pd.DataFrame | None, column: str) -> pd.Series:
    if frame is None or frame.empty:
        return pd.Series(dtype=float, name=column)
    good = frame[ok_mask(frame)].drop_duplicates("area_code")
    return pd.to_numeric(good.set_index("area_code")["value"]).rename(column)


def scatter_figure(x: pd.DataFrame, y: pd.DataFrame, size: pd.DataFrame | None,
                   ind_x: Indicator, ind_y: Indicator, lang: str,
                   selected: Iterable[str] = ()) -> go.Figure:
    """Areas as points of two indicators, sized by inhabitants.

    Parameters
    ----------
    x, y : pandas.DataFrame
        ``Store.values`` frames of the two indicators; only areas ok in both are drawn.
    size : pandas.DataFrame or None
        ``Store.values`` frame of inhabitants (marker area proportional); ``None`` for
        equal points.
    ind_x, ind_y : Indicator
        The indicators on the axes.
    lang : str
        ``"nl"`` or ``"en"``.
    selected : iterable of str
        Area codes to highlight (orange, outlined, named).

    Returns
    -------
    plotly.graph_objects.Figure
        One trace with the area codes as ``customdata``; or an empty figure with a message.
    """
    both = pd.concat([_ok_values(x, "x"), _ok_values(y, "y")], axis=1, join="inner")
    if both.empty:
        return empty_figure(t("figure.no_values", lang))
    names = x.drop_duplicates("area_code").set_index("area_code")["area_name"]
    chosen = set(selected)
    # Selected points last, so they are drawn on top of the others.
    both = both.assign(_sel=[c in chosen for c in both.index]).sort_values("_sel", kind="stable")
    sel = list(both.pop("_sel"))
    marker: dict = {"color": [C.SELECTED_COLOUR if s else C.POINT_COLOUR for s in sel],
                    "opacity": 0.85, "line": {"color": [C.HIGHLIGHT if s else "white" for s in sel],
                                              "width": [2 if s else 0.5 for s in sel]}}
    inhabitants = _ok_values(size, "size").reindex(both.index)
    if size is not None and inhabitants.notna().any():
        biggest = float(inhabitants.max())
        marker |= {"size": list(inhabitants.fillna(0).clip(lower=0)), "sizemode": "area",
                   "sizeref": 2 * biggest / 34**2 if biggest > 0 else 1, "sizemin": 4}
    else:
        marker["size"] = 10
    hover = []
    for code, row in both.iterrows():
        text = (f"<b>{escape(names.get(code, code))}</b>"
                f"<br>{escape(ind_x.label.get(lang))}: {value_text(row['x'], ind_x, lang)}"
                f"<br>{escape(ind_y.label.get(lang))}: {value_text(row['y'], ind_y, lang)}")
        if pd.notna(inhabitants.get(code)):
            text += f"<br>{t('figure.inhabitants', lang)}: {format_int(inhabitants[code], lang)}"
        hover.append(text)
    fig = go.Figure(go.Scatter(
        x=list(both["x"]), y=list(both["y"]), mode="markers+text", marker=marker,
        customdata=list(both.index), hovertext=hover, hovertemplate=HOVER, name="areas",
        text=[escape(names.get(c, c)) if s else "" for c, s in zip(both.index, sel, strict=True)],
        textposition="top center", showlegend=False, cliponaxis=False))
    note = [{"text": t("figure.size_note", lang), "xref": "paper", "yref": "paper", "x": 1,
             "y": 1.01, "xanchor": "right", "yanchor": "bottom", "showarrow": False,
             "font": {"size": 11, "color": "#666666"}}] if "sizeref" in marker else []
    fig.update_layout(**base_layout(lang), annotations=note, clickmode="event",
                      hovermode="closest")
    fig.update_xaxes(title_text=axis_title(ind_x, lang), **NUMBER_AXIS)
    fig.update_yaxes(title_text=axis_title(ind_y, lang), **NUMBER_AXIS)
    return fig
