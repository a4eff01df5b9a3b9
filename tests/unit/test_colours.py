"""Palettes, quantile classes and stepped colour scales."""

from __future__ import annotations

import math

import pytest

from dashboard import colours as C


def _luminance(hex_colour: str) -> float:
    r, g, b = (int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _chroma(hex_colour: str) -> int:
    rgb = [int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]
    return max(rgb) - min(rgb)


def test_quantile_breaks_on_known_values():
    # test data, built here: 1..10, five classes at the 20/40/60/80 % quantiles
    assert C.quantile_breaks(range(1, 11), k=5) == pytest.approx([1, 2.8, 4.6, 6.4, 8.2, 10])


def test_quantile_breaks_round_to_the_shown_precision():
    # test data, built here
    assert C.quantile_breaks(range(1, 11), k=5, decimals=0) == [1, 3, 5, 6, 8, 10]


def test_quantile_breaks_ignore_missing_values():
    # test data, built here
    assert C.quantile_breaks([None, math.nan, 4.0, 2.0, 3.0, 1.0, 5.0, 6.0], k=2) == \
        pytest.approx([1, 3.5, 6])


def test_fewer_distinct_values_give_fewer_classes():
    # test data, built here: three distinct values -> three classes, breaks halfway
    breaks = C.quantile_breaks([1, 1, 1, 2, 2, 3], k=5)
    assert breaks == [1, 1.5, 2.5, 3]
    assert C.classify([1, 2, 3], breaks) == [0, 1, 2]


def test_one_value_or_none():
    # test data, built here
    assert C.quantile_breaks([7, 7, 7]) == [7, 7]
    assert C.classify([7], [7, 7]) == [0]
    assert C.quantile_breaks([None, math.nan]) == []
    assert C.classify([1.0], []) == [-1]


def test_classify_is_left_closed_and_keeps_the_maximum():
    # test data, built here
    breaks = [0, 10, 20, 30]
    assert C.classify([0, 9.9, 10, 19, 20, 30, None, math.nan], breaks) == \
        [0, 0, 1, 1, 2, 2, -1, -1]


@pytest.mark.parametrize(("direction", "dark_end"), [
    ("higher_worse", "high"), ("higher_better", "low"), ("neutral", "high")])
def test_palette_orientation_dark_is_worse(direction, dark_end):
    palette = C.palette_for(direction)
    lum = [_luminance(c) for c in palette]
    # palettes run from low to high values: luminance falls towards the dark end
    assert lum == sorted(lum, reverse=(dark_end == "high"))


def test_good_and_bad_directions_share_a_ramp_neutral_does_not():
    assert C.palette_for("higher_better") == C.palette_for("higher_worse")[::-1]
    assert set(C.palette_for("neutral")).isdisjoint(C.palette_for("higher_worse"))


def test_greys_differ_from_every_palette_colour():
    greys = {C.NO_DATA_COLOUR, C.SECRET_COLOUR}
    assert len(greys) == 2
    assert all(_chroma(g) == 0 for g in greys)
    for colour in C.YLORRD + C.YLGNBU:
        assert _chroma(colour) > 40, colour
    assert C.HIGHLIGHT not in C.YLORRD + C.YLGNBU


def test_class_colours_spread_over_the_palette():
    colours = C.class_colours("higher_worse", 5)
    assert len(set(colours)) == 5
    assert colours[0] == C.YLORRD[0] and colours[-1] == C.YLORRD[-1]
    assert C.class_colours("higher_better", 3)[0] == C.YLORRD[-1]


def test_stepped_colorscale_has_one_flat_band_per_class():
    # test data, built here
    breaks = [0.0, 10.0, 20.0, 40.0]
    scale = C.stepped_colorscale(breaks, "higher_worse")
    assert len(scale) == 6
    assert scale[0][0] == 0 and scale[-1][0] == 1
    colours = [c for _, c in scale]
    assert colours[0::2] == colours[1::2]  # each colour at two consecutive stops
    assert len(set(colours)) == 3
    # band edges sit (just below) the breaks, relative to the 0-40 range
    assert [round(p, 6) for p, _ in scale] == [0, 0.25, 0.25, 0.5, 0.5, 1]
    positions = [p for p, _ in scale]
    assert positions == sorted(positions)


def test_continuous_colorscale_spans_the_palette():
    scale = C.continuous_colorscale("neutral")
    assert scale[0] == [0.0, C.YLGNBU[0]] and scale[-1] == [1.0, C.YLGNBU[-1]]
