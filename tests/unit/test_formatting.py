"""Numbers and dates in Dutch and English notation."""

from __future__ import annotations

import math
from datetime import date, datetime

import pytest

from dashboard.formatting import (
    MISSING,
    format_date,
    format_int,
    format_number,
    format_year_ranges,
)


@pytest.mark.parametrize(
    ("value", "decimals", "nl", "en"),
    [
        # test data, built here
        (1234.5, 1, "1.234,5", "1,234.5"),
        (1234.5, 0, "1.235", "1,235"),
        (-1234.5, 1, "-1.234,5", "-1,234.5"),
        (-1234567.891, 2, "-1.234.567,89", "-1,234,567.89"),
        (0, 0, "0", "0"),
        (0.5, 0, "1", "1"),
        (2.5, 0, "3", "3"),
        (-2.5, 0, "-3", "-3"),
        (1.005, 2, "1,01", "1.01"),
        (999.96, 1, "1.000,0", "1,000.0"),
        (12, 2, "12,00", "12.00"),
        (1000000, 0, "1.000.000", "1,000,000"),
        (0.04, 1, "0,0", "0.0"),
    ],
)
def test_format_number(value, decimals, nl, en):
    assert format_number(value, "nl", decimals) == nl
    assert format_number(value, "en", decimals) == en


def test_rounding_to_zero_drops_the_sign():
    assert format_number(-0.4, "nl") == "0"
    assert format_number(-0.04, "en", 1) == "0.0"


@pytest.mark.parametrize("missing", [None, math.nan, float("inf"), -math.inf, "abc", True])
def test_missing_values_are_a_dash(missing):
    assert format_number(missing, "nl", 1) == MISSING == "–"
    assert format_int(missing, "en") == "–"


def test_numpy_and_pandas_values():
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    assert format_number(np.float64(1234.5), "nl", 1) == "1.234,5"
    assert format_int(np.int64(3456), "en") == "3,456"
    assert format_int(pd.NA, "nl") == "–"
    assert format_number(np.nan, "en") == "–"


def test_unknown_language_is_dutch():
    assert format_number(1234.5, "de", 1) == "1.234,5"
    assert format_number(1234.5, None, 1) == "1.234,5"


def test_format_int_rounds_and_groups():
    assert format_int(123456, "nl") == "123.456"
    assert format_int(123456, "en") == "123,456"
    assert format_int(1234.6, "nl") == "1.235"
    assert format_int(-87654321, "en") == "-87,654,321"


@pytest.mark.parametrize(
    ("iso", "nl", "en"),
    [
        ("2026-09-14T22:08:57+00:00", "14 september 2026", "14 September 2026"),
        ("2026-11-23T04:10:00Z", "23 november 2026", "23 November 2026"),
        ("2024-01-05", "5 januari 2024", "5 January 2024"),
        ("2025-03-31T10:00:00", "31 maart 2025", "31 March 2025"),
        (date(2023, 5, 1), "1 mei 2023", "1 May 2023"),
        (datetime(2022, 10, 2, 8, 0), "2 oktober 2022", "2 October 2022"),
    ],
)
def test_format_date(iso, nl, en):
    assert format_date(iso, "nl") == nl
    assert format_date(iso, "en") == en


@pytest.mark.parametrize("bad", [None, "", "yesterday", "2026-13-01", 20260914])
def test_unreadable_dates_are_a_dash(bad):
    assert format_date(bad, "nl") == "–"


@pytest.mark.parametrize(
    ("years", "expected"),
    [
        ([2014, 2015, 2016, 2019], "2014–2016, 2019"),
        ([2019, 2014, 2016, 2015, 2016], "2014–2016, 2019"),
        (["2020", "2022", "2021"], "2020–2022"),
        ([2024], "2024"),
        ([2014, 2016, 2018], "2014, 2016, 2018"),
        ([], "–"),
    ],
)
def test_format_year_ranges(years, expected):
    assert format_year_ranges(years) == expected


def test_estimate_with_interval_keeps_unit_and_bounds_together():
    from dashboard.formatting import format_estimate

    nb = "\u00a0"
    assert format_estimate(72.4, 68.0, 76.2, "nl", 0, "%") == f"72{nb}% (68–76{nb}%)"
    assert format_estimate(7.25, 6.5, 8.0, "nl", 1) == "7,3 (6,5–8,0)"
    assert format_estimate(1234.5, 1000, 1500, "en", 1) == "1,234.5 (1,000.0–1,500.0)"
    # no interval (None, NaN): the value alone, as format_number writes it
    assert format_estimate(72.0, None, 76.0, "nl", 0, "%") == "72 %"
    assert format_estimate(72.0, float("nan"), float("nan"), "en") == "72"
