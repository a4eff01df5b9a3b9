"""Unreliable figures in a real Chromium: a person hovers a flagged area on the map and
reads why its number says too little; the year list keeps sparse years apart."""

from __future__ import annotations

import pytest

from dashboard.i18n import t
from tests.browser.explorer_page import WAIT_MS, hover_area_on_map, open_explorer

pytestmark = pytest.mark.browser

KRALINGSE_BOS = "BU05990843"
VIEW = "/?indicator=bijstand_per_1000_15_64&year=2024&level=buurt&area=GM0599"


def _hover_label(page, store, code: str) -> str:
    """Hover ``code`` on the map and return the text of Plotly's hover label."""
    hover_area_on_map(page, store, code)
    label = page.locator("#explorer-map .hoverlayer .hovertext").first
    label.wait_for(state="visible", timeout=WAIT_MS)
    return label.text_content() or ""


def test_hovering_a_flagged_area_reads_the_reason(start_server, built_store, store, page,
                                                  console_errors):
    from playwright.sync_api import expect

    server = start_server(built_store)
    open_explorer(page, server.url + VIEW)
    label = _hover_label(page, store, KRALINGSE_BOS)
    assert "Kralingse Bos" in label
    assert "Onbetrouwbaar: berekend over minder dan 100 inwoners 15-64 jaar." in label
    legend = page.locator("#explorer-map .annotation-text").first
    expect(legend).to_contain_text(t("figure.flagged", "nl"), timeout=WAIT_MS)
    # the same reason in the table under the map, in words
    row = page.locator(f"#explorer-table tr[data-code='{KRALINGSE_BOS}']")
    expect(row).to_contain_text("minder dan 100 inwoners 15-64 jaar", timeout=WAIT_MS)
    assert console_errors == []


def test_sparse_years_are_listed_apart_with_their_coverage(start_server, built_store, page,
                                                           console_errors):
    from playwright.sync_api import expect

    server = start_server(built_store)
    open_explorer(page, server.url + VIEW)
    page.locator("#explorer-year").click()
    # the open list is a popup outside the button (aria-controls names it)
    popup = page.locator("#explorer-year").get_attribute("aria-controls")
    listbox = page.locator(f"[id='{popup}']")
    options = listbox.get_by_role("option")
    expect(options.filter(has_text="2023 – weinig gegevens:")).to_contain_text(
        "van 91 buurten", timeout=WAIT_MS)
    texts = options.all_text_contents()
    assert texts.index("2024") < next(i for i, s in enumerate(texts) if s.startswith("2022"))
    assert console_errors == []
