"""Targets as data: the defaults file, field checks, merging, the database and exports."""

from __future__ import annotations

import csv
import io
from datetime import date

import openpyxl
import pandas as pd
import pytest
import sqlalchemy as sa

from dashboard import db, ids
from dashboard.catalogue import load_catalogue
from dashboard.i18n import t
from dashboard.targets.db import delete_target, save_target, saved_targets
from dashboard.targets.export import filename, to_csv, to_xlsx
from dashboard.targets.model import (
    PILLARS,
    RULES,
    Target,
    TargetsError,
    check_fields,
    load_default_targets,
    merge_targets,
)
from tests.databases import refuse


@pytest.fixture(scope="module")
def catalogue(repo_root):
    return load_catalogue(repo_root / "data" / "indicators.yaml")


@pytest.fixture
def database(db_url):
    """An empty database on SQLite and on PostgreSQL."""
    return db.Database(db_url)


GOOD = {"key": "werk_test", "pillar": "werk", "indicator": "bijstand_per_1000_15_64",
        "area": "ZUID0599", "rule": "g4", "baseline_year": "2015", "target_year": 2031,
        "fixed_value": None, "text_nl": "proef", "text_en": "test"}


def test_defaults_cover_every_pillar_with_known_indicators(repo_root, catalogue):
    targets = load_default_targets(repo_root / "data" / "targets.yaml", catalogue)
    assert {x.pillar for x in targets} == set(PILLARS)
    assert len({x.key for x in targets}) == len(targets)
    for x in targets:
        assert x.indicator in catalogue and x.rule in RULES
        assert (x.fixed_value is not None) == (x.rule == "fixed")
        assert x.baseline_year < x.target_year
        # each text says which NPRZ aim it approximates, in both languages
        assert "NPRZ" in x.text_nl and "NPRZ" in x.text_en


def test_check_fields_accepts_a_good_target(catalogue):
    target, errors = check_fields(GOOD, catalogue)
    assert errors == []
    assert (target.baseline_year, target.target_year, target.benchmark) == (2015, 2031, "G4")


@pytest.mark.parametrize(("field", "value", "code"), [
    ("key", "Werk Test", "key"),
    ("pillar", "gezondheid", "pillar"),
    ("indicator", "geen_indicator", "indicator"),
    ("area", "ZUID 0599!", "area"),
    ("rule", "nl_average", "rule"),
    ("baseline_year", "twintig", "year"),
    ("target_year", 1990, "year"),
    ("target_year", 2015, "year_order"),
    ("fixed_value", "12", "fixed_not_allowed"),
    ("text_en", "x" * 1001, "text_long"),
])
def test_check_fields_names_the_wrong_field(catalogue, field, value, code):
    target, errors = check_fields({**GOOD, field: value}, catalogue)
    assert target is None
    assert [(e.field, e.code) for e in errors] == [(field, code)]
    message = t(f"targets.err.{code}", "nl", field=t(f"targets.form.{field}", "nl"),
                value=errors[0].value)
    assert message.startswith(t(f"targets.form.{field}", "nl") + ":")


def test_fixed_rule_needs_a_number(catalogue):
    _, errors = check_fields({**GOOD, "rule": "fixed", "fixed_value": ""}, catalogue)
    assert [(e.field, e.code) for e in errors] == [("fixed_value", "fixed_required")]
    target, errors = check_fields({**GOOD, "rule": "fixed", "fixed_value": "99,5"}, catalogue)
    assert errors == [] and target.fixed_value == 99.5 and target.benchmark is None


def test_a_bad_defaults_file_names_file_entry_and_field(tmp_path, catalogue):
    path = tmp_path / "targets.yaml"
    path.write_text("targets:\n  - {key: a_b, pillar: werk, indicator: bijstand,\n"
                    "     area: ZUID0599, rule: g4, baseline_year: 2015, target_year: 2031}\n"
                    "  - {key: c_d, pillar: werk, indicator: bijstand,\n"
                    "     area: ZUID0599, rule: g5, baseline_year: 2015, target_year: 2031}\n")
    with pytest.raises(TargetsError, match=r"targets.yaml: entry 2 \(c_d\): field rule"):
        load_default_targets(path, catalogue)
    path.write_text(path.read_text().replace("key: c_d", "key: a_b").replace("g5", "g4"))
    with pytest.raises(TargetsError, match="entry 2: key 'a_b' is used twice"):
        load_default_targets(path, catalogue)


