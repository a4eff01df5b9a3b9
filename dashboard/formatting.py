"""Numbers, dates and year ranges written the Dutch or the English way.

Dutch: ``1.234,5`` and ``14 september 2026``. English: ``1,234.5`` and
``14 September 2026``. Missing values are shown as an en dash, never as ``nan``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

MISSING = "–"

_MONTHS = {
    "nl": (
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}


def _to_decimal(value: object) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    try:
        number = float(value)  # also numpy scalars; pd.NA raises TypeError
    except (TypeError, ValueError):
        return None
    if not math.isfinite(number):
        return None
    # repr gives the shortest decimal that round-trips, so 1.005 rounds as people expect.
    return Decimal(repr(number))


def format_number(value: object, lang: str | None, decimals: int = 0) -> str:
    """Format a number with the thousands and decimal separators of ``lang``.

    Halves round away from zero (``2.5`` -> ``3``), as in school and in spreadsheets.

    Parameters
    ----------
    value : int, float or None
        The number; ``None``, NaN, infinity and non-numbers give an en dash.
    lang : str or None
        ``"en"`` for ``1,234.5``; anything else gives Dutch ``1.234,5``.
    decimals : int
        Digits after the decimal separator.

    Returns
    -------
    str
        The formatted number, e.g. ``"-1.234,5"``.
    """
    number = _to_decimal(value)
    if number is None:
        return MISSING
    step = Decimal(1).scaleb(-decimals) if decimals > 0 else Decimal(1)
    try:
        rounded = number.quantize(step, rounding=ROUND_HALF_UP)
    except InvalidOperation:  # more digits than the decimal context holds
        rounded = number
    if rounded == 0:
        rounded = abs(rounded)  # no "-0"
    text = f"{rounded:,.{max(decimals, 0)}f}"
    if lang == "en":
        return text
    return text.translate(str.maketrans({",": ".", ".": ","}))


def format_estimate(value: object, lower: object, upper: object, lang: str | None,
                    decimals: int = 0, unit: str = "") -> str:
    """A value with its published 95 % interval: ``"72 % (68–76 %)"`` (no-break spaces
    before the unit).

    Parameters
    ----------
    value, lower, upper
        The estimate and the bounds of its interval; without both bounds (None, NaN) the
        value is shown alone.
    lang, decimals
        As for :func:`format_number`.
    unit
        Written after the value and after the interval (``""``: none).
    """
    if _to_decimal(lower) is None or _to_decimal(upper) is None:
        return format_number(value, lang, decimals) + (f" {unit}" if unit else "")
    # no-break spaces: a narrow screen may break the line only before the interval
    tail = f"\u00a0{unit}" if unit else ""
    return (f"{format_number(value, lang, decimals)}{tail} ({format_number(lower, lang, decimals)}"
            f"–{format_number(upper, lang, decimals)}{tail})")


def format_int(value: object, lang: str | None) -> str:
    """Format a whole number, e.g. a count (``12.345`` / ``12,345``).

    Parameters
    ----------
    value : int, float or None
        The number; fractions are rounded.
    lang : str or None
        ``"nl"`` or ``"en"``.

    Returns
    -------
    str
        The formatted number, or an en dash when missing.
    """
    return format_number(value, lang, decimals=0)


def _parse_date(iso: object) -> date | None:
    if isinstance(iso, datetime):
        return iso.date()
    if isinstance(iso, date):
        return iso
    if not isinstance(iso, str) or not iso.strip():
        return None
    text = iso.strip().replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        return None


def format_date(iso: object, lang: str | None) -> str:
    """Write an ISO date or timestamp as a date in words.

    The calendar date is taken as written in the timestamp (its own UTC offset).

    Parameters
    ----------
    iso : str, date or datetime
        E.g. ``"2026-09-14T22:08:57+00:00"`` or ``"2026-09-14"``.
    lang : str or None
        ``"en"`` for ``14 September 2026``; anything else gives ``14 september 2026``.

    Returns
    -------
    str
        The date in words, or an en dash when missing or unreadable.
    """
    day = _parse_date(iso)
    if day is None:
        return MISSING
    months = _MONTHS["en" if lang == "en" else "nl"]
    return f"{day.day} {months[day.month - 1]} {day.year}"


def format_year_ranges(years: Iterable[object]) -> str:
    """Write years compactly as ranges: ``[2014, 2015, 2016, 2019]`` -> ``2014–2016, 2019``.

    Parameters
    ----------
    years : iterable of int or str
        Years in any order; duplicates and non-years are ignored.

    Returns
    -------
    str
        The ranges joined by commas, or an en dash when there are none.
    """
    clean = sorted({int(y) for y in years if str(y).strip().isdigit()})
    if not clean:
        return MISSING
    parts: list[str] = []
    start = prev = clean[0]
    for year in [*clean[1:], None]:
        if year is not None and year == prev + 1:
            prev = year
            continue
        parts.append(str(start) if start == prev else f"{start}–{prev}")
        if year is not None:
            start = prev = year
    return ", ".join(parts)


def format_ordinal(n: int, lang: str) -> str:
    """``6e`` in Dutch, ``6th`` (1st, 2nd, 3rd, 11th, 12th, 13th, 21st …) in English."""
    if lang != "en":
        return f"{n}e"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def short_label(label: str, unit: str) -> str:
    """An indicator label without the unit it ends with, so the unit is named once.

    ``short_label("Bijstand per 1.000 inwoners 15-64 jaar", "per 1.000 inwoners 15-64 jaar")``
    gives ``"Bijstand"``; a label that does not end with its unit is returned unchanged.
    """
    head, unit = label.rstrip(), unit.strip()
    if unit and len(head) > len(unit) and head.lower().endswith(unit.lower()):
        cut = head[: -len(unit)].rstrip(" ,(–-")
        if cut:
            return cut
    return label


def label_with_unit(label: str, unit: str) -> str:
    """``"Bijstand (per 1.000 inwoners 15-64 jaar)"``: label and unit, the unit once."""
    short = short_label(label, unit)
    return f"{short} ({unit})" if unit else short


def with_unit(number: str, unit: str) -> str:
    """``52,1%`` or ``157,1 per 1.000 inwoners``: a formatted number with its unit."""
    if not unit:
        return number
    return f"{number}{unit}" if unit.startswith("%") else f"{number} {unit}"
