"""Targets saved in the app: read, saved and deleted in the database's ``targets`` table.

Every write runs in one transaction, so a failed save leaves the table as it was.
Callers validate first (:func:`dashboard.targets.model.validate_target`); this module only
stores what it is given.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from dashboard.db import Database, get_database, targets
from dashboard.targets.model import FIELDS, Target, load_default_targets, merge_targets


def saved_targets(db: Database | None = None) -> list[Target]:
    """Every target saved in the app, oldest first (``origin="user"``)."""
    db = db or get_database()
    with db.connect() as conn:
        rows = conn.execute(sa.select(targets).order_by(targets.c.id)).mappings().all()
    return [Target(**{f: row[f] for f in FIELDS}, origin="user") for row in rows]


def save_target(target: Target, db: Database | None = None) -> str:
    """Insert ``target``, or update the saved one with the same key.

    Returns
    -------
    str
        ``"added"`` or ``"updated"``.
    """
    db = db or get_database()
    record = target.as_record()
    with db.begin() as conn:
        exists = conn.execute(sa.select(targets.c.id).where(targets.c.key == target.key)
                              ).first()
        if exists:
            conn.execute(targets.update().where(targets.c.key == target.key).values(
                **record, updated_at=sa.func.current_timestamp()))
            return "updated"
        conn.execute(targets.insert().values(**record))
        return "added"


def delete_target(key: str, db: Database | None = None) -> bool:
    """Delete the saved target ``key``; a default of that key shows again. True if found."""
    db = db or get_database()
    with db.begin() as conn:
        return conn.execute(targets.delete().where(targets.c.key == key)).rowcount > 0


def all_targets(data_dir: str | Path, catalogue, db: Database | None = None) -> list[Target]:
    """The defaults of ``data_dir/targets.yaml`` merged with the saved targets.

    Saved targets whose indicator left the catalogue are skipped rather than breaking
    the page.
    """
    defaults = load_default_targets(Path(data_dir) / "targets.yaml", catalogue)
    saved = [t for t in saved_targets(db) if t.indicator in catalogue]
    return merge_targets(defaults, saved)