def test_saved_target_overrides_a_default_and_others_follow():
    base = Target("a_b", "werk", "bijstand", "ZUID0599", "g4", 2015, 2031)
    other = Target("c_d", "wonen", "woz_waarde", "ZUID0599", "g4", 2014, 2031)
    edited = Target("a_b", "werk", "bijstand", "ZUID0599", "rotterdam", 2016, 2030)
    extra = Target("e_f", "school", "pct_opleiding_laag", "ZUID0599", "g4", 2024, 2031)
    merged = merge_targets([base, other], [extra, edited])
    assert [(x.key, x.origin, x.rule) for x in merged] == [
        ("a_b", "override", "rotterdam"), ("c_d", "default", "g4"), ("e_f", "user", "g4")]


def test_database_round_trip_update_and_delete(database, catalogue):
    target, _ = check_fields(GOOD, catalogue)
    assert save_target(target, database, editor="test-editor") == "added"
    assert saved_targets(database) == [Target(**{**target.as_record()}, origin="user")]
    changed, _ = check_fields({**GOOD, "rule": "rotterdam", "target_year": 2030}, catalogue)
    assert save_target(changed, database, editor="test-editor") == "updated"
    [row] = saved_targets(database)
    assert (row.rule, row.target_year) == ("rotterdam", 2030)
    assert delete_target("werk_test", database, editor="test-editor") is True
    assert delete_target("werk_test", database, editor="test-editor") is False
    assert saved_targets(database) == []


def test_a_failing_save_changes_nothing(database, catalogue):
    target, _ = check_fields(GOOD, catalogue)
    save_target(target, database, editor="test-editor")
    changed = Target(**{**target.as_record(), "pillar": "wonen"})
    refuse(database, "targets", "UPDATE")  # e.g. a constraint or a full disk
    with pytest.raises(sa.exc.DBAPIError, match="refused"):
        save_target(changed, database, editor="test-editor")
    [row] = saved_targets(database)
    assert row.pillar == "werk"


def _table() -> pd.DataFrame:
    return pd.DataFrame({"exported_on": ["2026-05-01", "2026-05-01"],
                         "target": ["=HYPERLINK(\"x\")", "werk_bijstand"],
                         "explanation": ["+1 kwaad", "@SUM(A1)"],
                         "baseline_value": [129.25, None],
                         "latest_year": pd.array([2024, None], dtype="Int64")})


def test_csv_export_is_formula_safe_and_keeps_numbers():
    rows = list(csv.DictReader(io.StringIO(to_csv(_table()).decode("utf-8-sig"))))
    assert rows[0]["target"] == "'=HYPERLINK(\"x\")" and rows[0]["explanation"] == "'+1 kwaad"
    assert rows[1]["explanation"] == "'@SUM(A1)" and rows[1]["target"] == "werk_bijstand"
    assert rows[0]["baseline_value"] == "129.25" and rows[1]["baseline_value"] == ""
    assert rows[0]["latest_year"] == "2024"
    assert filename("csv", date(2026, 5, 1)) == "nprz-doelen-2026-05-01.csv"


def test_excel_export_is_formula_safe_and_dated():
    content = to_xlsx(_table(), "en", date(2026, 5, 1))
    book = openpyxl.load_workbook(io.BytesIO(content))
    sheet = book["status"]
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert row["target"] == "'=HYPERLINK(\"x\")" and sheet.cell(2, 2).data_type == "s"
    assert row["baseline_value"] == 129.25 and row["latest_year"] == 2024
    assert "2026-05-01" in book["info"].cell(1, 1).value


def test_id_builders_are_page_prefixed_and_distinct():
    built = [ids.targets_pillar(p) for p in PILLARS] + [ids.targets_card("werk_bijstand")]
    assert built[1] == "targets-pillar-werk"
    assert ids.targets_card("werk_bijstand") == "targets-card-werk-bijstand"
    assert len(set(built)) == len(built)
    assert ids.targets_show("a_b") == {"type": ids.TARGETS_SHOW, "key": "a_b"}
    assert set(ids.TARGETS_FORM_FIELDS.values()) <= set(ids.all_ids().values())
