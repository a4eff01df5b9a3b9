"""The benchmark's own pieces: the SYNTHETIC store generator and the statistics helpers.
(Nothing here is timed; the benchmark itself is ``make bench``.)"""

from __future__ import annotations

import json
import math
import re

import numpy as np
import pandas as pd
import pytest
import shapely

from bench.server import _parse
from bench.stats import percentile, ratio, summarise, table
from bench.synthetic import (
    LABEL,
    SECRET_SHARE,
    VERTICES,
    split_counts,
    synthetic_areas,
    tessellate,
    write_synthetic_store,
)
from dashboard.store import Store

# -- statistics ---------------------------------------------------------------------------------


@pytest.mark.parametrize("q", [0, 1, 25, 50, 95, 99, 100])
def test_percentile_matches_numpy_linear(q):
    data = np.random.default_rng(1).gamma(2.0, 30.0, 137)  # test data, generated here
    assert percentile(data, q) == pytest.approx(np.percentile(data, q, method="linear"))


def test_percentile_by_hand():
    assert percentile([10, 20, 30, 40], 50) == 25.0  # halfway between 20 and 30
    assert percentile([40, 10, 30, 20], 95) == pytest.approx(30 + 0.85 * 10)
    assert percentile([7], 99) == 7.0
    assert percentile([], 50) is None
    with pytest.raises(ValueError, match="0-100"):
        percentile([1], 101)


def test_summarise_and_ratio():
    s = summarise([1, 2, 3, 4, 100])
    assert s == {"n": 5, "p50": 3.0, "p95": 80.8, "p99": 96.2, "max": 100.0}
    assert summarise([])["p50"] is None
    assert ratio(150, 40) == 3.8 and ratio(None, 1) is None and ratio(3, 0) is None


def test_table_aligns_text_left_and_numbers_right():
    text = table([{"a": "indicator switch", "b": 1234.5}, {"a": "x", "b": None}],
                 [("a", "what"), ("b", "ms")])
    lines = text.splitlines()
    assert lines[0].startswith("what") and lines[0].endswith("ms")
    assert lines[2] == "indicator switch  1,234.5"
    assert lines[3] == "x                       –"


def test_access_log_line_is_parsed():
    entry = _parse("POST /_dash-update-component 200 12345 6789\n")
    assert (entry.method, entry.path, entry.status, entry.ms, entry.bytes) == (
        "POST", "/_dash-update-component", 200, 12.345, 6789)
    assert _parse("GET / 304 800 -").bytes == 0


# -- the synthetic store --------------------------------------------------------------------------

@pytest.mark.parametrize(("total", "weights"), [(14_000, [1.0, 3.0, 0.2, 8.0]), (5, [1, 1, 1]),
                                                 (100, [0.001, 1000.0])])
def test_split_counts_is_exact_and_at_least_one(total, weights):
    counts = split_counts(total, np.array(weights))
    assert counts.sum() == total and counts.min() >= 1
    for i, wi in enumerate(weights):  # more weight never gets fewer
        assert all(counts[i] <= counts[j] for j, wj in enumerate(weights) if wi < wj)
    assert max(counts) - min(counts) <= 1 or len(set(weights)) > 1


def test_split_counts_refuses_too_few():
    with pytest.raises(ValueError, match="at least 1"):
        split_counts(2, np.ones(3))


@pytest.mark.parametrize("n", [1, 2, 5, 7, 40, 101])
def test_tessellate_covers_the_box_without_overlap(n):
    box = (4.0, 51.0, 4.3, 51.2)
    cells = tessellate(box, n)
    assert len(cells) == n
    whole = shapely.box(*box)
    union = shapely.union_all(cells)
    assert union.symmetric_difference(whole).area == pytest.approx(0, abs=1e-12)
    assert sum(c.area for c in cells) == pytest.approx(whole.area)  # no overlaps


