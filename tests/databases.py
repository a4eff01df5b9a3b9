"""Databases for the tests: a trigger that makes the database refuse a write (both
backends), and a throwaway PostgreSQL server: Debian's binaries, a temporary data folder,
loopback only, started once per test session and removed afterwards.

CI runs as root and PostgreSQL refuses to run as root, so as root the server runs as the
``postgres`` OS user (via ``runuser``). Each test gets a database of its own. If the server
cannot start, the fixture fails with its log: the PostgreSQL tests never skip quietly.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import sqlalchemy as sa

BIN_GLOB = "/usr/lib/postgresql/*/bin"


def find_bin() -> Path:
    """The newest installed PostgreSQL's bin folder (``make test`` installs one)."""
    found = sorted(glob.glob(BIN_GLOB), key=lambda p: int(Path(p).parent.name))
    if not found:
        raise RuntimeError(f"no PostgreSQL server under {BIN_GLOB}: install Debian's "
                           "`postgresql` package (make test does: `make postgresql`)")
    return Path(found[-1])


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresServer:
    """Start with :meth:`start`, stop with :meth:`stop`; :meth:`new_database` gives a URL."""

    def __init__(self):
        self.bin = find_bin()
        self.root = Path(tempfile.mkdtemp(prefix="dashboard-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = _free_port()
        self._names = itertools.count(1)
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            shutil.chown(self.root, user="postgres", group="postgres")

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        cmd = [str(self.bin / args[0]), *args[1:]]
        if self._as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120)

    def _check(self, done: subprocess.CompletedProcess, what: str) -> None:
        if done.returncode != 0:
            log = self.log.read_text()[-3000:] if self.log.is_file() else ""
            raise RuntimeError(f"PostgreSQL {what} failed ({done.returncode}):\n"
                               f"{done.stdout}\n{done.stderr}\n{log}")

    def start(self) -> PostgresServer:
        self._check(self._run("initdb", "-D", str(self.data), "-U", "postgres",
                              "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"),
                    "initdb")
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                   "-c max_connections=200")
        self._check(self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l",
                              str(self.log), "-w", "-t", "60", "start"), "start")
        return self

    @property
    def admin_url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def new_database(self) -> str:
        """Create an empty database and return its SQLAlchemy URL."""
        name = f"test_{os.getpid()}_{next(self._names)}"
        engine = sa.create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        engine.dispose()
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        if self.data.is_dir():
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


def refuse(database, table: str, event: str) -> None:
    """Make the database refuse every ``event`` (INSERT, UPDATE, DELETE) on ``table`` with
    the error text "refused", as a constraint or a full disk would, on either backend."""
    with database.begin() as conn:
        if database.url.get_backend_name() == "sqlite":
            conn.exec_driver_sql(f"CREATE TRIGGER refuse_{event.lower()}_{table} BEFORE "
                                 f"{event} ON {table} BEGIN SELECT RAISE(ABORT, 'refused'); END")
        else:
            conn.exec_driver_sql("CREATE OR REPLACE FUNCTION refuse() RETURNS trigger AS "
                                 "$$ BEGIN RAISE EXCEPTION 'refused'; END $$ LANGUAGE plpgsql")
            conn.exec_driver_sql(f"CREATE TRIGGER refuse_{event.lower()}_{table} BEFORE "
                                 f"{event} ON {table} FOR EACH ROW EXECUTE FUNCTION refuse()")
