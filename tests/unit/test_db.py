"""The database of user-edited records: created on first use, migrated step by step."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from dashboard import db
from dashboard.settings import get_settings


def test_schema_is_created_on_first_use(tmp_path):
    url = f"sqlite:///{tmp_path / 'sub' / 'x.sqlite'}"
    database = db.Database(url)
    assert database.version() == db.MIGRATIONS[-1].version
    names = set(sa.inspect(database.engine).get_table_names())
    assert {"schema_version", "targets", "activities"} <= names
    # Opening again applies nothing twice.
    assert db.Database(url).version() == database.version()
    with database.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(db.schema_version)).scalar() \
            == len(db.MIGRATIONS)


def test_a_failing_migration_changes_nothing(tmp_path):
    database = db.Database(f"sqlite:///{tmp_path / 'x.sqlite'}")
    before = database.version()

    def broken(conn):
        conn.execute(sa.text("CREATE TABLE half_done (x INTEGER)"))
        raise RuntimeError("step fails halfway")

    with pytest.raises(RuntimeError, match="halfway"):
        database.migrate((*db.MIGRATIONS, db.Migration(before + 1, "broken", broken)))
    assert database.version() == before
    assert "half_done" not in sa.inspect(database.engine).get_table_names()


def test_a_new_step_is_applied_once(tmp_path):
    database = db.Database(f"sqlite:///{tmp_path / 'x.sqlite'}")
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


def test_two_processes_migrating_a_fresh_database_at_once(tmp_path):
    # Two gunicorn workers open a new database at the same moment: both must succeed and
    # every step must be applied exactly once.
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'race.sqlite'}"
    code = ("import sys; from dashboard import db; d = db.Database(sys.argv[1]); "
            "print(d.version())")
    procs = [subprocess.Popen([sys.executable, "-c", code, url], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(4)]
    outs = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, [err for _, err in outs]
    assert {out.strip() for out, _ in outs} == {str(db.MIGRATIONS[-1].version)}
    with db.Database(url).connect() as conn:
        versions = conn.execute(sa.select(db.schema_version.c.version)).scalars().all()
    assert sorted(versions) == [m.version for m in db.MIGRATIONS]