def test_synthetic_areas_are_nested_and_labelled():
    areas = synthetic_areas(12, 300, np.random.default_rng(3)).set_index("code", drop=False)
    counts = areas["level"].value_counts()
    assert counts["gemeente"] == 12 and counts["buurt"] == 300
    buurten = areas[areas["level"] == "buurt"]
    wijken = areas[areas["level"] == "wijk"]
    assert counts["wijk"] == sum(math.ceil(n / 4) for n in buurten.groupby("gemeente").size())
    assert all(re.fullmatch(r"BU9\d{3}\d{2}\d{2}", c) for c in buurten["code"])
    assert all(c.startswith("WK" + b[2:8]) for c, b in zip(buurten["parent"], buurten["code"],
                                                           strict=True))
    # every buurt lies in its wijk, every wijk in its gemeente, and together they tile it
    for code, row in buurten.sample(40, random_state=0).iterrows():
        assert areas.at[row["parent"], "geometry"].buffer(1e-9).contains(row["geometry"]), code
    for gm, group in wijken.groupby("gemeente"):
        diff = shapely.union_all(list(group.geometry)).symmetric_difference(
            areas.at[gm, "geometry"])
        assert diff.area == pytest.approx(0, abs=1e-10), gm
    assert areas["name"].str.startswith("Synthetische").all()
    assert areas.crs.to_epsg() == 4326
    mean_vertices = shapely.get_num_coordinates(buurten.geometry.values).mean()
    assert VERTICES["buurt"] * 0.7 < mean_vertices < VERTICES["buurt"] * 1.5


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    out = tmp_path_factory.mktemp("synthetic") / "store"
    manifest = write_synthetic_store(out, n_gemeenten=8, n_buurten=160, years=(2023, 2024),
                                     seed=11)
    return out, manifest


def test_small_synthetic_store_opens_and_says_it_is_synthetic(small_store):
    out, manifest = small_store
    store = Store.open(out)
    n_ind = len(store.catalogue)
    n_areas = len(store.areas)
    assert len(store.observations) == n_areas * n_ind * 2
    assert manifest["synthetic"] is True and "SYNTHETIC" in manifest["label"]
    assert manifest["sources"][0]["title"] == LABEL
    assert set(store.observations["source"]) == {manifest["sources"][0]["id"]}
    assert (out / "README-SYNTHETIC.txt").read_text().startswith("SYNTHETIC")
    on_disk = json.loads((out / "manifest.json").read_text())
    assert len(on_disk["gemeenten"]) == 8 and on_disk["params"]["seed"] == 11
    # the explorer's queries work on it
    rows = store.values("bijstand_per_1000_15_64", 2024, level="buurt")
    assert len(rows) == 160
    assert store.years("inwoners") == [2023, 2024]


def test_secret_values_are_missing_and_only_in_buurten(small_store):
    out, _ = small_store
    obs = pd.read_parquet(out / "observations.parquet")
    levels = pd.read_parquet(out / "areas.parquet", columns=["code", "level"]).set_index(
        "code")["level"]
    secret = obs[obs["status"] == "secret"]
    assert secret["value"].isna().all() and obs.loc[obs["status"] == "ok", "value"].notna().all()
    assert set(secret["area_code"].map(levels)) == {"buurt"}
    buurt_rows = (obs["area_code"].map(levels) == "buurt").sum()
    assert 0.5 * SECRET_SHARE < len(secret) / buurt_rows < 2 * SECRET_SHARE


def test_counts_of_larger_areas_grow_with_their_buurten(small_store):
    out, _ = small_store
    store = Store.open(out)
    gm = store.values("inwoners", 2024, level="gemeente")["value"]
    bu = store.values("inwoners", 2024, level="buurt")["value"]
    assert gm.median() > 5 * bu.median()


def test_same_seed_same_values(tmp_path, small_store):
    out, _ = small_store
    again = tmp_path / "again"
    write_synthetic_store(again, n_gemeenten=8, n_buurten=160, years=(2023, 2024), seed=11)
    a = pd.read_parquet(out / "observations.parquet")
    b = pd.read_parquet(again / "observations.parquet")
    pd.testing.assert_frame_equal(a, b)
    other = tmp_path / "other"
    write_synthetic_store(other, n_gemeenten=8, n_buurten=160, years=(2023, 2024), seed=12)
    c = pd.read_parquet(other / "observations.parquet")
    assert not a["value"].equals(c["value"])


def test_the_naive_comparison_runs_on_the_real_store(store):
    from bench.naive import compare
    from dashboard.explorer.state import DEFAULT_INDICATOR, ExplorerState

    year = store.years(DEFAULT_INDICATOR)[-1]
    states = [ExplorerState(ind, year, "buurt", "GM0599")
              for ind in (DEFAULT_INDICATOR, "pct_huur_corporatie")]
    out = compare(store, states, repeat=2)
    # the full figure carries the geometry; the patch only values and colours
    assert out["naive"]["bytes"] > 5 * out["patch"]["bytes"] > 0
    assert out["values_bytes"] > 0 and out["patch_to_values"] < 3
