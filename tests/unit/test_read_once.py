"""What a request asks for several times is read once while it has not changed: the
stored activities (every explorer answer that shows projects) and the settings."""

from __future__ import annotations

import datetime
import re

import sqlalchemy as sa

from dashboard.db import get_database
from dashboard.projects.db import read_activities, save_activities
from dashboard.projects.registry import load_projects
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


def test_the_explorers_project_list_is_bounded(store):
    from dash import html

    from dashboard.explorer.state import ExplorerState
    from dashboard.projects.layer import Layer
    from dashboard.projects.panels import MAX_LISTED, map_outputs

    # test data: more activities in one buurt than the list beside the map shows
    save_activities([_row(f"Testactiviteit {i}") for i in range(MAX_LISTED + 70)],
                    editor="test-editor")
    state = ExplorerState("bijstand_per_1000_15_64", 2022, "buurt", "GM0599",
                          selected=("BU05991572",))
    listing, _ = map_outputs(store, state, Layer())
    lists = [c for c in listing if isinstance(c, html.Ul)]
    assert len(lists[0].children) == MAX_LISTED  # the buurt's own group comes first
    assert all(len(u.children) <= MAX_LISTED for u in lists)
    more = [c.children for c in listing if isinstance(c, html.P) and "meer" in str(c.children)]
    # the 120 test activities plus the registry's projects that cover the buurt
    left = int(re.search(r"nog (\d+) meer", more[0].children).group(1))
    assert 70 <= left <= 70 + len(load_projects())
    assert more[0].href == "/projecten?lang=nl"
