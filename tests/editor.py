"""Signing a test client in as an editor, as a browser does: the CSRF cookie from a page,
then the sign-in form. Test data: the account and password exist only in test databases."""

from __future__ import annotations

from urllib.parse import urlencode

from dashboard import ids, pages
from dashboard.auth.accounts import add_account, get_account
from dashboard.auth.web import CSRF_COOKIE, CSRF_HEADER

EDITOR = "redacteur"
PASSWORD = "test-wachtwoord-lang-genoeg"


def csrf_cookie(client) -> str | None:
    """The CSRF cookie a Flask test client holds, or None."""
    cookie = client.get_cookie(CSRF_COOKIE)
    return cookie.value if cookie else None


def sign_in(client, name: str = EDITOR, password: str = PASSWORD) -> dict[str, str]:
    """Create the account if needed, sign ``client`` (a Flask test client) in, and return
    the headers a callback then needs (the CSRF header, as dash-renderer sends it)."""
    if get_account(name) is None:
        add_account(name, password)
    client.get(pages.SIGNIN)
    response = client.post(pages.SIGNIN_POST, data={
        "username": name, "password": password, "csrf_token": csrf_cookie(client),
        "lang": "nl", "next": pages.TARGETS})
    assert response.status_code == 303, response.status_code
    assert "error=" not in response.headers["Location"], response.headers["Location"]
    client.get(pages.TARGETS)  # the new session's CSRF cookie
    return {CSRF_HEADER: csrf_cookie(client)}


def sign_in_page(page, base_url: str, next_path: str = pages.TARGETS + "?lang=nl") -> None:
    """Sign a Playwright ``page`` in as the test editor through the sign-in form; it lands
    on ``next_path`` with "Aangemeld als …" in the menu."""
    from playwright.sync_api import expect

    page.goto(f"{base_url}{pages.SIGNIN}?{urlencode({'lang': 'nl', 'next': next_path})}")
    page.locator(f"#{ids.AUTH_USERNAME}").fill(EDITOR)
    page.locator(f"#{ids.AUTH_PASSWORD}").fill(PASSWORD)
    page.locator(f"#{ids.AUTH_SUBMIT}").click()
    expect(page.locator(f"#{ids.NAV_AUTH}")).to_contain_text(f"Aangemeld als {EDITOR}")
