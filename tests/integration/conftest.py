"""Fixtures of the integration tests."""

from __future__ import annotations

import pytest

from tests.dash_client import DashClient
from tests.editor import sign_in


@pytest.fixture()
def dash_client(built_store, monkeypatch):
    """The whole app on the real store, driven through Dash's HTTP endpoints."""
    monkeypatch.setenv("DASHBOARD_STORE", str(built_store))
    from app import create_app

    return DashClient(create_app().server.test_client())


@pytest.fixture()
def editor_client(built_store, monkeypatch):
    """Like ``dash_client``, signed in as a test editor (with the CSRF header)."""
    monkeypatch.setenv("DASHBOARD_STORE", str(built_store))
    from app import create_app

    client = create_app().server.test_client()
    return DashClient(client, headers=sign_in(client))
