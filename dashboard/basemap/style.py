"""The MapLibre style under and over the explorer's choropleth.

Offline, the style is the store's own geography: land, the areas around the view, water,
and names. Online, it is PDOK's BRT-Achtergrondkaart style with the same names added. The
label layers (ids starting ``zuid-labels``) are moved above the traces in the browser after
every plot (assets/explorer_map.js), so names stay on top. The explorer's first map has
them hidden (:func:`names_later`) and shows them once the map is interactive.

The offline style has no ``glyphs`` URL on purpose: MapLibre then draws every label with
a local font (TinySDF) and requests nothing, so the map never asks a font server on the
internet (Plotly's own styles point at fonts.openmaptiles.org).
"""

from __future__ import annotations

import copy

#: The first label layer; every label layer's id starts with LABEL_PREFIX.
LABELS_BELOW = "zuid-labels-gemeente"
LABEL_PREFIX = "zuid-labels"
#: Zoom level from which buurt names replace wijk (gebied) names.
FINE_ZOOM = 12.4
LAND, WATER = "#f3f1ec", "#c6dcea"
AROUND_FILL, AROUND_LINE = "#e6e3dc", "#b3ada2"
FONT = ["Noto Sans Regular"]
SOURCES = ("zuid-context", "zuid-water", "zuid-labels")
OFFLINE_CREDIT = "Kadaster / CBS (Wijk- en Buurtkaart)"


def _label(layer_id: str, ranks: list[str], size: float, colour: str, *,
           minzoom: float | None = None, maxzoom: float | None = None,
           italic: bool = False, font: list[str] = FONT) -> dict:
    layer = {
        "id": layer_id, "type": "symbol", "source": "zuid-labels",
        "filter": ["in", ["get", "rank"], ["literal", ranks]],
        "layout": {"text-field": ["get", "name"], "text-font": font, "text-size": size,
                   "text-max-width": 7, "text-padding": 3,
                   "text-letter-spacing": 0.04 if italic else 0,
                   "text-transform": "uppercase" if italic else "none"},
        "paint": {"text-color": colour, "text-halo-color": "rgba(255,255,255,0.92)",
                  "text-halo-width": 1.6, "text-halo-blur": 0.3},
    }
    if minzoom is not None:
        layer["minzoom"] = minzoom
    if maxzoom is not None:
        layer["maxzoom"] = maxzoom
    return layer


def label_layers(font: list[str] = FONT) -> list[dict]:
    """Names: neighbouring gemeenten, the rest of the gemeente, the wijken (zoomed out) or
    buurten (zoomed in) in view; MapLibre leaves out names that do not fit."""
    return [
        _label(LABELS_BELOW, ["gemeente"], 11, "#5b5750", italic=True, font=font),
        _label("zuid-labels-context", ["context"], 11, "#5b5750", maxzoom=FINE_ZOOM,
               font=font),
        _label("zuid-labels-context-fine", ["context-fine"], 11, "#5b5750",
               minzoom=FINE_ZOOM, font=font),
        _label("zuid-labels-coarse", ["coarse"], 13, "#1a1a1a", maxzoom=FINE_ZOOM, font=font),
        _label("zuid-labels-view", ["view"], 12, "#1a1a1a", font=font),
        _label("zuid-labels-fine", ["fine"], 12, "#1a1a1a", minzoom=FINE_ZOOM, font=font),
    ]


def names_later(style: dict | str) -> dict | str:
    """``style`` with our name layers hidden (``visibility: none``; nothing else changed,
    ``style`` itself left as it is).

    Drawing names is the slowest part of MapLibre's first frame: every letter is drawn
    locally (TinySDF) and the text shader is compiled. The explorer's first map is drawn
    without them, and assets/explorer_map.js (drawLater) shows them once the map answers a
    click. A map drawn later (any control changed) has them from the start.
    """
    if not isinstance(style, dict):
        return style
    return {**style, "layers": [
        {**layer, "layout": {**layer.get("layout", {}), "visibility": "none"}}
        if str(layer.get("id", "")).startswith(LABEL_PREFIX) else layer
        for layer in style.get("layers", [])]}


def _base_font(style: dict) -> list[str]:
    """A font the base style itself uses (its glyph server has it), else ours."""
    for layer in style.get("layers", []):
        font = (layer.get("layout") or {}).get("text-font") if isinstance(layer, dict) else None
        if isinstance(font, list) and font and all(isinstance(f, str) for f in font):
            return font
    return FONT


def _sources(context: dict, water: dict, labels: dict, credit: str) -> dict:
    return {"zuid-context": {"type": "geojson", "data": context, "attribution": credit},
            "zuid-water": {"type": "geojson", "data": water},
            "zuid-labels": {"type": "geojson", "data": labels}}


def offline_style(context: dict, water: dict, labels: dict) -> dict:
    """The store's geography as a MapLibre style (no request leaves the app).

    Parameters
    ----------
    context, water, labels : dict
        GeoJSON FeatureCollections: the areas around the view (``name``, ``kind``), the
        water parts, and the name points (``name``, ``rank``).
    """
    return {
        "version": 8, "name": "zuid-offline",
        "sources": _sources(context, water, labels, OFFLINE_CREDIT),
        "layers": [
            {"id": "zuid-land", "type": "background", "paint": {"background-color": LAND}},
            {"id": "zuid-context-fill", "type": "fill", "source": "zuid-context",
             "paint": {"fill-color": AROUND_FILL}},
            {"id": "zuid-water", "type": "fill", "source": "zuid-water",
             "paint": {"fill-color": WATER}},
            {"id": "zuid-context-line", "type": "line", "source": "zuid-context",
             "paint": {"line-color": AROUND_LINE, "line-width": 0.8}},
            *label_layers(),
        ],
    }


def online_style(base: dict, context: dict, water: dict, labels: dict) -> dict:
    """PDOK's style with the area names (and the lines of the areas around) on top."""
    style = copy.deepcopy(base)
    style["sources"] = {**style.get("sources", {}),
                        **_sources(context, water, labels, "Kadaster / PDOK")}
    style["layers"] = [*style.get("layers", []),
                       {"id": "zuid-context-line", "type": "line", "source": "zuid-context",
                        "paint": {"line-color": "#6d675d", "line-width": 0.8}},
                       *label_layers(_base_font(base))]
    return style
