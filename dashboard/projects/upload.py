"""Uploading activities: read a CSV or Excel file, check every row, save the good ones.

A file is read whole before anything is saved. Bad rows are reported with their row number
(as a spreadsheet shows it: the header is row 1) and the reason; good rows are saved in one
transaction, and a row already stored (same content) is counted as a duplicate, not added.
"""

from __future__ import annotations

import base64
import binascii
import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd

from dashboard.guard.values import has_control
from dashboard.projects.db import FIELDS, count_activities, save_activities
from dashboard.projects.model import PILLARS
from dashboard.projects.workbook import Refused, read_rows
from dashboard.settings import get_settings

#: Largest accepted file, after base64 decoding (``dcc.Upload`` is capped a bit above).
MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
REQUIRED = ("project", "name", "pillar", "start_date")
_LIMITS = {"project": 200, "name": 300, "organisation": 300, "source": 500,
           "summary_nl": 4000, "summary_en": 4000, "target_group": 1000}
_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")


class Problem(ValueError):
    """What is wrong, as a text key of dashboard/texts/projects.py and its values."""

    def __init__(self, key: str, **params: object):
        # a value from the file is quoted back short: enough to find it, never a wall of text
        params = {k: (v[:60] + "…" if isinstance(v, str) and len(v) > 60 else v)
                  for k, v in params.items()}
        super().__init__(key, params)
        self.key, self.params = key, params

    def message(self, lang: str) -> str:
        """The problem in words, in ``lang``."""
        from dashboard.i18n import t

        return t(f"projects.err_{self.key}", lang, **self.params)


class UploadError(Problem):
    """The file as a whole cannot be read (type, size, encoding, columns)."""


@dataclass
class UploadResult:
    saved: int = 0
    duplicates: int = 0
    rejected: list[tuple[int, Problem]] = field(default_factory=list)  # (row number, why)
    error: Problem | None = None  # the file was refused as a whole; nothing saved


def template_csv() -> str:
    """The upload template: the header row only (no example data to mistake for real)."""
    return ",".join(FIELDS) + "\n"


def decode_upload(contents: str, filename: str) -> pd.DataFrame:
    """Turn ``dcc.Upload`` contents (a base64 data URL) into a frame of strings.

    Raises
    ------
    UploadError
        For an unknown file type, a file over :data:`MAX_BYTES`, unreadable content, or
        missing columns; the message names the problem.
    """
    name = (filename or "").lower()
    if not name.endswith((".csv", ".xlsx")):
        raise UploadError("file_type", file=filename)
    try:
        payload = contents.split(",", 1)[1] if "," in contents else contents
        if len(payload) > MAX_BYTES * 4 // 3 + 8:
            raise UploadError("file_size", file=filename, mb=MAX_BYTES // 2**20)
        data = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError) as exc:
        if isinstance(exc, UploadError):
            raise
        raise UploadError("file_unreadable", file=filename) from None
    if len(data) > MAX_BYTES:
        raise UploadError("file_size", file=filename, mb=MAX_BYTES // 2**20)
    try:
        if name.endswith(".xlsx"):
            header, rows = read_rows(data, MAX_ROWS)
            frame = pd.DataFrame(rows, columns=header, dtype=str)
        else:
            text = data.decode("utf-8-sig")
            sep = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t").delimiter
            # nrows: a file of short lines is read no further than the row limit
            frame = pd.read_csv(io.StringIO(text), dtype=str, sep=sep, keep_default_na=False,
                                nrows=MAX_ROWS + 1)
    except Refused as exc:
        raise UploadError(exc.key, file=filename, **exc.params) from None
    except UnicodeDecodeError:
        raise UploadError("file_encoding", file=filename) from None
    except Exception:  # any parser failure means the same thing to the user
        raise UploadError("file_unreadable", file=filename) from None
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        raise UploadError("file_columns", file=filename, columns=", ".join(missing))
    if len(frame) > MAX_ROWS:
        raise UploadError("file_rows", file=filename, max=MAX_ROWS)
    return frame.fillna("")


def _date(text: str) -> date:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text[:19].split(" ")[0], fmt).date()
        except ValueError:
            continue
    raise Problem("date", value=text)


