"""The home page rendered from a hand-built store summary (no store on disk)."""

from __future__ import annotations

import pytest

from dashboard import ids
from dashboard.catalogue import THEMES
from dashboard.i18n import parse_lang
from layouts import common, home


def summary() -> dict:
    """Test data, built here: the shape of ``Store.summary()`` with made-up numbers."""
    label = {"nl": "Uitkeringen bijstand", "en": "Social assistance benefits"}
    return {
        "built_at": "2026-11-23T04:10:00+00:00",
        "store_path": "/tmp/test-store",
        "gemeenten": [{"code": "GM0599", "name": "Rotterdam"}],
        "levels": {"gemeente": 1, "wijk": 21, "buurt": 91, "custom": 3},
        "years": list(range(2014, 2027)),
        "n_observations": 123456,
        "themes": {
            "werk": [{"key": "bijstand", "label": label,
                      "unit": {"nl": "per 1.000 inwoners", "en": "per 1,000 residents"},
                      "years": [2014, 2015, 2016, 2019], "sources": ["cbs-odata:85984NED"]}],
            "onderwijs": [], "wonen": [], "gezondheid": [], "veiligheid": [],
            "context": [{"key": "inwoners", "label": {"nl": "Inwoners", "en": "Residents"},
                         "unit": {"nl": "aantal", "en": "number"}, "years": [2024],
                         "sources": ["cbs-odata:85984NED", "aggregated:ZUID0599", "derived",
                                     "rotterdam:wijkprofiel"]}],
        },
        "sources": [
            {"id": "cbs-odata:85984NED", "title": "Kerncijfers wijken en buurten 2024",
             "publisher": "CBS", "table": "85984NED", "years": [2022, 2023, 2024], "year": 2024,
             "retrieved_at": "2026-09-14T22:08:57+00:00", "sha256": "0" * 64,
             "licence": "CC-BY-4.0", "credit": "bron: CBS",
             "origin": "https://opendata.cbs.nl/ODataApi/odata/85984NED"},
            {"id": "rotterdam:wijkprofiel", "title": "Wijkprofiel Rotterdam",
             "publisher": "Gemeente Rotterdam", "table": None, "year": 2024,
             "retrieved_at": "2026-09-15", "licence": "unstated", "credit": None,
             "origin": "snapshot/rotterdam/wijkprofiel.csv"},
        ],
        "counts": {"buurt": {"2023": 3200, "2024": 3456}, "wijk": {"2024": 987},
                   "gemeente": {"2024": 45}, "custom": {}},
    }


def walk(component):
    """Yield every component and string in a Dash component tree."""
    yield component
    children = getattr(component, "children", None)
    if children is None:
        return
    for child in children if isinstance(children, list | tuple) else [children]:
        yield from walk(child)


def texts(component) -> list[str]:
    return [str(node) for node in walk(component) if isinstance(node, str | int | float)]


def text(component) -> str:
    return " | ".join(texts(component))


def by_id(component, wanted):
    found = [n for n in walk(component) if getattr(n, "id", None) == wanted]
    assert len(found) == 1, f"{wanted}: {len(found)} found"
    return found[0]


def rows(table_section) -> list[list[str]]:
    """The body rows of the first table under a component, as lists of cell texts."""
    table = next(n for n in walk(table_section) if type(n).__name__ == "Table")
    body = next(n for n in table.children if type(n).__name__ == "Tbody")
    return [[text(cell) for cell in tr.children] for tr in body.children]


def test_dutch_page_shows_what_the_store_holds():
    page = home.render(summary(), "nl")
    assert page.lang == "nl"
    content = text(page)
    assert "Wat staat er in de databank" in content
    assert "Rotterdam (GM0599)" in content
    assert "Databank gebouwd op 23 november 2026." in content
    assert "Aantal waarnemingen: 123.456." in content
    assert "2014–2026 (13 jaar)" in content
    for theme in ("Werk en inkomen", "Onderwijs", "Wonen", "Gezondheid", "Veiligheid",
                  "Bevolking en context"):
        assert theme in content


def test_english_page_uses_english_labels_and_numbers():
    page = home.render(summary(), "en")
    assert page.lang == "en"
    content = text(page)
    assert "What the data store holds" in content
    assert "Data store built on 23 November 2026." in content
    assert "Number of observations: 123,456." in content
    assert "Work and income" in content and "Population and context" in content
    assert "Social assistance benefits" in content and "Uitkeringen bijstand" not in content


@pytest.mark.parametrize(("lang", "buurt_2024"), [("nl", "3.456"), ("en", "3,456")])
def test_counts_table_per_level_and_year(lang, buurt_2024):
    page = home.render(summary(), lang)
    table = rows(by_id(page, ids.HOME_COUNTS))
    # Columns: year, then gemeente, wijk, buurt (custom has no counts, so no column).
    assert table[0] == ["2023", "–", "–", "3.200" if lang == "nl" else "3,200"]
    assert table[1] == ["2024", "45", "987", buurt_2024]


