"""Colours for maps and charts, and the classing of values into colour classes.

Sequential palettes follow ColorBrewer's colour-blind-safe YlOrRd and YlGnBu, without
their palest step (too close to the white map background). Every palette is ordered
from low to high *values*; :func:`palette_for` turns it so that dark means worse.
Greys are kept for areas without a value, so no-data never reads as a value.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

#: Warm ramp, light to dark: used where a direction says which end is bad.
YLORRD = ["#ffeda0", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#bd0026",
          "#800026"]
#: Cool ramp, light to dark: used for neutral indicators (dark = higher, no judgement).
YLGNBU = ["#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#253494",
          "#081d58"]

#: The page's palette (assets/tokens.css holds the same values as CSS custom properties):
#: values re-expressed from Rotterdam's published design tokens, all at WCAG AA on white.
BRAND = "#00548f"        # dark blue: links, the area on locator maps, the first line
INK = "#1a1a1a"
MUTED_TEXT = "#536165"   # 6.4:1 on white
SURFACE = "#eff4f6"
BORDER = "#cad6da"
#: Better / worse than a reference, by the indicator's direction (always with words too).
BETTER = "#00755f"       # 5.6:1 on white
WORSE = "#a12b5e"        # 6.9:1 on white

#: Areas whose value CBS keeps secret (darker grey) and areas without any value.
SECRET_COLOUR = "#a6a6a6"
NO_DATA_COLOUR = "#dcdcdc"
#: Areas whose value is too small to mean anything: a pale fill with a dark outline, so
#: they read as "there is a number, but do not compare it" (legend symbol ▣).
FLAGGED_COLOUR = "#f4f1ea"
FLAGGED_LINE = "#4d4d4d"
#: Outline of selected areas (map, bars, points): near-black reads on every ramp step.
HIGHLIGHT = "#111111"
#: Points in scatter plots (the page's blue), and the fill of selected points (Okabe-Ito
#: vermillion).
POINT_COLOUR = BRAND
SELECTED_COLOUR = "#d55e00"
#: Lines of selected areas in trend charts: the page's blue, then Okabe-Ito without its
#: yellow.
LINE_COLOURS = [BRAND, "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000"]
#: Benchmark lines: greys, told apart by dash pattern as well as shade. Their labels are
#: 11 px text in the same colour, so each grey is at least 4.5:1 on white (#666666: 5.7:1).
BENCHMARK_COLOURS = ["#4d4d4d", "#666666", "#595959", "#333333"]
#: Borders between areas on the map: the lightest class (#ffeda0) and white were 1.2:1 apart
#: with white borders; this grey is 4.5:1 against that class and 5.7:1 against white
#: (WCAG 1.4.11, non-text contrast).
AREA_BORDER = "#666666"
BENCHMARK_DASHES = ["dash", "dot", "dashdot", "longdash"]
TRANSPARENT = "rgba(0,0,0,0)"

# Stops sit this far (as a fraction of the colour range) below each break, so a value
# exactly on a break gets the upper class in the browser too, whatever the rounding.
_EPS = 1e-9


def palette_for(direction: str) -> list[str]:
    """The sequential palette for an indicator direction, ordered from low to high values.

    Parameters
    ----------
    direction : str
        ``"higher_worse"`` (high values dark), ``"higher_better"`` (low values dark) or
        ``"neutral"`` (high values dark, in a cool ramp that implies no judgement).

    Returns
    -------
    list of str
        Hex colours; the first belongs to the lowest values.
    """
    if direction == "higher_better":
        return YLORRD[::-1]
    if direction == "higher_worse":
        return list(YLORRD)
    return list(YLGNBU)


def class_colours(direction: str, n: int) -> list[str]:
    """``n`` colours spread over the palette for ``direction``, low values first.

    Parameters
    ----------
    direction : str
        As for :func:`palette_for`.
    n : int
        Number of classes (at most the palette length).

    Returns
    -------
    list of str
        One colour per class; a single class gets the palette's middle colour.
    """
    palette = palette_for(direction)
    if n <= 1:
        return [palette[len(palette) // 2]] * max(n, 0)
    n = min(n, len(palette))
    return [palette[round(i * (len(palette) - 1) / (n - 1))] for i in range(n)]


def _finite(values: Iterable[object]) -> np.ndarray:
    arr = np.array([float(v) if v is not None else math.nan for v in values], dtype=float)
    return arr[np.isfinite(arr)]


def quantile_breaks(values: Iterable[object], k: int = 5,
                    decimals: int | None = None) -> list[float]:
    """Class edges at quantiles: the minimum, ``k - 1`` inner breaks and the maximum.

    Parameters
    ----------
    values : iterable of float
        The values to class; NaN and None are ignored.
    k : int
        Wanted number of classes.
    decimals : int, optional
        Round inner breaks to this many decimals (the precision values are shown at), so
        the labels are the real edges.

    Returns
    -------
    list of float
        Sorted unique edges; ``len - 1`` classes. With fewer distinct values than ``k``,
        one class per distinct value (breaks halfway between them). One distinct value
        gives ``[v, v]``, one class; no values give ``[]``.
    """
    arr = _finite(values)
    if arr.size == 0:
        return []
    distinct = np.unique(arr)
    if distinct.size == 1:
        return [float(distinct[0])] * 2
    if distinct.size <= k:
        inner = (distinct[:-1] + distinct[1:]) / 2
    else:
        inner = np.quantile(arr, np.linspace(0, 1, k + 1)[1:-1])
    if decimals is not None:
        inner = np.round(inner, decimals)
    lo, hi = float(distinct[0]), float(distinct[-1])
    edges = {lo, hi} | {float(b) for b in inner if lo < b < hi}
    return sorted(edges)


def classify(values: Iterable[object], breaks: list[float]) -> list[int]:
    """The class of each value: class ``i`` holds ``breaks[i] <= v < breaks[i + 1]``.

    The last class also holds the maximum. This matches how a stepped colour scale from
    :func:`stepped_colorscale` colours values that fall exactly on a break.

    Parameters
    ----------
    values : iterable of float
        Values to class.
    breaks : list of float
        Edges from :func:`quantile_breaks`.

    Returns
    -------
    list of int
        Class index per value, ``-1`` for NaN/None or when there are no breaks.
    """
    n = max(len(breaks) - 1, 1)
    out = []
    for v in values:
        x = math.nan if v is None else float(v)
        if not breaks or not math.isfinite(x):
            out.append(-1)
            continue
        i = int(np.searchsorted(breaks, x, side="right")) - 1
        out.append(min(max(i, 0), n - 1))
    return out


def stepped_colorscale(breaks: list[float], direction: str) -> list[list]:
    """A Plotly colour scale with one flat band per class, for ``zmin/zmax`` = outer breaks.

    Parameters
    ----------
    breaks : list of float
        Edges from :func:`quantile_breaks` (at least two).
    direction : str
        Indicator direction, see :func:`palette_for`.

    Returns
    -------
    list of [float, str]
        Pairs of position (0–1) and colour; each colour appears at two consecutive stops.
    """
    n = max(len(breaks) - 1, 1)
    colours = class_colours(direction, n)
    lo, hi = breaks[0], breaks[-1]
    span = hi - lo
    inner = [max((b - lo) / span - _EPS, 0.0) for b in breaks[1:-1]] if span > 0 else []
    pos = [0.0, *inner, 1.0]
    scale: list[list] = []
    for i, colour in enumerate(colours):
        scale += [[pos[i], colour], [pos[i + 1], colour]]
    return scale


def continuous_colorscale(direction: str) -> list[list]:
    """The palette for ``direction`` as an evenly spread continuous Plotly colour scale."""
    palette = palette_for(direction)
    last = len(palette) - 1
    return [[i / last, colour] for i, colour in enumerate(palette)]
