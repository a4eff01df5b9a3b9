"""Typed, bounded parsers for values a client sends (URL parameters, callback inputs).

Each type is a pydantic ``Annotated`` type: strict about the JSON type (a list is never a
string, a bool never a number), bounded in length and range, and for text free of control
characters. Integers are read from ASCII digits only: ``"²".isdigit()`` is true in Python
but ``int("²")`` fails, and a 5,000-digit string must never reach ``int()`` or ``range()``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Annotated, Any, Literal, NotRequired

from pydantic import AfterValidator, BeforeValidator, Field, StrictBool, StrictInt, StrictStr
from typing_extensions import TypedDict  # pydantic needs this TypedDict before Python 3.12

#: Years anything in this app can be about; a store's own range is narrower.
FIRST_YEAR, LAST_YEAR = 1900, 2100
_DIGITS = re.compile(r"[0-9]{1,9}")  # [0-9], not \d: ASCII only


class Refused(ValueError):
    """A value of the wrong type, size or form (the message says which, never echoes it)."""


def ascii_int(value: object, lo: int, hi: int) -> int | None:
    """``value`` as an int in ``lo..hi``, or None.

    Accepts an int (not a bool), an integral float, or a string of at most 9 ASCII digits
    (surrounding spaces allowed); anything else, and anything out of range, gives None.

    Parameters
    ----------
    value : object
        What the client sent.
    lo, hi : int
        Inclusive bounds.

    Returns
    -------
    int or None
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        if not (math.isfinite(value) and value.is_integer()):
            return None
        value = int(value)
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and _DIGITS.fullmatch(value.strip()):
        number = int(value.strip())
    else:
        return None
    return number if lo <= number <= hi else None


def has_control(text: str, allow: str = "") -> bool:
    """Whether ``text`` holds a control character (Unicode category Cc) not in ``allow``."""
    return any(unicodedata.category(ch) == "Cc" and ch not in allow for ch in text)


def clean_text(value: object, max_len: int, allow: str = "") -> str | None:
    """``value`` if it is a string of at most ``max_len`` characters without control
    characters (other than those in ``allow``), else None."""
    if not isinstance(value, str) or len(value) > max_len or has_control(value, allow):
        return None
    return value


# -- pydantic types --------------------------------------------------------------------------

def _year(value: Any) -> int:
    year = ascii_int(value, FIRST_YEAR, LAST_YEAR)
    if year is None:
        raise ValueError(f"not a year from {FIRST_YEAR} to {LAST_YEAR}")
    return year


def _no_control(allow: str):
    def check(text: str) -> str:
        if has_control(text, allow):
            raise ValueError("holds a control character")
        return text
    return AfterValidator(check)


def _bounded_number(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("not a number")
    # A 400-digit JSON integer is valid JSON; float() of it overflows. Refuse it as a number.
    if isinstance(value, int) and abs(value) > 10**15:
        raise ValueError("number too large")
    return value


def Text(max_len: int, lines: bool = False):  # noqa: N802 - reads as a type
    """A string of at most ``max_len`` characters without control characters (with
    ``lines``: newlines and tabs allowed, as in a text area)."""
    return Annotated[StrictStr, Field(max_length=max_len),
                     _no_control("\n\r\t" if lines else "")]


#: A year from 1900 to 2100, as a number or a string of ASCII digits.
Year = Annotated[int, BeforeValidator(_year)]
#: A whole number a person typed in a form: the form itself says when it is out of range.
FormInt = Annotated[StrictInt, BeforeValidator(_bounded_number), Field(ge=-10**6, le=10**6)]
#: A finite number a person typed in a form.
FormNumber = Annotated[float, BeforeValidator(_bounded_number),
                       Field(ge=-1e15, le=1e15, allow_inf_nan=False, strict=False)]
#: An area code (CBS codes, custom areas): letters and digits.
Code = Annotated[StrictStr, Field(pattern=r"^[A-Za-z0-9]{1,16}$")]
#: A key of the catalogue, a target, a project, an option value.
Key = Annotated[StrictStr, Field(pattern=r"^[A-Za-z0-9_-]{1,80}$")]
#: A number of clicks.
Clicks = Annotated[StrictInt, Field(ge=0, le=10**9)]
#: The language a page stores.
Lang = Literal["nl", "en"]
#: A counter the app keeps in a store.
Counter = Annotated[StrictInt, Field(ge=0, le=10**9)]


def Codes(max_items: int):  # noqa: N802
    """A list of at most ``max_items`` area codes."""
    return Annotated[list[Code], Field(max_length=max_items)]


def Keys(max_items: int):  # noqa: N802
    """A list of at most ``max_items`` keys."""
    return Annotated[list[Key], Field(max_length=max_items)]


class Click(TypedDict):
    """The explorer's own click record (assets: the clientside click callback)."""

    code: Code
    add: NotRequired[StrictBool]
    at: NotRequired[Annotated[float, Field(ge=0, le=1e15, allow_inf_nan=False)]]


class PlotlyClick(TypedDict):
    """A Plotly ``clickData``: a few points, each a flat record of the clicked trace."""

    points: Annotated[list[dict[StrictStr, Any]], Field(max_length=50)]
