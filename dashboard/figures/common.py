"""Helpers shared by the figure builders: layout defaults, number texts, the empty figure."""

from __future__ import annotations

import html
import math
import textwrap
from collections import namedtuple
from functools import lru_cache

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from dashboard.catalogue import Indicator
from dashboard.formatting import format_number, short_label, with_unit
from dashboard.i18n import t

#: Config for ``dcc.Graph``: no mode bar. Its buttons were 30 Tab stops that say nothing to a
#: screen reader, and a chart is an image with a name and a text equivalent
#: (figures/access.py); downloads of the figures are on every page.
GRAPH_CONFIG = {"displayModeBar": False, "displaylogo": False}
HOVER = "%{hovertext}<extra></extra>"
#: Value axes: 12.500 / 12,500 in full, never Plotly's SI "12.5k".
NUMBER_AXIS = {"separatethousands": True, "exponentformat": "none"}


#: A lean white theme (Plotly's own templates add ~7 kB to every figure sent).
_AXIS = {"gridcolor": "#e5e8eb", "linecolor": "#c9cfd4", "zeroline": False, "automargin": True}
TEMPLATE = "zuid"
# Registered by name: assigning a name replaces the default template, while
# update_layout(template=<dict>) would merge into it and still send all of it.
pio.templates[TEMPLATE] = go.layout.Template(layout={
    "paper_bgcolor": "white", "plot_bgcolor": "white", "font": {"color": "#24292f"},
    "xaxis": _AXIS, "yaxis": _AXIS, "hoverlabel": {"align": "left"}})


def base_layout(lang: str, **extra: object) -> dict:
    """Layout defaults; ``separators`` makes Plotly's own ticks Dutch (1.234,5) or English."""
    return {"template": TEMPLATE, "separators": ".," if lang == "en" else ",.",
            "margin": {"l": 10, "r": 10, "t": 30, "b": 10}, "font": {"size": 13}, **extra}


class FigureSpec(dict):
    """A figure as the JSON Plotly reads, ``{"data": [...], "layout": {...}}``, of plain
    dicts and lists; ``dcc.Graph`` takes it and Dash sends it as it is.

    A ``go.Figure`` copies every value twice on its way to the browser: once when it is
    built and once when it is turned back into JSON. For the explorer's map (its geometry)
    and charts that copying was more than half of an interaction's server time (``make
    bench``). ``.data``, ``.layout`` and ``.to_dict()`` read the figure through Plotly's
    classes (a copy, for code and tests that want them); :func:`as_figure` makes one to
    change with Plotly's methods.
    """

    @property
    def data(self):
        return as_figure(self).data

    @property
    def layout(self):
        return as_figure(self).layout

    def to_dict(self) -> dict:
        return as_figure(self).to_dict()


def as_figure(fig: FigureSpec | go.Figure) -> go.Figure:
    """A ``go.Figure`` of ``fig`` (a copy of a :class:`FigureSpec`), to change with Plotly's
    methods (``update_layout``, ``add_vline`` …)."""
    return fig if isinstance(fig, go.Figure) else go.Figure(dict(fig), _validate=False)


@lru_cache(maxsize=8)
def _template_json(name: str) -> dict:
    return pio.templates[name].to_plotly_json()


def figure(data: list[dict], layout: dict) -> FigureSpec:
    """A figure of plain trace dicts (``{"type": "bar", ...}``) and a layout dict, taken as
    they are, without Plotly's checks and copies (see :class:`FigureSpec`).

    The builders here write only what Plotly accepts, and the tests build each figure
    again with Plotly's checks and compare the JSON. ``layout["template"]`` may name a
    registered template, as with ``update_layout``; the figure carries the template itself
    (the browser knows no names). Its parts may be shared with other figures and caches:
    never write into a figure that was sent.
    """
    layout = dict(layout)
    name = layout.get("template")
    if isinstance(name, str):
        layout["template"] = _template_json(name)
    return FigureSpec(data=data, layout=layout)


@lru_cache(maxsize=32)
def _row_type(columns: tuple[str, ...]) -> type:
    return namedtuple("Row", columns)


def rows_of(values: pd.DataFrame | list | tuple) -> list:
    """The rows of a values frame as named tuples (a list or tuple of rows is taken as it is).

    The figure builders work on these, not on the frame: the explorer's frames hold a few
    dozen to a few hundred rows, and pandas' cost per operation (a filter, a sort, a row
    loop), not the rows, was most of an interaction's server time (``make bench``).
    """
    if not isinstance(values, pd.DataFrame):
        return list(values)
    make = _row_type(tuple(values.columns))._make
    return [make(r) for r in zip(*(values[c].tolist() for c in values.columns), strict=True)]


def is_number(value: object) -> bool:
    """A finite-or-infinite float value, not None/NaN/text (as ``pd.to_numeric(errors=
    "coerce").notna()`` reads a value column)."""
    if isinstance(value, bool) or value is None:
        return False
    try:
        return not math.isnan(float(value))
    except (TypeError, ValueError):
        return False


def is_ok(row: object) -> bool:
    """A row with status ok and a number (anything else never reads as a value)."""
    return getattr(row, "status", None) == "ok" and is_number(getattr(row, "value", None))


