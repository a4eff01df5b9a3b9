"""Reading an uploaded .xlsx with bounded work, before anything is parsed in full.

A workbook is a zip file: 104 KB can hold a 100 MB shared string (a "zip bomb"), and 634 KB
a million rows. So the zip directory is checked first (number of members, total unpacked
size; Python's zipfile never unpacks more than a member's declared size, so the directory
cannot lie about it), then rows are read one at a time (openpyxl's read-only mode, without
the sheet's declared dimensions), at most ``max_rows + 1`` non-empty ones, within a time
budget.
"""

from __future__ import annotations

import io
import time
import zipfile

#: Members of a plain workbook: a dozen or so; styles, themes and sheets add a few each.
MAX_MEMBERS = 64
#: Total unpacked size. A 2 MB workbook of text unpacks to about 10-15 MB.
MAX_UNPACKED = 20 * 1024 * 1024
#: Columns read per row (the template has 14).
MAX_COLUMNS = 60
#: Rows read at most (empty ones included), as a multiple of the rows accepted.
EMPTY_FACTOR = 4
#: Seconds a workbook may take to read.
TIME_BUDGET = 20.0


class Refused(ValueError):
    """The workbook is refused before or while reading; ``key`` names why (a text key
    ``projects.err_<key>``), ``params`` fill in its message."""

    def __init__(self, key: str, **params: object):
        super().__init__(key, params)
        self.key, self.params = key, params


def check_zip(data: bytes) -> None:
    """Refuse a workbook whose zip directory promises too much work.

    Raises
    ------
    Refused
        ``file_unreadable`` (not a zip), ``file_packed`` (too many members or too large
        unpacked).
    """
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise Refused("file_unreadable") from None
    unpacked = sum(i.file_size for i in infos)
    if len(infos) > MAX_MEMBERS or unpacked > MAX_UNPACKED:
        raise Refused("file_packed", mb=MAX_UNPACKED // 2**20, members=MAX_MEMBERS)


def read_rows(data: bytes, max_rows: int, budget: float = TIME_BUDGET,
              clock=time.monotonic) -> tuple[list[str], list[list[str]]]:
    """Header and rows (as text) of the first sheet, refusing more than ``max_rows``.

    Parameters
    ----------
    data : bytes
        The .xlsx file.
    max_rows : int
        Most non-empty data rows accepted; reading stops at the one after.
    budget : float
        Seconds reading may take.
    clock : callable
        Time source (tests pass a fake one).

    Raises
    ------
    Refused
        ``file_unreadable``, ``file_packed``, ``file_rows`` or ``file_slow``.
    """
    from openpyxl import load_workbook

    check_zip(data)
    deadline = clock() + budget
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # any parser failure means the same thing to the user
        raise Refused("file_unreadable") from None
    try:
        sheet = book.worksheets[0]
        # A sheet may declare A1:XFD1048576; rows would be padded to that width.
        sheet.reset_dimensions()
        rows = sheet.iter_rows(values_only=True)
        header = [_text(v) for v in next(rows, ())[:MAX_COLUMNS]]
        out: list[list[str]] = []
        for n, row in enumerate(rows):
            if n % 256 == 0 and clock() > deadline:
                raise Refused("file_slow", seconds=int(budget))
            if n > EMPTY_FACTOR * max_rows:  # a million empty rows is no table either
                raise Refused("file_rows", max=max_rows)
            cells = [_text(v) for v in row[:len(header)]]
            if any(cells):
                if len(out) == max_rows:
                    raise Refused("file_rows", max=max_rows)
                out.append(cells + [""] * (len(header) - len(cells)))
    except Refused:
        raise
    except Exception:
        raise Refused("file_unreadable") from None
    finally:
        book.close()
    return header, out


def _text(value: object) -> str:
    return "" if value is None else str(value)
