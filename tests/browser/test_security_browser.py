"""The Content-Security-Policy in a real Chromium: every page works under it (no violation,
no console error, the map draws and answers clicks) and no other site can frame the app."""

from __future__ import annotations

import json

import pytest

from dashboard.formatting import format_date
from tests.browser.explorer_page import IDLE, MAP_READY, WAIT_MS, click_area_on_map

pytestmark = pytest.mark.browser

PAGES = ["/", "/data", "/doelen", "/projecten", "/vergelijk", "/indicatoren",
         "/gebied/BU05991572", "/?level=wijk&lang=en"]
# Collects CSP violations as the page reports them (they also reach the console).
WATCH = """window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
    e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '')));"""


def test_every_page_runs_under_the_policy(start_server, built_store, store, page,
                                          console_errors):
    server = start_server(built_store)
    page.add_init_script(WATCH)
    for path in PAGES:
        page.goto(server.url + path)
        page.wait_for_selector("#nav-bar")
        if path.startswith("/?") or path == "/":
            page.wait_for_function(MAP_READY, timeout=WAIT_MS)
        page.wait_for_function(IDLE)
        assert page.evaluate("window.__cspViolations") == [], path
    assert console_errors == []


def test_map_clicks_work_under_the_policy(start_server, built_store, store, page,
                                          console_errors):
    # The click goes through clientside callbacks: inline scripts allowed only by hash.
    server = start_server(built_store)
    page.add_init_script(WATCH)
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.goto(server.url + "/")
    page.wait_for_function(MAP_READY, timeout=WAIT_MS)
    page.wait_for_function(IDLE)
    code = "BU05991572"
    click_area_on_map(page, store, code)
    page.wait_for_function("""(code) => {
        const gd = document.querySelector('#explorer-map .js-plotly-plot');
        return JSON.stringify(gd.data[2].locations) === JSON.stringify([code]);
    }""", arg=code)
    assert page.evaluate("window.__cspViolations") == []
    assert console_errors == []


def test_data_date_is_visible_in_the_menu(start_server, built_store, page, console_errors):
    server = start_server(built_store)
    built_at = json.loads((built_store / "manifest.json").read_text())["built_at"]
    page.goto(server.url + "/data?lang=en")
    date = page.locator("#nav-bar .nav-data-date")
    date.wait_for()
    assert date.inner_text() == f"Data as of {format_date(built_at, 'en')}"
    assert date.is_visible()
    assert console_errors == []


def test_other_sites_cannot_frame_the_app(start_server, built_store, page):
    server = start_server(built_store)
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "frame-ancestors" in m.text else None)
    page.set_content(f'<iframe id="f" src="{server.url}/data" width="800" height="600"></iframe>')
    page.wait_for_function("() => document.getElementById('f').contentWindow !== null")
    frame = page.frame_locator("#f")
    with pytest.raises(Exception):  # noqa: B017 - any failure to find the nav means blocked
        frame.locator("#nav-bar").wait_for(timeout=3_000)
    assert any("frame-ancestors 'none'" in text for text in refused), refused
