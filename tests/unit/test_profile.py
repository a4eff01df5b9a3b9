"""Area profiles: the figures equal the store's observations for a buurt, a custom area and
a gemeente; differences, ranks, notes and trends are computed as documented."""

from __future__ import annotations

import sys

import pandas as pd
import pytest

from dashboard.profile.briefing import notes, sparkline_svg
from dashboard.profile.model import benchmark_codes, key_indicators, peer_codes, profile_data

BUURT, CUSTOM, GEMEENTE = "BU05991086", "ZUID0599", "GM0599"  # Afrikaanderwijk, Zuid, Rotterdam


def ok_obs(store, key: str) -> pd.DataFrame:
    obs = store.observations
    return obs[(obs["indicator"] == key) & (obs["status"] == "ok") & obs["value"].notna()]


def rows_by_key(data: dict) -> dict[str, dict]:
    return {r["key"]: r for rows in data["themes"].values() for r in rows} | {
        r["key"]: r for r in data["indices"]}


@pytest.fixture(scope="module")
def profiles(store):
    return {code: profile_data(store, code, "nl") for code in (BUURT, CUSTOM, GEMEENTE)}


@pytest.mark.parametrize("code", [BUURT, CUSTOM, GEMEENTE])
def test_every_key_figure_is_the_latest_store_value(store, profiles, code):
    rows = rows_by_key(profiles[code])
    assert len(rows) >= 10
    for ind in key_indicators(store):
        mine = ok_obs(store, ind.key)
        mine = mine[mine["area_code"] == code].sort_values("year")
        if mine.empty:
            assert ind.key not in rows
            continue
        row = rows[ind.key]
        assert row["year"] == int(mine["year"].iloc[-1])
        assert row["value"] == pytest.approx(float(mine["value"].iloc[-1]))


def test_counts_other_than_the_key_counts_are_left_out(store, profiles):
    rows = rows_by_key(profiles[BUURT])
    assert "inwoners" in rows and "bijstand" not in rows and "opleiding_laag" not in rows


def test_benchmarks_and_differences_by_hand(store, profiles):
    assert benchmark_codes(store, BUURT) == ["ZUID0599", "GM0599", "G4", "NL01"]
    assert benchmark_codes(store, CUSTOM) == ["GM0599", "G4", "NL01"]
    assert benchmark_codes(store, GEMEENTE) == ["ZUID0599", "G4", "NL01"]
    row = rows_by_key(profiles[BUURT])["pct_huur_corporatie"]
    obs = ok_obs(store, "pct_huur_corporatie")
    at_year = obs[obs["year"] == row["year"]].set_index("area_code")["value"]
    seen = {d["code"]: d for d in row["differences"]}
    assert set(seen) == {c for c in ("ZUID0599", "GM0599", "G4", "NL01") if c in at_year.index}
    for code, d in seen.items():
        diff = at_year[BUURT] - at_year[code]
        assert d["value"] == pytest.approx(at_year[code])
        assert d["diff_text"].startswith("+" if diff > 0 else "-")
        assert d["diff_text"].lstrip("+-").replace(",", ".") == f"{abs(diff):.1f}"


def test_counts_show_the_reference_value_but_no_difference(profiles):
    counts = [r for r in rows_by_key(profiles[BUURT]).values() if r["kind"] == "count"]
    assert {r["key"] for r in counts} <= {"inwoners", "huishoudens", "woningvoorraad"}
    with_refs = [r for r in counts if r["differences"]]
    assert with_refs
    assert all(d["diff_text"] == "" and d["value_text"] for r in with_refs
               for d in r["differences"])


def test_rank_among_buurten_of_the_same_gemeente(store, profiles):
    peers, key = peer_codes(store, BUURT)
    areas = store.areas
    assert key == "profile.peers_buurt"
    assert set(peers) == set(areas[(areas["level"] == "buurt")
                                   & (areas["gemeente"] == "GM0599")].index)
    row = rows_by_key(profiles[BUURT])["woz_waarde"]
    obs = ok_obs(store, "woz_waarde")
    year = obs[(obs["year"] == row["year"]) & obs["area_code"].isin(peers)]
    higher = (year["value"] > row["value"]).sum()
    assert row["rank"] == higher + 1 and row["n"] == len(year)


