"""Run the real production server (gunicorn, 2 workers) on loopback and watch it.

:class:`Gunicorn` starts ``gunicorn app:server`` on a free 127.0.0.1 port with the
repository's ``gunicorn.conf.py`` (preloaded app), times how long until it answers,
samples each worker's memory while it runs, and reads the server's own request durations
from its access log.

Memory is sampled three ways, because workers forked from a preloaded master share pages:
RSS counts every page a worker maps (shared ones in full, in every worker), PSS divides
each shared page among the processes that map it, USS counts only the worker's own pages.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import requests

from dashboard.db import Database

ROOT = Path(__file__).resolve().parent.parent
# method, path, status, microseconds, response bytes: what the benchmark needs per request.
ACCESS_FORMAT = "%(m)s %(U)s %(s)s %(D)s %(B)s"


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LogEntry:
    method: str
    path: str
    status: int
    ms: float
    bytes: int


@dataclass
class Gunicorn:
    """A gunicorn master with ``workers`` workers serving ``store``; use as a context
    manager. ``start_seconds`` is the time from spawn until ``GET /`` answers 200."""

    store: Path
    workers: int = 2
    port: int = field(default_factory=free_port)
    start_seconds: float = 0.0
    peak_rss: dict[int, int] = field(default_factory=dict)
    peak_pss: dict[int, int] = field(default_factory=dict)
    peak_uss: dict[int, int] = field(default_factory=dict)
    _proc: subprocess.Popen | None = None
    _tmp: Path | None = None
    _stop: threading.Event = field(default_factory=threading.Event)
    _log_pos: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def access_log(self) -> Path:
        assert self._tmp is not None
        return self._tmp / "access.log"

    def __enter__(self) -> Gunicorn:
        self._tmp = Path(tempfile.mkdtemp(prefix="bench-gunicorn-"))
        db_url = f"sqlite:///{self._tmp / 'dashboard.sqlite'}"
        # Migrated once here: two workers migrating a fresh database at the same moment
        # collide (dashboard/db.py reads the version outside the migration's transaction).
        Database(db_url)
        env = {**os.environ, "DASHBOARD_STORE": str(self.store), "DASHBOARD_DEBUG": "",
               "DASHBOARD_DB_URL": db_url,
               # a throwaway session secret: the benchmark signs nobody in
               "DASHBOARD_SECRET_KEY": os.environ.get("DASHBOARD_SECRET_KEY")
               or secrets.token_urlsafe(48)}
        cmd = [str(Path(sys.executable).with_name("gunicorn")), "--workers", str(self.workers),
               "--bind", f"127.0.0.1:{self.port}", "--no-control-socket",
               "--access-logfile", str(self.access_log), "--access-logformat", ACCESS_FORMAT,
               "--error-logfile", str(self._tmp / "error.log"), "--timeout", "120", "app:server"]
        t0 = time.perf_counter()
        with (self._tmp / "stderr.log").open("wb") as err:
            self._proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                          stderr=err)
        self._wait_until_up(t0)
        threading.Thread(target=self._sample_rss, daemon=True).start()
        return self

    def _wait_until_up(self, t0: float, timeout: float = 120.0) -> None:
        while time.perf_counter() - t0 < timeout:
            try:
                with urllib.request.urlopen(self.url + "/", timeout=2) as res:
                    if res.status == 200:
                        self.start_seconds = time.perf_counter() - t0
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if self._proc.poll() is not None:
                break
            time.sleep(0.02)  # polling a process that is starting; nothing to wait on
        log = (self._tmp / "error.log").read_text()[-3000:]
        self.__exit__()
        raise RuntimeError(f"gunicorn did not answer at {self.url}:\n{log}")

    def worker_pids(self) -> list[int]:
        """Process ids of the workers (children of the master)."""
        try:
            return [p.pid for p in psutil.Process(self._proc.pid).children()]
        except psutil.NoSuchProcess:
            return []

    def _sample_rss(self) -> None:
        while not self._stop.wait(0.1):
            for pid in self.worker_pids():
                try:
                    mem = psutil.Process(pid).memory_full_info()  # smaps_rollup: cheap
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
                for peak, value in ((self.peak_rss, mem.rss), (self.peak_pss, mem.pss),
                                    (self.peak_uss, mem.uss)):
                    peak[pid] = max(peak.get(pid, 0), value)

    def peak_memory_mb(self) -> dict[str, list[int]]:
        """Each worker's peak RSS, PSS and USS in MB (ascending per kind)."""
        return {kind: sorted(round(v / 2**20) for v in peak.values())
                for kind, peak in (("rss", self.peak_rss), ("pss", self.peak_pss),
                                   ("uss", self.peak_uss))}

    def new_log_entries(self, expect: int = 0, wait: float = 2.0) -> list[LogEntry]:
        """Access-log lines written since the last call; waits until ``expect`` POSTs are
        there (a worker logs just after it has sent the answer)."""
        deadline = time.perf_counter() + wait
        while True:
            with self.access_log.open("rb") as fh:
                fh.seek(self._log_pos)
                data = fh.read()
            done = data[:data.rfind(b"\n") + 1]  # only whole lines
            entries = [_parse(line) for line in done.decode().splitlines() if line.strip()]
            posts = sum(e.method == "POST" for e in entries)
            if posts >= expect or time.perf_counter() > deadline:
                self._log_pos += len(done)
                return entries
            time.sleep(0.01)

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._proc and self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait(timeout=10)


def _parse(line: str) -> LogEntry:
    method, path, status, micros, size = line.split()[:5]
    return LogEntry(method, path, int(status), int(micros) / 1000,
                    int(size) if size.isdigit() else 0)


class HttpResponse:
    """The bits of a Flask test response that ``tests.dash_client.DashClient`` uses."""

    def __init__(self, res: requests.Response):
        self._res = res
        self.status_code = res.status_code

    def get_json(self):
        return self._res.json()

    def get_data(self, as_text: bool = False):
        return self._res.text if as_text else self._res.content


class HttpClient:
    """``get``/``post`` like Flask's test client, over real HTTP to ``base`` (loopback)."""

    def __init__(self, base: str, timeout: float = 60.0):
        self.base, self.timeout = base.rstrip("/"), timeout
        self.session = requests.Session()

    def get(self, path: str) -> HttpResponse:
        return HttpResponse(self.session.get(self.base + path, timeout=self.timeout))

    def post(self, path: str, json=None, headers: dict | None = None) -> HttpResponse:
        return HttpResponse(self.session.post(self.base + path, json=json, headers=headers,
                                              timeout=self.timeout))
