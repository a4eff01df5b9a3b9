"""What the explorer costs on the wire, counted in a real Chromium (requests and bytes,
never time): the first load asks only the app, answers come compressed, Plotly is the
partial bundle (make plotly), and an indicator switch is at most two requests."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.browser.explorer_page import IDLE, open_explorer
from tests.browser.test_explorer_browser import label_of, map_meta_indicator, pick_indicator

pytestmark = pytest.mark.browser

TEXT_TYPES = ("text/html", "javascript", "text/css", "application/json")
#: The issue's budget for the first load of the explorer, headers and bodies as sent.
FIRST_LOAD_BYTES = 1_500_000


def _text(response) -> bool:
    # blob: and data: answers are made inside the page (MapLibre's worker), not sent over
    # the wire, so they have nothing to compress.
    if not response.url.startswith(("http://", "https://")):
        return False
    kind = response.headers.get("content-type", "")
    return response.status == 200 and any(t in kind for t in TEXT_TYPES)


def test_first_load_answers_are_compressed(start_server, built_store, page, console_errors):
    server = start_server(built_store)
    responses, asked = [], []
    page.on("response", lambda r: responses.append(r))
    page.on("request", lambda r: asked.append(r.url))
    open_explorer(page, server.url + "/")
    page.wait_for_load_state("networkidle")
    # nothing leaves the app: no font, style, glyph or tile server on the internet
    hosts = {urlparse(u).netloc for u in asked if u.startswith(("http://", "https://"))}
    assert hosts == {urlparse(server.url).netloc}, hosts
    # one callback request renders the page; none fires on load (the search box's text,
    # the charts drawn after the map: all in the browser), and nothing is fetched twice
    paths = [urlparse(u).path for u in asked if u.startswith("http")]
    assert paths.count("/_dash-update-component") == 1, paths
    assert len(paths) == len(set(paths)), paths
    texts = [r for r in responses if _text(r)]
    plain = [r.url for r in texts
             if len(r.body()) > 1024 and not r.headers.get("content-encoding")]
    assert plain == []
    plotly = next(r for r in texts if r.url.endswith("/plotly.min.js"))
    assert plotly.headers["content-encoding"] in ("br", "gzip")
    decoded = sum(len(r.body()) for r in texts)
    on_wire = sum(r.request.sizes()["responseBodySize"] for r in texts)
    assert decoded > 4_000_000  # Plotly alone is 3.1 MB as JavaScript
    assert on_wire < decoded / 3
    sent = sum(r.request.sizes()["responseBodySize"] + r.request.sizes()["responseHeadersSize"]
               for r in responses if r.url.startswith("http"))
    assert sent <= FIRST_LOAD_BYTES, sent
    renderer = next(r for r in texts if "dash_renderer" in r.url)
    assert "immutable" in renderer.headers.get("cache-control", "")
    # the partial bundle (make plotly), not Plotly's full one of every trace type
    traces = page.evaluate("Object.keys(window.Plotly.PlotSchema.get().traces).sort()")
    assert traces == ["bar", "choroplethmap", "scatter", "scattermap"], (
        "the explorer loads Plotly's full bundle: run `make plotly`")
    assert console_errors == []


def test_an_indicator_switch_is_at_most_two_requests(start_server, built_store, store, page,
                                                    console_errors):
    server = start_server(built_store)
    open_explorer(page, server.url + "/")
    page.wait_for_load_state("networkidle")
    requests = []
    page.on("request", lambda r: requests.append(r))
    key = "pct_huur_corporatie"
    pick_indicator(page, "Sociale huur", label_of(store, key, "nl"))
    map_meta_indicator(page, key)
    page.wait_for_function(IDLE)
    page.wait_for_load_state("networkidle")
    # the ranking, trend, details and table all show the new indicator by now
    label = store.catalogue[key].label.get("nl")
    assert label in page.locator("#explorer-table caption").inner_text()
    # Chromium fetches the tab's icon on its own schedule; that is the browser's request,
    # not one the interaction makes.
    sent = [(r.method, urlparse(r.url).path) for r in requests
            if urlparse(r.url).path != "/_favicon.ico"]
    assert 1 <= len(sent) <= 2, sent
    assert all(path == "/_dash-update-component" for _, path in sent), sent
    assert console_errors == []
