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
    # (The colour legend clear of the areas at 320 px: tests/browser/test_map_browser.py.)
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
    options = page.get_by_role("listbox").get_by_role("option")
    expect(options).to_have_text([label])
    expect(options).to_have_attribute("data-combobox-selected", "true")
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
        top = page.get_by_role("listbox").get_by_role("option").first
        expect(top).to_have_text(name)
        expect(top).to_have_attribute("data-combobox-selected", "true")
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


#: An unreliable figure (too few residents) on the map: its area outlined, its reason in the
#: details and the table.
FLAGGED = ("indicator=bijstand_per_1000_15_64&year=2024&level=buurt&area=GM0599"
           "&sel=BU05990843")  # Kralingse Bos


def test_states_beyond_a_pages_first_view_have_no_axe_violations(start_server, built_store,
                                                                 page, console_errors):
    """A flagged area chosen, the search box open with its answers, a project focused in the
    list (its areas outlined on the map), and an editor's /doelen and /projecten."""
    from playwright.sync_api import expect

    from tests.editor import EDITOR, sign_in_page

    server = start_server(built_store)
    page.set_viewport_size({"width": 1280, "height": 900})
    found = {}
    for lang in ("nl", "en"):
        _open(page, _url(server, "/", FLAGGED, lang), True)
        expect(page.locator(".detail-card[data-code='BU05990843']")).to_be_visible()
        found[f"flagged {lang}"] = _violations(page)
        box = page.locator(f"#{ids.EXPLORER_SEARCH}")
        box.focus()
        box.press_sequentially("Carnisse", delay=30)
        expect(page.get_by_role("listbox").get_by_role("option").first).to_contain_text(
            "Carnisse")
        page.wait_for_function(IDLE, timeout=WAIT_MS)
        found[f"search {lang}"] = _violations(page)
        box.press("Escape")
        # A project focused from the keyboard is outlined on the map, as on hover.
        _tab_to(page, "el.closest('#projects-map-block .project-item[data-key]') !== null",
                limit=200)
        page.wait_for_function("""() => {
            const layers = document.querySelector('#explorer-map .js-plotly-plot')
                ._fullLayout.map.layers;
            const hl = layers[layers.length - 1];
            return hl.visible && hl.source.features.length > 0;
        }""", timeout=WAIT_MS)
        found[f"project focused {lang}"] = _violations(page)
    sign_in_page(page, server.url)
    for path in ("/doelen", "/projecten"):
        for lang in ("nl", "en"):
            _open(page, _url(server, path, "", lang), False)
            expect(page.locator(f"#{ids.NAV_AUTH}")).to_contain_text(
                t("auth.signed_in_as", lang, name=EDITOR))
            found[f"editor {path} {lang}"] = _violations(page)
    assert {k: v for k, v in found.items() if v} == {}
    assert len(found) == 10
    assert console_errors == []


def test_health_estimates_and_their_profile_have_no_axe_violations(
        start_server, snapshot_dir, tmp_path, page, console_errors):
    """A Gezondheidsmonitor estimate with its 95 % interval on the explorer and the profile
    (hand-built health answers from a fake of the live APIs, tests/health_answers.py)."""
    from playwright.sync_api import expect

    from tests.health_answers import build_live_store

    store_dir, data, buurten = build_live_store(snapshot_dir, tmp_path, gemeente_shape=True)
    server = start_server(store_dir, DASHBOARD_DATA=str(data))
    page.set_viewport_size({"width": 1280, "height": 900})
    found = {}
    for lang in ("nl", "en"):
        _open(page, _url(server, "/", f"indicator=ggd_eenzaam&year=2022&level=buurt"
                                       f"&area=GM0599&sel={buurten[0]}", lang), True)
        expect(page.locator(f".detail-card[data-code='{buurten[0]}']")).to_contain_text(
            "(68–76")
        found[f"explorer {lang}"] = _violations(page)
        _open(page, _url(server, f"/gebied/{buurten[0]}", "", lang), False)
        found[f"profile {lang}"] = _violations(page)
    assert {k: v for k, v in found.items() if v} == {}
    assert len(found) == 4
    assert console_errors == []
