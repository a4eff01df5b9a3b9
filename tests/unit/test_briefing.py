"""The briefing's summary: better/worse by direction, the unit named once, key messages,
sparklines that read right, and the locator map."""

from __future__ import annotations

import pytest
import shapely

from dashboard.figures.common import cadence
from dashboard.formatting import label_with_unit, short_label
from dashboard.profile.briefing import source_lines, sparkline_svg
from dashboard.profile.summary import headline_rows, key_messages, locator_svg, verdict
from geo.svg import SvgFrame


@pytest.mark.parametrize(("value", "ref", "direction", "expected"), [
    (135.4, 72.5, "higher_worse", "worse"), (58.0, 67.2, "higher_better", "worse"),
    (21.3, 10.0, "higher_better", "better"), (10.0, 21.3, "higher_worse", "better"),
    (77.0, 43.0, "neutral", "higher"), (12.04, 12.01, "higher_worse", "same"),
])
def test_verdict_follows_the_direction(value, ref, direction, expected):
    assert verdict(value, ref, direction, 1) == expected


def test_the_unit_is_named_once():
    unit = "per 1.000 inwoners 15-64 jaar"
    assert short_label("Bijstand per 1.000 inwoners 15-64 jaar", unit) == "Bijstand"
    assert label_with_unit("Bijstand per 1.000 inwoners 15-64 jaar", unit) == \
        "Bijstand (per 1.000 inwoners 15-64 jaar)"
    assert label_with_unit("Aandeel laagopgeleiden", "%") == "Aandeel laagopgeleiden (%)"
    assert short_label("km", "km") == "km"  # never an empty label


def test_cadence_of_yearly_and_two_yearly_series():
    assert cadence([2014, 2016, 2018, 2022]) == 2
    assert cadence([2018, 2019, 2020, 2024]) == 1
    assert cadence([2020]) == 1


def _point(year, value, comparable=True):
    return {"year": year, "value": value, "status": "ok" if value is not None else "secret",
            "comparable_with_previous": comparable}


def test_two_yearly_series_is_one_line_with_labelled_ends():
    series = [_point(2014, 82.0, None), _point(2016, 84.0), _point(2018, 91.0),
              _point(2020, 87.0)]
    svg = sparkline_svg(series, "index", ("2014: 82", "2020: 87"))
    assert svg.count("<polyline") == 1 and svg.count("<circle") == 4
    assert ">2014: 82</text>" in svg and ">2020: 87</text>" in svg


def test_a_missing_year_is_a_gap_with_a_tick():
    series = [_point(2015, 1.0, None), _point(2016, 2.0), _point(2017, None),
              _point(2018, 3.0), _point(2024, 4.0)]
    svg = sparkline_svg(series, "x")
    assert svg.count("<polyline") == 1  # 2015-16 only: 2017 missing, 2018-24 too far apart
    assert svg.count("<line") == 1  # the tick of 2017


def _row(key, theme, value, ref, direction="higher_worse", year=2024, kind="share"):
    """A profile row as figure_row returns it (test data, built here)."""
    return {"key": key, "label": key, "unit": "%", "kind": kind, "decimals": 1,
            "direction": direction, "year": year, "value": value,
            "value_text": f"{value:.1f}", "partial": False,
            "series": [_point(2019, value / 2, None), _point(2020, None),
                       _point(2021, value * 0.75), _point(2022, value)],
            "differences": [{"code": "GM1", "name": "Stad", "value": ref,
                             "value_text": f"{ref:.1f}", "partial": False}],
            "theme": theme}


def _data(rows):
    themes: dict[str, list] = {}
    for r in rows:
        themes.setdefault(r["theme"], []).append(r)
    return {"themes": themes, "indices": [], "gemeente": {"code": "GM1", "name": "Stad"},
            "code": "BU1", "name": "Buurt"}


def test_headlines_take_two_recent_directional_figures_per_pillar():
    rows = [_row("a", "werk", 10, 5), _row("b", "werk", 10, 5), _row("c", "werk", 10, 5),
            _row("old", "onderwijs", 10, 5, year=2015), _row("d", "onderwijs", 10, 5),
            _row("n", "wonen", 10, 5, direction="neutral"), _row("e", "gezondheid", 1, 5)]
    heads = headline_rows(_data(rows))
    assert [h["key"] for h in heads] == ["a", "b", "d", "e"]
    assert heads[-1]["comparisons"][0]["verdict"] == "better"


class _NoSeries:
    def series(self, code, key):
        import pandas as pd

        return pd.DataFrame(columns=["year", "value", "status"])


def test_key_messages_name_the_widest_gaps_and_the_largest_change():
    rows = [_row("worst", "werk", 30.0, 10.0), _row("mild", "werk", 12.0, 10.0),
            _row("best", "wonen", 80.0, 40.0, direction="higher_better")]
    msgs = key_messages(_NoSeries(), _data(rows), "en")
    assert len(msgs) == 3
    assert msgs[0].startswith("The widest unfavourable gap with Stad: worst, 30.0%")
    assert msgs[1].startswith("The widest favourable gap with Stad: best, 80.0%")
    # The first and latest value since the last boundary change, a missing year between.
    assert "from 15.0 in 2019 to 30.0% in 2022" in msgs[2] and "worst" in msgs[2]
    assert not any("because" in m or "due to" in m for m in msgs)


def test_without_a_favourable_gap_the_next_unfavourable_one_is_named():
    rows = [_row("worst", "werk", 30.0, 10.0), _row("mild", "werk", 12.0, 10.0)]
    for r in rows:  # a boundary change in 2021 leaves too short a stretch for a change
        r["series"][2]["comparable_with_previous"] = False
    msgs = key_messages(_NoSeries(), _data(rows), "nl")
    assert [m.split(":")[0] for m in msgs] == ["De grootste achterstand op Stad",
                                                "Ook ver achter op Stad"]


def test_sources_are_named_by_title_and_publisher_grouped_over_years():
    prov = {"sources": [
        {"id": "kwb-2023", "title": "Kerncijfers wijken en buurten 2023", "publisher": "CBS",
         "table": "85618NED", "years": [2023], "licence": "CC-BY-4.0"},
        {"id": "kwb-2024", "title": "Kerncijfers wijken en buurten 2024", "publisher": "CBS",
         "table": "85984NED", "years": [2024], "licence": "CC-BY-4.0"}]}
    assert source_lines(prov, "nl") == [
        "Kerncijfers wijken en buurten (CBS, tabel 85618NED, 85984NED; 2023–2024; CC-BY-4.0)"]


def test_svg_frame_keeps_shape_and_puts_north_up():
    frame = SvgFrame((4.0, 51.0, 4.1, 51.1), 200, 200, pad=0)
    x0, y0 = frame.point(4.0, 51.1)
    x1, y1 = frame.point(4.1, 51.0)
    assert y0 == pytest.approx(0, abs=0.1) and y1 == pytest.approx(200, abs=0.1)
    # A degree of longitude is shorter than one of latitude here: narrower than tall.
    assert (x1 - x0) == pytest.approx(200 * 0.629, rel=0.01)
    path = frame.path(shapely.box(4.0, 51.0, 4.05, 51.05))
    assert path.startswith("M") and path.endswith("Z")


@pytest.mark.slow
def test_locator_map_draws_the_area_and_its_surroundings(store):
    svg = locator_svg(store, "BU05991086", "Afrikaanderwijk <test>")
    assert svg.startswith("<svg") and "&lt;test&gt;" in svg
    assert svg.count("<path") > 5 and "http" not in svg.replace(
        'xmlns="http://www.w3.org/2000/svg"', "")