def test_counts_per_indicator_are_summed():
    data = {**summary(), "counts": {"wijk": {"2024": {"bijstand": 16, "inwoners": 21}},
                                    "buurt": {2024: {"bijstand": 1000, "inwoners": 234}}}}
    table = rows(by_id(home.render(data, "nl"), ids.HOME_COUNTS))
    assert table == [["2024", "37", "1.234"]]


def test_benchmark_gemeenten_are_explained():
    data = {**summary(), "n_gemeenten_benchmark": 342}
    content = text(by_id(home.render(data, "en"), ids.HOME_LEVELS))
    assert "figures for 342 whole municipalities" in content
    assert "as a whole" not in text(by_id(home.render(summary(), "en"), ids.HOME_LEVELS))


def test_levels_table_in_fixed_order():
    table = rows(by_id(home.render(summary(), "en"), ids.HOME_LEVELS))
    assert table == [["Municipality", "1"], ["District", "21"], ["Neighbourhood", "91"],
                     ["Custom area", "3"]]


def test_each_theme_has_a_section_with_its_indicators():
    page = home.render(summary(), "nl")
    for theme in THEMES:
        by_id(page, ids.home_theme(theme))
    werk = rows(by_id(page, ids.home_theme("werk")))
    assert werk == [["Uitkeringen bijstand", "per 1.000 inwoners", "2014–2016, 2019", "CBS"]]
    context = rows(by_id(page, ids.home_theme("context")))
    # Values the build computed (aggregated, derived) show as such, after the publishers.
    assert context == [["Inwoners", "aantal", "2024", "CBS, Gemeente Rotterdam, berekend"]]
    assert "1 indicator" in text(by_id(page, ids.home_theme("werk")))
    assert "Geen indicatoren in dit thema." in text(by_id(page, ids.home_theme("onderwijs")))


def test_sources_table_with_dates_licence_and_link():
    section = by_id(home.render(summary(), "en"), ids.HOME_SOURCES)
    assert rows(section) == [
        ["Kerncijfers wijken en buurten 2024", "CBS", "85984NED", "2022–2024",
         "14 September 2026", "CC-BY-4.0 — bron: CBS"],
        ["Wijkprofiel Rotterdam", "Gemeente Rotterdam", "–", "2024", "15 September 2026",
         "licence not stated"],
    ]
    links = [n for n in walk(section) if type(n).__name__ == "A"]
    assert [a.href for a in links] == ["https://opendata.cbs.nl/ODataApi/odata/85984NED"]


def test_language_switch_links_to_the_other_language_and_keeps_the_query():
    page = home.render(summary(), "nl", query={"area": "BU05990110"})
    nav = by_id(page, ids.HOME_LANG_NAV)
    links = [n for n in walk(nav) if type(n).__name__ == "Link"]
    assert [link.href for link in links] == ["?area=BU05990110&lang=en"]
    assert "Nederlands" in text(nav) and "English" in text(nav)


def test_bad_lang_shows_notice_and_dutch_page():
    lang, notice = parse_lang("xx")
    page = home.render(summary(), lang, notice)
    assert "Onbekende taal ‘xx’" in text(by_id(page, ids.HOME_LANG_NOTICE))
    assert "Wat staat er in de databank" in text(page)


def test_no_notice_without_a_problem():
    page = home.render(summary(), "en")
    assert not [n for n in walk(page) if getattr(n, "id", None) == ids.HOME_LANG_NOTICE]


def test_empty_summary_renders_without_errors():
    content = text(home.render({}, "en"))
    assert "What the data store holds" in content and "No data." in content


def test_no_store_page_is_bilingual_and_names_no_path():
    page = common.render_no_store("en")
    content = text(by_id(page, ids.HOME_NO_STORE))
    assert "Data temporarily unavailable" in content
    assert "Gegevens tijdelijk niet beschikbaar" in content
    assert "python -m dashboard build" in content
    assert "/" not in content.replace("dashboard build", "")  # no path of the server
    assert content.index("Data temporarily unavailable") < content.index("Gegevens tijdelijk")


def test_every_rendered_id_comes_from_ids_module():
    known = set(ids.all_ids().values()) | {ids.home_theme(t) for t in THEMES}
    known |= {ids.heading(i) for i in set(known)}
    page = home.render(summary(), "nl", "notice")
    rendered = [n.id for n in walk(page) if getattr(n, "id", None)]
    assert set(rendered) <= known
    assert len(rendered) == len(set(rendered))


def test_singular_for_one_year():
    data = {**summary(), "years": [2024]}
    assert "2024 (1 jaar)" in text(home.render(data, "nl"))
    assert "2024 (1 year)" in text(home.render(data, "en"))
