"""PDOK OGC API Features client against the local fake server."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest

from dashboard.pipeline.sources.http import SourceError, make_session
from dashboard.pipeline.sources.pdok import PdokClient
from tests.fakes import FakeServer, Reply

ITEMS = "/wijken-en-buurten-2024/ogc/v1/collections/buurten/items"


def feature(code):
    """test data, built here: a minimal buurt feature."""
    return {
        "type": "Feature",
        "id": code,
        "properties": {"buurtcode": code, "gemeentecode": "GM0599"},
        "geometry": {"type": "Point", "coordinates": [4.47, 51.92]},
    }


@pytest.fixture
def srv():
    with FakeServer() as server:
        yield server


def client(srv, **kw):
    return PdokClient(
        make_session(0, 0),
        base_url_template=srv.url + "/wijken-en-buurten-{year}/ogc/v1",
        timeout=1,
        **kw,
    )


def page(srv, codes, next_offset=None):
    """test data, built here: one items page, with a rel=next link when more follow."""
    links = [{"rel": "self", "href": f"{srv.url}{ITEMS}"}]
    if next_offset is not None:
        links.append({"rel": "next", "href": f"{srv.url}{ITEMS}?offset={next_offset}"})
    return Reply.json(
        {"type": "FeatureCollection", "features": [feature(c) for c in codes], "links": links}
    )


def test_features_follow_next_links(srv):
    srv.route(
        ITEMS,
        page(srv, ["BU05990110", "BU05990111"], 2),
        page(srv, ["BU05990112"], 3),
        page(srv, ["BU05990113"]),
    )
    fc, provs = client(srv, page_size=2).features(2024, "buurt", "GM0599")
    assert fc["type"] == "FeatureCollection"
    assert [f["id"] for f in fc["features"]] == [
        "BU05990110",
        "BU05990111",
        "BU05990112",
        "BU05990113",
    ]
    assert len(provs) == 3 and srv.hits(ITEMS) == 3
    first = parse_qs(srv.requests[0].query)
    assert first == {"f": ["json"], "limit": ["2"], "gemeentecode": ["GM0599"]}
    assert srv.requests[1].query == "offset=2"


def test_answer_without_features_names_collection_year_and_url(srv):
    srv.route(ITEMS, Reply.json({"type": "FeatureCollection", "links": []}))
    with pytest.raises(SourceError, match="PDOK buurten 2024.*no 'features' list") as err:
        client(srv).features(2024, "buurt", "GM0599")
    assert f"{srv.url}{ITEMS}" in str(err.value)


def test_next_link_forever(srv):
    srv.route(ITEMS, page(srv, ["BU05990110"], 0))
    with pytest.raises(SourceError, match="PDOK buurten 2024.*pages forever"):
        client(srv, max_pages=3).features(2024, "buurt", "GM0599")
    assert srv.hits(ITEMS) == 3


def test_server_error_and_bad_arguments(srv):
    srv.route(ITEMS, Reply(503, b"busy"))
    with pytest.raises(SourceError, match="PDOK buurten 2024: HTTP 503"):
        client(srv).features(2024, "buurt", "GM0599")
    with pytest.raises(ValueError):
        client(srv).features(2024, "straat", "GM0599")
    with pytest.raises(ValueError):
        client(srv).features(2024, "wijk", "0599")
