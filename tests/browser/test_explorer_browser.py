"""The explorer in a real Chromium against the real server: what a person does with it.

The map is MapLibre (WebGL), so an area is clicked at the pixel where its inside point is
projected by the map object Plotly keeps in the graph div.
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlparse

import pytest

from dashboard.explorer.state import (
    DEFAULT_INDICATOR,
    ExplorerState,
    default_area,
    view_codes,
    view_values,
)
from dashboard.formatting import format_number
from dashboard.i18n import t
from layouts.explorer import indicator_options
from tests.browser.controls import choose
from tests.browser.explorer_page import (
    IDLE,
    MAP_READY,
    WAIT_MS,
    click_area_on_map,
    inside_codes,
    open_explorer,
)

pytestmark = pytest.mark.browser

GRAPH = "#explorer-{} .js-plotly-plot"


@pytest.fixture(autouse=True)
def _expect_timeout():
    """Playwright's ``expect`` waits up to WAIT_MS here (its default is 5 s)."""
    from playwright.sync_api import expect

    expect.set_options(timeout=WAIT_MS)
    yield
    expect.set_options(timeout=5_000)


# -- helpers ----------------------------------------------------------------------------------

def graph_data(page, name: str) -> list[dict]:
    """``data`` of a graph as the browser holds it (geojson reduced to feature ids)."""
    return page.evaluate("""(sel) => {
        const gd = document.querySelector(sel);
        return gd.data.map(tr => ({name: tr.name, locations: tr.locations, z: tr.z,
            ids: tr.geojson ? tr.geojson.features.map(f => f.id) : null}));
    }""", GRAPH.format(name))


