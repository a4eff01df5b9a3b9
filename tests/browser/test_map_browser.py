"""The explorer map's geography, search box, projects layer and overlays in a real Chromium:
offline (the default here: PDOK points at a closed port on 127.0.0.1) and against a fake
PDOK on 127.0.0.1 serving a style and tiles."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from dashboard.basemap.online import STYLE_PATH
from dashboard.i18n import t
from tests.browser.controls import radio
from tests.browser.explorer_page import IDLE, WAIT_MS, click_area_on_map, open_explorer
from tests.fakes import FakeServer, Reply

pytestmark = pytest.mark.browser

MAP = "#explorer-map .js-plotly-plot"
ZUID_BUURT = "/?level=buurt&area=ZUID0599&year=2024"


@pytest.fixture(autouse=True)
def _expect_timeout():
    from playwright.sync_api import expect

    expect.set_options(timeout=WAIT_MS)


def outside_requests(page, base: str) -> list[str]:
    """Requests the page makes to any host but the app's own (collected from now on)."""
    own = urlsplit(base).netloc
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url)
            if urlsplit(r.url).netloc not in (own, "") and not r.url.startswith("data:")
            and not r.url.startswith("blob:") else None)
    return seen


def rendered(page, layer: str) -> list[str]:
    """Names (or ids) of the features MapLibre has drawn in a style layer."""
    return page.evaluate("""(layer) => {
        const map = document.querySelector('#explorer-map .js-plotly-plot')
            ._fullLayout.map._subplot.map;
        return map.queryRenderedFeatures({layers: [layer]})
            .map(f => (f.properties && f.properties.name) || String(f.id));
    }""", layer)


def wait_rendered(page, layer: str, name: str | None = None) -> None:
    page.wait_for_function("""([layer, name]) => {
        const gd = document.querySelector('#explorer-map .js-plotly-plot');
        const map = gd && gd._fullLayout.map && gd._fullLayout.map._subplot.map;
        if (!map || !map.getLayer(layer)) { return false; }
        const names = map.queryRenderedFeatures({layers: [layer]})
            .map(f => f.properties && f.properties.name);
        return name ? names.includes(name) : names.length > 0;
    }""", arg=[layer, name], timeout=WAIT_MS)


def search_and_choose(page, query: str, option: str) -> None:
    """Type into the search box and choose ``option`` with the keyboard."""
    box = page.locator("#explorer-search")
    box.click()
    box.press_sequentially(query, delay=30)
    page.get_by_role("option", name=option).first.wait_for(timeout=WAIT_MS)
    # the options shown are those of the whole query (each keystroke asks again)
    page.wait_for_function(IDLE, timeout=WAIT_MS)
    box.press("ArrowDown")
    box.press("Enter")


def selected(page) -> list[str]:
    return page.evaluate(f"() => document.querySelector('{MAP}').data[2].locations")


def test_offline_the_map_shows_the_stores_geography_and_names(start_server, built_store,
                                                               page, console_errors):
    from playwright.sync_api import expect

    server = start_server(built_store)
    outside = outside_requests(page, server.url)
    open_explorer(page, server.url + ZUID_BUURT)
    note = page.locator("#explorer-basemap-note")
    expect(note).to_have_attribute("data-basemap", "offline")
    expect(note).to_contain_text("geen verbinding met de kaartserver van PDOK")
    # the small print says how the water is made, and that the Maas is not in it offline
    expect(note).to_have_attribute("data-water", "wbk")
    expect(note).to_contain_text("zoals de Maas")
    wait_rendered(page, "zuid-labels-coarse", "Charlois")
    assert {"Charlois", "Feijenoord", "IJsselmonde"} <= set(rendered(page,
                                                                     "zuid-labels-coarse"))
    wait_rendered(page, "zuid-labels-gemeente")
    assert "Barendrecht" in rendered(page, "zuid-labels-gemeente")
    assert rendered(page, "zuid-context-fill")  # the port and the neighbours are land
    # zoomed in, the buurten take over from the wijken
    page.evaluate(f"""() => document.querySelector('{MAP}')._fullLayout.map._subplot.map
        .jumpTo({{center: [4.503, 51.902], zoom: 13.5}})""")
    wait_rendered(page, "zuid-labels-fine", "Afrikaanderwijk")
    assert rendered(page, "zuid-labels-coarse") == []
    # the whole gemeente reaches the sea: its water parts are drawn
    open_explorer(page, server.url + "/?level=wijk&area=GM0599&year=2024")
    wait_rendered(page, "zuid-water")
    assert outside == []  # no font, tile or style request left the app
    assert console_errors == []


