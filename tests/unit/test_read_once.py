"""What a request asks for several times is read once while it has not changed: the
stored activities (every explorer answer that shows projects) and the settings."""

from __future__ import annotations

import datetime

import sqlalchemy as sa

from dashboard.db import get_database
from dashboard.projects.db import read_activities, save_activities
from dashboard.settings import get_settings


def _row(name: str) -> dict:  # test data
    return {"project": "Test-data", "name": name, "pillar": "werk",
            "start_date": datetime.date(2022, 3, 1), "postcode": None,
            "area_codes": "BU05991572", "lat": None, "lon": None}


def _statements(db) -> list[str]:
    seen: list[str] = []
    sa.event.listen(db.engine, "before_cursor_execute",
                    lambda conn, cursor, statement, *rest: seen.append(statement))
    return seen


def test_activities_are_read_again_only_when_some_were_added(db_url):
    db = get_database(db_url)
    assert read_activities(db) == []
    save_activities([_row("Eerste")], db=db, editor="test-editor")
    assert [p.name for p in read_activities(db)] == ["Eerste"]
    seen = _statements(db)
    again = read_activities(db)
    assert [p.name for p in again] == ["Eerste"]
    selects = [s for s in seen if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 1 and "count" in selects[0].lower()  # only what identifies them
    again.clear()  # a caller's list is its own
    save_activities([_row("Tweede")], db=db, editor="test-editor")
    assert [p.name for p in read_activities(db)] == ["Eerste", "Tweede"]


def test_settings_follow_the_environment(monkeypatch):
    monkeypatch.setenv("DASHBOARD_GEMEENTE", "GM0599")
    first = get_settings()
    assert get_settings() is first
    monkeypatch.setenv("DASHBOARD_GEMEENTE", "gm0363")
    assert get_settings().gemeente == "GM0363"
    assert get_settings({"DASHBOARD_GEMEENTE": "GM0518"}).gemeente == "GM0518"
    monkeypatch.delenv("DASHBOARD_GEMEENTE")
    assert get_settings().gemeente == "GM0599"
