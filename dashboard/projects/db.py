"""Project activities in the database (table ``activities`` of dashboard/db.py).

Each row has a ``uid``: a hash of its normalised content, so saving the same activity twice
(a repeated upload) adds nothing. Saves run in one transaction: all good rows or none,
together with one audit row naming the editor, the file and the activities it added.
"""

from __future__ import annotations

import hashlib
import threading
import unicodedata
from datetime import date

import sqlalchemy as sa

from dashboard.auth.audit import record
from dashboard.db import activities, get_database
from dashboard.projects.model import Point, Project, Text

#: The columns an activity is made of, in the template's order.
FIELDS = ("project", "name", "organisation", "pillar", "summary_nl", "summary_en",
          "start_date", "end_date", "area_codes", "postcode", "lat", "lon", "target_group",
          "source")


def _norm(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(round(value, 6))
    text = unicodedata.normalize("NFC", str(value))
    return " ".join(text.split()).casefold()


def activity_uid(row: dict) -> str:
    """A stable key of an activity's content (case and spacing ignored).

    Parameters
    ----------
    row : dict
        Values of :data:`FIELDS` (missing ones count as empty).

    Returns
    -------
    str
        64 hex characters (SHA-256).
    """
    text = "\x1f".join(_norm(row.get(f)) for f in FIELDS)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def save_activities(rows: list[dict], db=None, *, editor: str,
                    label: str = "") -> tuple[int, int]:
    """Insert activities whose uid is new, all in one transaction with their audit row.

    Parameters
    ----------
    rows : list of dict
        Validated rows (:data:`FIELDS`; dates as ``datetime.date``).
    db : dashboard.db.Database, optional
    editor : str
        Who saves them (recorded in the audit trail when anything is added).
    label : str
        Where they come from, e.g. the uploaded file's name.

    Returns
    -------
    tuple of int
        ``(saved, duplicates)``; a duplicate is already stored or repeated in ``rows``.
    """
    db = db or get_database()
    keyed: dict[str, dict] = {}
    for row in rows:
        keyed.setdefault(activity_uid(row), row)
    repeated = len(rows) - len(keyed)
    with db.begin() as conn:
        uids = list(keyed)
        known: set[str] = set()
        for i in range(0, len(uids), 500):  # stay under SQLite's bound-parameter limit
            chunk = uids[i:i + 500]
            known |= set(conn.execute(sa.select(activities.c.uid)
                                      .where(activities.c.uid.in_(chunk))).scalars())
        new = [{"uid": uid, **{f: row.get(f) for f in FIELDS}}
               for uid, row in keyed.items() if uid not in known]
        for row in new:
            for f in ("organisation", "summary_nl", "summary_en", "area_codes",
                      "target_group", "source"):
                row[f] = row[f] or ""
        if new:
            conn.execute(activities.insert(), new)
            record(conn, editor, "upload", label or "-", "upload", None, {
                "file": label, "saved": len(new), "duplicates": repeated + len(known),
                "activities": [f"{r['project']}: {r['name']} ({r['uid'][:12]})" for r in new]})
    return len(new), repeated + len(known)


def count_activities(db=None) -> int:
    """Number of activities stored."""
    db = db or get_database()
    with db.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(activities)).scalar())


def _iso(value: object) -> str | None:
    return value.isoformat() if isinstance(value, date) else (str(value) if value else None)


def _as_project(row) -> Project:
    points = []
    if row.lat is not None and row.lon is not None:
        points.append(Point(lat=row.lat, lon=row.lon))
    if row.postcode:
        points.append(Point(postcode=row.postcode))
    text = (row.target_group or "").strip()
    return Project(
        key=f"act-{row.uid[:12]}", name=row.name, project=row.project,
        organisations=tuple(o.strip() for o in (row.organisation or "").split(";")
                            if o.strip()),
        pillar=row.pillar or None,
        summary=Text(nl=row.summary_nl or "", en=row.summary_en or ""),
        start=_iso(row.start_date), end=_iso(row.end_date),
        areas=tuple(c.strip() for c in (row.area_codes or "").split(",") if c.strip()),
        points=tuple(points), target_group=Text(nl=text, en=text) if text else None,
        source=row.source or "upload", origin="upload")


#: Database URL -> (what identifies the stored activities, the activities read then).
_read: dict[str, tuple[tuple, list[Project]]] = {}
_read_lock = threading.Lock()


def read_activities(db=None) -> list[Project]:
    """Every stored activity as a :class:`~dashboard.projects.registry.Project`, oldest first.

    Activities are only ever added (:func:`save_activities`), each with a higher id, so
    their number, highest id and lowest and highest uid (content hashes: a database made
    again from scratch differs there) say whether anything changed since the last read, in
    this process or another one: the rows are read and turned into projects again only
    then (every explorer answer that shows projects asks for them).
    """
    db = db or get_database()
    with db.connect() as conn:
        version = tuple(conn.execute(sa.select(
            sa.func.count(), sa.func.max(activities.c.id), sa.func.min(activities.c.uid),
            sa.func.max(activities.c.uid))).one())
        with _read_lock:
            hit = _read.get(str(db.url))
        if hit and hit[0] == version:
            return list(hit[1])
        rows = conn.execute(sa.select(activities).order_by(activities.c.id)).all()
    projects = [_as_project(r) for r in rows]
    with _read_lock:
        _read[str(db.url)] = (version, projects)
    return list(projects)
