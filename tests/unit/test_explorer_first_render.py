"""The explorer's first render: the map comes first; the charts and the map's names are held
back until it is interactive (assets/explorer_map.js, drawLater)."""

from __future__ import annotations

import json

import pytest

from dashboard import figures, ids
from dashboard.basemap.style import LABEL_PREFIX, names_later, offline_style
from dashboard.explorer import views
from dashboard.explorer.state import parse_state
from dashboard.projects.layer import Layer


def test_names_later_hides_only_the_name_layers_and_changes_nothing_it_was_given():
    # test data: a style with a name layer and two other layers
    empty = {"type": "FeatureCollection", "features": []}
    style = offline_style(empty, empty, empty)
    before = json.dumps(style, sort_keys=True)
    hidden = names_later(style)
    assert json.dumps(style, sort_keys=True) == before
    for shown, held in zip(style["layers"], hidden["layers"], strict=True):
        if shown["id"].startswith(LABEL_PREFIX):
            assert held["layout"] == {**shown["layout"], "visibility": "none"}
        else:
            assert held is shown
    assert {k: v for k, v in hidden.items() if k != "layers"} == \
        {k: v for k, v in style.items() if k != "layers"}
    # a style named by URL or by Plotly's name is not ours to change
    assert names_later("white-bg") == "white-bg"


def _find(node, cid):
    if isinstance(node, (list, tuple)):
        return next((hit for child in node if (hit := _find(child, cid)) is not None), None)
    if getattr(node, "id", None) == cid:
        return node
    return _find(getattr(node, "children", None), cid) if hasattr(node, "children") else None


@pytest.fixture
def first_render(built_store, store, monkeypatch):
    monkeypatch.setenv("DASHBOARD_STORE", str(built_store))
    monkeypatch.setenv("DASHBOARD_BASEMAP", "off")
    from layouts.explorer import layout

    query = {"indicator": "woz_waarde", "level": "buurt", "area": "GM0599", "lang": "nl"}
    return layout(**query), parse_state(query, store).state


def test_the_first_render_holds_back_the_charts_and_the_names(first_render, store):
    page, state = first_render
    later = _find(page, ids.EXPLORER_LATER).data
    assert later == {ids.EXPLORER_BAR: views.bar(store, state),
                     ids.EXPLORER_TREND: views.trend(store, state),
                     ids.EXPLORER_SCATTER: views.scatter(store, state)}
    assert _find(page, ids.EXPLORER_BAR).figure["layout"]["meta"] == figures.PLACEHOLDER
    # the values table is in the page from the start: put in later, its components took
    # Dash seconds at national scale
    assert _find(page, ids.EXPLORER_TABLE).children == views.table_json(store, state)
    # the map is the whole map, only its names hidden
    first = _find(page, ids.EXPLORER_MAP).figure
    full = views.map_full(store, state, Layer())  # the page's map has the projects layer
    assert first["data"] == full["data"]
    layers = first["layout"]["map"]["style"]["layers"]
    names = [layer for layer in layers if layer["id"].startswith(LABEL_PREFIX)]
    assert names and all(layer["layout"]["visibility"] == "none" for layer in names)
    assert first["layout"]["map"]["style"] == names_later(full["layout"]["map"]["style"])
    # the map of a later answer (a control changed) shows them from the start
    assert all("visibility" not in layer.get("layout", {})
               for layer in full["layout"]["map"]["style"]["layers"])
