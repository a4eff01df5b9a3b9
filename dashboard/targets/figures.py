"""Figures of the targets page: a sparkline per card and a detail chart per target.

Measured values are drawn only where the store has an ok value; a line joins consecutive
years only, so a secret, missing or unpublished year shows as a break, never as a value.
The path to the target is a separate dashed line from the baseline to the target.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import colours as C
from dashboard.catalogue import Indicator
from dashboard.figures.common import (
    HOVER,
    NUMBER_AXIS,
    base_layout,
    empty_figure,
    escape,
    value_text,
)
from dashboard.figures.trends import _line
from dashboard.formatting import format_year_ranges
from dashboard.i18n import t
from dashboard.targets.status import Assessment

#: Status colours (Okabe-Ito; the page also writes the status as text, never colour alone).
STATUS_COLOURS = {"met": "#009e73", "on_track": "#0072b2", "off_track": "#d55e00",
                  "no_data": C.NO_DATA_COLOUR}
MEASURED = "#1a1a1a"
PATH = "#0072b2"
SPARK_CONFIG = {"staticPlot": True, "displayModeBar": False}


def _path_xy(a: Assessment) -> tuple[list, list]:
    if a.baseline is None or a.target_value is None:
        return [], []
    return [a.baseline_year, a.target_year], [a.baseline, a.target_value]


def sparkline(frame: pd.DataFrame, a: Assessment, ind: Indicator, lang: str) -> go.Figure:
    """A small static chart: the measured series, the path and the target point.

    Parameters
    ----------
    frame : pandas.DataFrame
        ``Store.series`` of the target's area.
    a : Assessment
        The target's assessment (baseline, target value, years).
    ind : Indicator
        The indicator (decimals, unit).
    lang : str
        ``"nl"`` or ``"en"``.

    Returns
    -------
    plotly.graph_objects.Figure
        Two or three traces without axes, 90 px high.
    """
    points, _ = _line(frame, "", ind, lang)
    px, py = _path_xy(a)
    colour = STATUS_COLOURS[a.status]
    fig = go.Figure([
        go.Scatter(x=px, y=py, mode="lines", line={"color": PATH, "dash": "dash", "width": 1.5},
                   name=t("targets.chart.path", lang)),
        go.Scatter(x=points["x"], y=points["y"], mode="lines+markers", connectgaps=False,
                   line={"color": MEASURED, "width": 2}, marker={"size": 5, "color": MEASURED},
                   name=t("targets.chart.measured", lang)),
    ])
    if a.latest is not None:
        fig.add_trace(go.Scatter(x=[a.latest_year], y=[a.latest], mode="markers",
                                 marker={"size": 9, "color": colour,
                                         "line": {"color": MEASURED, "width": 1}}))
    fig.update_layout(**base_layout(lang, margin={"l": 2, "r": 2, "t": 4, "b": 4}),
                      height=90, showlegend=False,
                      xaxis={"visible": False}, yaxis={"visible": False})
    return fig


def detail_figure(frame: pd.DataFrame, a: Assessment, ind: Indicator, lang: str,
                  area_name: str, benchmark: tuple[str, pd.DataFrame] | None = None
                  ) -> go.Figure:
    """The measured series, the path to the target year, the target and the benchmark.

    Parameters
    ----------
    frame : pandas.DataFrame
        ``Store.series`` of the target's area.
    a : Assessment
        The target's assessment.
    ind : Indicator
        The indicator.
    lang : str
        ``"nl"`` or ``"en"``.
    area_name : str
        The area's name, for the legend.
    benchmark : tuple of (str, DataFrame), optional
        The benchmark's name and its own ``Store.series`` (absent for a fixed value).

    Returns
    -------
    plotly.graph_objects.Figure
        Traces: measured, path, target, then the benchmark; a note lists years without a
        value. A figure with only a message when the area has no values at all.
    """
    points, missing = _line(frame, area_name, ind, lang)
    if not any(y is not None for y in points["y"]):
        return empty_figure(t("figure.no_values", lang))
    points.pop("symbols")
    traces = [go.Scatter(name=f"{area_name}: {t('targets.chart.measured', lang).lower()}",
                         mode="lines+markers", connectgaps=False, hovertemplate=HOVER,
                         line={"color": MEASURED, "width": 2.5},
                         marker={"size": 8, "color": MEASURED}, **points)]
    px, py = _path_xy(a)
    if px:
        texts = [f"{year}: {value_text(v, ind, lang)}" for year, v in zip(px, py, strict=True)]
        traces.append(go.Scatter(name=t("targets.chart.path", lang), x=px, y=py, mode="lines",
                                 hovertext=texts, hovertemplate=HOVER,
                                 line={"color": PATH, "dash": "dash", "width": 2}))
        traces.append(go.Scatter(
            name=f"{t('targets.chart.target', lang)} {a.target_year}", x=[a.target_year],
            y=[a.target_value], mode="markers", hovertemplate=HOVER,
            hovertext=[f"{a.target_year}: {value_text(a.target_value, ind, lang)}"],
            marker={"symbol": "star", "size": 14, "color": PATH}))
    if benchmark is not None:
        name, bframe = benchmark
        bpoints, _ = _line(bframe, name, ind, lang)
        bpoints.pop("symbols")
        traces.append(go.Scatter(name=name, mode="lines+markers", connectgaps=False,
                                 hovertemplate=HOVER, **bpoints,
                                 line={"color": C.BENCHMARK_COLOURS[1], "dash": "dot",
                                       "width": 1.5},
                                 marker={"size": 6, "color": C.BENCHMARK_COLOURS[1]}))
    fig = go.Figure(traces)
    notes = [{"text": t("figure.gaps", lang, items=escape(format_year_ranges(missing))),
              "xref": "paper", "yref": "paper", "x": 0, "y": 0, "yshift": -48,
              "xanchor": "left", "yanchor": "top", "showarrow": False,
              "font": {"size": 11, "color": "#555555"}}] if missing else []
    fig.update_layout(**base_layout(lang, margin={"l": 10, "r": 10, "t": 60, "b": 90}),
                      annotations=notes, hovermode="closest", height=440,
                      legend={"orientation": "h", "y": 1.12, "yanchor": "bottom", "x": 0})
    fig.update_xaxes(title_text=t("figure.year", lang), tickformat="d")
    fig.update_yaxes(title_text=ind.unit.get(lang), **NUMBER_AXIS)
    return fig
