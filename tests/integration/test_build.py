"""The build on ../shared/snapshot: values in the store equal what CBS and the gemeente
published in the raw files (read here at test time, never copied into the repo)."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard.catalogue import CatalogueError
from dashboard.pipeline.build import run_build
from dashboard.pipeline.sources.snapshot import SnapshotError

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


def _csv(snapshot: Path, rel: str) -> list[dict]:
    with open(snapshot / rel, encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def _one(store, code, year, key):
    rows = store.values(key, year, areas=[code])
    assert len(rows) == 1, f"no row for {code} {year} {key}"
    return rows.iloc[0]


def test_buurt_values_come_from_the_recorded_odata_rows(store, snapshot_dir):
    # cbs/kwb-odata/85984NED_2024_rotterdam_buurten.json: KWB 2024 (latest StatLine state)
    payload = json.loads((snapshot_dir / "cbs/kwb-odata/85984NED_2024_rotterdam_buurten.json")
                         .read_text())
    published = {r["WijkenEnBuurten"].strip(): r["AantalInwoners_5"] for r in payload["rows"]}
    got = store.values("inwoners", 2024, level="buurt").set_index("area_code")["value"]
    assert len(published) == 91
    for code, value in published.items():
        assert got[code] == value
    assert got["BU05990110"] == 20440  # Stadsdriehoek, as SOURCES.md states
    assert sum(published.values()) == 670585


def test_statline_export_values_and_secret_cells(store, snapshot_dir):
    rows = _csv(snapshot_dir, "cbs/kwb-statline/kwb_2014_rotterdam.csv")
    col = "Personen per soort uitkering; Bijstand [aantal]"
    filled = [r for r in rows if r[col] and r["soort_regio"].strip() == "Buurt"]
    blank = [r for r in rows if not r[col] and r["soort_regio"].strip() == "Buurt"]
    assert filled and blank
    for r in filled[:20]:
        assert _one(store, r["codering"], 2014, "bijstand")["value"] == float(r[col])
    for r in blank:
        obs = _one(store, r["codering"], 2014, "bijstand")
        assert obs["status"] == "secret" and pd.isna(obs["value"])  # never 0


def test_gemeente_values_for_all_of_nl_from_the_wbk_file(store, snapshot_dir):
    rows = [r for r in _csv(snapshot_dir, "cbs/wbk-2024/kwb_gemeente_2024_nl.csv")
            if r["water"] == "NEE"]
    got = store.values("inwoners", 2024, level="gemeente").set_index("area_code")["value"]
    assert len(got) == len(rows) == 342
    for r in rows:
        assert got[r["gemeentecode"]] == float(r["aantal_inwoners"])


def test_zuid_is_computed_from_counts_of_its_gebieden(store, snapshot_dir):
    wijk_rows = _csv(snapshot_dir, "cbs/wbk-2024/kwb_wijk_2024_randstad.csv")
    wijken = {r["wijkcode"]: r for r in wijk_rows}
    parts = [wijken[c] for c in ("WK059915", "WK059910", "WK059912")]
    zuid = _one(store, "ZUID0599", 2024, "inwoners")
    assert zuid["value"] == sum(float(p["aantal_inwoners"]) for p in parts)
    assert zuid["method"] == "aggregated" and not zuid["partial"]
    # a share: weighted by its denominator (dwellings), never a mean of percentages
    col, weight = "perc_huurwoningen_in_bezit_woningcorporaties", "woningvoorraad"
    expected = (sum(float(p[col]) * float(p[weight]) for p in parts)
                / sum(float(p[weight]) for p in parts))
    plain_mean = sum(float(p[col]) for p in parts) / 3
    got = _one(store, "ZUID0599", 2024, "pct_huur_corporatie")["value"]
    assert got == pytest.approx(expected)
    assert got != pytest.approx(plain_mean)


def test_wijk_without_its_own_value_is_built_from_its_buurten(store, snapshot_dir):
    # Income per inhabitant is not in the WBK wijk file; in 2024 only the buurten have it.
    payload = json.loads((snapshot_dir / "cbs/kwb-odata/85984NED_2024_rotterdam_buurten.json")
                         .read_text())
    kids = [r for r in payload["rows"] if r["WijkenEnBuurten"].startswith("BU05991")
            and r["WijkenEnBuurten"][2:8] == "059915"]
    ok = [r for r in kids if r["GemiddeldInkomenPerInwoner_78"] is not None]
    expected = (sum(r["GemiddeldInkomenPerInwoner_78"] * r["AantalInwoners_5"] for r in ok)
                / sum(r["AantalInwoners_5"] for r in ok))
    obs = _one(store, "WK059915", 2024, "inkomen_per_inwoner")
    assert obs["method"] == "aggregated"
    assert obs["value"] == pytest.approx(expected)
    assert bool(obs["partial"]) == (len(ok) < len(kids))


def test_wijkprofiel_index_per_cbs_buurt(store, snapshot_dir):
    rows = _csv(snapshot_dir, "rotterdam/wijkprofiel/wijkprofiel_2016_veiligheidsindex.csv")
    for r in rows:
        if r["niveau"] == "buurt" and r["Veiligheidsindex"]:
            assert _one(store, r["cbs_codes_afgeleid"], 2016, "veiligheidsindex")["value"] \
                == float(r["Veiligheidsindex"])


def test_boundary_change_breaks_the_series(store, snapshot_dir):
    payload = json.loads((snapshot_dir / "cbs/kwb-odata/85984NED_2024_rotterdam_buurten.json")
                         .read_text())
    changed = [r["WijkenEnBuurten"].strip() for r in payload["rows"]
               if r["IndelingswijzigingGemeenteWijkBuurt_4"].strip() != "1"]
    assert len(changed) == 9
    flags = store.boundary_changes.set_index(["area_code", "year"])
    for code in changed:
        assert not flags.loc[(code, 2024), "comparable_with_previous"]
    series = store.series(changed[0], "inwoners")
    assert series.loc[series["year"] == 2024, "comparable_with_previous"].item() is False


def test_manifest_names_sources_with_hashes_and_counts(built_store, snapshot_dir):
    manifest = json.loads((built_store / "manifest.json").read_text())
    pkg = json.loads((snapshot_dir / "datapackage.json").read_text())
    hashes = {r["hash"].split(":", 1)[1] for r in pkg["resources"]}
    data_sources = [s for s in manifest["sources"] if s.get("observations")]
    assert data_sources and all(s["sha256"] in hashes for s in data_sources)
    assert all(s["retrieved_at"] for s in manifest["sources"])
    assert manifest["counts"]["buurt"]["2024"]["inwoners"] == 91
    assert manifest["rows"]["areas"] == len(pd.read_parquet(built_store / "areas.parquet"))


def test_areas_geometry_is_wgs84_simplified_and_complete(built_store):
    import geopandas as gpd

    areas = gpd.read_parquet(built_store / "areas.parquet")
    assert areas.crs.to_epsg() == 4326
    rot = areas[(areas["gemeente"] == "GM0599") & (areas["level"] == "buurt")
                & (areas["boundary_year"] == 2024)]
    assert len(rot) == 91 and rot.geometry.is_valid.all()
    # neighbours share edges: no overlaps after simplification (in RD New, m²)
    rd = rot.to_crs(28992)
    overlap = rd.geometry.union_all().area - rd.geometry.area.sum()
    assert abs(overlap) < 1.0
    zuid = areas.set_index("code").loc["ZUID0599"]
    assert zuid["level"] == "custom" and not zuid.geometry.is_empty


# -- bad input: a clear error naming the file and field; the previous store untouched ----

def _store_files(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.iterdir())}


def test_bad_catalogue_fails_and_keeps_previous_store(built_store, snapshot_dir, tmp_path):
    out = tmp_path / "store"
    shutil.copytree(built_store, out)
    before = _store_files(out)
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    text = (data / "indicators.yaml").read_text().replace("theme: werk", "theme: wrok", 1)
    (data / "indicators.yaml").write_text(text)
    with pytest.raises(CatalogueError, match=r"indicators.yaml: entry \d+ .*field theme"):
        run_build(out, snapshot=snapshot_dir, gemeenten=("GM0599",), data_dir=data,
                  progress=lambda m: None)
    assert _store_files(out) == before


def test_corrupt_snapshot_file_fails_and_keeps_previous_store(built_store, snapshot_dir, tmp_path):
    out = tmp_path / "store"
    shutil.copytree(built_store, out)
    before = _store_files(out)
    snap = tmp_path / "snap"
    shutil.copytree(snapshot_dir, snap)
    target = snap / "cbs/kwb-statline/kwb_2016_rotterdam.csv"
    target.chmod(0o644)
    target.write_bytes(target.read_bytes()[:5000])  # truncated download
    with pytest.raises(SnapshotError, match="kwb_2016_rotterdam.csv.*sha256"):
        run_build(out, snapshot=snap, gemeenten=("GM0599",), data_dir=ROOT / "data",
                  progress=lambda m: None)
    assert _store_files(out) == before
    assert not list(tmp_path.glob(".store.tmp-*"))  # no half-written store left behind


def test_missing_column_is_named(snapshot_dir, tmp_path):
    snap = tmp_path / "snap"
    shutil.copytree(snapshot_dir, snap)
    target = snap / "cbs/kwb-statline/kwb_2015_rotterdam.csv"
    target.chmod(0o644)
    text = target.read_text(encoding="utf-8").replace("codering", "regiocode", 1)
    target.write_text(text, encoding="utf-8")
    pkg = json.loads((snap / "datapackage.json").read_text())
    for res in pkg["resources"]:
        res.pop("hash", None)  # an edited copy: only the column is wrong now
    (snap / "datapackage.json").chmod(0o644)
    (snap / "datapackage.json").write_text(json.dumps(pkg))
    with pytest.raises(SnapshotError, match="kwb_2015_rotterdam.csv.*'codering' missing"):
        run_build(tmp_path / "store", snapshot=snap, gemeenten=("GM0599",),
                  data_dir=ROOT / "data", progress=lambda m: None)


@pytest.mark.slow
def test_a_gemeente_is_never_filled_from_a_source_that_covers_only_some_wijken(built_store):
    # Police figures exist for the Zuid wijken only; summing them must not pass for Rotterdam.
    obs = pd.read_parquet(built_store / "observations.parquet")
    filled = obs[(obs["method"] == "aggregated") & (obs["status"] == "ok")
                 & obs["source"].eq("aggregated:gemeente")]
    assert not filled.empty
    wijken = obs[obs["area_code"].str.startswith("WK")]
    for (code, year, ind), _ in filled.groupby(["area_code", "year", "indicator"]):
        parts = wijken[(wijken["area_code"].str[2:6] == code[2:6]) & (wijken["year"] == year)]
        assert set(parts[parts["indicator"] == ind]["status"]) <= {"ok", "secret"}, (code, ind)
        assert parts[parts["indicator"] == ind]["area_code"].nunique() == \
            parts["area_code"].nunique(), (code, year, ind)
    crime = obs[(obs["area_code"] == "GM0599") & (obs["indicator"] == "misdrijven_per_1000")]
    assert (crime["status"] != "ok").all()


@pytest.mark.slow
def test_the_nl_benchmark_is_never_a_sum_over_a_few_gemeenten(built_store):
    obs = pd.read_parquet(built_store / "observations.parquet")
    gemeenten = obs[obs["area_code"].str.startswith("GM")]
    nl = obs[(obs["area_code"] == "NL01") & (obs["status"] == "ok")]
    assert not nl.empty
    for row in nl.itertuples():
        parts = gemeenten[(gemeenten["year"] == row.year)
                          & (gemeenten["indicator"] == row.indicator)]
        year_parts = gemeenten[gemeenten["year"] == row.year]["area_code"].nunique()
        assert parts["area_code"].nunique() == year_parts, (row.year, row.indicator)
        assert set(parts["status"]) <= {"ok", "secret"}, (row.year, row.indicator)
