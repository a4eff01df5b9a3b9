"""Figures of the targets page on a hand-made series (test data built here)."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.catalogue import load_catalogue
from dashboard.targets.figures import STATUS_COLOURS, detail_figure, sparkline
from dashboard.targets.status import assess


@pytest.fixture(scope="module")
def ind(repo_root):
    return load_catalogue(repo_root / "data" / "indicators.yaml")["bijstand_per_1000_15_64"]


def frame(rows) -> pd.DataFrame:
    return pd.DataFrame([{"year": y, "value": v, "status": s, "partial": False,
                          "comparable_with_previous": None} for y, v, s in rows])


SERIES = frame([(2015, 120.0, "ok"), (2016, 118.0, "ok"), (2017, None, "secret"),
                (2018, 110.0, "ok"), (2024, 90.0, "ok")])


def result():
    points = {int(r.year): (None if pd.isna(r.value) else r.value, r.status)
              for r in SERIES.itertuples()}
    return assess(points, baseline_year=2015, target_year=2031, target_value=60.0,
                  direction="higher_worse")


def test_detail_chart_breaks_at_gaps_and_draws_the_path(ind):
    a = result()
    fig = detail_figure(SERIES, a, ind, "nl", "Zuid",
                        ("Rotterdam", frame([(2015, 95.0, "ok"), (2024, 70.0, "ok")])))
    measured, path, target, bench = fig.data
    ys = list(measured.y)
    # 2017 is secret: no value there, and no line from 2016 over 2017 to 2018 or 2018 to 2024
    assert 110.0 in ys and 90.0 in ys and 2017 in list(measured.x)
    assert ys == [120.0, 118.0, None, 110.0, None, 90.0]  # None: 2017, then a break
    assert list(path.x) == [2015, 2031] and list(path.y) == [120.0, 60.0]
    assert list(target.x) == [2031] and target.marker.symbol == "star"
    assert bench.name == "Rotterdam" and None in list(bench.y)  # 2015 and 2024 not joined
    assert "2017" in fig.layout.annotations[0].text


def test_sparkline_marks_the_latest_value_in_its_status_colour(ind):
    a = result()
    fig = sparkline(SERIES, a, ind, "en")
    latest = fig.data[-1]
    assert (list(latest.x), list(latest.y)) == ([2024], [90.0])
    assert latest.marker.color == STATUS_COLOURS[a.status]
    assert fig.layout.height == 90 and fig.layout.xaxis.visible is False


def test_detail_chart_without_values_says_so(ind):
    empty = frame([(2015, None, "secret")])
    a = assess({2015: (None, "secret")}, baseline_year=2015, target_year=2031,
               target_value=60.0, direction="higher_worse")
    fig = detail_figure(empty, a, ind, "en", "Zuid")
    assert not fig.data and fig.layout.annotations[0].text == "No figures for this choice."
