"""Browser fixtures: the real server on a free port, and headless Chromium via Playwright.

Each server gets its own database with one test editor account (``tests.editor``, whose
``sign_in_page`` signs a page in through the real sign-in form).

Reusable by every page's browser tests::

    def test_something(start_server, built_store, page, console_errors):
        server = start_server(built_store)
        page.goto(server.url)
        ...
        assert console_errors == []

Playwright never downloads a browser here: Debian's Chromium is launched by path.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from dashboard.auth.accounts import add_account, get_account
from dashboard.db import Database
from tests.editor import EDITOR, PASSWORD

CHROMIUM = os.environ.get("DASHBOARD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
START_TIMEOUT = 60.0  # seconds for the server to answer
TIMEOUT_MS = 15_000  # Playwright waits on text and elements


@dataclass
class Server:
    """A running ``python app.py`` subprocess."""

    url: str
    process: subprocess.Popen
    log: Path
    db_url: str = ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def free_port() -> int:
    """Ask the OS for a free TCP port on 127.0.0.1."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(server: Server) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(server.url + "/", timeout=2) as response:
                if response.status == 200:
                    return
        except urllib.error.HTTPError as exc:
            if exc.code == 503:  # up, with no store to serve: the maintenance page
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        try:  # doubles as the pause between polls, and notices a crashed server at once
            server.process.wait(timeout=0.2)
        except subprocess.TimeoutExpired:
            continue
        break
    server.stop()
    raise RuntimeError(f"server did not start at {server.url}:\n{server.log.read_text()[-3000:]}")


@pytest.fixture
def start_server(repo_root, tmp_path) -> Iterator:
    """Start ``python app.py`` against a store folder; every server is stopped afterwards."""
    servers: list[Server] = []

    def start(store_dir: Path, **env: str) -> Server:
        port = free_port()
        log = tmp_path / f"server-{port}.log"
        full_env = {**os.environ, "HOST": "127.0.0.1", "PORT": str(port),
                    "DASHBOARD_STORE": str(store_dir), "DASHBOARD_DEBUG": "",
                    "DASHBOARD_DB_URL": f"sqlite:///{tmp_path / 'dashboard.sqlite'}", **env}
        database = Database(full_env["DASHBOARD_DB_URL"])
        if get_account(EDITOR, database) is None:
            add_account(EDITOR, PASSWORD, database)
        with log.open("w") as out:
            process = subprocess.Popen([sys.executable, "app.py"], cwd=repo_root,
                                       env=full_env, stdout=out, stderr=subprocess.STDOUT)
        server = Server(f"http://127.0.0.1:{port}", process, log,
                        full_env["DASHBOARD_DB_URL"])
        servers.append(server)
        _wait_until_up(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium, shared by the session."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"Chromium not found at {CHROMIUM} (set DASHBOARD_CHROMIUM)")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                              headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page in its own context."""
    context = browser.new_context(locale="nl-NL")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def console_errors(page) -> list[str]:
    """Console errors and uncaught exceptions of ``page``, collected as they happen."""
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    return errors

