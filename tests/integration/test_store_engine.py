"""The store's observations stay in their parquet file behind DuckDB: a worker keeps only
the indicators it is asked about (within a row budget), and answers are the same as from
the observations in memory."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest
from pandas.testing import assert_frame_equal

from dashboard.store import Store, index
from dashboard.store.files import OBS_FILE, ROW_GROUP_ROWS

pytestmark = pytest.mark.slow


def test_the_build_writes_observations_sorted_for_the_engine(built_store):
    meta = pq.ParquetFile(built_store / OBS_FILE).metadata
    assert all(meta.row_group(i).num_rows <= ROW_GROUP_ROWS for i in range(meta.num_row_groups))
    obs = Store.open(built_store).observations
    keys = list(zip(obs["indicator"], obs["year"], obs["area_code"], strict=True))
    assert keys == sorted(keys)


def test_a_worker_keeps_at_most_the_row_budget(built_store, monkeypatch):
    store = Store.open(built_store)
    n_inwoners = int((store.observations["indicator"] == "inwoners").sum())
    monkeypatch.setattr(index, "ROW_BUDGET", n_inwoners + 1)
    small = Store.open(built_store)
    assert small._loaded_rows == 0  # nothing is read before it is asked for
    first = small.values("inwoners", 2024, level="buurt")
    small.values("bijstand", 2016, level="wijk")
    small.values("pct_huur_corporatie", 2024, level="buurt")
    assert small._loaded_rows <= n_inwoners + 1 or len(small._loaded) == 1
    assert "inwoners" not in small._loaded  # the least recently used one went first
    # read again after it was dropped: the same answer
    assert_frame_equal(small.values("inwoners", 2024, level="buurt"), first)
    assert_frame_equal(first, store.values("inwoners", 2024, level="buurt"))


def test_rows_select_by_indicator_and_area_like_the_observations(built_store):
    store = Store.open(built_store)
    obs = store.observations
    codes = ["BU05991572", "WK059915", "GM0599", "XX0000"]
    got = store.rows(["inwoners", "bijstand"], codes)
    want = obs[obs["indicator"].isin(["inwoners", "bijstand"]) & obs["area_code"].isin(codes)]
    order = ["indicator", "area_code", "year"]
    assert len(got) == len(want) > 0
    assert_frame_equal(got.sort_values(order).reset_index(drop=True),
                       want.sort_values(order).reset_index(drop=True))
    assert len(store.rows()) == store.n_observations == len(obs)
    assert store.rows(codes=[]).empty