def is_reliable(row: object) -> bool:
    """A row with a value whose ``quality`` is ok or absent."""
    quality = getattr(row, "quality", None)
    return is_ok(row) and (not isinstance(quality, str) or quality == "ok")


def partition(rows: list) -> tuple[list, list, list]:
    """``rows`` as (reliable values, unreliable values, rows without a value), each in
    the order given: what the map and the ranking draw three ways."""
    good, flagged, bad = [], [], []
    for r in rows:
        (good if is_reliable(r) else flagged if is_ok(r) else bad).append(r)
    return good, flagged, bad


def quality_note(row: object) -> str:
    """The reason in words of a frame row's quality (column ``quality_note``, which the
    caller fills from the catalogue; else the reason's code)."""
    note = getattr(row, "quality_note", None)
    return str(note) if isinstance(note, str) and note else str(getattr(row, "quality", ""))


def value_text(value: object, ind: Indicator, lang: str) -> str:
    """A value with its unit: ``52,1%``, ``3,4 km``; counts without their unit word."""
    number, unit = format_number(value, lang, ind.decimals), ind.unit.get(lang)
    if ind.kind == "count" or not unit:
        return number
    return with_unit(number, unit)


def cadence(years) -> int:
    """The series' usual step in years: 2 for a two-yearly survey, else 1. A longer step
    between two values is a gap, a step of the cadence is not."""
    ys = sorted({int(y) for y in years})
    steps = [b - a for a, b in zip(ys, ys[1:], strict=False)]
    return 2 if steps and min(steps) == 2 else 1


def is_partial(flag: object) -> bool:
    return flag is not None and not pd.isna(flag) and bool(flag)


def hover_text(name: object, value: object, ind: Indicator, lang: str,
               partial: object = False) -> str:
    """``<b>name</b><br>value unit``, with "(deels berekend)" when partial."""
    text = f"<b>{escape(name)}</b><br>{value_text(value, ind, lang)}"
    return f"{text} ({t('figure.partial', lang)})" if is_partial(partial) else text


def escape(text: object) -> str:
    return html.escape(str(text), quote=False)


#: Characters per line of an axis title; longer titles wrap (Plotly never wraps by itself).
AXIS_TITLE_WIDTH = 34


def wrap(text: str, width: int = AXIS_TITLE_WIDTH) -> str:
    """Escaped ``text`` with ``<br>`` line breaks, at most ``width`` characters a line."""
    return "<br>".join(escape(line) for line in textwrap.wrap(str(text), width)) or ""


def axis_title(ind: Indicator, lang: str, width: int = AXIS_TITLE_WIDTH) -> str:
    """``label (unit)`` in ``lang``, the unit named once, wrapped to fit beside a chart."""
    label, unit = ind.label.get(lang), ind.unit.get(lang)
    text = t("figure.axis_title", lang, label=short_label(label, unit), unit=unit) if unit \
        else label
    return wrap(text, width)


def number_text(value: object, ind: Indicator, lang: str) -> str:
    """A value as on a bar: the number only (the axis title names the unit)."""
    return format_number(value, lang, ind.decimals)


def empty_figure(message: str) -> FigureSpec:
    """A blank figure that only shows ``message`` (no axes), for when there is nothing to plot.

    Parameters
    ----------
    message : str
        Text in the reader's language, e.g. ``t("figure.no_values", lang)``.

    Returns
    -------
    FigureSpec
        No traces; one centred annotation.
    """
    return figure([], {
        "template": TEMPLATE, "xaxis": {"visible": False}, "yaxis": {"visible": False},
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10}, "height": 260,
        # Plotly never wraps a text; a phone's chart is about 40 characters wide
        "annotations": [{"text": wrap(message, 36), "xref": "paper", "yref": "paper", "x": 0.5,
                         "y": 0.5, "showarrow": False,
                         "font": {"size": 15, "color": "#555555"}}]})


#: ``layout.meta`` of a :func:`placeholder` (assets/explorer_map.js draws over it only).
PLACEHOLDER = "zuid-later"


def placeholder(fig: FigureSpec | go.Figure) -> FigureSpec:
    """An empty figure of ``fig``'s height, shown until ``fig`` itself is drawn (the
    explorer draws its ranking, trend and scatter once the map is interactive), so nothing
    on the page moves when it comes.

    Parameters
    ----------
    fig : FigureSpec or plotly.graph_objects.Figure
        The figure it stands in for.

    Returns
    -------
    FigureSpec
        No traces, no axes, ``layout.meta`` :data:`PLACEHOLDER`.
    """
    layout = fig["layout"]
    # the same size as the figure, by the same means (a height, or Plotly's autosize)
    size = {k: layout[k] for k in ("height", "width", "autosize")
            if k in layout and layout[k] is not None}
    return figure([], {
        **size, "meta": PLACEHOLDER, "xaxis": {"visible": False}, "yaxis": {"visible": False},
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "paper_bgcolor": "rgba(0,0,0,0)", "plot_bgcolor": "rgba(0,0,0,0)"})
