"""The database of user-edited records: created on first use, migrated step by step, on
SQLite and on a real PostgreSQL server (``-m postgres`` selects the PostgreSQL runs)."""

from __future__ import annotations

import subprocess
import sys

import pytest
import sqlalchemy as sa

from dashboard import db
from dashboard.settings import get_settings


def test_schema_is_created_on_first_use(db_url):
    database = db.Database(db_url)
    assert database.version() == db.MIGRATIONS[-1].version == 2
    names = set(sa.inspect(database.engine).get_table_names())
    assert {"schema_version", "targets", "activities", "users", "audit"} <= names
    # Opening again applies nothing twice.
    assert db.Database(db_url).version() == database.version()
    with database.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(db.schema_version)).scalar() \
            == len(db.MIGRATIONS)


def test_a_database_of_version_1_is_moved_to_version_2(db_url):
    # Turn a fresh database back into what the first release left: no users, no audit.
    with db.Database(db_url).begin() as conn:
        db.audit.drop(conn)
        db.users.drop(conn)
        conn.execute(db.schema_version.delete().where(db.schema_version.c.version == 2))
    database = db.Database(db_url)
    assert database.version() == 2
    assert {"users", "audit"} <= set(sa.inspect(database.engine).get_table_names())


def test_a_failing_migration_changes_nothing(db_url):
    database = db.Database(db_url)
    before = database.version()

    def broken(conn):
        conn.execute(sa.text("CREATE TABLE half_done (x INTEGER)"))
        raise RuntimeError("step fails halfway")

    with pytest.raises(RuntimeError, match="halfway"):
        database.migrate((*db.MIGRATIONS, db.Migration(before + 1, "broken", broken)))
    assert database.version() == before
    assert "half_done" not in sa.inspect(database.engine).get_table_names()


def test_a_new_step_is_applied_once(db_url):
    database = db.Database(db_url)
    step = db.Migration(database.version() + 1, "add a column",
                        lambda conn: conn.execute(sa.text(
                            "ALTER TABLE targets ADD COLUMN note TEXT")))
    assert database.migrate((*db.MIGRATIONS, step)) == step.version
    assert database.migrate((*db.MIGRATIONS, step)) == step.version
    columns = {c["name"] for c in sa.inspect(database.engine).get_columns("targets")}
    assert "note" in columns


def test_default_url_is_a_sqlite_file_in_the_data_folder(tmp_path):
    settings = get_settings({"DASHBOARD_DATA": str(tmp_path)})
    assert settings.db_url == f"sqlite:///{tmp_path / 'dashboard.sqlite'}"
    assert get_settings({"DASHBOARD_DB_URL": "postgresql://u@h/db"}).db_url == \
        "postgresql://u@h/db"


def test_two_processes_migrating_a_fresh_database_at_once(db_url):
    # Two gunicorn workers (or two machines) open a new database at the same moment: all
    # must succeed and every step must be applied exactly once.
    code = ("import sys; from dashboard import db; d = db.Database(sys.argv[1]); "
            "print(d.version())")
    procs = [subprocess.Popen([sys.executable, "-c", code, db_url], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(4)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, [err for _, err in outs]
    assert {out.strip() for out, _ in outs} == {str(db.MIGRATIONS[-1].version)}
    with db.Database(db_url).connect() as conn:
        versions = conn.execute(sa.select(db.schema_version.c.version)).scalars().all()
    assert sorted(versions) == [m.version for m in db.MIGRATIONS]
