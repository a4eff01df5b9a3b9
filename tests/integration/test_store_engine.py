"""The store's observations stay in their parquet file behind a query engine: a worker keeps
only the indicators it is asked about (within a row budget), reads the file's summary from
its footer, and answers the same as from the observations in memory."""

from __future__ import annotations

import shutil

import pyarrow.parquet as pq
import pytest
from pandas.testing import assert_frame_equal

from dashboard.store import Store, engine, index
from dashboard.store.files import OBS_FILE, OVERVIEW_KEY, ROW_GROUP_ROWS

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


def test_the_store_reads_its_summary_from_the_footer_and_needs_no_duckdb(built_store):
    store = Store.open(built_store)
    store.values("inwoners", 2024, level="buurt")
    store.series("GM0599", "inwoners")
    store.metadata("inwoners")
    assert store._obs._con is None  # what the explorer asks never connected DuckDB
    counted = store._obs.query(engine.OVERVIEW_SQL)  # DuckDB counting every row
    assert len(counted) > 10
    assert_frame_equal(store._overview, counted)
    assert store.n_observations == len(store.observations)


def test_a_store_without_the_footer_summary_still_opens_the_same(built_store, tmp_path):
    old = tmp_path / "store"
    shutil.copytree(built_store, old)
    table = pq.read_table(old / OBS_FILE)
    meta = {k: v for k, v in table.schema.metadata.items() if k != OVERVIEW_KEY}
    pq.write_table(table.replace_schema_metadata(meta), old / OBS_FILE,
                   row_group_size=ROW_GROUP_ROWS)  # as builds before the summary wrote it
    assert OVERVIEW_KEY not in (pq.read_schema(old / OBS_FILE).metadata or {})
    new, older = Store.open(built_store), Store.open(old)
    assert_frame_equal(older._overview, new._overview)
    assert older.years("inwoners") == new.years("inwoners")
    assert_frame_equal(older.values("bijstand", 2016, level="wijk"),
                       new.values("bijstand", 2016, level="wijk"))


def test_one_indicator_is_read_from_its_row_groups_as_duckdb_selects_it(built_store):
    store = Store.open(built_store)
    for key in ("inwoners", "pct_huur_corporatie", "no_such_indicator"):
        got = store._obs.indicator(key).to_pandas()
        want = store._obs.query("SELECT * EXCLUDE (indicator) FROM obs "
                                "WHERE indicator = ? AND year IS NOT NULL", [key])
        got = got.astype({c: want[c].dtype for c in want.columns})
        assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True))
