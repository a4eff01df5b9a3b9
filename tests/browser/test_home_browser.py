"""The home page in a real Chromium against the real server."""

from __future__ import annotations

import re

import pytest

from dashboard.formatting import format_int
from dashboard.i18n import label_or_key

pytestmark = pytest.mark.browser


@pytest.fixture
def summary(built_store, monkeypatch) -> dict:
    """What the store says about itself, read the way the app reads it."""
    from dashboard.store import get_store

    monkeypatch.setenv("DASHBOARD_STORE", str(built_store))
    clear = getattr(get_store, "cache_clear", None)
    if clear:
        clear()
    result = get_store().summary()
    if clear:
        clear()
    return result


def test_home_in_dutch_then_english(start_server, built_store, summary, page, console_errors):
    from playwright.sync_api import expect

    server = start_server(built_store)
    page.goto(server.url + "/data")
    expect(page.get_by_role("heading", level=1)).to_have_text("Wat staat er in de databank")
    expect(page.locator("main")).to_have_attribute("lang", "nl")
    for gemeente in summary["gemeenten"]:
        expect(page.get_by_text(f"{gemeente['name']} ({gemeente['code']})")).to_be_visible()
    for theme in summary["themes"]:
        heading = page.get_by_role("heading", level=3, name=label_or_key("theme", theme, "nl"))
        expect(heading).to_be_visible()
    n_nl = format_int(summary["n_observations"], "nl")
    expect(page.get_by_text(f"Aantal waarnemingen: {n_nl}.")).to_be_visible()

    page.get_by_role("link", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What the data store holds")
    expect(page).to_have_url(re.compile(r"\?lang=en$"))
    expect(page.locator("main")).to_have_attribute("lang", "en")
    n_en = format_int(summary["n_observations"], "en")
    if summary["n_observations"] >= 1000:
        assert "," in n_en and "." not in n_en
    expect(page.get_by_text(f"Number of observations: {n_en}.")).to_be_visible()
    for theme in summary["themes"]:
        heading = page.get_by_role("heading", level=3, name=label_or_key("theme", theme, "en"))
        expect(heading).to_be_visible()

    page.get_by_role("link", name="Nederlands").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wat staat er in de databank")
    assert console_errors == []


def test_bad_lang_shows_a_notice(start_server, built_store, page, console_errors):
    from playwright.sync_api import expect

    server = start_server(built_store)
    page.goto(server.url + "/data?lang=xx")
    expect(page.get_by_role("status")).to_contain_text("Onbekende taal ‘xx’")
    expect(page.get_by_role("status")).to_contain_text("Unknown language ‘xx’")
    expect(page.get_by_role("heading", level=1)).to_have_text("Wat staat er in de databank")
    assert console_errors == []


def test_without_a_store_the_maintenance_page_shows_and_names_no_path(start_server, tmp_path,
                                                                      page, console_errors):
    from playwright.sync_api import expect

    missing = tmp_path / "no-store-here"
    server = start_server(missing)
    response = page.goto(server.url + "/data")
    assert response.status == 503
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Gegevens tijdelijk niet beschikbaar")
    expect(alert).to_contain_text("Data temporarily unavailable")
    expect(alert).to_contain_text("python -m dashboard build")
    assert str(tmp_path) not in page.content()
    # the only console error is the browser's note of the 503 itself
    assert [e for e in console_errors if "status of 503" not in e] == []
