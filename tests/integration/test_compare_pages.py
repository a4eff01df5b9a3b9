"""The compare page and the explorer's links to it, through Dash's endpoints."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest

from dashboard import ids
from dashboard.compare.model import CompareState, compare_table
from tests.dash_client import hrefs, texts, walk

pytestmark = pytest.mark.slow
MIXED = ("BU05991086", "WK059915", "ZUID0599", "NL01")


def table_cells(node) -> dict[tuple[str, str], str]:
    out = {}
    for row in walk(node):
        key = row["props"].get("data-key")
        if key and row["type"] == "Tr":
            for cell in walk(row["props"]["children"]):
                if cell["type"] == "Td" and "data-code" in cell["props"]:
                    out[(key, cell["props"]["data-code"])] = " ".join(texts(cell))
    return out


def test_mixed_levels_by_url(dash_client, store):
    content = dash_client.render("/vergelijk", "?areas=" + ",".join(MIXED)
                                 + "&indicators=woz_waarde,pct_huur_corporatie&lang=en")
    cells = table_cells(content)
    state = CompareState(MIXED, ("woz_waarde", "pct_huur_corporatie"), "en")
    for row in compare_table(store, state):
        for cell in row["cells"]:
            assert cells[(row["key"], cell["code"])].startswith(cell["text"])
    graphs = [n for n in walk(content) if n["type"] == "Graph"]
    assert len(graphs) == 2
    assert [tr["name"] for tr in graphs[0]["props"]["figure"]["data"]] == \
        [store.area_name(c, "en") for c in MIXED]
    links = hrefs(content)
    assert all(f"/gebied/{c}?lang=en" in links for c in MIXED)
    assert any(h.startswith("/download/compare.csv?areas=BU05991086%2CWK059915") for h in links)


def test_changing_areas_updates_table_downloads_and_url(dash_client, store):
    dash_client.render("/vergelijk", "?areas=ZUID0599,GM0599")
    dash_client.change(ids.COMPARE_AREAS, "value", ["BU05991086", "NL01"])
    query = parse_qs(dash_client.props[(ids.COMPARE_QUERY, "data")])
    assert query["areas"] == ["BU05991086,NL01"]
    cells = table_cells(dash_client.props[(ids.COMPARE_TABLE, "children")])
    assert {code for _, code in cells} == {"BU05991086", "NL01"}
    toolkit = hrefs(dash_client.props[(ids.COMPARE_TOOLKIT, "children")])
    assert any("areas=BU05991086%2CNL01" in h for h in toolkit)


def test_explorer_selection_links_to_compare_and_profiles(dash_client):
    content = dash_client.render("/", "?sel=BU05991086,BU05991081")
    links = hrefs(content)
    assert "/vergelijk?areas=BU05991086%2CBU05991081&lang=nl" in links
    assert "/gebied/BU05991081?lang=nl" in links
    assert any(h.startswith("/download/explorer.csv?indicator=") for h in links)
    dash_client.change(ids.EXPLORER_SELECTION, "data", ["BU05991572", "BU05991574",
                                                        "BU05991571"])
    toolkit = hrefs(dash_client.props[(ids.EXPLORER_TOOLKIT_LINKS, "children")])
    assert "/vergelijk?areas=BU05991572%2CBU05991574%2CBU05991571&lang=nl" in toolkit
    assert "/gebied/BU05991574?lang=nl" in toolkit
    snippet = " ".join(texts(dash_client.props[(ids.EXPLORER_TOOLKIT_LINKS, "children")]))
    assert "data.values('bijstand_per_1000_15_64'" in snippet
