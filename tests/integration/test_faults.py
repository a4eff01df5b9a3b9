"""Faults of the live sources, end to end: a fake CBS server on 127.0.0.1 that times out,
answers 500, sends truncated JSON, pages forever or renames a column. The build retries
with backoff, then fails with an error naming the table and URL; the previous store stays
byte-identical and the app keeps serving it with its "data as of" date.

(The clients' own behaviour per fault is in tests/unit/test_http.py and test_cbs_odata.py;
this file checks what a whole build and the app do with it.)
"""

from __future__ import annotations

import functools
import json
import shutil
import time
from datetime import datetime
from pathlib import Path

import pytest

import dashboard.pipeline.sources.live as live
from dashboard.pipeline.build import run_build
from dashboard.pipeline.sources.cbs_odata import CbsODataClient
from dashboard.pipeline.sources.http import SourceError, make_session
from dashboard.store import get_store
from tests.dash_client import DashClient
from tests.fakes import FakeServer, Reply
from tests.integration.test_live_build import TABLE, _data_dir, _serve_recording

pytestmark = pytest.mark.slow
TDS = f"/{TABLE}/TypedDataSet"
CLIENT_TIMEOUT = 0.3
MAX_PAGES = 3
MONTHS_NL = ("januari februari maart april mei juni juli augustus september oktober "
             "november december").split()
MONTHS_EN = ("January February March April May June July August September October "
             "November December").split()


class TimedServer(FakeServer):
    """FakeServer that also notes when each request arrived (to see the backoff)."""

    def __init__(self) -> None:
        super().__init__()
        self.arrivals: list[float] = []

    def take(self, seen):
        self.arrivals.append(time.monotonic())
        return super().take(seen)


def files_of(folder: Path) -> list[tuple[str, bytes]]:
    return sorted((str(p.relative_to(folder)), p.read_bytes())
                  for p in folder.rglob("*") if p.is_file())


@pytest.fixture
def previous_store(built_store, tmp_path) -> Path:
    """A copy of the real built store that a failing update must leave alone."""
    out = tmp_path / "store"
    shutil.copytree(built_store, out)
    return out


@pytest.fixture
def fast_clients(monkeypatch):
    """Live clients with a short timeout and page bound, so faults show within a second."""
    monkeypatch.setattr(live, "CbsODataClient", functools.partial(
        CbsODataClient, timeout=CLIENT_TIMEOUT, max_pages=MAX_PAGES))


def _build(out: Path, data: Path, srv: FakeServer, retries: int, backoff: float = 0.0):
    return run_build(out, snapshot=None, gemeenten=("GM0599",), data_dir=data,
                     session=make_session(retries=retries, backoff=backoff),
                     odata_base=srv.url, pdok_base=srv.url + "/wb-{year}",
                     dataderden_base=srv.url + "/dataderden", progress=lambda m: None)


def _looping_page(srv: FakeServer) -> Reply:
    return Reply.json({"value": [], "odata.nextLink": f"{srv.url}{TDS}?$skip=1"})


