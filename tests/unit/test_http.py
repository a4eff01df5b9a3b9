"""Session, raw cache and JSON fetching against the local fake server."""

from __future__ import annotations

import hashlib
import json
import socket

import pytest

from dashboard.pipeline.sources.http import (
    USER_AGENT,
    RawCache,
    SourceError,
    fetch_pages,
    get_json,
    make_session,
)
from tests.fakes import FakeServer, Reply

WHAT = "CBS table 85984NED"
# test data, built here: a small JSON object body, byte-exact
BODY = b'{"value": [{"a": 1}],   "note": "spacing kept"}'


@pytest.fixture
def server():
    with FakeServer() as srv:
        yield srv


def test_session_retries_get_only_and_names_project():
    session = make_session(retries=2, backoff=0)
    retry = session.get_adapter("https://example.invalid/").max_retries
    assert retry.total == 2 and retry.status == 2 and retry.read == 2
    assert set(retry.status_forcelist) == {429, 500, 502, 503, 504}
    assert retry.allowed_methods == frozenset({"GET"})
    assert retry.raise_on_status is False
    assert "zuid-dashboard" in session.headers["User-Agent"]


def test_get_json_parses_and_caches_body_as_received(server, tmp_path):
    server.route("/t", Reply(200, BODY))
    cache = RawCache(tmp_path)
    data, prov = get_json(
        make_session(0, 0), f"{server.url}/t", what=WHAT, timeout=1, cache=cache, params={"q": "1"}
    )
    assert data["value"] == [{"a": 1}]
    assert prov.url == f"{server.url}/t?q=1"
    assert prov.sha256 == hashlib.sha256(BODY).hexdigest()
    assert server.requests[0].headers["User-Agent"] == USER_AGENT
    stored = cache.get(prov.url)
    assert stored is not None and stored.body == BODY and stored.path == prov.path
    sidecar = json.loads(prov.path.with_suffix(".json").read_text())
    assert sidecar["url"] == prov.url and sidecar["status"] == 200
    assert sidecar["bytes"] == len(BODY) and sidecar["sha256"] == prov.sha256
    assert sidecar["retrieved_at"].endswith("+00:00")
    assert prov.path.stem == hashlib.sha256(prov.url.encode()).hexdigest()
    assert not list(tmp_path.glob("*.tmp"))


def test_retry_after_500_really_happens(server):
    server.route("/t", Reply(500, b"oops"), Reply(200, BODY))
    data, _ = get_json(make_session(3, 0), f"{server.url}/t", what=WHAT, timeout=1)
    assert data["note"] == "spacing kept"
    assert server.hits("/t") == 2


def test_persistent_500_names_what_and_url(server, tmp_path):
    server.route("/t", Reply(500, b"oops"))
    cache = RawCache(tmp_path / "c")
    with pytest.raises(SourceError) as err:
        get_json(make_session(2, 0), f"{server.url}/t", what=WHAT, timeout=1, cache=cache)
    assert WHAT in str(err.value) and f"{server.url}/t" in str(err.value)
    assert "HTTP 500" in str(err.value)
    assert server.hits("/t") == 3
    assert not any((tmp_path / "c").iterdir())


def test_404_is_not_retried(server):
    with pytest.raises(SourceError, match="HTTP 404"):
        get_json(make_session(3, 0), f"{server.url}/nope", what=WHAT, timeout=1)
    assert server.hits("/nope") == 1


def test_timeout(server):
    server.route("/slow", Reply(200, BODY, delay=0.6))
    with pytest.raises(SourceError, match=r"no answer within 0\.2 s") as err:
        get_json(make_session(0, 0), f"{server.url}/slow", what=WHAT, timeout=0.2)
    assert f"{server.url}/slow" in str(err.value)


def test_truncated_json_is_not_cached(server, tmp_path):
    server.route("/t", Reply(200, BODY[:20]))
    cache = RawCache(tmp_path)
    with pytest.raises(SourceError, match="not valid JSON") as err:
        get_json(make_session(0, 0), f"{server.url}/t", what=WHAT, timeout=1, cache=cache)
    assert str(err.value).startswith(WHAT)
    assert list(tmp_path.iterdir()) == []


def test_connection_cut_mid_body(server):
    server.route("/t", Reply(200, BODY[:20], declared_length=len(BODY)))
    with pytest.raises(SourceError, match=f"{WHAT}: answer cut off"):
        get_json(make_session(0, 0), f"{server.url}/t", what=WHAT, timeout=1)


def test_json_that_is_not_an_object(server):
    server.route("/t", Reply.json([1, 2]))
    with pytest.raises(SourceError, match="not an object"):
        get_json(make_session(0, 0), f"{server.url}/t", what=WHAT, timeout=1)


def test_connection_refused():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/t"
    with pytest.raises(SourceError, match="could not connect") as err:
        get_json(make_session(1, 0), url, what=WHAT, timeout=0.5)
    assert url in str(err.value)


def test_cache_rejects_a_body_that_does_not_match_its_sidecar(tmp_path):
    cache = RawCache(tmp_path)
    assert cache.get("http://127.0.0.1/x") is None
    entry = cache.put("http://127.0.0.1/x", b"{}", 200)
    assert cache.get("http://127.0.0.1/x").body == b"{}"
    entry.path.write_bytes(b"{ }")
    assert cache.get("http://127.0.0.1/x") is None


def test_fetch_pages_stops_after_max_pages(server):
    # test data, built here: a page whose next link is itself
    server.route("/loop", Reply.json({"next": f"{server.url}/loop"}))
    with pytest.raises(SourceError, match="pages forever") as err:
        fetch_pages(
            make_session(0, 0),
            f"{server.url}/loop",
            what=WHAT,
            timeout=1,
            next_url=lambda page: page.get("next"),
            max_pages=4,
        )
    assert WHAT in str(err.value)
    assert server.hits("/loop") == 4
