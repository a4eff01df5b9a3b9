"""More than one machine, on loopback: two gunicorn instances on two ports share one
PostgreSQL database and one store folder. They migrate the empty database once between
them; a target saved through one is shown by the other; the signed session cookie of one
is good on the other (no sticky sessions needed)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import sqlalchemy as sa

from bench.server import HttpClient, free_port
from dashboard import db, ids, pages
from dashboard.auth.accounts import add_account
from dashboard.auth.web import CSRF_COOKIE, CSRF_HEADER
from tests.dash_client import DashClient, texts
from tests.editor import EDITOR, PASSWORD

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]
FIELDS = {"key": "werk_gedeeld", "pillar": "werk", "indicator": "bijstand_per_1000_15_64",
          "area": "ZUID0599", "rule": "g4", "fixed_value": None, "baseline_year": 2015,
          "target_year": 2031, "text_nl": "", "text_en": ""}  # test data


def _start(env: dict, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    with log.open("w") as out:
        proc = subprocess.Popen([str(gunicorn), "--workers", "2", "--bind",
                                 f"127.0.0.1:{port}", "--timeout", "120", "app:server"],
                                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    return proc, f"http://127.0.0.1:{port}"


def _wait(proc: subprocess.Popen, url: str, log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(url + "/_dash-layout", timeout=5) as res:
                if res.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        try:  # the pause between polls; returns at once if the server died
            proc.wait(timeout=0.2)
        except subprocess.TimeoutExpired:
            pass
    raise AssertionError(f"gunicorn at {url} did not start:\n{log.read_text()[-3000:]}")


@pytest.fixture
def instances(postgres_server, built_store, tmp_path):
    """Two instances on one empty PostgreSQL database and one store folder."""
    url = postgres_server.new_database()
    env = {**os.environ, "DASHBOARD_DB_URL": url, "DASHBOARD_STORE": str(built_store),
           "DASHBOARD_DEBUG": ""}
    started = [_start(env, tmp_path / f"instance-{i}.log") for i in range(2)]
    try:
        for i, (proc, base) in enumerate(started):
            _wait(proc, base, tmp_path / f"instance-{i}.log")
        yield url, [base for _, base in started]
    finally:
        for proc, _ in started:
            proc.terminate()
        for proc, _ in started:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


def _targets_page(base: str, session=None) -> tuple[DashClient, list]:
    client = HttpClient(base)
    if session is not None:
        client.session = session
    dash = DashClient(client)
    return dash, dash.render(pages.TARGETS, "?lang=nl")


def test_two_instances_share_one_database(instances):
    url, (first, second) = instances
    database = sa.create_engine(url)
    with database.connect() as conn:  # nothing has opened the database yet
        assert not sa.inspect(conn).has_table("schema_version")

    # Both render the targets page at the same moment: each opens (and migrates) the
    # database on first use; between them every step is applied once.
    with ThreadPoolExecutor(4) as pool:
        pages_ = list(pool.map(_targets_page, [first, second, first, second]))
    assert all(content for _, content in pages_)
    with database.connect() as conn:
        versions = conn.execute(sa.select(db.schema_version.c.version)).scalars().all()
    assert sorted(versions) == [m.version for m in db.MIGRATIONS]

    # Sign in on the first instance and save a target there.
    add_account(EDITOR, PASSWORD, db.Database(url))
    browser = HttpClient(first)
    browser.get(pages.SIGNIN)
    signed = browser.session.post(first + pages.SIGNIN_POST, allow_redirects=False, data={
        "username": EDITOR, "password": PASSWORD, "lang": "nl", "next": pages.TARGETS,
        "csrf_token": browser.session.cookies.get(CSRF_COOKIE)}, timeout=60)
    assert signed.status_code == 303 and signed.headers["Location"] == pages.TARGETS
    dash, _ = _targets_page(first, browser.session)
    dash.headers = {CSRF_HEADER: browser.session.cookies.get(CSRF_COOKIE)}
    for field, value in FIELDS.items():
        dash.props[(ids.TARGETS_FORM_FIELDS[field], "value")] = value
    [call] = dash.change(ids.TARGETS_FORM_SAVE, "n_clicks", 1)
    assert call.response["response"][ids.TARGETS_LOCATION]["href"].endswith(
        "saved=werk_gedeeld")

    # The second instance, signed out, shows it with its author.
    _, content = _targets_page(second)
    shown = " ".join(texts(content))
    assert "(werk_gedeeld)" in shown
    assert f"Laatst gewijzigd door {EDITOR} op" in shown

    # The session cookie signed by the first instance is good on the second: a delete
    # sent there goes through (same secret, no server-side session).
    other, _ = _targets_page(second, browser.session)
    other.headers = dash.headers
    other.props[(ids.TARGETS_FORM_FIELDS["key"], "value")] = "werk_gedeeld"
    [call] = other.change(ids.TARGETS_FORM_DELETE, "n_clicks", 1)
    assert call.response["response"][ids.TARGETS_LOCATION]["href"].endswith(
        "deleted=werk_gedeeld")
    _, content = _targets_page(first)
    assert "(werk_gedeeld)" not in " ".join(texts(content))
    with database.connect() as conn:
        actions = conn.execute(sa.select(db.audit.c.action).order_by(db.audit.c.id)).all()
    assert [a for (a,) in actions] == ["add", "delete"]
    database.dispose()
