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


WATER = "/kadaster/brt-top10nl/ogc/v1/collections/waterdeel_vlak/items"


def test_top10nl_water_asks_the_box_and_follows_next_pages(srv):
    from dashboard.pipeline.sources.pdok import top10nl_water

    srv.route(WATER, Reply.json({"features": [feature("w1")],
                                 "links": [{"rel": "next", "href": srv.url + WATER + "?p=2"}]}),
              Reply.json({"features": [feature("w2")], "links": []}))
    fc, provs = top10nl_water(make_session(0, 0), srv.url + "/kadaster/brt-top10nl/ogc/v1/",
                              (4.0, 51.8, 4.6, 52.0), timeout=1)
    assert [f["id"] for f in fc["features"]] == ["w1", "w2"] and len(provs) == 2
    query = parse_qs(srv.requests[0].query)
    assert query["bbox"] == ["4.00000,51.80000,4.60000,52.00000"]
    assert query["f"] == ["json"] and query["limit"] == ["1000"]


@pytest.mark.parametrize("bbox", [(4.6, 51.8, 4.0, 52.0), (4.0, 91.0, 4.6, 92.0),
                                  (float("nan"), 51.8, 4.6, 52.0)])
def test_top10nl_water_refuses_a_bad_box_without_asking(srv, bbox):
    from dashboard.pipeline.sources.pdok import top10nl_water

    with pytest.raises(ValueError, match="bbox"):
        top10nl_water(make_session(0, 0), srv.url, bbox, timeout=1)
    assert srv.requests == []


def test_top10nl_water_without_features_fails_naming_the_layer(srv):
    from dashboard.pipeline.sources.pdok import top10nl_water

    srv.route(WATER, Reply.json({"type": "FeatureCollection"}))
    with pytest.raises(SourceError, match="TOP10NL waterdeel_vlak.*'features' list"):
        top10nl_water(make_session(0, 0), srv.url + "/kadaster/brt-top10nl/ogc/v1",
                      (4.0, 51.8, 4.6, 52.0), timeout=1)
