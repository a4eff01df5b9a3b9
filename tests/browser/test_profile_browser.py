"""Downloads and profiles in a real Chromium: download the explorer's CSV and check it
against the store; click an area on the map and open its profile."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import tests.browser.explorer_page as explorer_browser
from dashboard.explorer.state import default_area, view_codes
from dashboard.i18n import t
from dashboard.profile.model import profile_data

pytestmark = pytest.mark.browser
WAIT_MS = explorer_browser.WAIT_MS


@pytest.fixture(autouse=True)
def _expect_timeout():
    from playwright.sync_api import expect

    expect.set_options(timeout=WAIT_MS)
    yield
    expect.set_options(timeout=5_000)


def test_download_the_explorer_csv(start_server, built_store, store, page, console_errors,
                                   tmp_path):
    server = start_server(built_store)
    explorer_browser.open_explorer(page, server.url + "/?indicator=pct_huur_corporatie"
                                   "&sel=BU05991086&lang=en")
    link = page.get_by_role("link", name=t("downloads.csv", "en"), exact=True)
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert re.fullmatch(r"wijkdashboard-explorer-pct_huur_corporatie-\d{4}-buurt-ZUID0599\.csv",
                        download.suggested_filename)
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# " + t("downloads.citation_label", "en"))
    table = pd.read_csv(path, comment="#")
    year = int(download.suggested_filename.split("-")[3])
    obs = store.observations.set_index(["area_code", "indicator", "year"])
    assert len(table) > 20
    for r in table.itertuples(index=False):
        exp = obs.loc[(r.area_code, r.indicator, r.year)]
        assert r.status == exp["status"]
        if exp["status"] == "ok":
            assert r.value == pytest.approx(float(exp["value"]))
        else:
            assert pd.isna(r.value)
    at_year = table[(table["year"] == year) & (table["indicator"] == "pct_huur_corporatie")]
    assert set(view_codes(store, default_area(store), "buurt")) & set(
        at_year["area_code"])
    trend = table[(table["area_code"] == "BU05991086")
                  & (table["indicator"] == "pct_huur_corporatie")]
    assert sorted(trend["year"]) == sorted(store.series("BU05991086",
                                                        "pct_huur_corporatie")["year"])
    assert console_errors == []


def test_open_a_profile_from_a_map_click(start_server, built_store, store, page,
                                         console_errors):
    from playwright.sync_api import expect

    server = start_server(built_store)
    explorer_browser.open_explorer(page, server.url + "/")
    code = explorer_browser.inside_codes(store, default_area(store), "buurt", 1)[0]
    name = store.area_name(code, "nl")
    explorer_browser.click_area_on_map(page, store, code)
    details = page.locator("#explorer-details")
    expect(details.get_by_role("heading", level=3)).to_have_text([name])
    # The download links follow the selection in the browser (no server round-trip).
    expect(page.locator("#explorer-download-csv")).to_have_attribute(
        "href", re.compile(rf"^/download/explorer\.csv\?.*sel={code}"))

    details.get_by_role("link", name=t("profile.link", "nl", name=name)).click()
    expect(page).to_have_url(re.compile(rf"/gebied/{code}\?lang=nl$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        t("profile.heading", "nl", name=name))
    data = profile_data(store, code, "nl")
    row = data["themes"]["wonen"][0]
    cells = page.locator(f"#profile-figures tr[data-key='{row['key']}'] td")
    expect(cells.nth(0)).to_have_text(str(row["year"]))
    expect(cells.nth(1)).to_contain_text(row["value_text"])
    expect(page.locator("#profile-figures img.sparkline").first).to_be_visible()
    # The profile's own download opens offline: an attachment with no scripts.
    with page.expect_download() as info:
        page.get_by_role("link", name=t("downloads.html", "nl")).click()
    html = open(info.value.path(), encoding="utf-8").read()
    assert "<script" not in html and t("profile.heading", "nl", name=name) in html
    assert console_errors == []
