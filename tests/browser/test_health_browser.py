"""A Gezondheidsmonitor estimate in a real Chromium: the explorer shows the value with its
95 % interval, and a combined area says why it has none. The store is built from a fake of
the live APIs on 127.0.0.1 with hand-built health answers (labelled test data,
tests/health_answers.py)."""

from __future__ import annotations

import pytest

from tests.browser.explorer_page import open_explorer
from tests.health_answers import build_live_store

pytestmark = pytest.mark.browser


def test_explorer_shows_estimate_with_interval_and_why_zuid_has_none(
        start_server, snapshot_dir, tmp_path, page, console_errors):
    store_dir, data, buurten = build_live_store(snapshot_dir, tmp_path, gemeente_shape=True)
    server = start_server(store_dir, DASHBOARD_DATA=str(data))
    a = buurten[0]
    open_explorer(page, f"{server.url}/?indicator=ggd_eenzaam&year=2022&level=buurt"
                        f"&area=GM0599&sel={a}")
    card = page.locator(f".detail-card[data-code='{a}']")
    card.get_by_text("72\u00a0% (68–76\u00a0%)").wait_for()
    row = page.locator(f".values-table tr[data-code='{a}']")
    assert row.locator("td").nth(2).inner_text() == "72 (68–76)"

    open_explorer(page, f"{server.url}/?indicator=ggd_eenzaam&year=2022&level=wijk"
                        f"&area=GM0599&sel=ZUID0599&lang=en")
    zuid = page.locator(".detail-card[data-code='ZUID0599']")
    zuid.get_by_text("not available for combined areas").wait_for()
    assert "Model estimates without published counts" in zuid.inner_text()
    assert console_errors == []
