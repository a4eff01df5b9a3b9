"""The online/offline decision for PDOK's basemap and the Locatieserver client, against a
fake on 127.0.0.1 (tests/fakes.py); nothing here reaches the internet."""

from __future__ import annotations

import json

import pytest

from dashboard.basemap import online
from dashboard.basemap.locatieserver import LocatieClient, LocatieError
from dashboard.basemap.online import STYLE_PATH, current_basemap, fetch_style
from tests.fakes import FakeServer, Reply

# Test data: a minimal MapLibre style of the shape PDOK serves.
STYLE = {"version": 8, "name": "fake brt", "sources": {"brt": {
    "type": "vector", "tiles": ["http://127.0.0.1:1/tiles/{z}/{x}/{y}.pbf"]}},
    "layers": [{"id": "land", "type": "background", "paint": {"background-color": "#eee"}},
               {"id": "names", "type": "symbol", "source": "brt", "source-layer": "labels",
                "layout": {"text-field": "{name}", "text-font": ["Fake Sans Regular"]}}]}
SUGGEST = "/bzk/locatieserver/search/v3_1/suggest"
LOOKUP = "/bzk/locatieserver/search/v3_1/lookup"


@pytest.fixture(autouse=True)
def _forget():
    online.forget()
    yield
    online.forget()


def test_a_style_answer_means_online():
    with FakeServer() as srv:
        srv.route(STYLE_PATH, Reply.json(STYLE))
        found = fetch_style(srv.url)
        assert found.online and found.style["name"] == "fake brt"
        assert srv.requests[0].query == "f=mapbox"


@pytest.mark.parametrize("reply", [
    Reply(503, b"busy"),
    Reply(200, b"<html>not json</html>", content_type="text/html"),
    Reply.json({"version": 7, "layers": []}),
    Reply.json(["not", "a", "style"]),
])
def test_anything_but_a_style_means_offline(reply):
    with FakeServer() as srv:
        srv.route(STYLE_PATH, reply)
        found = fetch_style(srv.url)
    assert not found.online and found.style is None and srv.url in found.reason


def test_a_closed_port_and_a_slow_server_mean_offline_within_the_timeout():
    assert not fetch_style("http://127.0.0.1:9").online  # nothing listens on port 9
    with FakeServer() as srv:
        srv.route(STYLE_PATH, Reply(200, json.dumps(STYLE).encode(), delay=online.TIMEOUT[1] + 1))
        found = fetch_style(srv.url)
    assert not found.online and "Timeout" in found.reason


def test_a_style_too_large_is_refused(monkeypatch):
    monkeypatch.setattr(online, "MAX_STYLE_BYTES", 100)
    with FakeServer() as srv:
        srv.route(STYLE_PATH, Reply.json(STYLE))
        assert not fetch_style(srv.url).online


def test_the_answer_is_remembered_and_asked_again_after_its_ttl():
    with FakeServer() as srv:
        srv.route(STYLE_PATH, Reply(500), Reply.json(STYLE))
        env = {"PDOK_API_BASE": srv.url + "/"}
        assert not current_basemap(env, now=0).online
        assert not current_basemap(env, now=online.TTL_OFFLINE - 1).online
        assert srv.hits(STYLE_PATH) == 1  # remembered: no second request
        assert current_basemap(env, now=online.TTL_OFFLINE + 1).online  # asked again
        assert current_basemap(env, now=online.TTL_OFFLINE + 2).online
        assert srv.hits(STYLE_PATH) == 2


def test_basemap_off_never_asks():
    with FakeServer() as srv:
        srv.route(STYLE_PATH, Reply.json(STYLE))
        found = current_basemap({"PDOK_API_BASE": srv.url, "DASHBOARD_BASEMAP": "off"})
        assert not found.online and srv.requests == []


def test_the_csp_allows_the_configured_pdok_origin_only_for_fetches(monkeypatch):
    from dashboard.security import content_security_policy

    monkeypatch.setenv("PDOK_API_BASE", "http://127.0.0.1:5555/base")
    policy = dict(part.split(" ", 1) for part in content_security_policy([]).split("; "))
    assert "http://127.0.0.1:5555" in policy["connect-src"]
    assert "127.0.0.1:5555" not in policy["script-src"]
    monkeypatch.setenv("DASHBOARD_BASEMAP", "off")
    assert "5555" not in content_security_policy([])


def test_locatieserver_suggests_addresses_and_looks_one_up():
    suggest = {"response": {"numFound": 2, "docs": [
        {"type": "adres", "weergavenaam": "Putselaan 1, 3074JA Rotterdam", "id": "adr-abc1"},
        {"type": "adres", "weergavenaam": "bad id", "id": "<script>"}]}}
    lookup = {"response": {"docs": [{"id": "adr-abc1",
                                     "centroide_ll": "POINT(4.50123 51.89456)"}]}}
    with FakeServer() as srv:
        srv.route(SUGGEST, Reply.json(suggest)).route(LOOKUP, Reply.json(lookup))
        client = LocatieClient(srv.url)
        found = client.suggest("  Putselaan   1 ")
        assert [(s.id, s.label) for s in found] == [("adr-abc1", "Putselaan 1, 3074JA Rotterdam")]
        assert "q=Putselaan+1" in srv.requests[0].query and "fq=type%3Aadres" in \
            srv.requests[0].query
        assert client.lookup("adr-abc1") == (4.50123, 51.89456)
        assert "id=adr-abc1" in srv.requests[1].query
        assert client.suggest("   ") == [] and len(srv.requests) == 2  # blank: no request


@pytest.mark.parametrize("reply", [Reply(500, b"oops"), Reply(200, b"not json"),
                                   Reply.json({"unexpected": True})])
def test_locatieserver_failures_become_one_clear_error(reply):
    with FakeServer() as srv:
        srv.route(SUGGEST, reply)
        with pytest.raises(LocatieError, match="suggest"):
            LocatieClient(srv.url).suggest("Putselaan")
    with pytest.raises(LocatieError, match="ConnectionError"):
        LocatieClient("http://127.0.0.1:9").suggest("Putselaan")
    with pytest.raises(LocatieError, match="not a Locatieserver id"):
        LocatieClient("http://127.0.0.1:9").lookup("../../etc")


def test_a_lookup_without_a_point_is_none():
    with FakeServer() as srv:
        srv.route(LOOKUP, Reply.json({"response": {"docs": [{"centroide_ll": "POINT(x y)"}]}}))
        assert LocatieClient(srv.url).lookup("adr-1") is None
