"""CBS markers for unpublished values, mapped to a value and a status.

CBS writes a secret or unknown value as a marker (``"."``, ``"x"``) or as a numeric
sentinel (``-99997``). Read naively those become numbers or zeros on a map, so every
raw cell goes through :func:`classify` first.

The marker lists below mirror ``markers`` in ``data/sources.yaml``; keep them in step.
"""

from __future__ import annotations

import math
import re
from typing import Any

#: Status of a classified cell.
OK, SECRET, MISSING, BLANK = "ok", "secret", "missing", "blank"

#: Text markers for "geheim / onvoldoende betrouwbaar" (compared case-insensitively).
SECRET_MARKERS = frozenset({".", "x"})
#: Numeric sentinels for a secret value.
SECRET_CODES = frozenset({-99997.0, -99999999.0})
#: Text markers for "niet beschikbaar / onbekend".
MISSING_MARKERS = frozenset({"?"})
#: Numeric sentinels for a value that is not available.
MISSING_CODES = frozenset({-99995.0, -99998.0})

# A plain decimal number with either a point or a Dutch decimal comma ("12,5").
_NUMBER_RE = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")
# Dutch thousands points with a decimal comma ("1.234,5"), as in hand-made exports.
_DUTCH_GROUPED_RE = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")


def _parse_number(text: str) -> float | None:
    if _DUTCH_GROUPED_RE.match(text):
        return float(text.replace(".", "").replace(",", "."))
    if _NUMBER_RE.match(text):
        return float(text.replace(",", "."))
    return None


def _classify_number(value: float) -> tuple[float | None, str]:
    if math.isnan(value):
        # pandas reads an empty cell as NaN: it is a blank, not a number.
        return None, BLANK
    if value in SECRET_CODES:
        return None, SECRET
    if value in MISSING_CODES or math.isinf(value):
        return None, MISSING
    return float(value), OK


def classify(raw: Any) -> tuple[float | None, str]:
    """Turn one raw cell into ``(value, status)``.

    Parameters
    ----------
    raw
        A cell as received: number, string (possibly padded) or ``None``.

    Returns
    -------
    tuple of (float or None, str)
        ``(float, "ok")`` for a number or numeric string (decimal point or Dutch
        decimal comma); ``(None, "secret")`` for ``"."``, ``"x"``, ``-99997`` and
        ``-99999999``; ``(None, "missing")`` for ``"?"``, ``-99995``, ``-99998`` and any
        other text; ``(None, "blank")`` for ``None`` or empty text. Whether a blank is
        secret or missing depends on the rest of its column, so the build decides.
        A marker never comes back as ``0``.
    """
    if raw is None:
        return None, BLANK
    # bool is an int subclass, but True is no measurement.
    if isinstance(raw, bool):
        return None, MISSING
    if isinstance(raw, int | float):
        return _classify_number(float(raw))
    text = str(raw).strip()
    if not text:
        return None, BLANK
    if text.lower() in SECRET_MARKERS:
        return None, SECRET
    if text in MISSING_MARKERS:
        return None, MISSING
    number = _parse_number(text)
    if number is None:
        return None, MISSING
    return _classify_number(number)
