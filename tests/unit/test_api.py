"""The notebook API (``from dashboard import load_store``) against the store."""

from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd
import pytest

from dashboard.explorer.state import ExplorerState, view_values


@pytest.fixture(scope="module")
def data(built_store):
    from dashboard import load_store

    return load_store(built_store)


def test_import_is_light(repo_root):
    code = ("import sys, dashboard; "
            "print(sorted(m for m in ('pandas', 'geopandas', 'dash', 'plotly') "
            "if m in sys.modules)); print(callable(dashboard.load_store))")
    done = subprocess.run([sys.executable, "-c", code], cwd=repo_root, capture_output=True,
                          text=True, timeout=60, env={**os.environ})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["[]", "True"]


def test_values_within_an_area_equal_the_explorer_table(data, store):
    got = data.values("bijstand_per_1000_15_64", 2024, level="buurt", within="ZUID0599",
                      lang="nl")
    state = ExplorerState("bijstand_per_1000_15_64", 2024, "buurt", "ZUID0599")
    expected = view_values(store, state)
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected.reset_index(drop=True))
    assert set(got["status"]) <= {"ok", "secret", "missing"}
    assert got.loc[got["status"] != "ok", "value"].isna().all()


def test_all_years_of_an_indicator(data, store):
    got = data.values("veiligheidsindex", areas=["Carnisse"])
    obs = store.observations
    mine = obs[(obs["indicator"] == "veiligheidsindex") & (obs["area_code"] == "BU05991572")
               & obs["year"].isin(store.years("veiligheidsindex"))]
    assert sorted(got["year"]) == sorted(int(y) for y in mine["year"])
    ok = mine[mine["status"] == "ok"].set_index("year")["value"].sort_index()
    got_ok = got[got["status"] == "ok"].set_index("year")["value"].sort_index()
    assert got_ok.to_list() == pytest.approx(ok.to_list())


def test_geo_has_geometry_and_the_same_values(data, store):
    gdf = data.geo("pct_huur_corporatie", 2022, level="wijk", within="GM0599")
    assert gdf.crs.to_epsg() == 4326 and gdf.geometry.notna().all()
    values = store.values("pct_huur_corporatie", 2022, level="wijk")
    merged = gdf.merge(values, on="area_code", suffixes=("", "_store"))
    assert len(merged) == len(gdf)
    same = merged["value"].fillna(-1) == merged["value_store"].fillna(-1)
    assert same.all()


def test_areas_indicators_series_metadata_citation(data, store):
    areas = data.areas(level="buurt")
    assert len(areas) == (store.areas["level"] == "buurt").sum()
    assert {"code", "name", "geometry"} <= set(areas.columns)
    inds = data.indicators("en")
    assert list(inds["key"]) == [i.key for i in store.catalogue]
    assert inds.set_index("key").at["inwoners", "label"] == "Residents"
    series = data.series("Carnisse", "inwoners")
    assert "comparable_with_previous" in series.columns
    assert data.metadata("inwoners")["licence"] == "CC-BY-4.0"
    assert "CC-BY-4.0" in data.citation() and "retrieved" in data.citation()


def test_observations_are_every_value(data, store):
    obs = data.observations()
    assert len(obs) == len(store.observations)
    assert obs.loc[obs["status"] == "secret", "value"].isna().all()


def test_within_needs_a_level(data):
    with pytest.raises(ValueError, match="level"):
        data.values("inwoners", 2024, within="ZUID0599")
