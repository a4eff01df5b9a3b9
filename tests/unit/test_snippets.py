""""Reproduce this view" snippets: run them and get the table the page shows."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.compare.model import CompareState, compare_table
from dashboard.explorer.state import ExplorerState, view_values
from dashboard.exports.snippets import (
    cbs_snippet,
    compare_snippet,
    explorer_snippet,
    profile_snippet,
)


def run(snippet: str) -> object:
    """Execute a snippet; the value of its last expression is returned."""
    *body, last = snippet.strip().splitlines()
    scope: dict = {}
    exec("\n".join(body), scope)  # noqa: S102 - our own generated code, in a test
    return eval(last.split("  #")[0], scope)  # noqa: S307


@pytest.fixture
def served(built_store, monkeypatch):
    monkeypatch.setenv("DASHBOARD_STORE", str(built_store))


def test_explorer_snippet_gives_the_explorer_table(served, store):
    state = ExplorerState("pct_huur_corporatie", 2022, "wijk", "GM0599", lang="en")
    table = run(explorer_snippet(state))
    expected = view_values(store, state)[["area_code", "area_name", "value", "status"]]
    pd.testing.assert_frame_equal(table.reset_index(drop=True), expected.reset_index(drop=True))


def test_compare_snippet_gives_the_compare_values(served, store):
    state = CompareState(("BU05991086", "ZUID0599", "NL01"), ("woz_waarde",), "nl")
    pivot = run(compare_snippet(state))
    for row in compare_table(store, state):
        for cell in row["cells"]:
            name = store.area_name(cell["code"], "nl")
            if cell["value"] is not None:
                assert pivot.loc[(row["key"], row["year"]), name] == pytest.approx(cell["value"])


def test_profile_snippet_gives_every_ok_value_of_the_area(served, store):
    table = run(profile_snippet("BU05991086", "en"))
    obs = store.observations
    ok = obs[(obs["area_code"] == "BU05991086") & (obs["status"] == "ok")]
    assert len(table) == len(ok)


class FakeResponse:
    def __init__(self, payload):
        self.payload = payload

    def json(self):
        return self.payload


def test_cbs_snippet_reads_the_published_column(store, monkeypatch):
    import requests

    state = ExplorerState("inwoners", 2024, "buurt", "ZUID0599")
    snippet = cbs_snippet(store, state)
    assert "85984NED/TypedDataSet" in snippet and "BU0599" in snippet
    # Test data made up here, shaped like CBS OData: two pages, padded codes, a None.
    pages = {
        "first": {"value": [{"WijkenEnBuurten": "BU05990110  ", "AantalInwoners_5": 100,
                             "Mannen_6": 50}], "odata.nextLink": "second"},
        "second": {"value": [{"WijkenEnBuurten": "BU05990111  ", "AantalInwoners_5": None,
                              "Mannen_6": 1}]},
    }
    calls = []

    def fake_get(url, params=None, timeout=None):
        calls.append((url, params))
        return FakeResponse(pages["second" if url == "second" else "first"])

    monkeypatch.setattr(requests, "get", fake_get)
    assert run(snippet) == {"BU05990110": 100, "BU05990111": None}
    assert calls[0][1] == {"$filter": "startswith(WijkenEnBuurten,'BU0599')"}


def test_no_cbs_snippet_for_computed_or_municipal_figures(store):
    assert cbs_snippet(store, ExplorerState("bijstand_per_1000_15_64", 2024, "buurt",
                                            "ZUID0599")) is None
    assert cbs_snippet(store, ExplorerState("veiligheidsindex", 2024, "buurt",
                                            "ZUID0599")) is None
