"""The audit trail on SQLite and PostgreSQL: every change recorded with who, when, before
and after, in the same transaction as the change; the history as a formula-safe CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa

from dashboard import db
from dashboard.auth.audit import Change, changes, history_csv, last_changes
from dashboard.projects.db import count_activities, save_activities
from dashboard.targets.db import delete_target, save_target, saved_targets
from dashboard.targets.model import Target
from tests.databases import refuse

# Test data: a target and an activity made up for these tests.
TARGET = Target("werk_test", "werk", "bijstand_per_1000_15_64", "ZUID0599", "g4", 2015, 2031,
                text_nl="=1+1")
ACTIVITY = {"project": "Testproject", "name": "@Buurtlunch", "pillar": "werk",
            "start_date": date(2024, 2, 1), "area_codes": "BU05991572", "postcode": None,
            "lat": None, "lon": None}


@pytest.fixture
def database(db_url):
    return db.Database(db_url)


def test_add_update_delete_are_recorded_with_before_and_after(database):
    save_target(TARGET, database, editor="anna")
    save_target(Target(**{**TARGET.as_record(), "rule": "rotterdam"}), database, editor="bert")
    delete_target("werk_test", database, editor="anna")
    added, updated, deleted = changes("target", "werk_test", database)
    assert [(c.actor, c.action) for c in (added, updated, deleted)] == [
        ("anna", "add"), ("bert", "update"), ("anna", "delete")]
    assert added.before is None and added.after["rule"] == "g4"
    assert (updated.before["rule"], updated.after["rule"]) == ("g4", "rotterdam")
    assert deleted.before["rule"] == "rotterdam" and deleted.after is None
    assert added.local_time().tzinfo is not None
    assert abs((datetime.now(UTC) - added.local_time()).total_seconds()) < 600
    assert last_changes("target", database)["werk_test"].action == "delete"


def test_a_change_whose_audit_row_fails_is_not_stored(database):
    refuse(database, "audit", "INSERT")  # the audit table refuses (a full disk, say)
    with pytest.raises(sa.exc.DBAPIError, match="refused"):
        save_target(TARGET, database, editor="anna")
    assert saved_targets(database) == []
    with pytest.raises(sa.exc.DBAPIError, match="refused"):
        save_activities([ACTIVITY], database, editor="anna", label="a.csv")
    assert count_activities(database) == 0


def test_a_refused_change_leaves_no_audit_row(database):
    save_target(TARGET, database, editor="anna")
    refuse(database, "targets", "DELETE")
    with pytest.raises(sa.exc.DBAPIError, match="refused"):
        delete_target("werk_test", database, editor="bert")
    assert [c.actor for c in changes("target", "werk_test", database)] == ["anna"]
    assert [x.key for x in saved_targets(database)] == ["werk_test"]


def test_an_upload_is_recorded_once_and_a_repeat_adds_no_row(database):
    assert save_activities([ACTIVITY], database, editor="anna", label="lijst.csv") == (1, 0)
    assert save_activities([ACTIVITY], database, editor="bert", label="lijst.csv") == (0, 1)
    [upload] = changes("upload", db=database)
    assert (upload.actor, upload.key, upload.after["saved"]) == ("anna", "lijst.csv", 1)
    assert upload.after["activities"][0].startswith("Testproject: @Buurtlunch (")


def test_history_csv_has_one_row_per_changed_field_and_is_formula_safe(database):
    save_target(TARGET, database, editor="=anna")
    save_target(Target(**{**TARGET.as_record(), "target_year": 2030}), database,
                editor="bert")
    rows = list(csv.DictReader(io.StringIO(
        history_csv(changes("target", "werk_test", database), "nl").decode("utf-8-sig"))))
    added = [r for r in rows if r["actie"] == "toegevoegd"]
    assert {r["veld"] for r in added} >= {"key", "rule", "text_nl", "target_year"}
    assert {r["redacteur"] for r in added} == {"'=anna"}
    assert next(r for r in added if r["veld"] == "text_nl")["na"] == "'=1+1"
    [changed] = [r for r in rows if r["actie"] == "gewijzigd"]
    assert (changed["veld"], changed["voor"], changed["na"]) == ("target_year", "2031", "2030")


def test_the_changed_line_is_in_rotterdam_time_in_both_languages():
    summer = Change(datetime(2026, 7, 1, 12, 5), "anna", "target", "k", "update", {}, {})
    assert summer.line("nl") == "Laatst gewijzigd door anna op 1 juli 2026 om 14:05"
    winter = Change(datetime(2026, 1, 3, 23, 30, tzinfo=UTC), "bert", "target", "k", "add",
                    None, {})
    assert winter.line("en") == "Last changed by bert on 4 January 2026 at 00:30"
