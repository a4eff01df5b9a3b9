"""The explorer's figures are built from plain dicts without Plotly's checks (for speed,
see dashboard.figures.common.figure): each must be exactly what Plotly makes of it with
its checks, for every kind of view, so nothing invalid or misnamed reaches the browser."""

from __future__ import annotations

import copy
import json

import plotly.graph_objects as go
import plotly.io as pio
import pytest

from dashboard.explorer import views
from dashboard.explorer.state import DEFAULT_INDICATOR, ExplorerState
from dashboard.figures import maps
from dashboard.figures.common import TEMPLATE

pytestmark = pytest.mark.slow


def _plain(value):
    """JSON without the empty and unset values Plotly leaves out when it checks."""
    if isinstance(value, dict):
        out = {k: _plain(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v not in (None, [], {})}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _as_sent_and_as_checked(fig: go.Figure) -> tuple[dict, dict]:
    sent = json.loads(pio.to_json(fig, validate=False))
    checked = json.loads(pio.to_json(go.Figure(sent)))  # raises on anything invalid
    return _plain(sent), _plain(checked)


@pytest.mark.parametrize("level", ["buurt", "wijk", "gemeente"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_explorer_figures_are_what_plotly_makes_of_them(store, level, lang):
    codes = views.view_codes(store, "GM0599", level)
    shown = 0
    for indicator in (DEFAULT_INDICATOR, "pct_huur_corporatie", "inwoners"):
        for selected in ((), tuple(codes[:2])):
            state = ExplorerState(indicator, store.years(indicator)[-1], level, "GM0599",
                                  selected=selected, lang=lang)
            for build in (views.bar, views.trend, views.scatter, views.map_full):
                fig = build(store, state)
                sent, checked = _as_sent_and_as_checked(fig)
                assert sent == checked, (build.__name__, indicator, selected)
                shown += bool(sent.get("data"))
    assert shown >= 12  # real figures were compared, not only empty ones


def test_the_template_travels_with_the_figure_not_its_name(store):
    state = ExplorerState(DEFAULT_INDICATOR, store.years(DEFAULT_INDICATOR)[-1], "buurt",
                          "GM0599")
    sent = json.loads(pio.to_json(views.bar(store, state), validate=False))
    template = pio.templates[TEMPLATE].to_plotly_json()
    assert sent["layout"]["template"] == json.loads(json.dumps(template))
    assert sent["layout"]["template"]["layout"]["plot_bgcolor"] == "white"


def test_writing_a_view_into_the_map_leaves_the_shared_settings_alone(store):
    before = copy.deepcopy(maps.COLORBAR)
    for indicator in (DEFAULT_INDICATOR, "inwoners"):
        state = ExplorerState(indicator, store.years(indicator)[-1], "buurt", "GM0599")
        fig = views.map_full(store, state)
        assert fig.data[0].colorbar.title.text  # the view's own legend title
    assert maps.COLORBAR == before
