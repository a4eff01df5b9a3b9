"""Accessibility as a person meets it: axe-core on every page in both languages, the
explorer by keyboard alone, and every page at 320 px wide with its language and title.

axe-core comes with axe-playwright-python (the test extra); nothing is fetched at run time.
"""

from __future__ import annotations

import re

import pytest

from dashboard import ids
from dashboard.explorer.state import default_area
from dashboard.i18n import t
from layouts.document import page_title
from layouts.explorer import indicator_options
from tests.browser.explorer_page import IDLE, MAP_READY, WAIT_MS, inside_codes

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PROFILE = "WK059915"  # Charlois
#: (page name for the title, path and query) of every page.
PAGES = [("explorer", "/", ""), ("targets", "/doelen", ""), ("projects", "/projecten", ""),
         ("profile", f"/gebied/{PROFILE}", ""),
         ("compare", "/vergelijk", "areas=WK059915,WK059916"),
         ("indicators", "/indicatoren", ""), ("data", "/data", ""),
         ("signin", "/aanmelden", "")]
#: Every chart is an image with a name, so nothing inside it may take the focus.
SETTLED = """() => !document.querySelector('[data-dash-is-loading="true"]')
    && document.querySelector('main[lang]')
    && !document.querySelector('[role="img"] canvas[tabindex]')"""


@pytest.fixture(autouse=True)
def _patient_expect():
    from playwright.sync_api import expect

    expect.set_options(timeout=WAIT_MS)
    yield
    expect.set_options(timeout=5_000)


def _url(server, path: str, query: str, lang: str) -> str:
    return f"{server.url}{path}?{query + '&' if query else ''}lang={lang}"


def _open(page, url: str, explorer: bool) -> None:
    page.goto(url)
    if explorer:
        page.wait_for_function(MAP_READY, timeout=WAIT_MS)
    page.wait_for_function(SETTLED, timeout=WAIT_MS)


def _each_page(page, server):
    """Open every page in both languages; yield ``(name, path, lang)`` with it open."""
    for name, path, query in PAGES:
        for lang in ("nl", "en"):
            _open(page, _url(server, path, query, lang), name == "explorer")
            yield name, path, lang


def _violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:5]]}"
            for v in result.response["violations"]]


def test_every_page_has_no_axe_violations_in_either_language(start_server, built_store,
                                                             page, console_errors):
    server = start_server(built_store)
    page.set_viewport_size({"width": 1280, "height": 900})
    found = {f"{path} {lang}": _violations(page) for _, path, lang in _each_page(page, server)}
    assert {k: v for k, v in found.items() if v} == {}
    assert len(found) == 2 * len(PAGES)
    assert console_errors == []


def test_every_page_reflows_at_320_px_with_its_language_and_title(start_server, built_store,
                                                                  store, page, console_errors):
    from playwright.sync_api import expect

    server = start_server(built_store)
    page.set_viewport_size({"width": 320, "height": 640})
    wide = {}
    for name, path, lang in _each_page(page, server):
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect(page).to_have_title(page_title(name, lang, PROFILE, store))
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > 320:
            wide[f"{path} {lang}"] = width
    assert wide == {}
    # The colour bar sits under the map, never over its areas.
    _open(page, _url(server, "/", "", "nl"), True)
    boxes = page.evaluate("""() => {
        const gd = document.querySelector('#explorer-map .js-plotly-plot');
        const bar = gd.querySelector('.colorbar').getBoundingClientRect();
        const map = gd._fullLayout.map._subplot.map.getCanvas().getBoundingClientRect();
        const sub = gd._fullLayout.map.domain.y;
        const h = gd._fullLayout.height;
        return {barTop: bar.top, mapBottom: gd.getBoundingClientRect().top
                + h * (1 - sub[0]), canvas: map.height};
    }""")
    assert boxes["barTop"] >= boxes["mapBottom"] - 1, boxes
    assert console_errors == []


def _tab_to(page, found: str, limit: int = 80) -> None:
    """Press Tab until the focused element matches the JS condition ``found`` (on ``el``)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return {found}; }}"):
            return
    pytest.fail(f"no Tab stop where {found}")


def _tab_to_id(page, cid: str) -> None:
    _tab_to(page, f"el.id === {cid!r}")


def test_the_explorer_by_keyboard_alone(start_server, built_store, store, page,
                                        console_errors):
    from playwright.sync_api import expect

    server = start_server(built_store)
    _open(page, server.url + "/?lang=nl", True)

    # The first Tab stop skips the menu; the next one is the first control, the search box,
    # and then the indicator.
    page.keyboard.press("Tab")
    expect(page.locator(f"#{ids.NAV_SKIP}")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(f"#{ids.NAV_CONTENT}")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator(f"#{ids.EXPLORER_SEARCH}")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator(f"#{ids.EXPLORER_INDICATOR}")).to_be_focused()

    # Indicator: typing filters, Enter takes the match.
    label = next(o["label"] for o in indicator_options(store, "nl")
                 if o["value"] == "pct_huur_corporatie")
    page.keyboard.type("Sociale huur")
    expect(page.get_by_role("listbox").get_by_role("option")).to_have_text([label])
    page.keyboard.press("Enter")
    expect(page.locator(f"#{ids.EXPLORER_INDICATOR}")).to_have_value(label)
    expect(page).to_have_url(re.compile(r"indicator=pct_huur_corporatie"))

    _tab_to_id(page, ids.EXPLORER_YEAR)
    page.keyboard.type("2016")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"year=2016"))

    # Two areas from the area list: the details panel shows both.
    first, second = inside_codes(store, default_area(store), "buurt", 2)
    names = [store.area_name(first, "nl"), store.area_name(second, "nl")]
    _tab_to_id(page, ids.EXPLORER_PICK)
    for name in names:
        page.keyboard.type(name)
        expect(page.get_by_role("listbox").get_by_role("option").first).to_have_text(name)
        page.keyboard.press("Enter")
    details = page.locator(f"#{ids.EXPLORER_DETAILS}")
    expect(details.get_by_role("heading", level=3)).to_have_text(names)
    expect(page).to_have_url(re.compile(rf"sel={first}%2C{second}|sel={first},{second}"))
    page.keyboard.press("Escape")
    page.wait_for_function(IDLE, timeout=WAIT_MS)
    assert _violations(page) == []

    # Open the first area's profile from its card, and take its CSV.
    link = t("profile.link", "nl", name=names[0])
    _tab_to(page, f"el.tagName === 'A' && el.textContent === {link!r}")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/gebied/{first}\?lang=nl$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        t("profile.heading", "nl", name=names[0]))
    _tab_to(page, "el.tagName === 'A' && el.textContent === 'CSV'")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    text = open(info.value.path(), encoding="utf-8").read()
    assert first in text
    assert console_errors == []
