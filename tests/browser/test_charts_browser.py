"""Charts and pickers as a person sees them in a real Chromium: no chart label is cut off at
desktop or phone width, and the indicator picker shows at least 8 options and searches in
the page's language."""

from __future__ import annotations

import pytest

import tests.browser.explorer_page as explorer_browser
from dashboard.i18n import t

pytestmark = pytest.mark.browser
WAIT_MS = explorer_browser.WAIT_MS

# Every text Plotly drew in a figure (ticks, axis titles, bar values, annotations, legend)
# whose rendered box reaches outside the figure's own box, with the figure's id.
CLIPPED = """() => {
    const out = [];
    for (const gd of document.querySelectorAll('.js-plotly-plot')) {
        const box = gd.getBoundingClientRect();
        if (!box.width) continue;
        const id = (gd.closest('[id]') || {}).id || '?';
        for (const el of gd.querySelectorAll('svg.main-svg text')) {
            if (el.closest('.hoverlayer')) continue;
            const text = el.textContent.trim();
            const r = el.getBoundingClientRect();
            if (!text || !r.width) continue;
            if (r.left < box.left - 1 || r.right > box.right + 1 ||
                r.top < box.top - 1 || r.bottom > box.bottom + 1) {
                out.push(`${id}: "${text}" [${Math.round(r.left)}, ${Math.round(r.right)}]` +
                         ` outside [${Math.round(box.left)}, ${Math.round(box.right)}]`);
            }
        }
    }
    return out;
}"""
CHARTS_DRAWN = """(ids) => ids.every(id => {
    const gd = document.querySelector('#' + id + ' .js-plotly-plot');
    return gd && gd._fullLayout && gd.querySelector('svg.main-svg text');
})"""


@pytest.mark.parametrize(("lang", "width"), [("nl", 1440), ("en", 390), ("en", 1440)])
def test_no_chart_label_is_clipped_in_the_explorer(start_server, built_store, page,
                                                    console_errors, lang, width):
    server = start_server(built_store)
    page.set_viewport_size({"width": width, "height": 900})
    # A long unit, a selected area whose trend has gaps, and the scatter's second indicator.
    explorer_browser.open_explorer(
        page, server.url + f"/?indicator=bijstand_per_1000_15_64&sel=BU05991086&lang={lang}"
        "&indicator2=pct_opleiding_laag")
    charts = ["explorer-bar", "explorer-trend", "explorer-scatter"]
    page.wait_for_function(CHARTS_DRAWN, arg=charts, timeout=WAIT_MS)
    assert page.evaluate(CLIPPED) == []
    bar = page.evaluate("() => document.querySelector('#explorer-bar .js-plotly-plot')"
                        ".data[0].text.slice(0, 3)")
    assert bar and all("inwoners" not in x and "residents" not in x for x in bar)
    assert console_errors == []


def test_no_chart_label_is_clipped_on_the_targets_page(start_server, built_store, page,
                                                        console_errors):
    server = start_server(built_store)
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(server.url + "/doelen?lang=nl")
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot svg.main-svg')"
                           ".length > 0", timeout=WAIT_MS)
    page.wait_for_function(explorer_browser.IDLE, timeout=WAIT_MS)
    assert page.evaluate(CLIPPED) == []
    assert console_errors == []


def test_indicator_picker_shows_eight_options_and_searches_in_dutch(start_server, built_store,
                                                                     page, console_errors):
    from playwright.sync_api import expect

    server = start_server(built_store)
    page.set_viewport_size({"width": 1440, "height": 900})
    explorer_browser.open_explorer(page, server.url + "/?lang=nl")
    box = page.locator("#explorer-indicator")
    box.click()
    # the indicator's own option list: the popup its text box controls
    listbox = page.locator(f"[id='{box.get_attribute('aria-controls')}']")
    listbox.get_by_role("option").first.wait_for()
    visible = listbox.evaluate("""box => {
        const list = box.closest('.mantine-Popover-dropdown').getBoundingClientRect();
        return [...box.querySelectorAll('[role=option]')].filter(o => {
            const r = o.getBoundingClientRect();
            return r.height > 0 && r.top >= list.top - 1 && r.bottom <= list.bottom + 1;
        }).length;
    }""")
    assert visible >= 8
    options = listbox.get_by_role("option")
    box.fill("laagopgeleid")
    expect(options.first).to_contain_text("Aandeel laagopgeleiden", timeout=WAIT_MS)
    box.fill("highly educated")  # English words do not match on the Dutch page
    expect(options).to_have_count(0)
    expect(page.locator(".mantine-Popover-dropdown:visible").get_by_text(
        t("dropdown.no_options_found", "nl"), exact=True)).to_be_visible(timeout=WAIT_MS)
    # The label names the unit once.
    box.fill("bijstand")
    expect(page.get_by_role("option", name="Werk en inkomen · Bijstand (per 1.000 inwoners "
                                            "15-64 jaar)", exact=True)).to_be_visible()
    assert console_errors == []