def test_search_a_name_selects_the_buurt_and_shows_its_details(start_server, built_store,
                                                               page, console_errors):
    from playwright.sync_api import expect

    server = start_server(built_store)
    open_explorer(page, server.url + "/?level=wijk&area=ZUID0599&year=2024")
    search_and_choose(page, "Afrikaander", "Afrikaanderwijk — buurt, Feijenoord")
    page.wait_for_function(f"""() => {{
        const gd = document.querySelector('{MAP}');
        return JSON.stringify(gd.data[2].locations) === '["BU05991086"]';
    }}""", timeout=WAIT_MS)
    expect(page.locator("#explorer-details")).to_contain_text("Afrikaanderwijk")
    expect(radio(page, t("explorer.level", "nl"), t("explorer.level_buurt", "nl"))
           ).to_be_checked()
    zoom = page.evaluate(f"""() => document.querySelector('{MAP}')._fullLayout.map
        ._subplot.map.getZoom()""")
    assert zoom > 12.5  # the map moved to it
    assert console_errors == []


def test_search_a_postcode_selects_its_buurten(start_server, built_store, store, page,
                                               console_errors):
    from dashboard.projects.places import place_postcodes

    expected = sorted(place_postcodes(store, ["3073"])["3073"])
    names = ", ".join(store.area_name(c, "nl") for c in place_postcodes(store, ["3073"])[
        "3073"])
    server = start_server(built_store)
    open_explorer(page, server.url + ZUID_BUURT)
    search_and_choose(page, "3073", f"Postcode 3073: {names}")
    page.wait_for_function(f"""(codes) => JSON.stringify(
        [...document.querySelector('{MAP}').data[2].locations].sort()) === codes""",
                           arg=json.dumps(expected), timeout=WAIT_MS)
    assert console_errors == []


def test_offline_address_search_says_it_needs_the_internet(start_server, built_store, page,
                                                           console_errors):
    server = start_server(built_store)
    open_explorer(page, server.url + ZUID_BUURT)
    box = page.locator("#explorer-search")
    box.click()
    box.press_sequentially("Putselaan 1", delay=30)
    option = page.get_by_role("option", name=t("search.address_offline", "nl"))
    option.wait_for(timeout=WAIT_MS)
    assert option.get_attribute("data-combobox-disabled") == "true"
    assert console_errors == []


def test_bridge_outlines_zuid_and_puts_no_marker_at_its_centroid(start_server, built_store,
                                                                  store, page,
                                                                  console_errors):
    server = start_server(built_store)
    open_explorer(page, server.url + ZUID_BUURT)
    page.locator("#projects-map-block .project-item[data-key=bridge] button").click()
    page.wait_for_function(f"""() => {{
        const layers = document.querySelector('{MAP}')._fullLayout.map.layers;
        const hl = layers[layers.length - 1];
        return hl.visible && hl.source.features.map(f => f.id).join() === 'ZUID0599';
    }}""", timeout=WAIT_MS)
    trace = page.evaluate(f"""() => {{
        const t = document.querySelector('{MAP}').data[3];
        return {{keys: t.customdata || [], lon: t.lon || [], lat: t.lat || []}};
    }}""")
    assert "bridge" not in trace["keys"]
    centre = store.areas.loc["ZUID0599", "geometry"].centroid
    assert not [1 for x, y in zip(trace["lon"], trace["lat"], strict=True)
                if abs(x - centre.x) < 0.01 and abs(y - centre.y) < 0.01]
    # hovering another project in the list outlines that one's areas instead
    page.locator("#projects-map-block .project-item[data-key=bruggenbouwers]").hover()
    page.wait_for_function(f"""() => {{
        const layers = document.querySelector('{MAP}')._fullLayout.map.layers;
        return layers[layers.length - 1].source.features.map(f => f.id).join() === 'GM0363';
    }}""", timeout=WAIT_MS)
    assert console_errors == []


def test_no_hover_label_of_the_old_view_stays(start_server, built_store, store, page,
                                              console_errors):
    from playwright.sync_api import expect

    server = start_server(built_store)
    open_explorer(page, server.url + ZUID_BUURT)
    click_area_on_map(page, store, "BU05991283")  # Oud IJsselmonde
    page.wait_for_function(f"""() => document.querySelector('{MAP}').data[2].locations
        .includes('BU05991283')""", timeout=WAIT_MS)
    old = page.locator(f"{MAP} .hoverlayer .hovertext").all_text_contents()  # SVG: no innerText
    assert any("Oud IJsselmonde" in text for text in old)  # the label the repro leaves
    page.get_by_role("button", name=t("explorer.clear", "nl")).click()
    radio(page, t("explorer.level", "nl"), t("explorer.level_wijk", "nl")).click()
    page.wait_for_function(f"""() => document.querySelector('{MAP}').data[1].locations
        .concat(document.querySelector('{MAP}').data[0].locations).includes('WK059912')""",
                           timeout=WAIT_MS)
    page.wait_for_function(IDLE, timeout=WAIT_MS)
    expect(page.locator(f"{MAP} .hoverlayer .hovertext")).to_have_count(0)
    assert console_errors == []


# Test data: a fake PDOK style whose one vector source is served by the fake itself.
def fake_style(base: str) -> dict:
    return {"version": 8, "name": "fake brt",
            "sources": {"brt": {"type": "vector", "attribution": "Kadaster / PDOK",
                                "tiles": [base + "/tiles/brt.pbf?z={z}&x={x}&y={y}"],
                                "minzoom": 0, "maxzoom": 14}},
            "layers": [{"id": "brt-land", "type": "background",
                        "paint": {"background-color": "#f7f4ee"}},
                       {"id": "brt-water", "type": "fill", "source": "brt",
                        "source-layer": "water", "paint": {"fill-color": "#aad3df"}}]}


