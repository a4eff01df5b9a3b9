"""Shared fixtures. The real data is read from ../shared/snapshot (never copied here)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SNAPSHOT = ROOT.parent / "shared" / "snapshot"
# Tests never reach the internet: PDOK's APIs (basemap, Locatieserver) point at a closed
# port on 127.0.0.1, so the app is offline unless a test starts a fake and points there.
# Servers started by the browser tests inherit this.
os.environ.setdefault("PDOK_API_BASE", "http://127.0.0.1:9")


def snapshot_path() -> Path:
    return Path(os.environ.get("DASHBOARD_SNAPSHOT", DEFAULT_SNAPSHOT)).resolve()


#: Test data: the session secret of test servers (never a real one).
TEST_SECRET = "test-secret-key-for-the-test-suite-only-0123456789"


@pytest.fixture(autouse=True)
def _own_database(tmp_path, monkeypatch):
    """Every test gets its own empty database, never the project's data/dashboard.sqlite,
    and a session secret (the app refuses to start without one)."""
    monkeypatch.setenv("DASHBOARD_DB_URL", f"sqlite:///{tmp_path / 'dashboard.sqlite'}")
    monkeypatch.setenv("DASHBOARD_SECRET_KEY", TEST_SECRET)


@pytest.fixture(scope="session")
def snapshot_dir() -> Path:
    """The offline snapshot folder; tests that need it fail loudly when it is absent."""
    path = snapshot_path()
    if not (path / "datapackage.json").is_file():
        pytest.fail(f"snapshot not found at {path} (set DASHBOARD_SNAPSHOT)")
    return path


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_store(snapshot_dir, tmp_path_factory) -> Path:
    """A real store built once per test session from ../shared/snapshot (Rotterdam)."""
    from dashboard.pipeline.build import run_build

    out = tmp_path_factory.mktemp("store") / "store"
    run_build(out, snapshot=snapshot_dir, gemeenten=("GM0599",), data_dir=ROOT / "data",
              progress=lambda msg: None)
    return out


@pytest.fixture(scope="session")
def store(built_store):
    """The built store, opened."""
    from dashboard.store import Store

    return Store.open(built_store, data_dir=ROOT / "data")


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL server for the session (fails loudly if it cannot start)."""
    from tests.databases import PostgresServer

    server = PostgresServer()
    try:
        server.start()
    except RuntimeError as exc:
        server.stop()
        pytest.fail(str(exc))
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path, monkeypatch) -> str:
    """An empty database on each backend, also made the app's (``DASHBOARD_DB_URL``)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'backend.sqlite'}"
    else:
        url = request.getfixturevalue("postgres_server").new_database()
    monkeypatch.setenv("DASHBOARD_DB_URL", url)
    return url
