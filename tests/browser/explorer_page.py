"""Driving the explorer page in a browser: readiness checks and clicking an area on the map.

Shared by every browser test that opens the explorer.
"""

from __future__ import annotations

import pytest

from dashboard.explorer.state import view_codes

# The first map render waits on Plotly, MapLibre and the first callback; on a loaded
# 2-core machine that has taken 20-30 s, so the readiness waits allow a minute.
WAIT_MS = 60_000
# Plotted, and dcc.Graph has bound its click handler (it does so once Plotly.react resolves,
# which for a map waits for MapLibre's style).
MAP_READY = """() => {
    const gd = document.querySelector('#explorer-map .js-plotly-plot');
    const sub = gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
    return Boolean(sub && sub.map && gd.data && gd.data.length === 4
                   && !gd.classList.contains('dash-graph--pending')
                   && gd._ev && gd._ev.listeners('plotly_click').length > 0);
}"""
IDLE = "() => !document.querySelector('[data-dash-is-loading=\"true\"]')"
# What the first render holds back until the map is interactive (assets/explorer_map.js,
# drawLater): the ranking, trend and scatter drawn (no longer their placeholders) and the
# map's names shown.
LATER_READY = """() => {
    const charts = ['explorer-bar', 'explorer-trend', 'explorer-scatter'].every(id => {
        const gd = document.querySelector('#' + id + ' .js-plotly-plot');
        return Boolean(gd && gd._fullLayout && gd.layout.meta !== 'zuid-later'
                       && !gd.classList.contains('dash-graph--pending'));
    });
    const gd = document.querySelector('#explorer-map .js-plotly-plot');
    const sub = gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
    const map = sub && sub.map;
    const names = !map || map.getLayersOrder()
        .filter(id => id.indexOf('zuid-labels') === 0)
        .every(id => map.getLayoutProperty(id, 'visibility') !== 'none');
    return charts && names;
}"""


def open_explorer(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function(MAP_READY, timeout=WAIT_MS)
    page.wait_for_function(LATER_READY, timeout=WAIT_MS)
    page.wait_for_function(IDLE, timeout=WAIT_MS)


def map_pixel(page, lon: float, lat: float) -> tuple[float, float]:
    """Page coordinates of a point, projected by the MapLibre map inside the graph div."""
    x, y = page.evaluate("""([lon, lat]) => {
        const gd = document.querySelector('#explorer-map .js-plotly-plot');
        const map = gd._fullLayout.map._subplot.map;
        const box = map.getCanvas().getBoundingClientRect();
        const p = map.project([lon, lat]);
        return [box.left + p.x, box.top + p.y];
    }""", [lon, lat])
    return x, y


def hover_area_on_map(page, store, code: str) -> tuple[float, float]:
    """Move the pointer over the area until Plotly reports it under the pointer (a map
    still settling may miss the first move); returns the page point hovered."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    point = store.areas.loc[code, "geometry"].representative_point()
    x, y = map_pixel(page, point.x, point.y)
    for attempt in range(5):
        page.mouse.move(x + attempt % 2, y)
        try:
            page.wait_for_function(
                """(code) => {
                    const gd = document.querySelector('#explorer-map .js-plotly-plot');
                    const h = gd._hoverdata;
                    return Boolean(h && h.length && h[0].location === code);
                }""", arg=code, timeout=2_000)
            return x + attempt % 2, y
        except PlaywrightTimeout:
            continue
    pytest.fail(f"the map never reported hovering {code} at ({x:.0f}, {y:.0f})")


def click_area_on_map(page, store, code: str) -> None:
    """Hover the area until Plotly reports it under the pointer, then click it there.

    Plotly's map turns a click into ``plotly_click`` from its last hover, so the pointer
    must hover the area first.
    """
    x, y = hover_area_on_map(page, store, code)
    page.mouse.click(x, y)


def inside_codes(store, area: str, level: str, n: int) -> list[str]:
    """The ``n`` largest areas in view (easy to hit with the pointer)."""
    codes = view_codes(store, area, level)
    sizes = store.areas.loc[codes].to_crs(28992).area.sort_values(ascending=False)
    return list(sizes.index[:n])