def test_online_the_pdok_basemap_lies_under_the_areas(start_server, built_store, page,
                                                      console_errors):
    from playwright.sync_api import expect

    cors = (("Access-Control-Allow-Origin", "*"),)
    with FakeServer() as pdok:
        pdok.route(STYLE_PATH, Reply.json(fake_style(pdok.url)))
        # an empty tile is a valid vector tile without features
        pdok.route("/tiles/brt.pbf", Reply(200, b"", content_type="application/x-protobuf",
                                           headers=cors))
        server = start_server(built_store, PDOK_API_BASE=pdok.url)
        open_explorer(page, server.url + ZUID_BUURT)
        note = page.locator("#explorer-basemap-note")
        expect(note).to_have_attribute("data-basemap", "pdok")
        expect(note).to_contain_text("Kadaster / PDOK")
        # the basemap's tiles are loaded (from the fake), under the names
        page.wait_for_function("""() => {
            const map = document.querySelector('#explorer-map .js-plotly-plot')
                ._fullLayout.map._subplot.map;
            return map.getLayer('brt-water') !== undefined && map.isSourceLoaded('brt');
        }""", timeout=WAIT_MS)
        wait_rendered(page, "zuid-labels-coarse", "Charlois")
        tile_hits = pdok.hits("/tiles/brt.pbf")
        opacity = page.evaluate(f"() => document.querySelector('{MAP}').data[0].marker.opacity")
    assert pdok.hits(STYLE_PATH) == 1  # asked once by the server, then remembered
    assert tile_hits > 0  # the browser fetched the basemap's tiles
    assert opacity < 1
    assert console_errors == []


@pytest.mark.parametrize("width", [1440, 390, 320])
def test_the_first_view_fits_the_whole_area_clear_of_the_legend(start_server, built_store,
                                                                 store, page, width,
                                                                 console_errors):
    from dashboard.explorer.state import view_codes

    west, south, east, north = store.areas.loc[
        list(view_codes(store, "ZUID0599", "buurt"))].total_bounds
    server = start_server(built_store)
    page.set_viewport_size({"width": width, "height": 900})
    open_explorer(page, server.url + ZUID_BUURT)
    # the browser fits the view once the legend is drawn; Plotly reports it as a move
    page.wait_for_function(f"""() => {{
        const gd = document.querySelector('{MAP}');
        return Boolean(gd._zuidFitted);
    }}""", timeout=WAIT_MS)
    seen = page.evaluate(f"""([west, south, east, north]) => {{
        const gd = document.querySelector('{MAP}');
        const map = gd._fullLayout.map._subplot.map;
        const canvas = map.getCanvas().getBoundingClientRect();
        const bar = gd.querySelector('.colorbar').getBoundingClientRect();
        const b = map.getBounds();
        const sw = map.project([west, south]), ne = map.project([east, north]);
        return {{bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
                 left: sw.x, right: ne.x, top: ne.y, bottom: sw.y,
                 width: canvas.width / devicePixelRatio, height: canvas.height / devicePixelRatio,
                 bar: {{left: bar.left - canvas.left, right: bar.right - canvas.left,
                        top: bar.top - canvas.top, bottom: bar.bottom - canvas.top}},
                 layoutZoom: gd._fullLayout.map.zoom, zoom: map.getZoom()}};
    }}""", [west, south, east, north])
    map_west, map_south, map_east, map_north = seen["bounds"]
    # every area of Rotterdam-Zuid, the port buurten too, lies inside the map ...
    assert map_west < west and map_east > east and map_south < south and map_north > north
    assert seen["left"] >= 0 and seen["top"] >= 0 and seen["bottom"] <= seen["height"]
    # ... and clear of the colour legend, which covers none of it
    bar = seen["bar"]
    assert (seen["top"] >= bar["bottom"] or seen["right"] <= bar["left"]
            or seen["left"] >= bar["right"] or seen["bottom"] <= bar["top"])
    # fitted, not just zoomed far out: the area spans most of the map's width or height
    assert max((seen["right"] - seen["left"]) / seen["width"],
               (seen["bottom"] - seen["top"]) / seen["height"]) > 0.6
    # Plotly keeps the fitted view as its own (a later update does not undo it)
    assert abs(seen["layoutZoom"] - seen["zoom"]) < 0.01
    page.locator("#explorer-map").scroll_into_view_if_needed()  # below the controls on a phone
    click_area_on_map(page, store, "BU05991086")  # an update of the figure
    page.wait_for_function(f"""() => document.querySelector('{MAP}').data[2].locations
        .includes('BU05991086')""", timeout=WAIT_MS)
    page.wait_for_function(IDLE, timeout=WAIT_MS)
    assert abs(page.evaluate(f"""() => document.querySelector('{MAP}')._fullLayout.map
        ._subplot.map.getZoom()""") - seen["zoom"]) < 0.01
    assert console_errors == []
