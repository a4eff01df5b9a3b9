"""Store API and the export CLI against the store built from ../shared/snapshot."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from dashboard.exports.tidy import neutralise
from dashboard.store import VALUE_COLUMNS, Store

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


def test_values_for_a_level_have_one_row_per_area(store):
    rows = store.values("inwoners", 2024, level="wijk")
    codes = rows["area_code"].tolist()
    assert len(codes) == len(set(codes))
    assert set(rows["level"]) == {"wijk"}
    assert {"WK059915", "WK059910", "WK059912"} <= set(codes)
    assert rows.loc[rows["area_code"] == "WK059915", "area_name"].item() == "Charlois"


def test_years_lists_only_years_with_usable_values(store):
    years = store.years("veiligheidsindex")
    assert years[0] == 2014 and 2026 in years and 2015 not in years
    assert store.years("pct_huishoudens_laag_inkomen") == sorted(
        store.years("pct_huishoudens_laag_inkomen"))


def test_series_and_lookup_by_name(store):
    carnisse = store.area("carnisse")
    assert carnisse["code"] == "BU05991572" and "nprz_focus" in carnisse["groups"]
    assert store.area("Rotterdam-Zuid")["code"] == "ZUID0599"
    series = store.series("Carnisse", "inwoners")
    assert list(series["year"]) == sorted(series["year"])
    assert (series["status"] == "ok").all()
    with pytest.raises(KeyError, match="no area named"):
        store.area("Atlantis")


def test_metadata_traces_table_year_and_licence(store):
    meta = store.metadata("bijstand", lang="en")
    assert meta["label"] and meta["definition"] and meta["licence"] == "CC-BY-4.0"
    tables_2024 = {s["table"] for s in meta["sources_per_year"][2024]}
    assert "85984NED" in tables_2024
    assert {s["table"] for s in meta["sources_per_year"][2016]} == {"83487NED"}
    with pytest.raises(KeyError, match="unknown indicator"):
        store.metadata("nope")


def test_summary_describes_what_the_store_holds(store):
    s = store.summary()
    assert s["gemeenten"] == [{"code": "GM0599", "name": "Rotterdam"}]
    assert s["levels"]["buurt"] >= 91 and s["levels"]["custom"] >= 3
    assert set(s["themes"]) >= {"werk", "onderwijs", "wonen", "gezondheid", "veiligheid"}
    assert all(src["retrieved_at"] for src in s["sources"])


def _export(built_store, *args):
    return subprocess.run(
        [sys.executable, "-m", "dashboard", "export", "--store", str(built_store), *args],
        capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_export_csv_tidy_rows_match_store(built_store, store):
    res = _export(built_store, "--indicator", "bijstand", "--year", "2014", "--level", "buurt")
    assert res.returncode == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert list(rows[0]) == ["area_code", "area_name", "level", "year", "indicator", "value",
                             "status", "unit"]
    expected = store.values("bijstand", 2014, level="buurt").set_index("area_code")
    assert len(rows) == len(expected)
    for r in rows:
        exp = expected.loc[r["area_code"]]
        assert r["status"] == exp["status"]
        if r["status"] == "ok":
            assert float(r["value"]) == exp["value"]
        else:
            assert r["value"] == ""  # a secret value is empty, never 0


def test_export_json_all_years(built_store, store):
    res = _export(built_store, "--indicator", "veiligheidsindex", "--format", "json")
    assert res.returncode == 0, res.stderr
    data = pd.DataFrame(json.loads(res.stdout))
    assert sorted(data["year"].unique()) == store.years("veiligheidsindex")


def test_export_unknown_indicator_is_a_clear_error(built_store):
    res = _export(built_store, "--indicator", "nonsense")
    assert res.returncode == 2
    assert "unknown indicator 'nonsense'" in res.stderr and "Traceback" not in res.stderr


def test_formula_injection_is_neutralised_but_numbers_stay():
    assert neutralise("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise("Oud-Charlois") == "Oud-Charlois"
    assert neutralise(-3.5) == -3.5


def test_series_of_an_area_without_that_indicator_is_empty(store):
    # G4 has values only where all four gemeenten do (2024), never for Wijkprofiel indices
    series = store.series("G4", "veiligheidsindex")
    assert series.empty and "comparable_with_previous" in series.columns


def _joined(store, indicator, year, level=None, areas=None):
    """The rows values() selects, worked out directly from the observations and areas."""
    obs = store.observations
    rows = obs[(obs["indicator"] == indicator) & (obs["year"] == year)]
    rows = rows.join(store.areas[["level"]], on="area_code", how="inner")
    if level:
        rows = rows[rows["level"] == level]
    if areas is not None:
        rows = rows[rows["area_code"].isin(areas)]
    return rows.sort_values("area_code").reset_index(drop=True)


@pytest.mark.parametrize(("indicator", "year", "level", "areas", "lang"), [
    ("inwoners", 2024, "buurt", None, "nl"),
    ("inwoners", 2024, None, None, "en"),
    ("bijstand", 2016, "wijk", None, "en"),
    ("inwoners", 2024, "custom", None, "en"),
    ("inwoners", 2024, None, ["ZUID0599", "WK059915", "BU05991572", "GM0599", "XX"], "en"),
    ("inwoners", 2024, "wijk", ("WK059915", "BU05991572"), "nl"),
    ("inwoners", 2024, None, [], "nl"),
])
def test_values_are_the_observations_of_the_selection(store, indicator, year, level, areas,
                                                      lang):
    rows = store.values(indicator, year, level=level, areas=areas, lang=lang)
    expected = _joined(store, indicator, year, level, areas)
    assert list(rows.columns) == VALUE_COLUMNS
    same = ["area_code", "level", "value", "status", "partial", "method", "source"]
    assert_frame_equal(rows[same], expected[same])
    assert rows["area_name"].tolist() == [store.area_name(c, lang) for c in rows["area_code"]]
    assert (rows["year"] == year).all() and (rows["indicator"] == indicator).all()
    assert (rows["unit"] == store.catalogue[indicator].unit.get(lang)).all()


def test_values_of_a_year_without_rows_are_empty(store):
    for year in (2015, 1990):  # the veiligheidsindex has no 2015; no indicator has 1990
        rows = store.values("veiligheidsindex", year, level="buurt")
        assert rows.empty and list(rows.columns) == VALUE_COLUMNS
    with pytest.raises(KeyError, match="unknown indicator"):
        store.values("nope", 2024)
    with pytest.raises(KeyError, match="unknown indicator"):
        store.years("nope")


def test_area_names_follow_language_and_custom_areas(store):
    zuid = store.area_config.by_code()["ZUID0599"]
    assert store.area_name("ZUID0599", "en") == zuid.name_en
    assert store.area_name("ZUID0599") == zuid.name_nl
    assert store.area_name("WK059915", "en") == "Charlois"
    assert store.area_name("XX0000") == "XX0000"  # unknown codes are their own name
    for lang, name in (("en", zuid.name_en), ("nl", zuid.name_nl)):
        rows = store.values("inwoners", 2024, areas=["ZUID0599"], lang=lang)
        assert rows["area_name"].tolist() == [name]


def test_queries_do_not_depend_on_the_order_of_the_observations(store):
    shuffled = store.observations.sample(frac=1, random_state=3).reset_index(drop=True)
    other = Store(store.path, shuffled, store.areas.reset_index(drop=True),
                  store.boundary_changes, store.manifest, store.catalogue, store.area_config)
    for level in ("buurt", "wijk", "gemeente", "custom"):
        assert_frame_equal(other.values("inwoners", 2024, level=level, lang="en"),
                           store.values("inwoners", 2024, level=level, lang="en"))
    assert_frame_equal(other.values("bijstand", 2014, areas=["BU05991572", "WK059915"]),
                       store.values("bijstand", 2014, areas=["BU05991572", "WK059915"]))
    assert_frame_equal(other.series("Carnisse", "inwoners"), store.series("Carnisse", "inwoners"))
    assert other.years("veiligheidsindex") == store.years("veiligheidsindex")
    assert other.metadata("bijstand") == store.metadata("bijstand")
