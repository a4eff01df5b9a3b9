"""Charts for everyone: a name for each chart and its text equivalent.

A chart is wrapped in an element with ``role="img"`` and an ``aria-label`` (its name); what
it shows is read from the figure itself (the hover text of every point, which is already
written per language) into a list under it, so the text can never disagree with the chart.
"""

from __future__ import annotations

import re
from functools import lru_cache

import plotly.graph_objects as go
from dash import html
from dash.development.base_component import Component

from dashboard.i18n import t

_TAG = re.compile(r"<[^>]+>")


def _plain(text: object, sep: str = ", ") -> str:
    import html as entities

    parts = [p.strip() for p in re.split(r"<br\s*/?>", str(text)) if p.strip()]
    return entities.unescape(_TAG.sub("", sep.join(parts)))


def figure_lines(fig: go.Figure | dict) -> list[str]:
    """One line of text per point of ``fig`` (and its notes), as a reader would say it.

    Parameters
    ----------
    fig : plotly.graph_objects.Figure or dict
        A figure of the figure builders (points carry ``hovertext``).

    Returns
    -------
    list of str
        E.g. ``["Carnisse, 2019: 52,1%", …]``; a point without hover text reads as
        ``"<trace name>, <x>: <y>"``. Annotations (gaps, notes) come last.
    """
    # Read as the plain dict the builders make: a go.Figure of it would re-run Plotly's
    # per-value checks that the figure builders leave out for speed.
    spec = fig.to_dict() if isinstance(fig, go.Figure) else fig
    lines: list[str] = []
    for trace in spec.get("data") or ():
        texts = trace.get("hovertext")
        name = _plain(trace["name"]) if trace.get("name") else ""
        if texts is not None and not isinstance(texts, str):
            for text in texts:
                line = _plain(text) if text else ""
                if line:
                    lines.append(line if not name or name in line or name in ("values", "areas")
                                 else f"{name}, {line}")
            continue
        xs, ys = trace.get("x"), trace.get("y")
        for x, y in zip(xs if xs is not None else (), ys if ys is not None else (), strict=False):
            if x is not None and y is not None:
                lines.append(f"{name}, {x}: {y}" if name else f"{x}: {y}")
    notes = (spec.get("layout") or {}).get("annotations") or ()
    # a note's line breaks only wrap its sentence (a point's separate name and value)
    lines += [_plain(a["text"], " ") for a in notes if a.get("text")]
    return lines


def text_equivalent(fig: go.Figure | dict, lang: str) -> list:
    """The children of a chart's text equivalent: a summary line and a list of its points."""
    return _text_children(figure_lines(fig), lang)


def _text_children(lines, lang: str) -> list:
    items = [html.Li(line) for line in lines] or [html.Li(t("access.no_points", lang))]
    return [html.Summary(t("access.as_text", lang)), html.Ul(items)]


def text_equivalent_json(fig: go.Figure | dict, lang: str) -> list:
    """:func:`text_equivalent` as Dash sends it (:func:`as_json`), kept per process for the
    last texts asked: a chart of a few hundred areas is as many components, whose making
    took more of an explorer answer than the chart itself."""
    return _text_json(tuple(figure_lines(fig)), lang)


@lru_cache(maxsize=16)
def _text_json(lines: tuple[str, ...], lang: str) -> list:
    return as_json(_text_children(lines, lang))


def as_json(node: object) -> object:
    """A component tree as Dash's own JSON of it (``to_plotly_json`` all the way down):
    plain dicts and lists that can be kept and sent again as they are. Never write into
    what it returns."""
    if isinstance(node, Component):
        out = node.to_plotly_json()
        return {**out, "props": {k: as_json(v) for k, v in out["props"].items()}}
    if isinstance(node, list | tuple):
        return [as_json(n) for n in node]
    return node


def named_chart(graph, name: str, cid: str | None = None, text: list | None = None,
                text_id: str | None = None, describedby: str | None = None) -> html.Div:
    """``graph`` inside an image with a name, optionally followed by its text equivalent.

    Parameters
    ----------
    graph : dash.dcc.Graph
        The chart (its config must show no mode bar: nothing focusable inside an image).
    name : str
        What the chart shows, in the page's language.
    cid : str, optional
        Id of the image wrapper, for callbacks that rename it.
    text : list, optional
        :func:`text_equivalent` of the figure, shown in a closed ``<details>``.
    text_id : str, optional
        Id of that ``<details>``, for callbacks that update it.
    describedby : str, optional
        Id of an element elsewhere that holds the same figures (e.g. the map's table).

    Returns
    -------
    dash.html.Div
        Class ``chart``.
    """
    image = {"role": "img", "aria-label": name}
    target = text_id if text is not None else describedby
    if target:
        image["aria-describedby"] = target
    parts = [html.Div(graph, id=cid, className="chart-image", **image) if cid
             else html.Div(graph, className="chart-image", **image)]
    if text is not None:
        details = {"id": text_id} if text_id else {}
        parts.append(html.Details(text, className="chart-text", **details))
    return html.Div(parts, className="chart")
