"""Aggregation and derivation rules on small hand-made inputs (test data, built here)."""

from __future__ import annotations

import pytest

from dashboard.catalogue import parse_catalogue
from dashboard.pipeline.aggregate import Obs, aggregate, derive


def _ind(key, method, **agg):
    return {"key": key, "label": {"nl": key, "en": key}, "definition": {"nl": "d", "en": "d"},
            "theme": "werk", "unit": {"nl": "u", "en": "u"}, "kind": "count",
            "aggregation": {"method": method, **agg}, "direction": "neutral",
            "licence": "CC-BY-4.0", "sources": [{"source": "kwb", "columns": {"odata": key}}]}


CAT = parse_catalogue({"indicators": [
    _ind("people", "sum"),
    _ind("poor", "sum"),
    _ind("pct_poor", "ratio", numerator="poor", denominator="people", scale=100),
    _ind("homes", "sum"),
    _ind("pct_owned", "weighted_mean", weight="homes"),
    _ind("index", "none"),
    {**_ind("poor_per_1000", "ratio", numerator="poor", denominator="people", scale=1000),
     "sources": [], "derive": {"numerator": "poor", "denominator": "people", "scale": 1000}},
]})


def ok(v):
    return Obs(float(v), "ok", "test")


def lookup(table):
    return lambda code, key: table.get((code, key))


def test_sum_of_counts():
    t = {("a", "people"): ok(100), ("b", "people"): ok(300)}
    res = aggregate(CAT["people"], ["a", "b"], lookup(t))
    assert (res.value, res.status, res.partial, res.method) == (400, "ok", False, "aggregated")


def test_ratio_is_sum_of_counts_over_sum_of_denominators_not_a_mean_of_rates():
    # a: 10 of 100 poor (10 %), b: 90 of 300 poor (30 %): mean of rates would be 20 %
    t = {("a", "people"): ok(100), ("a", "poor"): ok(10),
         ("b", "people"): ok(300), ("b", "poor"): ok(90)}
    res = aggregate(CAT["pct_poor"], ["a", "b"], lookup(t))
    assert res.value == pytest.approx(25.0)


def test_weighted_mean_rebuilds_counts_from_shares():
    t = {("a", "pct_owned"): ok(50), ("a", "homes"): ok(100),
         ("b", "pct_owned"): ok(20), ("b", "homes"): ok(400)}
    res = aggregate(CAT["pct_owned"], ["a", "b"], lookup(t))
    assert res.value == pytest.approx((50 * 100 + 20 * 400) / 500)


def test_secret_part_makes_result_partial_and_is_never_zero():
    t = {("a", "people"): ok(100), ("b", "people"): Obs(None, "secret", "test")}
    res = aggregate(CAT["people"], ["a", "b"], lookup(t))
    assert res.value == 100 and res.partial
    assert aggregate(CAT["people"], ["a", "b"], lookup(t), require_all=True).status == "secret"


def test_all_parts_secret_gives_secret_and_absent_gives_missing():
    t = {("a", "people"): Obs(None, "secret", "t"), ("b", "people"): Obs(None, "secret", "t")}
    res = aggregate(CAT["people"], ["a", "b"], lookup(t))
    assert res.status == "secret" and res.value is None
    assert aggregate(CAT["people"], ["x"], lookup({})).status == "missing"


def test_ratio_part_with_secret_numerator_is_left_out_of_both_sums():
    t = {("a", "people"): ok(100), ("a", "poor"): ok(10),
         ("b", "people"): ok(300), ("b", "poor"): Obs(None, "secret", "t")}
    res = aggregate(CAT["pct_poor"], ["a", "b"], lookup(t))
    assert res.value == pytest.approx(10.0) and res.partial


def test_not_aggregable_index_and_zero_denominator():
    assert aggregate(CAT["index"], ["a"], lookup({("a", "index"): ok(90)})) is None
    t = {("a", "people"): ok(0), ("a", "poor"): ok(0)}
    assert aggregate(CAT["pct_poor"], ["a"], lookup(t)).status == "missing"


def test_derive_rate_from_counts_and_secret_propagates():
    vals = {"poor": ok(25), "people": ok(500)}
    assert derive(CAT["poor_per_1000"], vals.get).value == pytest.approx(50.0)
    vals["poor"] = Obs(None, "secret", "t")
    res = derive(CAT["poor_per_1000"], vals.get)
    assert res.status == "secret" and res.value is None
    assert derive(CAT["poor_per_1000"], {"poor": ok(1)}.get) is None


def test_partial_parts_make_the_whole_partial():
    t = {("a", "people"): Obs(100.0, "ok", "t", "aggregated", partial=True),
         ("b", "people"): ok(300)}
    res = aggregate(CAT["people"], ["a", "b"], lookup(t))
    assert res.value == 400 and res.partial


def test_parts_the_source_does_not_cover_stop_a_fill_but_secret_parts_do_not():
    # A source covering only some wijken (police figures for Zuid alone) must not pass for the
    # gemeente; a secret small part only makes the whole partial.
    t = {("a", "people"): ok(100), ("a", "poor"): ok(10), ("b", "people"): ok(300)}
    res = aggregate(CAT["pct_poor"], ["a", "b"], lookup(t), secret_gaps_only=True)
    assert (res.value, res.status) == (None, "missing")
    assert aggregate(CAT["pct_poor"], ["a", "b"], lookup(t)).value == pytest.approx(10.0)
    t[("b", "poor")] = Obs(None, "secret", "test")
    res = aggregate(CAT["pct_poor"], ["a", "b"], lookup(t), secret_gaps_only=True)
    assert res.value == pytest.approx(10.0) and res.partial


def test_a_rate_of_a_published_total_over_summed_parts_is_rebuilt_from_one_level():
    from dashboard.pipeline.compute import _prefer, _same_level_parts

    # test data: wijk W has a published count of poor (95) but people summed from its
    # buurten b1, b2; wijk V has both counts published
    pub = Obs(95.0, "ok", "kwb")
    summed = Obs(1000.0, "ok", "aggregated:wijk", "aggregated")
    t = {("W", "poor"): pub, ("W", "people"): summed,
         ("b1", "poor"): ok(40), ("b1", "people"): ok(400),
         ("b2", "poor"): ok(50), ("b2", "people"): ok(600),
         ("V", "poor"): ok(10), ("V", "people"): ok(100)}
    get = lookup(t)
    parts = _same_level_parts(CAT["pct_poor"], ["W", "V"], get, {"W": ["b1", "b2"]})
    assert parts == ["b1", "b2", "V"]            # W's mixed counts replaced by its buurten
    same = aggregate(CAT["pct_poor"], parts, get)
    assert same.value == pytest.approx((40 + 50 + 10) / (400 + 600 + 100) * 100)
    mixed = aggregate(CAT["pct_poor"], ["W", "V"], get)
    assert _prefer(mixed, same) is same
    # a same-level value that is only partial does not replace a complete one
    partial = Obs(9.0, "ok", "x", "aggregated", partial=True)
    assert _prefer(mixed, partial) is mixed
