"""Figure builders: the map base and its patchable values, ranking, trend and scatter."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from dash import Patch
from plotly.utils import PlotlyJSONEncoder

from dashboard import colours as C
from dashboard import figures as F
from dashboard.catalogue import Indicator


def _ind(direction="higher_worse", kind="share", unit=("%", "%"), decimals=1, key="werkloos"):
    # test data, built here
    return Indicator(key=key, label={"nl": f"Label {key}", "en": f"Label {key} en"},
                     definition={"nl": "d", "en": "d"}, theme="werk",
                     unit={"nl": unit[0], "en": unit[1]}, kind=kind,
                     aggregation={"method": "sum"}, direction=direction, decimals=decimals,
                     licence="CC BY 4.0", sources=[{"source": "kwb", "columns": {"odata": "X"}}])


def _values(rows, indicator="werkloos", year=2022):
    """rows: (code, name, value, status[, partial]). test data, built here."""
    return pd.DataFrame([{
        "area_code": r[0], "area_name": r[1], "level": "buurt", "year": year,
        "indicator": indicator, "value": r[2] if r[3] == "ok" else float("nan"),
        "status": r[3], "partial": r[4] if len(r) > 4 else False, "method": "published",
        "source": "kwb-2022", "unit": "%"} for r in rows])


def _squares(n=50, cols=10):
    """A grid of n hand-built square buurten near Rotterdam. test data, built here."""
    features = []
    for i in range(n):
        x, y = 4.40 + (i % cols) * 0.01, 51.85 + (i // cols) * 0.01
        ring = [[round(x, 5), round(y, 5)], [round(x + 0.01, 5), round(y, 5)],
                [round(x + 0.01, 5), round(y + 0.01, 5)], [round(x, 5), round(y + 0.01, 5)],
                [round(x, 5), round(y, 5)]]
        features.append({"type": "Feature", "id": f"BU0599{i:04d}",
                         "properties": {"name": f"Buurt {i}"},
                         "geometry": {"type": "Polygon", "coordinates": [ring]}})
    return {"type": "FeatureCollection", "features": features}


SAMPLE = _values([
    ("BU05990001", "Afrikaanderwijk", 12.5, "ok"),
    ("BU05990002", "Bloemhof", 1234.5, "ok", True),
    ("BU05990003", "Carnisse", None, "secret"),
    ("BU05990004", "Charlois", None, "missing"),
    ("BU05990005", "Feijenoord", 8.0, "ok"),
])


def test_map_values_put_secret_and_missing_only_in_the_grey_trace():
    for lang, secret, missing in (("nl", "geheim", "geen gegevens"), ("en", "secret", "no data")):
        out = F.map_values(SAMPLE, _ind(), lang)
        assert out["data[0].locations"] == ["BU05990001", "BU05990002", "BU05990005"]
        assert out["data[1].locations"] == ["BU05990003", "BU05990004"]
        assert out["data[1].z"] == [0, 1]  # 0 = secret grey, 1 = no-data grey
        assert secret in out["data[1].hovertext"][0] and "Carnisse" in out["data[1].hovertext"][0]
        assert missing in out["data[1].hovertext"][1] and "Charlois" in out["data[1].hovertext"][1]
        assert not set(out["data[0].locations"]) & set(out["data[1].locations"])


def test_map_values_z_equals_the_input_values_and_areas_without_rows_are_grey():
    out = F.map_values(SAMPLE, _ind(), "nl", names={"BU05990001": "A", "BU05990099": "Zonder"})
    assert out["data[0].z"] == [12.5, 1234.5, 8.0]
    assert "BU05990099" in out["data[1].locations"]
    assert out["layout.meta"]["year"] == 2022 and out["layout.meta"]["indicator"] == "werkloos"


def test_classed_colorscale_is_stepped_with_k_classes():
    # test data, built here: ten distinct values
    values = _values([(f"BU0599{i:04d}", f"B{i}", float(i), "ok") for i in range(1, 11)])
    out = F.map_values(values, _ind(), "nl", classed=True, k=5)
    scale = out["data[0].colorscale"]
    colours = [c for _, c in scale]
    assert len(scale) == 10 and colours[0::2] == colours[1::2] and len(set(colours)) == 5
    assert out["data[0].zmin"] == 1 and out["data[0].zmax"] == 10
    assert out["data[0].colorbar.tickvals"] == pytest.approx([1, 2.8, 4.6, 6.4, 8.2, 10])
    assert out["data[0].colorbar.ticktext"] == ["1,0", "2,8", "4,6", "6,4", "8,2", "10,0"]
    assert F.map_values(values, _ind(), "en")["data[0].colorbar.ticktext"][1] == "2.8"
    assert out["layout.meta"]["classed"] is True


def test_continuous_scale_clears_the_class_ticks():
    out = F.map_values(SAMPLE, _ind(direction="neutral"), "en", classed=False)
    assert out["data[0].colorscale"] == C.continuous_colorscale("neutral")
    assert out["data[0].colorbar.tickvals"] is None and out["data[0].colorbar.tickmode"] == "auto"
    assert (out["data[0].zmin"], out["data[0].zmax"]) == (8.0, 1234.5)


def test_hover_and_titles_follow_the_language():
    ind = _ind(kind="rate", unit=("per 1.000 inwoners", "per 1,000 residents"))
    nl = F.map_values(SAMPLE, ind, "nl")
    en = F.map_values(SAMPLE, ind, "en")
    assert nl["data[0].hovertext"][1] == ("<b>Bloemhof</b><br>1.234,5 per 1.000 inwoners "
                                          "(deels berekend: een deel van het gebied heeft "
                                          "geen cijfer)")
    assert en["data[0].hovertext"][1] == ("<b>Bloemhof</b><br>1,234.5 per 1,000 residents "
                                          "(partial: part of the area has no figure)")
    # the legend names unit and year on one short line above the scale
    assert nl["data[0].colorbar.title.text"] == "per 1.000 inwoners, 2022"
    assert en["data[0].colorbar.title.text"] == "per 1,000 residents, 2022"
    assert (nl["layout.separators"], en["layout.separators"]) == (",.", ".,")


def test_selection_goes_to_the_outline_trace():
    out = F.map_values(SAMPLE, _ind(), "nl", selected=["BU05990002"])
    assert out["data[2].locations"] == ["BU05990002"] and out["data[2].z"] == [1]


def test_map_figure_is_an_offline_base_with_fixed_trace_order():
    geo = _squares(12, cols=4)
    codes = [f["id"] for f in geo["features"]]
    outline = {"type": "Feature", "geometry": {"type": "LineString",
                                               "coordinates": [[4.4, 51.85], [4.44, 51.88]]}}
    fig = F.map_figure(geo, codes, {c: c for c in codes}, "nl", outline=outline)
    assert [tr.type for tr in fig.data] == ["choroplethmap"] * 3 + ["scattermap"]
    assert [tr.name for tr in fig.data] == ["values", "no-data", "selection", "projects"]
    assert fig.layout.map.style == "white-bg"
    assert fig.layout.map.layers[0].type == "line" and fig.layout.map.layers[0].source == outline
    assert fig.layout.uirevision == F.MAP_UIREVISION and fig.layout.clickmode == "event+select"
    assert list(fig.data[1].locations) == codes  # grey until values arrive
    centre = fig.layout.map.center
    assert 4.40 < centre.lon < 4.44 and 51.85 < centre.lat < 51.88
    assert 10 < fig.layout.map.zoom < 16
    assert F.GRAPH_CONFIG["displaylogo"] is False


def test_apply_map_values_leaves_the_geometry_alone():
    geo = _squares()
    before = json.dumps(geo, sort_keys=True)
    codes = [f["id"] for f in geo["features"]]
    base = F.map_figure(geo, codes, {}, "nl")
    values = _values([(c, c, float(i), "ok" if i % 7 else "secret") for i, c in enumerate(codes)])
    updates = F.map_values(values, _ind(), "nl", selected=[codes[3]])
    fig = F.apply_map_values(base, updates)
    assert json.dumps(fig.data[0].geojson, sort_keys=True) == before
    assert list(fig.data[0].z) == updates["data[0].z"]
    assert fig.data[0].colorbar.title.text == updates["data[0].colorbar.title.text"]
    assert list(fig.data[2].locations) == [codes[3]]
    assert fig.layout.meta["breaks"] == updates["layout.meta"]["breaks"]
    assert list(base.data[0].locations) == []  # the base itself is not changed


def test_map_values_are_much_smaller_than_the_full_figure():
    geo = _squares(50)
    codes = [f["id"] for f in geo["features"]]
    values = _values([(c, f"Buurt {i}", 10 + i / 3, "ok" if i % 9 else "secret")
                      for i, c in enumerate(codes)])
    updates = F.map_values(values, _ind(), "nl", selected=codes[:2])
    full = F.apply_map_values(F.map_figure(geo, codes, {}, "nl"), updates).to_dict()
    full["layout"].pop("template")  # measure geometry and data, not Plotly's theme
    small = len(json.dumps(updates, cls=PlotlyJSONEncoder))
    large = len(json.dumps(full, cls=PlotlyJSONEncoder))
    assert small < large / 5, (small, large)


def test_write_updates_builds_a_dash_patch_with_the_same_paths():
    updates = F.map_values(SAMPLE, _ind(), "en")
    ops = F.write_updates(Patch(), updates).to_plotly_json()["operations"]
    locations = [op["location"] for op in ops]
    assert ["data", 0, "colorbar", "title", "text"] in locations
    assert ["layout", "meta"] in locations and len(ops) == len(updates)
    assert F.path_parts("data[12].z") == ["data", 12, "z"]


def _bar_rows():
    return _values([("A1", "Noord", 30.0, "ok"), ("A2", "Zuid", 10.0, "ok"),
                    ("A3", "West", 20.0, "ok"), ("A4", "Oost", None, "secret"),
                    ("A5", "Midden", None, "missing")])


@pytest.mark.parametrize(("direction", "order"), [
    ("higher_worse", ["A1", "A3", "A2"]), ("higher_better", ["A2", "A3", "A1"]),
    ("neutral", ["A1", "A3", "A2"])])
def test_ranking_bar_puts_the_worst_on_top_and_gaps_last(direction, order):
    fig = F.ranking_bar(_bar_rows(), _ind(direction=direction), "nl", {})
    bars, weak, gaps = fig.data
    assert list(weak.customdata) == []  # no unreliable values here
    assert list(bars.customdata) == order and list(bars.y) == [0, 1, 2]
    assert fig.layout.yaxis.autorange == "reversed"  # position 0 is drawn at the top
    assert list(gaps.customdata) == ["A5", "A4"] and list(gaps.y) == [3, 4]
    assert list(gaps.text) == ["geen gegevens", "geheim"] and list(gaps.x) == [0, 0]


def test_ranking_bar_benchmarks_selection_and_height():
    bench = {"Rotterdam-Zuid": 21.5, "Rotterdam": 15.0, "Nederland": None}
    fig = F.ranking_bar(_bar_rows(), _ind(), "en", bench, selected=["A3"])
    assert [s.x0 for s in fig.layout.shapes] == [21.5, 15.0]
    # The unit is named once, in the axis title: not on every bar or reference label.
    assert [a.text for a in fig.layout.annotations] == ["Rotterdam-Zuid: 21.5", "Rotterdam: 15.0"]
    assert list(fig.data[0].text) == ["30.0", "20.0", "10.0"]
    assert fig.layout.xaxis.title.text.startswith("Label werkloos en (%)<br>")
    # Labels run away from the nearer edge; the range leaves room right of the longest bar.
    assert [a.xanchor for a in fig.layout.annotations] == ["right", "left"]
    assert fig.layout.xaxis.range[1] > 30.0
    assert list(fig.data[0].marker.line.width) == [0, 2.5, 0]
    assert "<b>West</b>" in fig.layout.yaxis.ticktext
    # the names are tick labels of a numeric axis: Plotly's default there ("hide past div")
    # measures every label again after drawing each one (1.2 s for 246 areas)
    assert fig.layout.yaxis.ticklabeloverflow == "allow"
    assert list(fig.data[2].text) == ["no data", "secret"]
    many = _values([(f"B{i}", f"B{i}", float(i), "ok") for i in range(40)])
    assert F.ranking_bar(many, _ind(), "nl", {}).layout.height > fig.layout.height


def _series(rows):
    """rows: (year, value, status, comparable_with_previous). test data, built here."""
    return pd.DataFrame([{"year": y, "value": v if s == "ok" else float("nan"), "status": s,
                          "partial": False, "method": "published", "source": "kwb",
                          "comparable_with_previous": c} for y, v, s, c in rows])


def test_trend_breaks_at_boundary_changes_gaps_and_secret_years():
    series = _series([(2018, 10.0, "ok", None), (2019, 11.0, "ok", True),
                      (2020, 12.0, "ok", False),  # boundary change: no line 2019-2020
                      (2021, None, "secret", True), (2022, 13.0, "ok", True),
                      (2024, 14.0, "ok", True)])  # 2023 absent: no line 2022-2024
    bench = {"Rotterdam": _series([(2018, 8.0, "ok", None), (2019, 9.0, "ok", True)])}
    fig = F.trend_figure({"BU1": series}, _ind(), "nl", bench, {"BU1": "Bloemhof"})
    area, rdam = fig.data
    assert list(area.x) == [2018, 2019, None, 2020, 2021, 2022, None, 2024]
    assert list(area.y) == [10.0, 11.0, None, 12.0, None, 13.0, None, 14.0]
    assert area.connectgaps is False and area.name == "Bloemhof"
    assert rdam.line.dash == "dash" and area.line.dash is None
    assert "Bloemhof (2021)" in fig.layout.annotations[0].text
    assert "geheim" in fig.layout.annotations[0].text
    assert fig.layout.xaxis.tickformat == "d" and fig.layout.xaxis.dtick == 1
    assert area.hovertext[0] == "<b>Bloemhof</b><br>2018: 10,0%"


def test_trend_without_selection_asks_for_a_click():
    fig = F.trend_figure({}, _ind(), "en", {}, {})
    assert not fig.data and "Click an area" in fig.layout.annotations[0].text


def test_scatter_skips_areas_missing_in_either_indicator():
    x = _values([("A1", "Noord", 1.0, "ok"), ("A2", "Zuid", 2.0, "ok"),
                 ("A3", "West", None, "secret"), ("A4", "Oost", 4.0, "ok")])
    y = _values([("A1", "Noord", 10.0, "ok"), ("A2", "Zuid", None, "missing"),
                 ("A3", "West", 30.0, "ok"), ("A4", "Oost", 4000.5, "ok")], indicator="inkomen")
    size = _values([("A1", "Noord", 1000.0, "ok"), ("A4", "Oost", 4000.0, "ok")],
                   indicator="inwoners")
    ind_y = _ind(key="inkomen", kind="mean", unit=("x 1.000 euro", "x 1,000 euro"))
    fig = F.scatter_figure(x, y, size, _ind(), ind_y, "nl", selected=["A4"])
    trace = fig.data[0]
    assert list(trace.customdata) == ["A1", "A4"]
    assert (list(trace.x), list(trace.y)) == ([1.0, 4.0], [10.0, 4000.5])
    assert list(trace.marker.size) == [1000.0, 4000.0] and trace.marker.sizeref > 0
    assert list(trace.marker.color) == [C.POINT_COLOUR, C.SELECTED_COLOUR]
    assert "4.000,5 x 1.000 euro" in trace.hovertext[1] and "Inwoners: 4.000" in trace.hovertext[1]
    assert fig.layout.xaxis.title.text == "Label werkloos (%)"
    en = F.scatter_figure(x, y, None, _ind(), ind_y, "en")
    assert "4,000.5 x 1,000 euro" in en.data[0].hovertext[1] and en.data[0].marker.size == 10


def test_empty_figure_shows_the_message_without_axes():
    fig = F.empty_figure("Geen cijfers")
    assert fig.layout.annotations[0].text == "Geen cijfers" and fig.layout.xaxis.visible is False
    assert F.ranking_bar(SAMPLE.iloc[0:0], _ind(), "nl", {}).layout.annotations[0].text == \
        "Geen cijfers voor deze keuze."


def test_a_placeholder_takes_the_size_of_its_figure_and_draws_nothing():
    bar = F.ranking_bar(SAMPLE, _ind(), "nl", {})
    held = F.placeholder(bar)
    assert held["data"] == [] and held["layout"]["meta"] == F.PLACEHOLDER
    assert held["layout"]["height"] == bar["layout"]["height"] > 0
    # a figure Plotly sizes itself (no height) gets a placeholder sized the same way
    auto = F.placeholder(F.figure([], {"autosize": True}))["layout"]
    assert "height" not in auto and auto["autosize"] is True
    assert held["layout"]["xaxis"]["visible"] is False
