"""The choropleth map: a base figure with the geometry, and patchable values.

:func:`map_figure` is sent once per view; :func:`map_values` returns only what changes with
indicator, year, selection and language, as property paths for a Dash ``Patch``.
"""

from __future__ import annotations

import copy
import html
import math
import re
import textwrap
from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go

from dashboard import colours as C
from dashboard.catalogue import Indicator
from dashboard.figures.common import (
    HOVER,
    NUMBER_AXIS,
    FigureSpec,
    base_layout,
    escape,
    figure,
    hover_text,
    is_number,
    partition,
    quality_note,
    rows_of,
)
from dashboard.formatting import format_number
from dashboard.i18n import t

#: Kept constant so zoom and pan survive every update of the map.
MAP_UIREVISION = "map"
_PATH_RE = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _year(rows: list) -> int | None:
    years = [int(y) for r in rows for y in [getattr(r, "year", None)] if is_number(y)]
    return max(years) if years else None


def _walk(coords: object, lons: list[float], lats: list[float]) -> None:
    if isinstance(coords, list | tuple) and coords:
        if isinstance(coords[0], int | float):
            lons.append(float(coords[0]))
            lats.append(float(coords[1]))
        else:
            for part in coords:
                _walk(part, lons, lats)


def bounds_view(geojson: dict, width: int = 600, height: int = 450) -> tuple[dict, float]:
    """Centre and zoom that fit a GeoJSON's bounds in a map of about ``width × height`` px.

    Parameters
    ----------
    geojson : dict
        A FeatureCollection (or one Feature) in WGS84.
    width, height : int
        Expected size of the map in pixels.

    Returns
    -------
    tuple of (dict, float)
        ``{"lat", "lon"}`` and a MapLibre zoom level; the Netherlands when empty.
    """
    lons: list[float] = []
    lats: list[float] = []
    for feature in geojson.get("features", [geojson]):
        _walk((feature.get("geometry") or {}).get("coordinates"), lons, lats)
    if not lons:
        return {"lat": 52.2, "lon": 5.3}, 6.0

    def merc(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    mid = (merc(south) + merc(north)) / 2
    lat = math.degrees(2 * math.atan(math.exp(mid)) - math.pi / 2)
    # MapLibre: the world is 512 px wide at zoom 0.
    zoom_x = math.log2(width * 360 / (512 * max(east - west, 1e-6)))
    zoom_y = math.log2(height * 2 * math.pi / (512 * max(merc(north) - merc(south), 1e-8)))
    zoom = max(0.0, min(zoom_x, zoom_y, 18.0) - 0.2)
    return {"lat": round(lat, 6), "lon": round((west + east) / 2, 6)}, round(zoom, 2)


def map_figure(geojson: dict, codes: list[str], names: dict[str, str], lang: str,
               outline: dict | None = None, center: dict | None = None,
               zoom: float | None = None, style: dict | str = "white-bg",
               opacity: float = 1.0) -> FigureSpec:
    """The base choropleth map (:func:`map_spec` as a figure)."""
    spec = map_spec(geojson, codes, names, lang, outline, center, zoom, style, opacity)
    return figure(spec["data"], spec["layout"])


def map_spec(geojson: dict, codes: list[str], names: dict[str, str], lang: str,
             outline: dict | None = None, center: dict | None = None,
             zoom: float | None = None, style: dict | str = "white-bg",
             opacity: float = 1.0) -> dict:
    """The base choropleth map as plain dicts; its geometry is sent once, values come
    from :func:`map_values`.

    Parameters
    ----------
    geojson : dict
        Areas as a FeatureCollection whose features' ``id`` is the area code.
    codes : list of str
        Area codes on the map; they show as "no data" until values are applied.
    names : dict
        Area code -> name, for those hover texts.
    lang : str
        ``"nl"`` or ``"en"``.
    outline : dict, optional
        GeoJSON of the outline of the area of interest, drawn as a line on top.
    center, zoom : optional
        The view; computed from the bounds of ``geojson`` when not given.
    style : dict or str
        The MapLibre style under the traces (Plotly's plain ``white-bg`` by default).
    opacity : float
        Of the areas' fill: below 1 when a basemap should show through.

    Returns
    -------
    dict
        ``data``: traces 0 values, 1 unreliable, no-data and secret areas, 2 selection
        outline, 3 projects (empty); ``layout``. Made anew per call (its dicts may be
        written to); the geometry is ``geojson`` itself, never copied.
    """
    auto_center, auto_zoom = bounds_view(geojson)
    shared = {"geojson": geojson, "featureidkey": "id", "hovertemplate": HOVER}
    opaque = {"marker": {"opacity": opacity}}
    empty = {"name": "values", "locations": [], "z": [], "hovertext": []}
    no_data = {"name": "no-data", "locations": list(codes), "z": [1] * len(codes),
               "hovertext": [f"<b>{escape(names.get(c, c))}</b><br>"
                             f"{t('figure.no_data', lang)}" for c in codes]}
    areas = {"type": "choroplethmap", **shared}
    traces = [
        {**areas, **empty, "colorscale": C.continuous_colorscale("neutral"),
         "marker": {"line": {"width": 0.6, "color": C.AREA_BORDER}, "opacity": opacity},
         "colorbar": copy.deepcopy(COLORBAR),  # written into per view (set_values)
         "selected": opaque, "unselected": opaque},
        {**areas, **no_data, "zmin": 0, "zmax": 1, "showscale": False,
         "colorscale": _GAP_SCALE,
         "marker": {"line": {"width": 0.6, "color": C.AREA_BORDER}, "opacity": opacity},
         "selected": opaque, "unselected": opaque},
        {"type": "choroplethmap", "geojson": geojson, "featureidkey": "id",
         "name": "selection", "locations": [], "z": [], "showscale": False,
         "hoverinfo": "skip", "colorscale": [[0, C.TRANSPARENT], [1, C.TRANSPARENT]],
         "marker": {"line": {"width": 3.5, "color": C.HIGHLIGHT}}},
        {"type": "scattermap", "name": "projects", "lat": [], "lon": [], "mode": "markers",
         "showlegend": False},
    ]
    layers = [{"sourcetype": "geojson", "source": outline, "type": "line", "color": "#333333",
               "line": {"width": 2}}] if outline else []
    return {"data": traces, "layout": {
        **base_layout(lang, margin={"l": 0, "r": 0, "t": 0, "b": 0}),
        "map": {"style": style, "center": center or auto_center,
                "zoom": auto_zoom if zoom is None else zoom, "layers": layers},
        "uirevision": MAP_UIREVISION, "clickmode": "event+select", "showlegend": False,
        "hovermode": "closest"}}


#: The colour legend lies across the top left of the map, on a light ground: beside the
#: areas it would take a third of a phone's map; the browser fits the areas below it
#: (assets/explorer_map.js).
COLORBAR = {"orientation": "h", "thickness": 10, "len": 0.8, "x": 0.02, "xanchor": "left",
            "y": 0.99, "yanchor": "top", "title": {"side": "top", "font": {"size": 12}},
            "tickfont": {"size": 11}, "bgcolor": "rgba(255,255,255,0.85)", "xpad": 16,
            "ypad": 6, **NUMBER_AXIS}
#: Characters per line of the legend's title (unit and year).
TITLE_WIDTH = 40

#: Trace 1's colours by z: 0 secret, 0.5 unreliable (also outlined), 1 no data.
_GAP_SCALE = [[0, C.SECRET_COLOUR], [1 / 3, C.SECRET_COLOUR], [1 / 3, C.FLAGGED_COLOUR],
              [2 / 3, C.FLAGGED_COLOUR], [2 / 3, C.NO_DATA_COLOUR], [1, C.NO_DATA_COLOUR]]
_GAP_Z = {"figure.secret": 0, "figure.flagged": 0.5, "figure.no_data": 1}


def _no_data_legend(kinds: set[str], lang: str) -> list[dict]:
    symbols = {"figure.secret": ("■", C.SECRET_COLOUR), "figure.no_data": ("■", C.NO_DATA_COLOUR),
               "figure.flagged": ("▣", C.FLAGGED_LINE)}
    parts = [f'<span style="color:{symbols[key][1]};font-size:18px">{symbols[key][0]}</span> '
             f'{t(key, lang)}' for key in ("figure.flagged", "figure.secret", "figure.no_data")
             if key in kinds]
    if not parts:
        return []
    # above the map's credit line, which lies across the bottom of a phone's map
    return [_note("   ".join(parts), 0.06)]


def _note(text: str, y: float, size: int = 12) -> dict:
    return {"text": text, "xref": "paper", "yref": "paper", "x": 0.01, "y": y,
            "xanchor": "left", "yanchor": "bottom", "showarrow": False, "align": "left",
            "bgcolor": "rgba(255,255,255,0.9)", "font": {"size": size}}


def map_values(values: pd.DataFrame, ind: Indicator, lang: str, classed: bool = True,
               selected: Iterable[str] = (), names: dict[str, str] | None = None,
               k: int = 5) -> dict:
    """What changes on the map with indicator, year, selection and language.

    Parameters
    ----------
    values : pandas.DataFrame
        Output of ``Store.values`` for one indicator and year.
    ind : Indicator
        The indicator (label, unit, direction, decimals).
    lang : str
        ``"nl"`` or ``"en"``.
    classed : bool
        Quantile classes as a stepped scale (``k`` classes at most; a value on a break
        belongs to the class above it), else the palette as a continuous scale.
    selected : iterable of str
        Selected area codes, outlined.
    names : dict, optional
        All areas on the map (code -> name); those without a row show as "no data".
    k : int
        Wanted number of classes.

    Returns
    -------
    dict
        Property path (``"data[0].z"``, ``"layout.meta"``) -> value. Only reliable values
        are in trace 0 and its classes; unreliable ones (``quality`` not ok; their reason
        from a ``quality_note`` column, in the hover) are in trace 1, pale and outlined;
        secret and missing areas in trace 1 in grey. With fewer than two different
        reliable values there is no colour scale but a sentence saying why.
    """
    rows = rows_of(values)
    good, flagged, bad = partition(rows)
    z = [float(r.value) for r in good]
    year = _year(rows)
    label, unit = ind.label.get(lang), ind.unit.get(lang)
    # Short (unit and year) so the legend never covers the map; the page heads the map
    # with the indicator's label.
    wrapped = "<br>".join(textwrap.wrap(html.escape(unit), TITLE_WIDTH)) or html.escape(label)
    title = t("figure.colorbar_title", lang, unit=wrapped, year=year) if year else wrapped
    # A colour scale needs two different reliable values; one or none gets a sentence
    # saying why there is no scale, never a grey map under a scale of one value.
    scaled = len(set(z)) >= 2
    out: dict = {
        "data[0].locations": [r.area_code for r in good], "data[0].z": z,
        "data[0].hovertext": [hover_text(r.area_name, r.value, ind, lang, r.partial)
                              for r in good],
        "data[0].colorbar.title.text": title, "data[0].showscale": scaled,
    }
    breaks = C.quantile_breaks(z, min(k, len(C.YLORRD)), ind.decimals) \
        if classed and scaled else []
    lo, hi = (min(z), max(z)) if z else (None, None)
    if breaks:
        ticks = sorted(set(breaks))
        out.update({"data[0].colorscale": C.stepped_colorscale(breaks, ind.direction),
                    "data[0].colorbar.tickmode": "array", "data[0].colorbar.tickvals": ticks,
                    "data[0].colorbar.ticktext": [format_number(b, lang, ind.decimals)
                                                  for b in ticks]})
        lo, hi = breaks[0], breaks[-1]
    else:
        out.update({"data[0].colorscale": C.continuous_colorscale(ind.direction),
                    "data[0].colorbar.tickmode": "auto", "data[0].colorbar.tickvals": None,
                    "data[0].colorbar.ticktext": None})
    if lo is not None and hi == lo:
        hi = lo + 1  # one value: give Plotly a range, the single band covers it
    out.update({"data[0].zmin": lo, "data[0].zmax": hi})
    # (code, hover text, kind) of every area drawn in trace 1
    gaps = [(r.area_code, f"{hover_text(r.area_name, r.value, ind, lang, r.partial)}"
             f"<br><i>{escape(quality_note(r))}</i>", "figure.flagged")
            for r in flagged]
    gaps += [(r.area_code, f"<b>{escape(r.area_name)}</b><br>{t(kind, lang)}", kind)
             for r in bad
             for kind in ["figure.secret" if r.status == "secret" else "figure.no_data"]]
    present = {r.area_code for r in rows}
    gaps += [(c, f"<b>{escape(n)}</b><br>{t('figure.no_data', lang)}", "figure.no_data")
             for c, n in (names or {}).items() if c not in present]
    kinds = {kind for _, _, kind in gaps}
    selected = list(selected)
    notes = _no_data_legend(kinds, lang)
    if not scaled:
        total = len(names) if names else len(rows)
        notes.append(_note(t("figure.no_scale", lang, n=len(good), total=total,
                             year=year or ""), 0.93, 13))
    out.update({
        "data[1].locations": [c for c, _, _ in gaps],
        "data[1].z": [_GAP_Z[kind] for _, _, kind in gaps],
        "data[1].hovertext": [text for _, text, _ in gaps],
        "data[1].marker.line.width": [2.2 if kind == "figure.flagged" else 0.6
                                      for _, _, kind in gaps],
        "data[1].marker.line.color": [C.FLAGGED_LINE if kind == "figure.flagged"
                                      else C.AREA_BORDER
                                      for _, _, kind in gaps],
        "data[2].locations": selected, "data[2].z": [1] * len(selected),
        "layout.separators": base_layout(lang)["separators"],
        "layout.annotations": notes,
        "layout.meta": {"indicator": ind.key, "year": year, "lang": lang, "classed": bool(breaks),
                        "breaks": breaks, "selected": selected, "scaled": scaled,
                        "flagged": [r.area_code for r in flagged]},
    })
    return out


def path_parts(path: str) -> list[str | int]:
    """Split ``"data[0].colorbar.title.text"`` into ``["data", 0, "colorbar", "title", "text"]``."""
    return [int(index) if index else name for name, index in _PATH_RE.findall(path)]


def write_updates(target: object, updates: dict) -> object:
    """Write :func:`map_values` output into a Dash ``Patch`` (any object whose items can be
    read and assigned at every level of the path); returns ``target``."""
    for path, value in updates.items():
        *head, last = path_parts(path)
        node = target
        for part in head:
            node = node[part]  # type: ignore[index]
        node[last] = value  # type: ignore[index]
    return target


def set_values(spec: dict, updates: dict) -> dict:
    """Write :func:`map_values` output into a :func:`map_spec` (plain dicts and lists, in
    place; levels of a path that are absent are made, a None value unsets, as Plotly
    does); returns ``spec``."""
    for path, value in updates.items():
        *head, last = path_parts(path)
        node = spec
        for part in head:
            node = node[part] if isinstance(part, int) else node.setdefault(part, {})
        if value is None and isinstance(last, str):
            node.pop(last, None)
        else:
            node[last] = value
    return spec


def apply_map_values(fig: FigureSpec | go.Figure, updates: dict) -> FigureSpec:
    """A copy of ``fig`` with :func:`map_values` output applied (``fig`` is unchanged; the
    app writes into a fresh :func:`map_spec` instead, without copying its geometry)."""
    spec = copy.deepcopy(dict(fig)) if isinstance(fig, dict) else fig.to_plotly_json()
    return figure(spec["data"], set_values(spec, updates)["layout"])
