"""The Gezondheidsmonitor loader (CBS third-party catalogue, table 50120NED): keys checked
against the table's metadata, values and 95 % intervals read per age group, combined areas
left without a value and with the reason. Answers are hand-built test data
(tests/health_answers.py) served from a fake on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from dashboard.areas import load_areas
from dashboard.catalogue import load_catalogue
from dashboard.pipeline.compute import NOT_COMBINABLE, fill
from dashboard.pipeline.extract import extract
from dashboard.pipeline.quality import assess
from dashboard.pipeline.sources.cbs_odata import CbsODataClient
from dashboard.pipeline.sources.gezondheid import health_tables
from dashboard.pipeline.sources.http import SourceError, make_session
from dashboard.pipeline.sources.live import health_columns
from dashboard.sourceconfig import load_source_config
from dashboard.store import Store
from tests import health_answers
from tests.fakes import FakeServer, Reply

ROOT = Path(__file__).resolve().parents[2]
CFG = load_source_config(ROOT / "data" / "sources.yaml").health_tables[0]
CATALOGUE = load_catalogue(ROOT / "data" / "indicators.yaml")

# Labelled test data: made-up estimates for a gemeente, two Zuid wijken and a buurt.
VALUES = {("GM0599", 2022, "18+"): 50.0, ("WK059915", 2022, "18+"): 61.0,
          ("WK059910", 2022, "18+"): 58.0, ("BU05991501", 2022, "18+"): 72.0,
          ("BU05991501", 2022, "65+"): 40.0, ("BU05991501", 2016, "18+"): None,
          ("WK059915", 2016, "18+"): 55.0}


def _fetch(srv: FakeServer):
    client = CbsODataClient(make_session(retries=0), base_url=srv.url)
    return health_tables(client, CFG, "GM0599", columns=health_columns(CATALOGUE))


def test_loader_reads_values_and_intervals_per_age_group():
    with FakeServer() as srv:
        health_answers.serve(srv, CFG, health_answers.rows(CFG, VALUES))
        tables = _fetch(srv)
        typed = [s for s in srv.requests if s.path.endswith("/TypedDataSet")]
    assert [t.year for t in tables] == [2016, 2022]
    assert {t.source_id for t in tables} == {"cbs-dataderden:50120NED"}
    assert tables[0].meta["boundaries"] == CFG.boundaries
    # only the keys the build needs are asked for, for the gemeente's areas
    assert "%24select=WijkenEnBuurten%2CPerioden%2CLeeftijd%2CMarges" in typed[0].query
    assert "startswith%28WijkenEnBuurten%2C%27BU0599%27%29" in typed[0].query
    obs = extract(CATALOGUE, tables)
    adults, older = obs[("BU05991501", 2022, "ggd_eenzaam")], obs[
        ("BU05991501", 2022, "ggd_eenzaam_65plus")]
    assert (adults.value, adults.lower, adults.upper, adults.status) == (72.0, 68.0, 76.0, "ok")
    assert (older.value, older.lower, older.upper) == (40.0, 36.0, 44.0)
    assert obs[("GM0599", 2022, "ggd_roker")].value == 50.0
    # a blank cell where others have values is secret, never 0, and has no interval
    blank = obs[("BU05991501", 2016, "ggd_eenzaam")]
    assert (blank.value, blank.status, blank.lower) == (None, "secret", None)
    assert ("WK059915", 2022, "ggd_eenzaam_65plus") not in obs  # no 65+ row for the wijk


def test_combined_areas_get_no_average_but_the_reason():
    with FakeServer() as srv:
        health_answers.serve(srv, CFG, health_answers.rows(CFG, VALUES))
        tables = _fetch(srv)
    obs = extract(CATALOGUE, tables)
    fill(CATALOGUE, obs, load_areas(ROOT / "data" / "areas.yaml"), tables)
    zuid = obs[("ZUID0599", 2022, "ggd_eenzaam")]
    assert (zuid.value, zuid.status, zuid.method) == (None, "missing", NOT_COMBINABLE)
    assert CATALOGUE["ggd_eenzaam"].aggregation.reason.en.startswith("Model estimates")
    # the published wijk value stays; no wijk is computed from its buurten
    assert obs[("WK059915", 2022, "ggd_eenzaam")].method == "published"
    assert ("WK059912", 2022, "ggd_eenzaam") not in obs


@pytest.mark.parametrize("entity", ["DataProperties", "Marges", "Leeftijd", "Perioden"])
def test_renamed_key_fails_naming_table_key_and_url(entity):
    meta = health_answers.metadata(CFG)
    renamed = {"DataProperties": "Eenzaam_27", "Marges": CFG.margins["upper"],
               "Leeftijd": CFG.ages["65+"], "Perioden": CFG.periods[2022]}[entity]
    meta[entity] = [dict(e, Key=e["Key"] + "X") if e["Key"] == renamed else e
                    for e in meta[entity]]
    with FakeServer() as srv:
        health_answers.serve(srv, CFG, health_answers.rows(CFG, VALUES))
        srv.route(f"/{CFG.table}/{entity}", Reply.json({"value": meta[entity]}))
        with pytest.raises(SourceError) as err:
            _fetch(srv)
        assert srv.hits(f"/{CFG.table}/TypedDataSet") == 0  # stopped before the rows
    text = str(err.value)
    assert "CBS table 50120NED" in text and renamed in text and "renamed" in text
    assert f"{srv.url}/50120NED/{entity}" in text


def test_rows_missing_a_key_fail_clearly():
    data = health_answers.rows(CFG, VALUES)
    for row in data:
        row["Roker_12"] = row.pop("Roker_11")
    with FakeServer() as srv:
        health_answers.serve(srv, CFG, data)
        with pytest.raises(SourceError, match=r"50120NED.*'Roker_11'.*renamed"):
            _fetch(srv)


def test_a_wide_interval_is_the_quality_reason_wide_margin():
    """Test data: one estimate per area with intervals 16 and 26 points wide (the rule in
    data/indicators.yaml allows 20), one without an interval, one secret."""
    assert CATALOGUE["ggd_eenzaam"].reliability.reasons() == ("wide_margin",)
    obs = pd.DataFrame([("a", 2022, "ggd_eenzaam", 68.0, "ok", 60.0, 76.0),
                        ("b", 2022, "ggd_eenzaam", 63.0, "ok", 50.0, 76.0),
                        ("c", 2022, "ggd_eenzaam", 63.0, "ok", None, None),
                        ("d", 2022, "ggd_eenzaam", None, "secret", None, None),
                        ("b", 2022, "inwoners", 10.0, "ok", 0.0, 1000.0)],
                       columns=["area_code", "year", "indicator", "value", "status", "lower",
                                "upper"])
    assert list(assess(obs, CATALOGUE)) == ["ok", "wide_margin", "ok", None, "ok"]
    assert CATALOGUE.quality_text("ggd_eenzaam", "wide_margin", "nl", long=True) == (
        "Onzeker: het 95%-betrouwbaarheidsinterval van deze schatting is breder dan 20 "
        "procentpunten.")
    assert CATALOGUE.quality_text("ggd_eenzaam", "wide_margin", "en") == "uncertain"


def test_series_breaks_where_the_set_of_areas_changes():
    """Two health tables on different areas (made-up boundaries "A" and "B", test data):
    years from one table connect, the step to the other is a break; a KWB year keeps
    CBS's own flags."""
    code, key = "BU05991501", "ggd_eenzaam"
    obs = pd.DataFrame({
        "area_code": code, "year": [2012, 2016, 2020, 2022], "indicator": key,
        "value": [50.0, 51.0, 52.0, 53.0], "status": "ok", "partial": False,
        "method": "published", "lower": 45.0, "upper": 57.0,
        "source": ["cbs-dataderden:T1", "cbs-dataderden:T1", "cbs-dataderden:T2",
                   "cbs-dataderden:T2"]})
    areas = gpd.GeoDataFrame({"code": [code], "name": ["Buurt"], "level": ["buurt"],
                              "parent": ["WK059915"], "gemeente": ["GM0599"], "groups": [""],
                              "boundary_year": [2022], "boundary_source": ["test"]},
                             geometry=[box(0, 0, 1, 1)], crs="EPSG:4326")
    flags = pd.DataFrame(columns=["area_code", "year", "flag", "comparable_with_previous"])
    manifest = {"sources": [{"id": "cbs-dataderden:T1", "boundaries": "A"},
                            {"id": "cbs-dataderden:T2", "boundaries": "B"}]}
    store = Store(Path("."), obs, areas, flags, manifest, CATALOGUE)
    series = store.series(code, key)
    assert series["comparable_with_previous"].tolist() == [None, True, False, True]
    assert series["lower"].tolist() == [45.0] * 4