# fault -> (scripted reply for the data request, expected problem, attempts with 2 retries)
FAULTS = {
    "timeout": (lambda srv: Reply.json({"value": []}, delay=1.0),
                rf"no answer within {CLIENT_TIMEOUT} s", 3),
    "http 500": (lambda srv: Reply(500, b"upstream broke"), r"HTTP 500 \(after retries\)", 3),
    "truncated json": (lambda srv: Reply(200, b'{"value": [{"ID": 1, "Wijken'),
                       r"not valid JSON", 1),
    "connection cut mid-body": (lambda srv: Reply(200, b'{"value": [', declared_length=4000),
                                r"answer cut off", 1),
    "pages forever": (_looping_page, rf"still more pages after {MAX_PAGES}", MAX_PAGES),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_fault_fails_clearly_and_keeps_the_previous_store(fault, previous_store, tmp_path,
                                                          fast_clients):
    reply, problem, attempts = FAULTS[fault]
    data = _data_dir(tmp_path)
    before = files_of(previous_store)
    with FakeServer() as srv:
        srv.route(TDS, reply(srv))
        with pytest.raises(SourceError, match=problem) as err:
            _build(previous_store, data, srv, retries=2)
        assert srv.hits(TDS) == attempts
    message = str(err.value)
    assert message.startswith(f"CBS table {TABLE}: ")
    assert f"{srv.url}{TDS}" in message  # the URL, so the failing request can be retried
    assert files_of(previous_store) == before
    assert not list(tmp_path.glob(".store*"))  # no half-written store left next to it


def test_retries_back_off_exponentially(previous_store, tmp_path):
    data = _data_dir(tmp_path)
    backoff, retries = 0.1, 3
    with TimedServer() as srv:
        srv.route(TDS, Reply(503, b"busy"))
        with pytest.raises(SourceError, match="HTTP 503"):
            _build(previous_store, data, srv, retries=retries, backoff=backoff)
    assert len(srv.arrivals) == retries + 1
    gaps = [b - a for a, b in zip(srv.arrivals, srv.arrivals[1:], strict=False)]
    # urllib3 retries once at once, then waits backoff * 2**(n-1): 0, 0.2, 0.4 s.
    expected = [0.0] + [backoff * 2 ** n for n in range(1, retries)]
    for gap, wait in zip(gaps, expected, strict=True):
        assert wait - 0.02 <= gap < wait + 0.5, (gaps, expected)
    assert gaps[2] > gaps[1] > gaps[0]


def test_server_recovers_within_the_retries(snapshot_dir, tmp_path):
    # Two 500s, then the real recorded answer: the build succeeds without anyone noticing.
    data = _data_dir(tmp_path)
    with FakeServer() as srv:
        _serve_recording(srv, snapshot_dir)
        good = srv._routes[TDS]
        srv.route(TDS, Reply(500, b"a"), Reply(502, b"b"), *good)
        manifest = _build(tmp_path / "fresh", data, srv, retries=2)
        assert srv.hits(TDS) == 4  # 2 failures + 2 pages
    assert manifest["counts"]["buurt"]["2024"]["inwoners"] > 0


def test_renamed_column_fails_and_keeps_the_previous_store(snapshot_dir, previous_store,
                                                           tmp_path):
    data = _data_dir(tmp_path)
    before = files_of(previous_store)
    with FakeServer() as srv:
        _serve_recording(srv, snapshot_dir)
        rec = json.loads((snapshot_dir / "cbs/kwb-odata/85984NED_2024_rotterdam_buurten.json")
                         .read_text())
        renamed = [{("Inwonertal_5" if k == "AantalInwoners_5" else k): v
                    for k, v in row.items()} for row in rec["rows"]]
        srv.route(TDS, Reply.json({"value": renamed}))
        try:
            with pytest.raises(SourceError, match=r"AantalInwoners") as err:
                _build(previous_store, data, srv, retries=0)
            assert f"CBS table {TABLE}" in str(err.value)
        finally:
            assert files_of(previous_store) == before


def _as_of(built_at: str, lang: str) -> str:
    day = datetime.fromisoformat(built_at).date()
    month = (MONTHS_EN if lang == "en" else MONTHS_NL)[day.month - 1]
    prefix = "Data as of" if lang == "en" else "Gegevens van"
    return f"{prefix} {day.day} {month} {day.year}"


def _nav_texts(node) -> list[str]:
    """Texts of elements with class ``nav-data-date`` in a rendered component tree."""
    if isinstance(node, list):
        return [t for child in node for t in _nav_texts(child)]
    if not isinstance(node, dict):
        return []
    props = node.get("props", {})
    own = [props["children"]] if props.get("className") == "nav-data-date" else []
    return own + _nav_texts(props.get("children"))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_app_keeps_serving_the_previous_store_with_its_date(lang, previous_store, tmp_path,
                                                            monkeypatch, fast_clients):
    data = _data_dir(tmp_path)
    with FakeServer() as srv:
        srv.route(TDS, Reply(500, b"down"))
        with pytest.raises(SourceError):
            _build(previous_store, data, srv, retries=0)
    monkeypatch.setenv("DASHBOARD_STORE", str(previous_store))
    monkeypatch.delenv("DASHBOARD_DEBUG", raising=False)
    from app import create_app

    client = DashClient(create_app().server.test_client())
    built_at = json.loads((previous_store / "manifest.json").read_text())["built_at"]
    for path in ("/", "/data"):
        content = client.render(path, f"?lang={lang}")
        assert _nav_texts(content) == [_as_of(built_at, lang)], path
    # and the figures served are the previous store's
    assert get_store(previous_store).values("inwoners", 2024, level="buurt")["value"].sum() > 0
