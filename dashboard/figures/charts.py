"""Charts beside the map: ranking bars and a scatter plot of two indicators (trend lines
are in :mod:`dashboard.figures.trends`)."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable

import pandas as pd

from dashboard import colours as C
from dashboard.catalogue import Indicator
from dashboard.figures.common import (
    HOVER,
    NUMBER_AXIS,
    FigureSpec,
    axis_title,
    base_layout,
    empty_figure,
    escape,
    figure,
    hover_text,
    is_reliable,
    number_text,
    partition,
    quality_note,
    rows_of,
    value_text,
)
from dashboard.formatting import format_int
from dashboard.i18n import t

_ROW_PX, _BENCH_PX = 24, 16


def _benchmark_marks(benchmarks: dict[str, float | None], ind: Indicator, lang: str,
                     span: tuple[float, float] = (0.0, 1.0)) -> tuple[list[dict], list[dict]]:
    items = [(label, float(v)) for label, v in benchmarks.items()
             if v is not None and math.isfinite(float(v))]
    lo, hi = span
    shapes, notes = [], []
    for i, (label, v) in enumerate(items):
        colour = C.BENCHMARK_COLOURS[i % len(C.BENCHMARK_COLOURS)]
        dash = C.BENCHMARK_DASHES[i % len(C.BENCHMARK_DASHES)]
        shapes.append({"type": "line", "xref": "x", "yref": "paper", "x0": v, "x1": v,
                       "y0": 0, "y1": 1, "line": {"color": colour, "width": 1.5, "dash": dash}})
        # One row of labels per benchmark, so labels of close values never overlap.
        notes.append({"xref": "x", "yref": "paper", "x": v, "y": 1, "yanchor": "bottom",
                      "yshift": 2 + _BENCH_PX * i, "showarrow": False,
                      # The label runs away from the nearer edge, so it stays in the figure.
                      "xanchor": "left" if v - lo < (hi - lo) / 2 else "right",
                      "text": f"{escape(label)}: {number_text(v, ind, lang)}",
                      "font": {"size": 11, "color": colour}, "bgcolor": "rgba(255,255,255,0.8)"})
    return shapes, notes


def ranking_bar(values: pd.DataFrame, ind: Indicator, lang: str,
                benchmarks: dict[str, float | None], selected: Iterable[str] = ()) -> FigureSpec:
    """Horizontal bars of all areas, worst at the top.

    Worst means the highest value for ``higher_worse`` and the lowest for ``higher_better``;
    ``neutral`` indicators put the highest value at the top. Bars take the colour of their
    quantile class on the map. Only reliable values are ranked and classed; unreliable
    ones (``quality`` not ok) follow as hatched grey bars with their reason in the hover;
    secret and missing areas come last, without a bar, labelled "geheim"/"geen gegevens".
    The axis title says how many areas are ranked.

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
    FigureSpec
        Trace 0 bars, trace 1 unreliable bars, trace 2 labels of areas without a value,
        each with the area codes as ``customdata``; benchmarks as ``layout.shapes`` and
        ``layout.annotations``.
    """
    rows = rows_of(values)
    if not rows:
        return empty_figure(t("figure.no_values", lang))
    sign = 1 if ind.direction == "higher_better" else -1  # the worst value at the top

    def order(r):
        return sign * float(r.value), r.area_name

    good, flagged, bad = partition(rows)
    good, flagged = sorted(good, key=order), sorted(flagged, key=order)
    bad = sorted(bad, key=lambda r: r.area_name)
    sel = set(selected)
    good_values = [float(r.value) for r in good]
    breaks = C.quantile_breaks(good_values, 5, ind.decimals)
    palette = C.class_colours(ind.direction, max(len(breaks) - 1, 1))
    classes = C.classify(good_values, breaks)
    n_good, n_flag = len(good), len(flagged)
    n_all = n_good + n_flag + len(bad)
    weak = dict(
        type="bar", orientation="h", x=[float(r.value) for r in flagged],
        y=list(range(n_good, n_good + n_flag)),
        customdata=[r.area_code for r in flagged], name="unreliable", showlegend=False,
        text=[f"{number_text(r.value, ind, lang)} · {t('figure.flagged_short', lang)}"
              for r in flagged],
        textposition="outside", cliponaxis=False, hovertemplate=HOVER,
        textfont={"color": "#555555"},
        hovertext=[f"{hover_text(r.area_name, r.value, ind, lang, r.partial)}"
                   f"<br><i>{escape(quality_note(r))}</i>" for r in flagged],
        marker={"color": C.FLAGGED_COLOUR, "pattern": {"shape": "/", "fgcolor": C.FLAGGED_LINE,
                                                       "size": 6},
                "line": {"color": [C.HIGHLIGHT if r.area_code in sel else C.FLAGGED_LINE
                                   for r in flagged],
                         "width": [2.5 if r.area_code in sel else 1 for r in flagged]}})
    bars = dict(
        type="bar", orientation="h", x=good_values, y=list(range(n_good)),
        customdata=[r.area_code for r in good], name="values", showlegend=False,
        text=[number_text(v, ind, lang) for v in good_values], textposition="outside",
        cliponaxis=False, hovertemplate=HOVER,
        hovertext=[hover_text(r.area_name, r.value, ind, lang, r.partial) for r in good],
        marker={"color": [palette[c] for c in classes],
                "line": {"color": C.HIGHLIGHT,
                         "width": [2.5 if r.area_code in sel else 0 for r in good]}})
    labels = [t("figure.secret" if r.status == "secret" else "figure.no_data", lang)
              for r in bad]
    gaps = dict(
        type="scatter", x=[0] * len(bad), y=list(range(n_good + n_flag, n_all)), mode="text",
        text=labels,
        textposition="middle right", textfont={"color": "#666666", "style": "italic"},
        customdata=[r.area_code for r in bad], name="no-data", showlegend=False,
        hovertemplate=HOVER, hovertext=[f"<b>{escape(r.area_name)}</b><br>{label}"
                                        for r, label in zip(bad, labels, strict=True)])
    names = [f"<b>{escape(r.area_name)}</b>" if r.area_code in sel else escape(r.area_name)
             for r in (*good, *flagged, *bad)]
    refs = [float(v) for v in benchmarks.values() if v is not None and math.isfinite(float(v))]
    shown = [*good_values, *(float(r.value) for r in flagged)]
    lo = min([0.0, *shown, *refs])
    hi = max([0.0, *shown, *refs])
    # Room right of the longest bar for its value (outside text is not in automargin).
    top = hi + (hi - lo) * 0.16 if hi > lo else hi + 1
    shapes, notes = _benchmark_marks(benchmarks, ind, lang, (lo, top))
    level = str(getattr(rows[0], "level", "custom"))
    base = t("rank.base", lang, n=n_good, areas=areas_word(level, n_good, lang))
    if n_flag:
        base += t("rank.flagged_below", lang, n=n_flag)

    # wrapped: the ranking sits in a narrow side panel
    title = axis_title(ind, lang, 36)
    small = "<br>".join(line for part in escape(base).split("; ")
                        for line in textwrap.wrap(part, 40))
    return figure([bars, weak, gaps], {
        **base_layout(lang, margin={"l": 10, "r": 40, "b": 10,
                                    "t": 30 + _BENCH_PX * len(notes)}),
        "height": max(260, _ROW_PX * n_all + 90 + _BENCH_PX * len(notes)),
        "shapes": shapes, "annotations": notes, "clickmode": "event", "hovermode": "closest",
        "bargap": 0.25, "showlegend": False,
        # "allow": on a numeric axis Plotly's default ("hide past div") measures every
        # label again after drawing each one, n² boxes: 1.2 s for 246 areas
        "yaxis": {"tickmode": "array", "tickvals": list(range(n_all)), "ticktext": names,
                  "ticklabeloverflow": "allow", "autorange": "reversed", "fixedrange": True,
                  "showgrid": False},
        "xaxis": {"title": {"text": f"{title}<br><span style='font-size:12px'>{small}</span>"},
                  "zeroline": True, "zerolinecolor": "#999999",
                  "range": [lo - (hi - lo) * 0.02 if lo < 0 else lo, top], **NUMBER_AXIS}})


def areas_word(level: str, n: int, lang: str) -> str:
    """"buurten", "wijk", "municipalities" … for ``n`` areas of ``level``."""
    key = f"rank.areas_{level}" if level in ("buurt", "wijk", "gemeente") else "rank.areas_custom"
    return t(key + ("_one" if n == 1 else ""), lang)


def _ok_values(frame: pd.DataFrame | list | None) -> dict[str, float]:
    """Area code -> reliable value (the first row of a code that repeats)."""
    out: dict[str, float] = {}
    for r in rows_of(frame) if frame is not None else []:
        if is_reliable(r) and r.area_code not in out:
            out[r.area_code] = float(r.value)
    return out


def scatter_figure(x: pd.DataFrame, y: pd.DataFrame, size: pd.DataFrame | None,
                   ind_x: Indicator, ind_y: Indicator, lang: str,
                   selected: Iterable[str] = ()) -> FigureSpec:
    """Areas as points of two indicators, sized by inhabitants.

    Parameters
    ----------
    x, y : pandas.DataFrame
        ``Store.values`` frames (or their :func:`rows_of`) of the two indicators; only areas
        with a reliable value in both are drawn.
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
    FigureSpec
        One trace with the area codes as ``customdata``; or an empty figure with a message.
    """
    x_rows = rows_of(x)
    xs, ys = _ok_values(x_rows), _ok_values(y)
    codes = [c for c in xs if c in ys]  # in the order of x
    if not codes:
        return empty_figure(t("figure.no_values", lang))
    names: dict[str, str] = {}
    for r in x_rows:
        names.setdefault(r.area_code, r.area_name)
    chosen = set(selected)
    # Selected points last, so they are drawn on top of the others.
    codes.sort(key=lambda c: c in chosen)
    sel = [c in chosen for c in codes]
    marker: dict = {"color": [C.SELECTED_COLOUR if s else C.POINT_COLOUR for s in sel],
                    "opacity": 0.85, "line": {"color": [C.HIGHLIGHT if s else "white" for s in sel],
                                              "width": [2 if s else 0.5 for s in sel]}}
    people_of = _ok_values(size)
    inhabitants = [people_of.get(c) for c in codes]
    known = [n for n in inhabitants if n is not None]
    if size is not None and known:
        biggest = max(known)
        marker |= {"size": [max(n, 0.0) if n is not None else 0.0 for n in inhabitants],
                   "sizemode": "area",
                   "sizeref": 2 * biggest / 34**2 if biggest > 0 else 1, "sizemin": 4}
    else:
        marker["size"] = 10
    hover = []
    label_x, label_y = escape(ind_x.label.get(lang)), escape(ind_y.label.get(lang))
    people = t("figure.inhabitants", lang)
    for code, n in zip(codes, inhabitants, strict=True):
        x_value, y_value = xs[code], ys[code]
        text = (f"<b>{escape(names.get(code, code))}</b>"
                f"<br>{label_x}: {value_text(x_value, ind_x, lang)}"
                f"<br>{label_y}: {value_text(y_value, ind_y, lang)}")
        if n is not None:
            text += f"<br>{people}: {format_int(n, lang)}"
        hover.append(text)
    points = dict(
        type="scatter", x=[xs[c] for c in codes], y=[ys[c] for c in codes],
        mode="markers+text", marker=marker, customdata=codes, hovertext=hover,
        hovertemplate=HOVER, name="areas",
        text=[escape(names.get(c, c)) if s else "" for c, s in zip(codes, sel, strict=True)],
        textposition="top center", showlegend=False, cliponaxis=False)
    note = [{"text": t("figure.size_note", lang), "xref": "paper", "yref": "paper", "x": 1,
             "y": 1.01, "xanchor": "right", "yanchor": "bottom", "showarrow": False,
             "font": {"size": 11, "color": "#666666"}}] if "sizeref" in marker else []
    return figure([points], {
        **base_layout(lang), "annotations": note, "clickmode": "event", "hovermode": "closest",
        "xaxis": {"title": {"text": axis_title(ind_x, lang)}, **NUMBER_AXIS},
        "yaxis": {"title": {"text": axis_title(ind_y, lang)}, **NUMBER_AXIS}})
