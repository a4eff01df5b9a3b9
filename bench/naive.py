"""The naive map update, for comparison: the full figure with all GeoJSON rebuilt per call.

The app sends a ``Patch`` of values and colours when the indicator or year changes and
keeps the geometry in the browser (callbacks/explorer.py). The naive way rebuilds the
view's GeoJSON from the store and sends the whole figure every time. Both are timed here
in one process on the same store and state, serialised to JSON as Dash sends them.
"""

from __future__ import annotations

import json
import time

import plotly.io as pio
from dash import Patch

from bench.stats import ratio, summarise
from dashboard import figures
from dashboard.explorer import views
from dashboard.explorer.state import ExplorerState, gemeente_outline, view_codes, view_values
from dashboard.store import Store
from geo.boundaries import to_geojson


def naive_map(store: Store, state: ExplorerState) -> str:
    """The full map figure as JSON, with the view's GeoJSON rebuilt from the store."""
    codes = view_codes(store, state.area, state.level)
    names = {c: store.area_name(c, state.lang) for c in codes}
    geojson = to_geojson(store.areas.loc[codes], properties=("name",), decimals=5)
    outline = gemeente_outline(store, state.area) if state.level != "gemeente" else None
    spec = figures.map_spec(geojson, codes, names, state.lang, outline=outline)
    fig = figures.set_values(spec, views.map_updates(store, state))
    return pio.to_json(figures.figure(fig["data"], fig["layout"]), validate=False)


def patched_map(store: Store, state: ExplorerState) -> str:
    """What the app's map callback sends for the same change, as JSON."""
    patch: Patch = views.map_patch(store, state)
    return json.dumps(patch.to_plotly_json(), default=pio.json.to_json_plotly)


def values_json(store: Store, state: ExplorerState) -> str:
    """The values the map shows (code, name, value, status, partial per area) as JSON:
    what any map update must carry at the least."""
    rows = view_values(store, state)[["area_code", "area_name", "value", "status",
                                      "partial"]]
    return rows.to_json(orient="records")


def compare(store: Store, states: list[ExplorerState], repeat: int) -> dict:
    """Time both ways over ``states`` (cycled ``repeat`` times); ms and bytes per call.

    Returns
    -------
    dict
        ``naive`` and ``patch`` summaries (``ms_p50``, ``ms_p95``, ``bytes``), the
        ratios naive / patch of time and bytes, ``values_bytes`` (JSON of the values
        shown) and ``patch_to_values`` (patch bytes / values bytes).
    """
    out = {}
    for name, fn in (("naive", naive_map), ("patch", patched_map)):
        fn(store, states[0])  # first call pays for imports and the app's view caches
        ms, sizes = [], []
        for i in range(repeat):
            t0 = time.perf_counter()
            body = fn(store, states[i % len(states)])
            ms.append((time.perf_counter() - t0) * 1000)
            sizes.append(len(body.encode()))
        s = summarise(ms)
        out[name] = {"ms_p50": s["p50"], "ms_p95": s["p95"],
                     "bytes": sorted(sizes)[len(sizes) // 2]}
    shown = [len(values_json(store, st).encode()) for st in states]
    out["values_bytes"] = sorted(shown)[len(shown) // 2]
    out["patch_to_values"] = ratio(out["patch"]["bytes"], out["values_bytes"])
    out["time_ratio"] = ratio(out["naive"]["ms_p50"], out["patch"]["ms_p50"])
    out["bytes_ratio"] = ratio(out["naive"]["bytes"], out["patch"]["bytes"])
    return out