def _number(text: str, what: str, lo: float, hi: float) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise Problem("number", field=what, value=text) from None
    if not lo <= value <= hi:
        raise Problem("range", field=what, value=text, lo=lo, hi=hi)
    return value


def check_row(raw: dict, known_code, known_postcode) -> dict:
    """One validated activity from a row of strings; :class:`Problem` says what is wrong."""
    row = {f: str(raw.get(f, "") or "").strip() for f in FIELDS}
    for f in REQUIRED:
        if not row[f]:
            raise Problem("empty", field=f)
    for f in FIELDS:
        if has_control(row[f], "\n\r\t"):
            raise Problem("control", field=f)
    for f, limit in _LIMITS.items():
        if len(row[f]) > limit:
            raise Problem("long", field=f, n=limit)
    pillar = row["pillar"].lower()
    if pillar not in PILLARS:
        raise Problem("pillar", value=row["pillar"], allowed=", ".join(PILLARS))
    start = _date(row["start_date"])
    end = _date(row["end_date"]) if row["end_date"] else None
    if end and end < start:
        raise Problem("end_before_start")
    codes = [c.strip().upper() for c in row["area_codes"].replace(";", ",").split(",")
             if c.strip()]
    unknown = [c for c in codes if not known_code(c)]
    if unknown:
        raise Problem("area_codes", codes=", ".join(unknown))
    postcode = row["postcode"].replace(" ", "")[:6]
    if postcode:
        postcode = postcode[:4]
        if not (postcode.isdigit() and len(postcode) == 4 and known_postcode(postcode)):
            raise Problem("postcode", value=row["postcode"])
    lat = lon = None
    if row["lat"] or row["lon"]:
        if not (row["lat"] and row["lon"]):
            raise Problem("lat_lon")
        lat = _number(row["lat"], "lat", 50.7, 53.6)  # the Netherlands
        lon = _number(row["lon"], "lon", 3.3, 7.3)
    if not (codes or postcode or lat is not None):
        raise Problem("no_place")
    return {**row, "pillar": pillar, "start_date": start, "end_date": end,
            "area_codes": ",".join(codes), "postcode": postcode or None, "lat": lat,
            "lon": lon}


def validate_frame(frame: pd.DataFrame, store) -> tuple[list[dict], list[tuple[int, Problem]]]:
    """Good rows and ``(row number, reason)`` for the bad ones; empty rows are skipped."""
    from dashboard.store.pc4 import load_pc4

    pc4 = load_pc4(store)
    postcodes = set(pc4["code"]) if pc4 is not None else set()
    good, bad = [], []
    for i, raw in enumerate(frame.to_dict(orient="records")):
        if not any(str(v).strip() for v in raw.values()):
            continue
        try:
            good.append(check_row(raw, lambda c: c in store.areas.index,
                                  postcodes.__contains__))
        except Problem as exc:
            bad.append((i + 2, exc))
    return good, bad


def import_upload(contents: str, filename: str, store, db=None, *, editor: str) -> UploadResult:
    """Decode, validate and save an uploaded file as ``editor``; never raises for bad
    input."""
    try:
        frame = decode_upload(contents, filename)
    except UploadError as exc:
        return UploadResult(error=exc)
    good, bad = validate_frame(frame, store)
    limit = get_settings().max_activities
    if good and count_activities(db) + len(good) > limit:
        # The page lists every activity: the cap keeps it, and its exports, bounded.
        return UploadResult(rejected=bad, error=UploadError(
            "store_full", file=filename, n=len(good), max=limit))
    saved, duplicates = save_activities(good, db, editor=editor, label=filename) \
        if good else (0, 0)
    return UploadResult(saved, duplicates, bad)
