"""A value's ``quality`` by the catalogue's reliability rule, on hand-built test data, and
on the real snapshot (the store built from ../shared/snapshot)."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.catalogue import QUALITY_REASONS, CatalogueError, parse_catalogue
from dashboard.i18n import has_text
from dashboard.pipeline.quality import assess


def _ind(key, method="sum", **extra):
    return {"key": key, "label": {"nl": key.replace("_", " "), "en": key.replace("_", " ")},
            "definition": {"nl": "d", "en": "d"}, "theme": "werk",
            "unit": {"nl": "u", "en": "u"}, "kind": "count",
            "aggregation": {"method": method}, "direction": "neutral",
            "licence": "CC-BY-4.0", "sources": [{"source": "kwb", "columns": {"odata": key}}],
            **extra}


CAT = parse_catalogue({"indicators": [
    _ind("people"),
    _ind("benefits", reliability={"rounded": "benefits"}),
    {**_ind("benefit_rate", kind="rate", sources=[],
            derive={"numerator": "benefits", "denominator": "people", "scale": 1000}),
     "reliability": {"denominator": "people", "minimum": 100, "rounded": "benefits"}},
]})


def _obs(rows):
    return pd.DataFrame(rows, columns=["area_code", "year", "indicator", "value", "status"])


def test_rates_over_few_people_and_rounded_zeros_are_flagged_with_their_reason():
    # test data: four areas; "tiny" has 60 people, "zero" 450 people and 0 benefits
    obs = _obs([
        ("tiny", 2024, "people", 60, "ok"), ("tiny", 2024, "benefits", 10, "ok"),
        ("tiny", 2024, "benefit_rate", 166.7, "ok"),
        ("zero", 2024, "people", 450, "ok"), ("zero", 2024, "benefits", 0, "ok"),
        ("zero", 2024, "benefit_rate", 0.0, "ok"),
        ("big", 2024, "people", 5390, "ok"), ("big", 2024, "benefits", 730, "ok"),
        ("big", 2024, "benefit_rate", 135.4, "ok"),
        ("hidden", 2024, "people", 80, "ok"), ("hidden", 2024, "benefits", None, "secret"),
        ("hidden", 2024, "benefit_rate", None, "secret"),
    ])
    got = obs.assign(quality=assess(obs, CAT)).set_index(["area_code", "indicator"])["quality"]
    assert got[("tiny", "benefit_rate")] == "small_denominator"
    assert got[("zero", "benefit_rate")] == "rounded_zero"
    assert got[("zero", "benefits")] == "rounded_zero"   # the count itself: fewer than 5
    assert got[("big", "benefit_rate")] == "ok"
    assert got[("tiny", "benefits")] == "ok" and got[("tiny", "people")] == "ok"
    assert got[("hidden", "benefit_rate")] is None        # no value: nothing to judge


def test_small_denominator_wins_over_rounded_zero_and_unknown_counts_flag_nothing():
    obs = _obs([("a", 2024, "people", 35, "ok"), ("a", 2024, "benefits", 0, "ok"),
                ("a", 2024, "benefit_rate", 0.0, "ok"),
                ("b", 2023, "benefit_rate", 80.0, "ok")])   # no counts for b in 2023
    got = list(assess(obs, CAT))
    assert got == ["ok", "rounded_zero", "small_denominator", "ok"]


def test_a_rule_is_validated_with_the_field_named():
    bad = _ind("xx", reliability={"denominator": "people"})
    with pytest.raises(CatalogueError, match="minimum"):
        parse_catalogue({"indicators": [_ind("people"), bad]})
    unknown = _ind("xx", reliability={"denominator": "nobody", "minimum": 10})
    with pytest.raises(CatalogueError, match="reliability.denominator.*'nobody'"):
        parse_catalogue({"indicators": [unknown]})


@pytest.mark.parametrize("reason", QUALITY_REASONS)
def test_every_reason_has_short_and_long_texts_in_both_languages(reason):
    assert has_text(f"quality.{reason}") and has_text(f"quality.{reason}_long")
    nl = CAT.quality_text("benefit_rate", reason, "nl", long=True)
    en = CAT.quality_text("benefit_rate", reason, "en", long=True)
    assert nl != en and "{" not in nl + en
    assert CAT.quality_text("benefit_rate", "ok", "nl") == ""


def test_the_long_texts_name_the_rule():
    assert "100 people" in CAT.quality_text("benefit_rate", "small_denominator", "en", True)
    assert "minder dan 5" in CAT.quality_text("benefit_rate", "rounded_zero", "nl", True)


# -- the real snapshot --------------------------------------------------------------------

BUURTEN = {"Kralingse Bos": "BU05990843", "Charlois Zuidrand": "BU05991570",
           "Afrikaanderwijk": "BU05991086"}


def test_snapshot_small_areas_are_flagged_and_afrikaanderwijk_is_ok(store):
    rows = store.values("bijstand_per_1000_15_64", 2024, areas=list(BUURTEN.values()))
    got = rows.set_index("area_name")["quality"]
    assert got["Kralingse Bos"] == "small_denominator"      # 10 over 60 aged 15-64
    assert got["Charlois Zuidrand"] == "rounded_zero"       # 0 recipients, rounded
    assert got["Afrikaanderwijk"] == "ok"


def test_snapshot_every_row_has_a_known_quality_exactly_when_it_has_a_value(store):
    obs = store.rows()
    has_value = (obs["status"] == "ok") & obs["value"].notna()
    assert obs.loc[has_value, "quality"].isin(["ok", *QUALITY_REASONS]).all()
    assert obs.loc[~has_value, "quality"].isna().all()
    # combined areas rest on large counts: Zuid and Rotterdam are reliable
    big = store.values("bijstand_per_1000_15_64", 2024, areas=["ZUID0599", "GM0599"])
    assert list(big["quality"]) == ["ok", "ok"]


def test_snapshot_coverage_per_year_through_the_python_api(built_store):
    from dashboard import load_store

    data = load_store(built_store)
    full = data.coverage("bijstand_per_1000_15_64", 2024, level="buurt", within="GM0599")
    assert full["n_areas"] == 91 and full["n_values"] > 45 and not full["sparse"]
    assert full["n_reliable"] < full["n_values"]          # the flagged ones are not reliable
    for year in (2022, 2023):
        sparse = data.coverage("bijstand_per_1000_15_64", year, level="buurt",
                               within="GM0599")
        assert sparse["sparse"] and 0 < sparse["n_values"] <= 2
    values = data.values("bijstand_per_1000_15_64", 2024, level="buurt", within="GM0599")
    assert "quality" in values and "quality" in data.series("Carnisse", "bijstand")
    assert "quality" in data.geo("bijstand_per_1000_15_64", 2024, level="buurt",
                                 within="ZUID0599")
    with pytest.raises(ValueError, match="within"):
        data.coverage("bijstand_per_1000_15_64", 2024)


def test_snapshot_downloads_carry_the_quality_column_explained_in_the_header(store):
    import io
    import json

    from dashboard.exports.formats import to_geojson, to_xlsx
    from dashboard.exports.tidy import to_csv

    rows = store.values("bijstand_per_1000_15_64", 2024, areas=list(BUURTEN.values()))
    text = to_csv(store, rows, "en").decode()
    table = pd.read_csv(io.StringIO(text), comment="#").set_index("area_name")
    assert table.loc["Kralingse Bos", "quality"] == "small_denominator"
    assert table.loc["Afrikaanderwijk", "quality"] == "ok"
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any("Column quality: ok = reliable" in line for line in header)
    assert any("small_denominator (bijstand_per_1000_15_64): Unreliable: based on fewer "
               "than 100 residents aged 15-64" in line for line in header)
    nl_header = next(line for line in to_csv(store, rows, "nl").decode().splitlines()
                     if line.startswith("gebiedscode,"))
    assert ",status,betrouwbaarheid," in nl_header
    geo = json.loads(to_geojson(store, rows, "en"))
    props = {f["properties"]["area_name"]: f["properties"]["quality"] for f in geo["features"]}
    assert props["Charlois Zuidrand"] == "rounded_zero"
    assert any("rounded_zero" in line for line in geo["metadata"]["columns"])
    book = pd.read_excel(io.BytesIO(to_xlsx(store, rows, "en")), sheet_name=None)
    work = book["Work and income"].set_index("area_name")
    assert work.loc["Kralingse Bos", "quality"] == "small_denominator"
    assert "fewer than 100" in book["Definitions"]["reliability"].iloc[0]