def test_custom_area_is_ranked_among_all_gemeenten(store, profiles):
    peers, key = peer_codes(store, CUSTOM)
    assert key == "profile.peers_custom" and CUSTOM in peers
    assert len(peers) == (store.areas["level"] == "gemeente").sum() + 1
    row = rows_by_key(profiles[CUSTOM])["woz_waarde"]
    obs = ok_obs(store, "woz_waarde")
    year = obs[(obs["year"] == row["year"]) & obs["area_code"].isin(peers)]
    assert row["rank"] == (year["value"] > row["value"]).sum() + 1
    assert row["n"] == len(year) > 300


def test_gemeente_profile_has_no_parent_and_ranks_among_gemeenten(store, profiles):
    data = profiles[GEMEENTE]
    assert data["parent"] is None and data["gemeente"] is None
    assert peer_codes(store, GEMEENTE)[1] == "profile.peers_gemeente"
    assert data["name"] == "Rotterdam" and data["level"] == "gemeente"


def test_buurt_facts_parent_focus_and_wijkprofiel_indices(store, profiles):
    data = profiles[BUURT]
    assert data["parent"] == {"code": "WK059910", "name": "Feijenoord"}
    assert data["gemeente"] == {"code": "GM0599", "name": "Rotterdam"}
    assert "nprz_focus" in data["groups"]
    index_keys = {r["key"] for r in data["indices"]}
    expected = {i.key for i in store.catalogue if i.kind == "index"
                and BUURT in set(ok_obs(store, i.key)["area_code"])}
    assert index_keys == expected and "sociale_index" in index_keys


def test_boundary_change_notes_come_from_cbs_flags(store, profiles):
    flags = store.boundary_changes
    expected = sorted(int(y) for y in flags.loc[(flags["area_code"] == BUURT)
                                               & ~flags["comparable_with_previous"], "year"])
    assert profiles[BUURT]["boundary_years"] == expected and expected
    text = " ".join(notes(profiles[BUURT], "nl"))
    assert "grenswijziging" in text and str(expected[0]) in text


def test_secret_values_are_listed_never_zero(store, profiles):
    obs = store.observations
    secret = obs[(obs["area_code"] == GEMEENTE) & (obs["status"] == "secret")]
    shown = {ind.key for ind in key_indicators(store)}
    expected = {store.catalogue[k].label.nl for k in set(secret["indicator"]) & shown}
    assert {label for label, _ in profiles[GEMEENTE]["secret"]} == expected
    assert all(years for _, years in profiles[GEMEENTE]["secret"])
    for row in rows_by_key(profiles[GEMEENTE]).values():
        for point in row["series"]:
            if point["status"] != "ok":
                assert point["value"] is None


def test_english_profile_uses_english_names(store):
    data = profile_data(store, CUSTOM, "en")
    assert data["name"] == "Rotterdam-Zuid"
    assert "NPRZ" in data["description"] and "districts" in data["description"]
    assert data["benchmarks"][-1]["name"] == "Netherlands"


def test_unknown_area_raises_a_key_error(store):
    with pytest.raises(KeyError):
        profile_data(store, "XX0000", "nl")


def test_projects_missing_module_leaves_the_page_working(store, monkeypatch):
    monkeypatch.setitem(sys.modules, "dashboard.projects.registry", None)  # import fails
    assert profile_data(store, BUURT, "nl")["projects"] is None


def test_sparkline_breaks_at_boundary_change_and_gaps():
    series = [{"year": 2014, "value": 1.0, "status": "ok", "comparable_with_previous": None},
              {"year": 2015, "value": 2.0, "status": "ok", "comparable_with_previous": True},
              {"year": 2016, "value": 3.0, "status": "ok", "comparable_with_previous": False},
              {"year": 2017, "value": 2.5, "status": "ok", "comparable_with_previous": True},
              {"year": 2018, "value": None, "status": "secret",
               "comparable_with_previous": True},
              {"year": 2019, "value": 1.0, "status": "ok", "comparable_with_previous": True}]
    svg = sparkline_svg(series, "test <data>")
    assert svg.count("<polyline") == 2  # 2014-15 and 2016-17; 2019 stands alone
    assert svg.count("<circle") == 5  # one dot per value, none for the secret year
    assert "&lt;data&gt;" in svg and "<data>" not in svg
    assert sparkline_svg([], "x").endswith("</svg>")


def test_projects_come_from_the_projects_module(store):
    projects = pytest.importorskip("dashboard.projects.registry")
    if not hasattr(projects, "projects_for_area"):
        pytest.skip("dashboard.projects.registry has no projects_for_area yet")
    expected = [p["key"] for p in projects.projects_for_area(store, BUURT, lang="nl")]
    assert [p["key"] for p in profile_data(store, BUURT, "nl")["projects"]] == expected
