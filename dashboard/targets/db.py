"""Targets saved in the app: read, saved and deleted in the database's ``targets`` table.

Every write runs in one transaction together with its audit row (who, when, the record
before and after), so a failed save leaves both tables as they were. Callers validate
first (:func:`dashboard.targets.model.validate_target`); this module only stores what it
is given.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from dashboard.auth.audit import record
from dashboard.db import Database, get_database, targets
from dashboard.targets.model import FIELDS, Target, load_default_targets, merge_targets


def saved_targets(db: Database | None = None) -> list[Target]:
    """Every target saved in the app, oldest first (``origin="user"``)."""
    db = db or get_database()
    with db.connect() as conn:
        rows = conn.execute(sa.select(targets).order_by(targets.c.id)).mappings().all()
    return [Target(**{f: row[f] for f in FIELDS}, origin="user") for row in rows]


def _stored(conn: sa.Connection, key: str) -> dict | None:
    row = conn.execute(sa.select(targets).where(targets.c.key == key)).mappings().first()
    return {f: row[f] for f in FIELDS} if row else None


def save_target(target: Target, db: Database | None = None, *, editor: str) -> str:
    """Insert ``target``, or update the saved one with the same key, recording ``editor``.

    Returns
    -------
    str
        ``"added"`` or ``"updated"``.
    """
    db = db or get_database()
    values = target.as_record()
    with db.begin() as conn:
        before = _stored(conn, target.key)
        if before is not None:
            conn.execute(targets.update().where(targets.c.key == target.key).values(
                **values, updated_at=sa.func.current_timestamp()))
        else:
            conn.execute(targets.insert().values(**values))
        action = "update" if before is not None else "add"
        record(conn, editor, "target", target.key, action, before, values)
        return "updated" if before is not None else "added"


def delete_target(key: str, db: Database | None = None, *, editor: str) -> bool:
    """Delete the saved target ``key``, recording ``editor``; a default of that key shows
    again. True if found."""
    db = db or get_database()
    with db.begin() as conn:
        before = _stored(conn, key)
        if before is None:
            return False
        conn.execute(targets.delete().where(targets.c.key == key))
        record(conn, editor, "target", key, "delete", before, None)
        return True


def all_targets(data_dir: str | Path, catalogue, db: Database | None = None) -> list[Target]:
    """The defaults of ``data_dir/targets.yaml`` merged with the saved targets.

    Saved targets whose indicator left the catalogue are skipped rather than breaking
    the page.
    """
    defaults = load_default_targets(Path(data_dir) / "targets.yaml", catalogue)
    saved = [t for t in saved_targets(db) if t.indicator in catalogue]
    return merge_targets(defaults, saved)
