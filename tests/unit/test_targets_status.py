"""Status of a target on hand-made series (test data built here, not real figures)."""

from __future__ import annotations

import pytest

from dashboard.targets.status import (
    MET,
    NO_DATA,
    OFF_TRACK,
    ON_TRACK,
    assess,
    direction_sign,
    explain,
    path_value,
)


def fmt(value):
    return "–" if value is None else f"{value:g}"


def ok(value):
    return (float(value), "ok")


def run(series, *, baseline=2015, target_year=2031, target=50.0, direction="higher_worse"):
    return assess(series, baseline_year=baseline, target_year=target_year,
                  target_value=target, direction=direction)


def test_path_is_a_straight_line_capped_at_the_target_year():
    assert path_value(2015, 100.0, 2031, 50.0, 2015) == 100.0
    assert path_value(2015, 100.0, 2031, 50.0, 2023) == pytest.approx(75.0)
    assert path_value(2015, 100.0, 2031, 50.0, 2031) == 50.0
    assert path_value(2015, 100.0, 2031, 50.0, 2040) == 50.0  # never beyond the target


def test_on_track_when_at_or_beyond_the_path_lower_is_better():
    # path in 2023: 100 - 50 * 8/16 = 75
    on = run({2015: ok(100), 2023: ok(70)})
    assert (on.status, on.latest_year, on.latest) == (ON_TRACK, 2023, 70.0)
    assert on.path_value == pytest.approx(75.0)
    assert run({2015: ok(100), 2023: ok(75)}).status == ON_TRACK  # exactly on the path
    off = run({2015: ok(100), 2023: ok(80)})
    assert off.status == OFF_TRACK and off.reason == "off_track"


def test_on_track_higher_is_better():
    # baseline 40 (2014) -> 60 (2024): path in 2019 is 50
    kwargs = {"baseline": 2014, "target_year": 2024, "target": 60.0,
              "direction": "higher_better"}
    assert run({2014: ok(40), 2019: ok(51)}, **kwargs).status == ON_TRACK
    assert run({2014: ok(40), 2019: ok(49)}, **kwargs).status == OFF_TRACK


def test_met_when_the_latest_value_reaches_the_target():
    res = run({2015: ok(100), 2020: ok(49.5)})
    assert res.status == MET and res.latest_year == 2020
    res = run({2014: ok(10), 2016: ok(21)}, baseline=2014, target=20.0,
              direction="higher_better")
    assert res.status == MET


def test_the_latest_ok_year_counts_and_gaps_are_never_filled():
    series = {2015: ok(100), 2016: ok(90), 2017: (None, "missing"), 2018: (None, "secret")}
    res = run(series)
    assert res.latest_year == 2016 and res.latest == 90.0  # not 2018, not interpolated
    assert res.gaps == ((2017, "missing"), (2018, "secret"))
    assert res.status == ON_TRACK  # path 2016: 96.875; 90 is below (better)


def test_a_gap_between_two_values_is_listed_but_the_later_value_counts():
    series = {2015: ok(100), 2018: (None, "secret"), 2024: ok(60)}
    res = run(series)
    assert (res.latest_year, res.status) == (2024, ON_TRACK)  # path 2024: 71.875
    assert res.gaps == ((2018, "secret"),)
    text = explain(res, "en", fmt)
    assert "No value in 2018 (secret)" in text


def test_secret_values_are_not_data():
    secret_later = run({2015: ok(100), 2016: (None, "secret"), 2017: (None, "secret")})
    assert (secret_later.status, secret_later.reason) == (NO_DATA, "no_later")
    secret_base = run({2015: (None, "secret"), 2020: ok(80)})
    assert (secret_base.status, secret_base.reason) == (NO_DATA, "no_baseline")
    assert "(geheim)" in explain(secret_base, "nl", fmt)
    absent_base = run({2020: ok(80)})
    assert absent_base.reason == "no_baseline"
    assert "(no data)" in explain(absent_base, "en", fmt)


def test_no_target_value_means_not_enough_data():
    res = run({2015: ok(100), 2020: ok(80)}, target=None)
    assert (res.status, res.reason) == (NO_DATA, "no_target")


def test_a_target_year_in_the_past_compares_against_the_target_itself():
    past = {"baseline": 2010, "target_year": 2020, "target": 50.0}
    missed = run({2010: ok(100), 2024: ok(60)}, **past)
    assert (missed.status, missed.reason) == (OFF_TRACK, "past")
    assert missed.path_value == 50.0
    assert "2020" in explain(missed, "en", fmt) and "has passed" in explain(missed, "en", fmt)
    assert run({2010: ok(100), 2024: ok(45)}, **past).status == MET
    # a value in the target year itself is judged against the target, not a path
    assert run({2010: ok(100), 2020: ok(51)}, **past).reason == "past"


def test_neutral_indicator_takes_its_direction_from_the_target():
    assert direction_sign("neutral", 52.0, 37.0) == -1
    assert direction_sign("neutral", 30.0, 36.0) == 1
    assert direction_sign("higher_worse", 30.0, 36.0) == -1
    down = run({2014: ok(52), 2024: ok(50)}, baseline=2014, target=37.0, direction="neutral")
    # path 2024: 52 - 15 * 10/17 = 43.18; 50 is above it, the wrong side when going down
    assert down.sign == -1 and down.status == OFF_TRACK


def test_explanations_name_the_years_and_values_used_in_both_languages():
    res = run({2015: ok(100), 2023: ok(70)})
    nl = explain(res, "nl", fmt, "G4 2024")
    en = explain(res, "en", fmt, "G4 2024")
    for text in (nl, en):
        assert "2015 (100)" in text and "2023 (70)" in text and "2031 (50 = G4 2024)" in text
        assert "75" in text
    assert nl.startswith("Op koers") and "lager" in nl
    assert en.startswith("On track") and "at or below" in en
    off = explain(run({2015: ok(100), 2023: ok(80)}), "nl", fmt)
    assert off.startswith("Niet op koers") and "hoger dan de 75" in off
