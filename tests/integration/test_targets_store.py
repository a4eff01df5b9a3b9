"""Targets measured on the store built from ../shared/snapshot; expected values are computed
here by hand from the raw snapshot files (read at test time, never copied)."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from dashboard.explorer.state import parse_state
from dashboard.settings import get_settings
from dashboard.targets.db import all_targets, saved_targets
from dashboard.targets.export import export_file
from dashboard.targets.form import remove, submit
from dashboard.targets.model import Target, load_default_targets, validate_target
from dashboard.targets.report import benchmark_value, evaluate, focus_wijken, matrix
from dashboard.targets.status import MET, NO_DATA, OFF_TRACK, ON_TRACK

ROOT = Path(__file__).resolve().parents[2]
G4 = ("GM0363", "GM0599", "GM0518", "GM0344")
ZUID = ("WK059915", "WK059910", "WK059912")


def _csv(snapshot: Path, rel: str) -> list[dict]:
    with open(snapshot / rel, encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def _weighted(rows, col, weight):
    rows = [r for r in rows if r[col].strip() and r[weight].strip()]
    return (sum(float(r[col]) * float(r[weight]) for r in rows)
            / sum(float(r[weight]) for r in rows)), len(rows)


@pytest.fixture(scope="module")
def defaults(store):
    return {x.key: x for x in load_default_targets(ROOT / "data" / "targets.yaml",
                                                   store.catalogue)}


def _target(**kw) -> Target:
    base = {"key": "t_x", "pillar": "wonen", "indicator": "pct_huur_corporatie",
            "area": "ZUID0599", "rule": "g4", "baseline_year": 2014, "target_year": 2031}
    return Target(**(base | kw))


def test_g4_benchmark_is_computed_from_the_four_gemeenten(store, snapshot_dir):
    gemeenten = _csv(snapshot_dir, "cbs/wbk-2024/kwb_gemeente_2024_nl.csv")
    rows = {r["gemeentecode"]: r for r in gemeenten if r["water"] == "NEE"}
    four = [rows[c] for c in G4]
    expected, n = _weighted(four, "perc_huurwoningen_in_bezit_woningcorporaties",
                            "woningvoorraad")
    assert n == 4
    bench = benchmark_value(store, _target(), 2024)
    assert (bench.code, bench.year, bench.partial) == ("G4", 2024, False)
    assert bench.value == pytest.approx(expected)
    # a plain mean of the four percentages would differ: the store weights by dwellings
    assert bench.value != pytest.approx(
        sum(float(r["perc_huurwoningen_in_bezit_woningcorporaties"]) for r in four) / 4)
    counts = benchmark_value(store, _target(indicator="bijstand"), 2024)
    assert counts.value == sum(
        float(r["aantal_personen_met_een_alg_bijstandsuitkering_tot"]) for r in four)


def test_rotterdam_and_rotterdam_without_zuid_benchmarks(store, snapshot_dir):
    gm = next(r for r in _csv(snapshot_dir, "cbs/wbk-2024/kwb_gemeente_2024_nl.csv")
              if r["gemeentecode"] == "GM0599" and r["water"] == "NEE")
    rot = benchmark_value(store, _target(rule="rotterdam"), 2024)
    assert (rot.code, rot.year) == ("GM0599", 2024)
    assert rot.value == float(gm["perc_huurwoningen_in_bezit_woningcorporaties"])
    wijken = [r for r in _csv(snapshot_dir, "cbs/wbk-2024/kwb_wijk_2024_randstad.csv")
              if r["gemeentecode"] == "GM0599" and r["wijkcode"] not in ZUID]
    expected, n = _weighted(wijken, "perc_huurwoningen_in_bezit_woningcorporaties",
                            "woningvoorraad")
    bench = benchmark_value(store, _target(rule="rotterdam_excl_zuid"), 2024)
    assert bench.code == "ROTNZ0599" and bench.value == pytest.approx(expected)
    assert bench.partial == (n < len(wijken))  # port districts without a published share


def test_default_housing_target_end_to_end(store, snapshot_dir, defaults):
    """Baseline 2014 (StatLine export), latest 2024 (WBK), G4 target, path and status."""
    old = [r for r in _csv(snapshot_dir, "cbs/kwb-statline/kwb_2014_rotterdam.csv")
           if r["codering"] in ZUID]
    baseline, n_old = _weighted(old, "In bezit woningcorporatie [%]", "Woningvoorraad [aantal]")
    new = [r for r in _csv(snapshot_dir, "cbs/wbk-2024/kwb_wijk_2024_randstad.csv")
           if r["wijkcode"] in ZUID]
    latest, n_new = _weighted(new, "perc_huurwoningen_in_bezit_woningcorporaties",
                              "woningvoorraad")
    gm = {r["gemeentecode"]: r for r in _csv(snapshot_dir,
                                               "cbs/wbk-2024/kwb_gemeente_2024_nl.csv")
          if r["water"] == "NEE"}
    g4, _ = _weighted([gm[c] for c in G4], "perc_huurwoningen_in_bezit_woningcorporaties",
                      "woningvoorraad")
    assert n_old == n_new == 3
    path = baseline + (g4 - baseline) * (2024 - 2014) / (2031 - 2014)
    # neutral indicator, target below the baseline: lower is better
    expected = MET if latest <= g4 else ON_TRACK if latest <= path else OFF_TRACK
    res = evaluate(store, defaults["wonen_corporatie"])
    a = res.assessment
    assert (a.baseline_year, a.latest_year, res.benchmark.year) == (2014, 2024, 2024)
    assert a.baseline == pytest.approx(baseline) and a.latest == pytest.approx(latest)
    assert a.target_value == pytest.approx(g4) and a.path_value == pytest.approx(path)
    assert a.status == expected and a.sign == -1
    why = res.explanation(store, "nl")
    assert "2014" in why and "2024" in why and "G4" in why


def test_every_default_is_valid_against_the_store(store, defaults):
    for target in defaults.values():
        record = target.as_record()
        checked, errors = validate_target(record, store)
        assert errors == [], (target.key, errors)
        assert checked == target
    results = {k: evaluate(store, x) for k, x in defaults.items()}
    # werk, wonen and veiligheid defaults have a baseline and a later year for their area
    for key, res in results.items():
        if res.target.pillar != "school":
            assert res.assessment.status != NO_DATA, key
            assert res.assessment.latest_year > res.target.baseline_year


def test_veiligheid_fixed_target_uses_the_wijkprofiel_values(store, snapshot_dir, defaults):
    published = {}
    for year in (2014, 2016, 2018):
        rows = _csv(snapshot_dir, f"rotterdam/wijkprofiel/wijkprofiel_{year}_veiligheidsindex.csv")
        published[year] = next(float(r["Veiligheidsindex"]) for r in rows
                               if r["cbs_codes_afgeleid"] == "WK059915")
    res = evaluate(store, defaults["veiligheid_charlois"])
    a = res.assessment
    assert (a.baseline, a.latest_year, a.latest) == (published[2014], 2018, published[2018])
    assert a.target_value == 100.0 and res.benchmark.code is None
    path = published[2014] + (100.0 - published[2014]) * (2018 - 2014) / (2031 - 2014)
    assert a.path_value == pytest.approx(path)
    assert a.status == (MET if published[2018] >= 100 else ON_TRACK if published[2018] >= path
                        else OFF_TRACK)


def test_invalid_input_names_the_field(store):
    good = _target().as_record()
    cases = {"area": {"area": "Nergenshuizen"},
             "baseline_year": {"indicator": "pct_opleiding_laag", "baseline_year": 2015},
             "fixed_value": {"rule": "fixed", "fixed_value": None}}
    for field, change in cases.items():
        target, errors = validate_target(good | change, store)
        assert target is None and [e.field for e in errors] == [field]
    _, [err] = validate_target(good | cases["baseline_year"], store)
    assert err.code == "baseline_no_data" and err.value == "2024"
    named, errors = validate_target(good | {"area": "Tarwewijk"}, store)
    assert errors == [] and named.area == "BU05991571"


def test_save_round_trip_and_an_invalid_edit_changes_nothing(store):
    data_dir = get_settings().data_dir
    before = [x.key for x in all_targets(data_dir, store.catalogue)]
    raw = {"key": "wonen_corporatie", "pillar": "wonen", "indicator": "pct_huur_corporatie",
           "area": "ZUID0599", "rule": "rotterdam", "baseline_year": "2016",
           "target_year": "2030", "fixed_value": None, "text_nl": "Eigen doel",
           "text_en": "Own target"}
    done = submit(raw, store, "nl", editor="test-editor")
    assert done.ok and done.key == "wonen_corporatie"
    merged = all_targets(data_dir, store.catalogue)
    assert [x.key for x in merged] == before  # the default is replaced, not added
    edited = next(x for x in merged if x.key == "wonen_corporatie")
    assert (edited.origin, edited.rule, edited.baseline_year) == ("override", "rotterdam", 2016)

    bad = submit(raw | {"baseline_year": "2019", "rule": "g4"}, store, "en",
                 editor="test-editor")
    assert not bad.ok
    assert bad.messages[0].startswith("Baseline year:") and "2018, 2024" in bad.messages[0]
    assert saved_targets()[0].baseline_year == 2016 and saved_targets()[0].rule == "rotterdam"

    assert remove("wonen_corporatie", "nl", editor="test-editor").ok
    restored = next(x for x in all_targets(data_dir, store.catalogue)
                    if x.key == "wonen_corporatie")
    assert (restored.origin, restored.rule) == ("default", "g4")
    # nothing saved under that key any more
    assert not remove("wonen_corporatie", "nl", editor="test-editor").ok


def test_focus_wijk_matrix_links_each_cell_to_the_explorer(store, snapshot_dir, defaults):
    targets = list(defaults.values())
    data = matrix(store, targets, "nl")
    assert [r["code"] for r in data["rows"]] == focus_wijken(store)
    assert len(data["rows"]) == 7
    columns = [c["key"] for c in data["columns"]]
    # one column per measure: the three district safety targets share one
    assert "veiligheid_charlois" in columns and "veiligheid_feijenoord" not in columns
    raw = {(r["cbs_buurtcodes_2024"], r["editie"]): float(r["veiligheidsindex"]) for r in _csv(
        snapshot_dir, "rotterdam/wijkprofiel/wijkprofiel_indices_2014-2026_zuid.csv")}
    col = columns.index("veiligheid_charlois")
    for row in data["rows"]:
        cell = row["cells"][col]
        query = {k: v[0] for k, v in parse_qs(urlparse(cell["href"]).query).items()}
        state = parse_state(query, store)
        assert state.notices == []
        assert (state.state.indicator, state.state.selected, state.state.level) == (
            "veiligheidsindex", (row["code"],), "buurt")
        base, last = raw[(row["code"], "2014")], raw[(row["code"], "2026")]
        assert cell["year"] == 2026 and cell["value"] == f"{last:.0f}"
        path = base + (100 - base) * (2026 - 2014) / (2031 - 2014)
        assert cell["status"] == (MET if last >= 100 else ON_TRACK if last >= path
                                  else OFF_TRACK), row["name"]


def test_export_has_date_years_and_rules(store):
    content, name = export_file(store, get_settings().data_dir, "csv", "en", date(2026, 5, 1))
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert name == "nprz-doelen-2026-05-01.csv"
    by_key = {r["target"]: r for r in rows}
    assert set(r["exported_on"] for r in rows) == {"2026-05-01"}
    bijstand = by_key["werk_bijstand"]
    assert bijstand["data_years_used"] == "2015, 2024" and bijstand["rule"] == \
        "rotterdam_excl_zuid"
    assert bijstand["rule_text"] == "reach the average of Rotterdam excluding Zuid"
    assert by_key["school_opleiding_laag"]["latest_value"] == ""  # missing stays empty
    xlsx, name = export_file(store, get_settings().data_dir, "xlsx", "nl", date(2026, 5, 1))
    assert xlsx[:2] == b"PK" and name.endswith(".xlsx")


def test_a_broken_defaults_file_or_a_vanished_area_does_not_break_the_page(store, tmp_path):
    from dashboard.targets.db import save_target
    from dashboard.targets.form import load_targets
    from dashboard.targets.report import area_series

    gone = _target(key="oud_gebied", area="BU05999999", origin="user")
    # e.g. an area of an older build; saved before the store changed
    save_target(gone, editor="test-editor")
    (tmp_path / "targets.yaml").write_text("targets:\n  - {key: x}\n")
    targets, notices = load_targets(store, tmp_path, "en")
    assert [x.key for x in targets] == ["oud_gebied"]
    assert notices[0].startswith("The default targets could not be read:")
    assert "targets.yaml" in notices[0]
    res = evaluate(store, gone)
    assert (res.assessment.status, res.assessment.reason) == (NO_DATA, "no_baseline")
    assert area_series(store, "BU05999999", "pct_huur_corporatie").empty
