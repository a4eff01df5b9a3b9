"""Small statistics and table helpers shared by the benchmark and the load test."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence


def percentile(values: Iterable[float], q: float) -> float | None:
    """The ``q``-th percentile (0-100) with linear interpolation between order statistics.

    The same definition as ``numpy.percentile(..., method="linear")``; None when empty.
    """
    data = sorted(float(v) for v in values)
    if not data:
        return None
    if not 0 <= q <= 100:
        raise ValueError(f"percentile must be within 0-100, got {q}")
    pos = (len(data) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return data[lo] + (data[hi] - data[lo]) * (pos - lo)


def summarise(values: Iterable[float]) -> dict:
    """``n``, ``p50``, ``p95``, ``p99``, ``max`` of ``values`` (rounded to 0.1)."""
    data = [float(v) for v in values]

    def r(x: float | None) -> float | None:
        return None if x is None else round(x, 1)

    return {"n": len(data), "p50": r(percentile(data, 50)), "p95": r(percentile(data, 95)),
            "p99": r(percentile(data, 99)), "max": r(max(data) if data else None)}


def ratio(slow: float | None, fast: float | None) -> float | None:
    """``slow / fast`` rounded to 0.1, None when either is missing or ``fast`` is 0."""
    if slow is None or not fast:
        return None
    return round(slow / fast, 1)


def _cell(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.1f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def table(rows: Sequence[dict], columns: Sequence[tuple[str, str]]) -> str:
    """A plain-text table: ``columns`` are (key, heading); text left, numbers right."""
    cells = [[_cell(row.get(key)) for key, _ in columns] for row in rows]
    widths = [max([len(head), *(len(c[i]) for c in cells)]) for i, (_, head) in
              enumerate(columns)]
    numeric = [all(isinstance(row.get(key), int | float) or row.get(key) is None
                   for row in rows) for key, _ in columns]

    def line(parts: Sequence[str]) -> str:
        return "  ".join(p.rjust(w) if num else p.ljust(w)
                         for p, w, num in zip(parts, widths, numeric, strict=True)).rstrip()

    out = [line([head for _, head in columns]), line(["-" * w for w in widths])]
    out += [line(c) for c in cells]
    return "\n".join(out)
