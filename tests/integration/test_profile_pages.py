"""Profile pages through Dash's endpoints on the real store: content, links, picker."""

from __future__ import annotations

import pytest

from dashboard import ids
from dashboard.profile.model import profile_data
from tests.dash_client import hrefs, texts, walk

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("code", "lang"), [("BU05991086", "nl"), ("ZUID0599", "en"),
                                            ("GM0599", "nl")])
def test_profile_page_shows_the_profile_values(dash_client, store, code, lang):
    content = dash_client.render(f"/gebied/{code}", f"?lang={lang}")
    data = profile_data(store, code, lang)
    rows = {n["props"]["data-key"]: texts(n) for n in walk(content)
            if "data-key" in n["props"]}
    shown = [r for rs in data["themes"].values() for r in rs] + data["indices"]
    assert set(rows) == {r["key"] for r in shown}
    for r in shown:
        cells = rows[r["key"]]
        assert str(r["year"]) in cells and r["value_text"] in " ".join(cells)
    links = hrefs(content)
    for bench in data["benchmarks"]:
        assert f"/gebied/{bench['code']}?lang={lang}" in links
    assert f"/download/profile/{code}.html?lang={lang}" in links
    assert f"/download/profile/{code}.csv?lang={lang}" in links


def test_unknown_area_gives_a_notice_and_a_picker(dash_client):
    content = dash_client.render("/gebied/XX0000", "")
    text = " ".join(texts(content))
    assert "Er is geen gebied met code ‘XX0000’" in text
    assert any(n["props"].get("id") == ids.PROFILE_PICKER for n in walk(content))


def test_picker_points_the_open_link_at_another_area(dash_client):
    dash_client.render("/gebied/BU05991086", "?lang=en")
    calls = dash_client.change(ids.PROFILE_PICKER, "value", "GM0599")
    assert dash_client.props[(ids.PROFILE_OPEN, "href")] == "/gebied/GM0599?lang=en"
    assert len(calls) == 1


def test_explorer_details_link_to_the_profile(dash_client, store):
    content = dash_client.render("/", "?sel=BU05991086")
    assert "/gebied/BU05991086?lang=nl" in hrefs(content)


def test_data_page_links_gemeenten_to_profiles_and_offers_the_store(dash_client):
    content = dash_client.render("/data", "?lang=en")
    links = hrefs(content)
    assert "/gebied/GM0599?lang=en" in links
    assert {"/download/store.csv?lang=en", "/download/store.xlsx?lang=en",
            "/download/store.gpkg?lang=en"} <= set(links)
