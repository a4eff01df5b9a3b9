"""Comparing areas: URL state, defaults, mixed levels, values equal the store's."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest

from dashboard.compare.model import (
    MAX_AREAS,
    CompareState,
    compare_figures,
    compare_table,
    default_indicators,
    parse_compare,
)
from dashboard.i18n import t

MIXED = ["BU05991086", "WK059915", "ZUID0599", "NL01"]  # buurt, wijk, custom, benchmark


def test_default_is_one_comparable_indicator_per_theme(store):
    keys = default_indicators(store)
    themes = [store.catalogue[k].theme for k in keys]
    assert len(themes) == len(set(themes)) == 6
    assert all(store.catalogue[k].kind in ("share", "rate", "mean") for k in keys)
    for key in keys:  # the first such indicator of its theme, in catalogue order
        ind = store.catalogue[key]
        before = [i for i in store.catalogue.by_theme()[ind.theme]
                  if i.kind in ("share", "rate", "mean") and store.years(i.key)]
        assert before[0].key == key


def test_url_round_trip_and_defaults(store):
    parsed = parse_compare({"areas": ",".join(MIXED), "indicators": "woz_waarde,pct_0_15",
                            "lang": "en"}, store)
    assert parsed.notices == []
    assert parsed.state == CompareState(tuple(MIXED), ("woz_waarde", "pct_0_15"), "en")
    again = parse_compare({k: v[0] for k, v in parse_qs(parsed.state.query()).items()}, store)
    assert again.state == parsed.state
    empty = parse_compare({}, store).state
    assert empty.areas == ("ZUID0599", "GM0599")
    assert empty.indicators == tuple(default_indicators(store, list(empty.areas)))
    assert empty.lang == "nl"


def test_bad_parameters_are_named_and_left_out(store):
    parsed = parse_compare({"areas": "BU05991086,<script>,XX99,BU05991086",
                            "indicators": "woz_waarde,nope"}, store)
    assert parsed.state.areas == ("BU05991086",)
    assert parsed.state.indicators == ("woz_waarde",)
    text = " ".join(parsed.notices)
    assert "‘<SCRIPT>’" in text and "‘XX99’" in text and "‘nope’" in text
    assert t("compare.too_few_areas", "nl", n=2) in parsed.notices


def test_the_explorer_selection_parameter_works_too(store):
    parsed = parse_compare({"sel": "BU05991086,BU05991081", "lang": "en"}, store)
    assert parsed.state.areas == ("BU05991086", "BU05991081") and parsed.notices == []


def test_at_most_four_areas(store):
    codes = ["BU05991086", "BU05991081", "BU05991572", "BU05991087", "BU05991082"]
    parsed = parse_compare({"areas": ",".join(codes)}, store)
    assert parsed.state.areas == tuple(codes[:MAX_AREAS])
    assert any(codes[4] in n for n in parsed.notices)


def test_table_for_mixed_levels_equals_store_values(store):
    state = CompareState(tuple(MIXED), ("woz_waarde", "pct_huur_corporatie",
                                        "bijstand_per_1000_15_64"), "nl")
    obs = store.observations
    for row in compare_table(store, state):
        mine = obs[(obs["indicator"] == row["key"]) & obs["area_code"].isin(MIXED)]
        ok = mine[(mine["status"] == "ok") & mine["value"].notna()]
        assert row["year"] == int(ok["year"].max())
        assert [c["code"] for c in row["cells"]] == MIXED
        for cell in row["cells"]:
            at = mine[(mine["area_code"] == cell["code"]) & (mine["year"] == row["year"])]
            if len(at) and at["status"].iloc[0] == "ok":
                assert cell["value"] == pytest.approx(float(at["value"].iloc[0]))
            else:
                assert cell["value"] is None
                assert cell["text"] in (t("status.secret", "nl"), t("status.missing", "nl"))


def test_small_multiples_one_line_per_area(store):
    state = CompareState(tuple(MIXED[:3]), ("woz_waarde", "pct_0_15"), "en")
    figs = compare_figures(store, state)
    assert [k for k, _ in figs] == ["woz_waarde", "pct_0_15"]
    for key, fig in figs:
        names = [tr.name for tr in fig.data]
        assert names == [store.area_name(c, "en") for c in MIXED[:3]]
        series = store.series("ZUID0599", key)
        ok = series[series["status"] == "ok"]
        ys = [y for y in fig.data[2].y if y is not None]
        assert ys == pytest.approx(list(ok["value"]))


def test_default_indicators_have_data_for_the_chosen_areas(store):
    """Kralingse Bos (a small buurt) and Afrikaanderwijk: every default indicator has a
    reliable value for both in one year, and the table shows that year."""
    state = parse_compare({"areas": "BU05990843,BU05991086"}, store).state
    assert state.indicators
    for row in compare_table(store, state):
        assert row["year"] is not None
        assert all(c["value"] is not None for c in row["cells"]), row["key"]
    flagged = compare_table(store, CompareState(("BU05990843", "BU05991086"),
                                                ("bijstand_per_1000_15_64",), "en"))[0]
    kralingse, afrikaanderwijk = flagged["cells"]
    assert "fewer than 100 residents aged 15-64" in kralingse["quality_text"]
    assert afrikaanderwijk["quality_text"] == ""
