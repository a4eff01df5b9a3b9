"""The database of user-edited records: NPRZ targets, project activities, the editors'
accounts and the audit trail of every change.

A SQLite file in the data folder by default; any SQLAlchemy URL (PostgreSQL) through
``DASHBOARD_DB_URL``. The schema is created on first use and moved forward by the
numbered steps in ``MIGRATIONS``; each step runs in one transaction together with the
version bump, so a failed step leaves the database as it was (on PostgreSQL an advisory
lock makes instances that start together take turns). Callers write in a transaction too
(``Database.begin()``), so a failed or invalid save changes nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

metadata = sa.MetaData()

schema_version = sa.Table(
    "schema_version", metadata,
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("description", sa.String(200), nullable=False),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False,
              server_default=sa.func.current_timestamp()),
)

#: Targets added or edited in the app; a row whose ``key`` equals a default target's key
#: in data/targets.yaml overrides that default (the YAML file itself is never changed).
targets = sa.Table(
    "targets", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("key", sa.String(80), nullable=False, unique=True),
    sa.Column("pillar", sa.String(20), nullable=False),
    sa.Column("indicator", sa.String(80), nullable=False),
    sa.Column("area", sa.String(20), nullable=False),
    sa.Column("rule", sa.String(40), nullable=False),
    sa.Column("fixed_value", sa.Float, nullable=True),
    sa.Column("baseline_year", sa.Integer, nullable=False),
    sa.Column("target_year", sa.Integer, nullable=False),
    sa.Column("text_nl", sa.Text, nullable=False, server_default=""),
    sa.Column("text_en", sa.Text, nullable=False, server_default=""),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False,
              server_default=sa.func.current_timestamp()),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False,
              server_default=sa.func.current_timestamp()),
)

#: Project activities uploaded or entered by staff. ``uid`` is a stable key computed from
#: the activity's content, so uploading the same file twice adds nothing.
activities = sa.Table(
    "activities", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("uid", sa.String(64), nullable=False, unique=True),
    sa.Column("project", sa.String(200), nullable=False),
    sa.Column("name", sa.String(300), nullable=False),
    sa.Column("organisation", sa.String(300), nullable=False, server_default=""),
    sa.Column("pillar", sa.String(40), nullable=False),
    sa.Column("summary_nl", sa.Text, nullable=False, server_default=""),
    sa.Column("summary_en", sa.Text, nullable=False, server_default=""),
    sa.Column("start_date", sa.Date, nullable=True),
    sa.Column("end_date", sa.Date, nullable=True),
    sa.Column("area_codes", sa.Text, nullable=False, server_default=""),
    sa.Column("postcode", sa.String(4), nullable=True),
    sa.Column("lat", sa.Float, nullable=True),
    sa.Column("lon", sa.Float, nullable=True),
    sa.Column("target_group", sa.Text, nullable=False, server_default=""),
    sa.Column("source", sa.Text, nullable=False, server_default=""),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False,
              server_default=sa.func.current_timestamp()),
)


#: Editors: who may add, edit and delete targets and upload activities. ``password_hash`` is
#: an argon2 hash, or NULL for an account that signs in only through the reverse proxy (SSO).
users = sa.Table(
    "users", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(80), nullable=False, unique=True),
    sa.Column("password_hash", sa.String(200), nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False,
              server_default=sa.func.current_timestamp()),
)

#: Every change to targets and activities: who, when, what, and the record before and after
#: (JSON text; empty before an addition, empty after a deletion). Written in the same
#: transaction as the change itself, so there is no change without its audit row.
audit = sa.Table(
    "audit", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False,
              server_default=sa.func.current_timestamp()),
    sa.Column("actor", sa.String(80), nullable=False),
    sa.Column("entity", sa.String(20), nullable=False),
    sa.Column("entity_key", sa.String(200), nullable=False),
    sa.Column("action", sa.String(20), nullable=False),
    sa.Column("before", sa.Text, nullable=True),
    sa.Column("after", sa.Text, nullable=True),
    sa.Index("ix_audit_entity", "entity", "entity_key"),
)


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[sa.Connection], None]


def _create(*tables: sa.Table) -> Callable[[sa.Connection], None]:
    def apply(conn: sa.Connection) -> None:
        for table in tables:
            table.create(conn)
    return apply


#: Steps in order; append new ones, never edit an applied one.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "targets and activities", _create(targets, activities)),
    Migration(2, "editors and audit trail", _create(users, audit)),
)

#: Key of the PostgreSQL advisory lock held while migrating (any fixed 64-bit number).
_MIGRATION_LOCK = 0x5A554944  # "ZUID"


def _transactional_sqlite(engine: sa.Engine) -> None:
    # pysqlite commits before DDL by itself; take over BEGIN so that a migration step (DDL
    # included) and a save are all-or-nothing, as on PostgreSQL. IMMEDIATE takes the write
    # lock at once, so concurrent writers (two gunicorn workers) queue instead of failing.
    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys=ON")

    @sa.event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE")


class Database:
    """A migrated database at ``url``.

    Parameters
    ----------
    url : str
        A SQLAlchemy URL, e.g. ``sqlite:///data/dashboard.sqlite``.
    """

    def __init__(self, url: str):
        self.url = sa.engine.make_url(url)
        if self.url.get_backend_name() == "sqlite" and self.url.database not in (None, "",
                                                                                ":memory:"):
            Path(self.url.database).parent.mkdir(parents=True, exist_ok=True)
        connect_args = {"timeout": 30} if self.url.get_backend_name() == "sqlite" else {}
        self.engine = sa.create_engine(self.url, connect_args=connect_args)
        if self.url.get_backend_name() == "sqlite":
            _transactional_sqlite(self.engine)
        self.migrate()

    def version(self) -> int:
        """Return the schema version (0 for an empty database)."""
        with self.engine.connect() as conn:
            if not sa.inspect(conn).has_table("schema_version"):
                return 0
            return conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar() or 0

    def migrate(self, steps: tuple[Migration, ...] = MIGRATIONS) -> int:
        """Apply the steps newer than the database's version; return the new version.

        Each step re-reads the version inside its own transaction (on SQLite one taken
        with ``BEGIN IMMEDIATE``), so two workers starting on a fresh database at the same
        moment apply every step once: the second waits, then finds it done.
        """
        with self.engine.begin() as conn:
            self._migration_lock(conn)
            schema_version.create(conn, checkfirst=True)
        current = 0
        for step in steps:
            with self.engine.begin() as conn:
                self._migration_lock(conn)
                current = conn.execute(
                    sa.select(sa.func.max(schema_version.c.version))).scalar() or 0
                if step.version <= current:
                    continue
                step.apply(conn)
                conn.execute(schema_version.insert().values(
                    version=step.version, description=step.description))
                current = step.version
        return current

    def _migration_lock(self, conn: sa.Connection) -> None:
        # PostgreSQL reads the version without blocking a concurrent migrator, and two
        # instances would both create the tables; a transaction-scoped advisory lock makes
        # them take turns (SQLite's BEGIN IMMEDIATE already does).
        if self.url.get_backend_name() == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"),
                         {"key": _MIGRATION_LOCK})

    def begin(self):
        """Return a transaction context (``with db.begin() as conn: …``); commits on exit."""
        return self.engine.begin()

    def connect(self):
        """Return a read connection context."""
        return self.engine.connect()


_lock = threading.Lock()
_open: dict[str, Database] = {}


def get_database(url: str | None = None) -> Database:
    """Return the (cached) migrated database at ``url`` (default: from the settings)."""
    if url is None:
        from dashboard.settings import get_settings

        url = get_settings().db_url
    with _lock:
        if url not in _open:
            _open[url] = Database(url)
        return _open[url]
