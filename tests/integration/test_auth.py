"""Signing in and out through the real app (Flask test client), and the server-side check
on every write callback: no editor or no CSRF header means nothing is written."""

from __future__ import annotations

import pytest

from dashboard import ids, pages
from dashboard.auth.accounts import add_account, set_password
from dashboard.auth.audit import changes
from dashboard.auth.web import CSRF_HEADER, SecretMissing, safe_next
from dashboard.targets.db import saved_targets
from tests.dash_client import DashClient, texts
from tests.editor import EDITOR, PASSWORD, csrf_cookie, sign_in

FIELDS = {"key": "werk_eigen", "pillar": "werk", "indicator": "bijstand_per_1000_15_64",
          "area": "ZUID0599", "rule": "g4", "fixed_value": None, "baseline_year": 2015,
          "target_year": 2031, "text_nl": "", "text_en": ""}  # test data


@pytest.fixture
def app(built_store, monkeypatch):
    monkeypatch.setenv("DASHBOARD_STORE", str(built_store))
    monkeypatch.delenv("DASHBOARD_DEBUG", raising=False)
    from app import create_app

    return create_app()


def _save(client, headers=None) -> str:
    """Fire the targets form's save callback directly, as a forged request would."""
    dash = DashClient(client, headers=headers or {})
    dash.deps = client.get("/_dash-dependencies").get_json()
    for field, value in FIELDS.items():
        dash.props[(ids.TARGETS_FORM_FIELDS[field], "value")] = value
    dash.props[(ids.TARGETS_LANG, "data")] = "nl"
    [call] = dash.change(ids.TARGETS_FORM_SAVE, "n_clicks", 1)
    return " ".join(texts(call.response["response"][ids.TARGETS_FORM_MESSAGE]["children"]))


def test_no_secret_no_start_outside_debug(monkeypatch):
    from app import create_app

    monkeypatch.delenv("DASHBOARD_SECRET_KEY")
    monkeypatch.delenv("DASHBOARD_DEBUG", raising=False)
    with pytest.raises(SecretMissing, match="DASHBOARD_SECRET_KEY is not set"):
        create_app()
    monkeypatch.setenv("DASHBOARD_SECRET_KEY", "too-short")
    with pytest.raises(SecretMissing, match="shorter than 32"):
        create_app()
    monkeypatch.setenv("DASHBOARD_SECRET_KEY", "")
    monkeypatch.setenv("DASHBOARD_DEBUG", "1")
    assert create_app().server.secret_key  # development only: a random key


def test_signed_out_a_forged_save_is_refused_and_nothing_stored(app):
    client = app.server.test_client()
    client.get(pages.TARGETS)
    message = _save(client, {CSRF_HEADER: csrf_cookie(client)})
    assert message == ("Niet opgeslagen: alleen een aangemelde redacteur kan dit wijzigen. "
                       "Meld u aan en probeer het opnieuw.")
    assert saved_targets() == [] and changes("target") == []


def test_signed_in_without_the_csrf_header_is_refused(app):
    client = app.server.test_client()
    sign_in(client)
    assert _save(client).startswith("Niet opgeslagen: deze wijziging kwam niet van een")
    assert _save(client, {CSRF_HEADER: "forged"}).startswith("Niet opgeslagen: deze")
    assert saved_targets() == []


def test_signed_in_with_the_header_saves_and_records_the_editor(app):
    client = app.server.test_client()
    message = _save(client, sign_in(client))
    assert "werk_eigen" in message
    assert [x.key for x in saved_targets()] == ["werk_eigen"]
    [change] = changes("target", "werk_eigen")
    assert (change.actor, change.action, change.after["rule"]) == (EDITOR, "add", "g4")


def test_a_new_password_ends_the_old_session(app):
    client = app.server.test_client()
    headers = sign_in(client)
    set_password(EDITOR, "een heel ander wachtwoord")
    assert _save(client, headers).startswith("Niet opgeslagen: alleen een aangemelde")
    assert saved_targets() == []


def test_sign_in_refusals_and_sign_out(app):
    client = app.server.test_client()
    add_account(EDITOR, PASSWORD)
    client.get(pages.SIGNIN)
    form = {"username": EDITOR, "password": PASSWORD, "lang": "en", "next": "/projecten"}
    bad = client.post(pages.SIGNIN_POST, data=form | {"csrf_token": "forged"})
    assert bad.status_code == 303 and "error=csrf" in bad.headers["Location"]
    wrong = client.post(pages.SIGNIN_POST, data=form | {"password": "wrong password!",
                                                       "csrf_token": csrf_cookie(client)})
    assert "error=failed" in wrong.headers["Location"]
    assert "lang=en" in wrong.headers["Location"]
    good = client.post(pages.SIGNIN_POST, data=form | {"csrf_token": csrf_cookie(client)})
    assert good.headers["Location"] == "/projecten"
    client.get("/projecten")
    out = client.post(pages.SIGNOUT_POST, data={"csrf_token": csrf_cookie(client),
                                                "next": "/doelen?lang=en", "lang": "en"})
    assert out.headers["Location"] == "/doelen?lang=en"
    client.get(pages.TARGETS)
    assert _save(client, {CSRF_HEADER: csrf_cookie(client)}).startswith("Niet opgeslagen")


def test_sign_in_is_throttled_per_address(app):
    client = app.server.test_client()
    client.get(pages.SIGNIN)
    form = {"username": "iemand", "password": "geraden wachtwoord", "lang": "nl",
            "csrf_token": csrf_cookie(client)}
    answers = [client.post(pages.SIGNIN_POST, data=form).status_code for _ in range(6)]
    assert answers == [303] * 5 + [429]
    refused = client.post(pages.SIGNIN_POST, data=form)
    assert refused.status_code == 429 and refused.headers["Retry-After"] == "60"
    assert "Te veel aanmeldpogingen" in refused.get_data(as_text=True)


def test_the_csrf_cookie_is_readable_by_the_page_and_the_session_is_not(app):
    client = app.server.test_client()
    response = client.get(pages.TARGETS)
    cookies = response.headers.getlist("Set-Cookie")
    csrf = next(c for c in cookies if c.startswith("_csrf_token="))
    session = next(c for c in cookies if c.startswith("dashboard_session="))
    assert "HttpOnly" not in csrf and "SameSite=Lax" in csrf
    assert "HttpOnly" in session and "SameSite=Lax" in session


def test_a_trusted_proxy_header_counts_only_when_configured(built_store, monkeypatch):
    monkeypatch.setenv("DASHBOARD_STORE", str(built_store))
    from app import create_app

    add_account("sso.anna", None)
    client = create_app().server.test_client()
    client.get(pages.TARGETS)
    headers = {CSRF_HEADER: csrf_cookie(client), "X-Remote-User": "sso.anna"}
    assert _save(client, headers).startswith("Niet opgeslagen: alleen")  # not configured
    monkeypatch.setenv("DASHBOARD_TRUSTED_USER_HEADER", "X-Remote-User")
    assert _save(client, headers | {"X-Remote-User": "onbekend"}).startswith("Niet opgeslagen")
    assert "werk_eigen" in _save(client, headers)
    assert changes("target", "werk_eigen")[0].actor == "sso.anna"


@pytest.mark.parametrize("value", ["https://evil.example/", "//evil.example/x", "/\\evil",
                                   "javascript:alert(1)", "", None, "x" * 600])
def test_after_signing_in_only_local_pages(value):
    assert safe_next(value, "nl") == "/doelen?lang=nl"
    assert safe_next("/projecten?lang=en", "nl") == "/projecten?lang=en"
