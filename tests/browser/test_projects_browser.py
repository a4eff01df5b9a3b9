"""Projects in a real Chromium: the layer on the explorer map and the projects page."""

from __future__ import annotations

import pytest

from dashboard.i18n import t
from dashboard.projects.places import placement
from dashboard.projects.registry import load_projects
from tests.browser.explorer_page import IDLE, MAP_READY, WAIT_MS
from tests.editor import sign_in_page

MAP = "#explorer-map .js-plotly-plot"

pytestmark = pytest.mark.browser

# Test data: an uploaded activity whose name tries to run script.
HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture(autouse=True)
def _expect_timeout():
    from playwright.sync_api import expect

    expect.set_options(timeout=WAIT_MS)
    yield
    expect.set_options(timeout=5_000)


def projects_trace(page) -> dict:
    return page.evaluate("""(sel) => {
        const gd = document.querySelector(sel);
        const layers = gd._fullLayout.map.layers;
        const hl = layers[layers.length - 1];
        return {keys: gd.data[3].customdata || [], colours: (gd.data[3].marker || {}).color,
                highlight: hl.visible,
                outlined: hl.visible ? hl.source.features.map(f => f.id) : []};
    }""", MAP)


def wait_trace(page, condition: str, arg=None) -> None:
    page.wait_for_function(f"""(arg) => {{
        const gd = document.querySelector('{MAP}');
        const keys = gd.data[3].customdata || [];
        const layers = gd._fullLayout.map.layers;
        const hl = layers[layers.length - 1];
        return {condition};
    }}""", arg=arg, timeout=WAIT_MS)


def test_toggle_a_pillar_choose_a_project_see_its_areas_and_panel(start_server, built_store,
                                                                   store, page,
                                                                   console_errors):
    from playwright.sync_api import expect

    server = start_server(built_store)
    page.goto(server.url + "/?level=buurt&area=ZUID0599&year=2024")
    page.wait_for_function(MAP_READY, timeout=WAIT_MS)
    page.wait_for_function(IDLE, timeout=WAIT_MS)
    active = [p for p in load_projects() if p.active_in(2024)]
    # only real places (points, postcodes) are markers; the registry's are whole areas
    drawn = sorted(p.key for p in active for _ in placement(store, p).points)
    assert sorted(projects_trace(page)["keys"]) == drawn

    block = page.locator("#projects-map-block")
    block.get_by_label(t("projects.pillar_werk", "nl")).uncheck()
    expect(block.locator("#projects-map-list")).not_to_contain_text("Samen voor Zuid")
    expect(block.locator("#projects-map-list")).to_contain_text("BRIDGE")

    block.get_by_role("button", name="BRIDGE").click()
    wait_trace(page, "hl.visible === true && hl.source.features.length > 0")
    assert projects_trace(page)["outlined"] == ["ZUID0599"]
    panel = page.locator("#projects-map-panel")
    expect(panel.get_by_role("heading", level=3)).to_have_text("BRIDGE")
    expect(panel).to_contain_text("Expertisecentrum Maatschappelijke Innovatie (EMI)")
    expect(panel).not_to_contain_text("000_0cddcffabd0dd577.txt")  # file: metadata only
    expect(panel).to_contain_text(t("projects.since", "nl", start="2017"))
    # the map draws the outline as a MapLibre line layer
    assert page.evaluate("""() => {
        const gd = document.querySelector('#explorer-map .js-plotly-plot');
        const style = gd._fullLayout.map._subplot.map.getStyle();
        return style.layers.filter(l => l.type === 'line').length;
    }""") >= 2

    # a project elsewhere is listed with its gemeente
    amsterdam = block.locator("li[data-key=bruggenbouwers]")
    expect(amsterdam).to_contain_text("Amsterdam")
    page.get_by_role("button", name=t("projects.clear", "nl")).click()
    wait_trace(page, "hl.visible === false")
    assert console_errors == []


def test_projects_page_around_a_project_and_hostile_upload(start_server, built_store, page,
                                                            console_errors, tmp_path):
    from playwright.sync_api import expect

    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    server = start_server(built_store)
    sign_in_page(page, server.url, "/projecten")
    expect(page.get_by_role("heading", level=1)).to_have_text(t("projects.title", "nl"))
    table = page.locator("#projects-list")
    expect(table.locator("tbody tr")).to_have_count(len(load_projects()))
    expect(table.locator("tr[data-key=bruggenbouwers]")).to_contain_text("Amsterdam")

    table.get_by_role("button", name="KNAP'RZ").click()
    expect(page.locator("#projects-panel h3")).to_have_text("KNAP'RZ")
    page.wait_for_function("""() => {
        const gd = document.querySelector('#projects-around-graph .js-plotly-plot');
        // the start line is one of the shapes (the trend's break marks are shapes too)
        return Boolean(gd && gd.layout && gd.layout.shapes
                       && gd.layout.shapes.some(s => s.x0 === 2019 && s.x1 === 2019));
    }""", timeout=WAIT_MS)
    names = page.evaluate("() => document.querySelector('#projects-around-graph "
                          ".js-plotly-plot').data.map(d => d.name)")
    assert names == ["Rotterdam-Zuid", "Rotterdam"]
    expect(page.locator("#projects-around")).to_contain_text(t("projects.caveat", "nl"))

    upload = tmp_path / "activiteiten.csv"
    upload.write_text("project,name,pillar,start_date,area_codes\n"
                      f"Test,{HOSTILE},werk,2024-01-01,BU05991572\n"
                      "Test,Zonder datum,werk,,BU05991572\n", encoding="utf-8")
    page.locator("#projects-upload input[type=file]").set_input_files(str(upload))
    result = page.locator("#projects-upload-result")
    expect(result).to_contain_text("1 opgeslagen, 0 al aanwezig (dubbel), 1 afgewezen")
    expect(result).to_contain_text("Rij 3: ‘start_date’ is leeg")
    row = table.locator("tbody tr").filter(has_text="onerror=alert(1)")
    expect(row.get_by_role("button")).to_have_text(HOSTILE)
    assert page.locator("#projects-list img").count() == 0
    assert dialogs == []
    assert console_errors == []


@pytest.mark.parametrize("width", [1440, 1280, 1024])
def test_the_projects_list_shows_every_column_at_desktop_widths(start_server, built_store,
                                                                 page, width):
    """Every column of the list (the source last) is in view without scrolling the table,
    beside the project's panel on a wide screen and above it on a laptop."""
    server = start_server(built_store)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(server.url + "/projecten")
    page.wait_for_selector("#projects-list tbody tr", timeout=WAIT_MS)
    box = page.evaluate("""() => {
        const e = document.getElementById('projects-list');
        return {scroll: e.scrollWidth, client: e.clientWidth};
    }""")
    assert box["scroll"] <= box["client"], box
