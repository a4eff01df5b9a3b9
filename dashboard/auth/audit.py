"""The audit trail: who changed what, when, with the record before and after.

:func:`record` is called inside the transaction of the change itself (targets saved or
deleted, activities uploaded), so a change and its audit row are stored together or not at
all. The history can be read back per record, shown as "laatst gewijzigd door … op …", and
downloaded as a formula-safe CSV.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from dashboard.db import Database, audit, get_database
from dashboard.exports.tidy import neutralise
from dashboard.formatting import format_date
from dashboard.i18n import t

#: Times are stored in UTC and shown as the clock on the wall in Rotterdam.
LOCAL = ZoneInfo("Europe/Amsterdam")
COLUMNS = ("at", "editor", "action", "entity", "key", "field", "before", "after")


@dataclass(frozen=True)
class Change:
    """One audit row: ``before``/``after`` are None for an addition/deletion."""

    at: datetime
    actor: str
    entity: str
    key: str
    action: str
    before: dict | None
    after: dict | None

    def local_time(self) -> datetime:
        """When, in Rotterdam's time zone (SQLite gives back naive UTC)."""
        at = self.at if self.at.tzinfo else self.at.replace(tzinfo=UTC)
        return at.astimezone(LOCAL)

    def line(self, lang: str) -> str:
        """``Laatst gewijzigd door anna op 3 mei 2026 om 14:05``."""
        when = self.local_time()
        return t("auth.changed_by", lang, name=self.actor, date=format_date(when, lang),
                 time=when.strftime("%H:%M"))


def _json(value: dict | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True,
                                                 default=str)


def record(conn: sa.Connection, actor: str, entity: str, key: str, action: str,
           before: dict | None, after: dict | None) -> None:
    """Write one audit row on ``conn`` (inside the caller's transaction).

    Parameters
    ----------
    conn : sqlalchemy.Connection
        The connection of the change's own transaction.
    actor : str
        The editor's account name.
    entity : str
        ``"target"`` or ``"upload"``.
    key : str
        The record's key (a target key, an upload's file name).
    action : str
        ``"add"``, ``"update"``, ``"delete"`` or ``"upload"``.
    before, after : dict or None
        The record's fields before and after (JSON-serialisable).
    """
    conn.execute(audit.insert().values(
        at=datetime.now(UTC), actor=actor, entity=entity, entity_key=str(key)[:200],
        action=action, before=_json(before), after=_json(after)))


def _change(row) -> Change:
    return Change(row.at, row.actor, row.entity, row.entity_key, row.action,
                  json.loads(row.before) if row.before else None,
                  json.loads(row.after) if row.after else None)


def changes(entity: str, key: str | None = None, db: Database | None = None) -> list[Change]:
    """The changes to ``entity`` (to its record ``key`` if given), oldest first."""
    db = db or get_database()
    query = sa.select(audit).where(audit.c.entity == entity)
    if key is not None:
        query = query.where(audit.c.entity_key == key)
    with db.connect() as conn:
        return [_change(r) for r in conn.execute(query.order_by(audit.c.id))]


def last_changes(entity: str, db: Database | None = None) -> dict[str, Change]:
    """The latest change per record of ``entity``: key -> change."""
    db = db or get_database()
    latest = (sa.select(sa.func.max(audit.c.id)).where(audit.c.entity == entity)
              .group_by(audit.c.entity_key))
    with db.connect() as conn:
        rows = conn.execute(sa.select(audit).where(audit.c.id.in_(latest)))
        return {r.entity_key: _change(r) for r in rows}


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def history_rows(items: list[Change], lang: str) -> list[dict]:
    """One row per changed field of each change (every field of an addition or deletion)."""
    rows = []
    for change in items:
        before, after = change.before or {}, change.after or {}
        fields = [f for f in dict.fromkeys([*before, *after])
                  if before.get(f) != after.get(f)] or [""]
        for field in fields:
            rows.append({"at": change.local_time().isoformat(timespec="seconds"),
                         "editor": change.actor,
                         "action": t(f"auth.action.{change.action}", lang),
                         "entity": change.entity, "key": change.key, "field": field,
                         "before": _cell(before.get(field)), "after": _cell(after.get(field))})
    return rows


def history_csv(items: list[Change], lang: str) -> bytes:
    """The changes as CSV (UTF-8 with BOM, headers in ``lang``), every text cell
    formula-safe: keys, names and texts were typed by people."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([t(f"auth.col.{c}", lang) for c in COLUMNS])
    for row in history_rows(items, lang):
        writer.writerow([neutralise(row[c]) for c in COLUMNS])
    return out.getvalue().encode("utf-8-sig")