def query_of(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def pick_indicator(page, search: str, label: str) -> None:
    """Type in the indicator select, take the only match with Enter."""
    choose(page, "explorer-indicator", search, label)


def map_meta_indicator(page, key: str) -> None:
    """Wait until the map's values are those of indicator ``key``."""
    page.wait_for_function("""(key) => {
        const gd = document.querySelector('#explorer-map .js-plotly-plot');
        return Boolean(gd && gd.layout && gd.layout.meta && gd.layout.meta.indicator === key);
    }""", arg=key, timeout=WAIT_MS)


def label_of(store, key: str, lang: str) -> str:
    return next(o["label"] for o in indicator_options(store, lang) if o["value"] == key)


# -- tests ------------------------------------------------------------------------------------

def test_map_has_one_shape_per_area_in_view(start_server, built_store, store, page,
                                            console_errors):
    from playwright.sync_api import expect

    server = start_server(built_store)
    open_explorer(page, server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text(t("explorer.title", "nl"))
    expect(page.locator("#explorer-map canvas.maplibregl-canvas")).to_be_visible()

    codes = view_codes(store, default_area(store), "buurt")
    assert default_area(store) == "ZUID0599" and len(codes) > 10
    data = graph_data(page, "map")
    assert [tr["name"] for tr in data] == ["values", "no-data", "selection", "projects"]
    assert sorted(data[0]["ids"]) == codes
    assert len(data[0]["ids"]) == len(set(data[0]["ids"]))
    shown, grey = data[0]["locations"], data[1]["locations"]
    assert not set(shown) & set(grey)
    assert sorted(shown + grey) == codes
    assert len(data[0]["z"]) == len(shown) > 0
    assert data[2]["locations"] == []
    assert console_errors == []


def test_click_then_shift_click_areas_on_the_map(start_server, built_store, store, page,
                                                  console_errors):
    from playwright.sync_api import expect

    server = start_server(built_store)
    open_explorer(page, server.url + "/")
    first, second = inside_codes(store, default_area(store), "buurt", 2)
    first_name, second_name = store.area_name(first, "nl"), store.area_name(second, "nl")

    click_area_on_map(page, store, first)
    details = page.locator("#explorer-details")
    expect(details.get_by_role("heading", level=3)).to_have_text([first_name])
    expect(page).to_have_url(re.compile(rf"[?&]sel={first}(&|$)"))
    page.wait_for_function("""(name) => {
        const gd = document.querySelector('#explorer-trend .js-plotly-plot');
        return Boolean(gd && gd.data && gd.data.some(tr => tr.name === name));
    }""", arg=first_name, timeout=WAIT_MS)
    page.wait_for_function(IDLE, timeout=WAIT_MS)
    assert graph_data(page, "map")[2]["locations"] == [first]

    page.keyboard.down("Shift")
    try:
        click_area_on_map(page, store, second)
    finally:
        page.keyboard.up("Shift")
    expect(details.locator("article.detail-card")).to_have_count(2)
    expect(details.get_by_role("heading", level=3)).to_have_text([first_name, second_name])
    expect(page).to_have_url(re.compile(rf"[?&]sel={first}%2C{second}(&|$)"))
    assert query_of(page)["sel"] == f"{first},{second}"
    page.wait_for_function(IDLE, timeout=WAIT_MS)
    assert graph_data(page, "map")[2]["locations"] == [first, second]
    assert console_errors == []


def test_indicator_switch_patches_values_without_geometry(start_server, built_store, store,
                                                          page, console_errors):
    from playwright.sync_api import expect

    server = start_server(built_store)
    open_explorer(page, server.url + "/")
    before = graph_data(page, "map")[0]
    title_before = page.evaluate(
        "() => document.querySelector('#explorer-map .js-plotly-plot')"
        "._fullData[0].colorbar.title.text")

    key = "pct_huur_corporatie"
    ind = store.catalogue[key]
    responses = []
    page.on("response", lambda r: responses.append(r)
            if urlparse(r.url).path == "/_dash-update-component" else None)
    pick_indicator(page, "Sociale huur", label_of(store, key, "nl"))
    expect(page).to_have_url(re.compile(rf"[?&]indicator={key}(&|$)"))
    year = int(query_of(page)["year"])
    page.wait_for_function("""(title) => {
        const gd = document.querySelector('#explorer-map .js-plotly-plot');
        return gd._fullData[0].colorbar.title.text !== title;
    }""", arg=title_before, timeout=WAIT_MS)
    page.wait_for_function(IDLE, timeout=WAIT_MS)

    after = graph_data(page, "map")[0]
    state = ExplorerState(key, year, "buurt", default_area(store))
    expected = view_values(store, state).query("status == 'ok'").dropna(subset=["value"])
    assert sorted(after["locations"]) == sorted(expected["area_code"])
    assert after["z"] != before["z"]
    assert sorted(after["z"]) == pytest.approx(sorted(expected["value"]))
    unit = ind.unit.get("nl")
    title = t("figure.colorbar_title", "nl", unit=unit, year=year)
    assert page.evaluate("() => document.querySelector('#explorer-map .js-plotly-plot')"
                         "._fullData[0].colorbar.title.text") == title
    legend = page.locator("#explorer-map .colorbar")
    expect(legend).to_contain_text(unit)
    expect(legend).to_contain_text(str(year))

    sizes = []
    for response in responses:
        body = response.body().decode()
        outputs = json.loads(response.request.post_data or "{}").get("output", "?")
        sizes.append((outputs, len(body)))
        assert '"geojson"' not in body, f"{outputs} re-sent the geometry"
    assert any("explorer-map.figure" in o for o, _ in sizes)
    print("\n/_dash-update-component responses on the indicator switch (output, bytes):")
    for outputs, size in sizes:
        print(f"  {size:>7}  {outputs}")
    assert console_errors == []


def test_copied_url_restores_the_view(start_server, built_store, store, page, console_errors):
    from playwright.sync_api import expect

    server = start_server(built_store)
    open_explorer(page, server.url + "/?indicator=pct_huur_corporatie&year=2016&level=wijk"
                  "&area=GM0599&sel=WK059915&lang=en")
    expect(page.locator("main")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(t("explorer.title", "en"))
    expect(page.locator("#explorer-indicator")).to_have_value(
        label_of(store, "pct_huur_corporatie", "en"))
    expect(page.locator("#explorer-year")).to_have_value("2016")
    expect(page.locator("input[type=radio][value=wijk]")).to_be_checked()
    expect(page.locator("#explorer-details").get_by_role("heading", level=3)).to_have_text(
        ["Charlois"])
    expect(page.locator("#explorer-notices[role=status]")).to_have_text("")

    codes = view_codes(store, "GM0599", "wijk")
    data = graph_data(page, "map")
    assert sorted(data[0]["ids"]) == codes
    assert sorted(data[0]["locations"] + data[1]["locations"]) == codes
    assert data[2]["locations"] == ["WK059915"]
    assert console_errors == []


def test_bad_url_parameters_show_a_notice_and_the_default_view(start_server, built_store,
                                                               store, page, console_errors):
    from playwright.sync_api import expect

    server = start_server(built_store)
    open_explorer(page, server.url + "/?indicator=nope&year=abc&level=straat")
    # the notices are a status region (the search box has its own status line beside it)
    notice = page.locator("#explorer-notices[role=status]")
    latest = store.years(DEFAULT_INDICATOR)[-1]
    for param, value, used in (("indicator", "nope", DEFAULT_INDICATOR),
                               ("year", "abc", latest), ("level", "straat", "buurt")):
        expect(notice).to_contain_text(t("explorer.bad_param", "nl", param=param, value=value,
                                         used=used))
    expect(notice.locator("p")).to_have_count(3)
    expect(page.locator("#explorer-indicator")).to_have_value(
        label_of(store, DEFAULT_INDICATOR, "nl"))
    expect(page.locator("input[type=radio][value=buurt]")).to_be_checked()
    assert sorted(graph_data(page, "map")[0]["ids"]) == view_codes(store, default_area(store),
                                                                   "buurt")
    assert console_errors == []


def test_language_switch_formats_numbers_the_english_way(start_server, built_store, store,
                                                         page, console_errors):
    from playwright.sync_api import expect

    server = start_server(built_store)
    open_explorer(page, server.url + "/")
    ind = store.catalogue[DEFAULT_INDICATOR]
    year = store.years(DEFAULT_INDICATOR)[-1]
    values = view_values(store, ExplorerState(DEFAULT_INDICATOR, year, "buurt",
                                              default_area(store)))
    values = values[(values["status"] == "ok") & values["value"].notna()]
    row = next(r for r in values.itertuples()
               if format_number(r.value, "nl", ind.decimals)
               != format_number(r.value, "en", ind.decimals))
    cell = page.locator(f"#explorer-table tr[data-code='{row.area_code}'] td.num")
    expect(cell).to_have_text(format_number(row.value, "nl", ind.decimals))
    expect(page.locator("main")).to_have_attribute("lang", "nl")

    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"[?&]lang=en(&|$)"))
    page.wait_for_function(MAP_READY, timeout=WAIT_MS)
    expect(page.locator("main")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(t("explorer.title", "en"))
    for key in ("explorer.trend", "explorer.table", "explorer.ranking"):
        expect(page.get_by_role("heading", level=2, name=t(key, "en"))).to_be_visible()
    expect(cell).to_have_text(format_number(row.value, "en", ind.decimals))
    expect(page.locator("#explorer-table th").nth(2)).to_contain_text(ind.unit.get("en"))
    assert console_errors == []


def test_back_and_forward_follow_indicator_changes(start_server, built_store, store, page,
                                                  console_errors):
    from playwright.sync_api import expect

    server = start_server(built_store)
    open_explorer(page, server.url + "/?indicator=woz_waarde")
    dropdown = page.locator("#explorer-indicator")
    expect(dropdown).to_have_value(label_of(store, "woz_waarde", "nl"))
    pick_indicator(page, "Sociale huur", label_of(store, "pct_huur_corporatie", "nl"))
    expect(page).to_have_url(re.compile(r"[?&]indicator=pct_huur_corporatie(&|$)"))
    map_meta_indicator(page, "pct_huur_corporatie")

    # Back to the very link the page was opened with: the case dcc.Location cannot see.
    page.go_back()
    expect(page).to_have_url(re.compile(r"[?&]indicator=woz_waarde(&|$)"))
    expect(dropdown).to_have_value(label_of(store, "woz_waarde", "nl"))
    map_meta_indicator(page, "woz_waarde")

    page.go_forward()
    expect(page).to_have_url(re.compile(r"[?&]indicator=pct_huur_corporatie(&|$)"))
    expect(dropdown).to_have_value(label_of(store, "pct_huur_corporatie", "nl"))
    map_meta_indicator(page, "pct_huur_corporatie")
    assert console_errors == []
