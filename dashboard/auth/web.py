"""Sessions on the Flask server: the signed cookie, CSRF tokens, sign-in and sign-out.

The session lives in Flask's cookie, signed with ``DASHBOARD_SECRET_KEY`` (no server-side
state, so any instance behind a proxy can answer). Outside debug mode the app refuses to
start without that secret rather than sign cookies with a guessable default.

CSRF: the raw token sits in the session; a signed copy goes to the ``_csrf_token`` cookie,
which dash-renderer reads and sends back as the ``X-CSRFToken`` header with every callback
(``getCSRFHeader`` in dash-renderer; ``csrf_token_name``/``csrf_header_name`` of
``dash.Dash``). A cross-site page can make the browser send cookies but cannot read them,
so it cannot send the header. The sign-in and sign-out forms carry the token as a field.

Sign-in is throttled per client address with Flask-Limiter (in-memory counters: each
process counts for itself; see the README).
"""

from __future__ import annotations

import logging
import secrets
from datetime import timedelta
from urllib.parse import urlencode, urlsplit

from flask import has_request_context, redirect, request, session
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import ValidationError, generate_csrf, validate_csrf

from dashboard import pages
from dashboard.auth.accounts import get_account, verify
from dashboard.i18n import LANGS, normalise_lang, t
from dashboard.settings import get_settings

LOG = logging.getLogger(__name__)

#: The cookie and header names dash-renderer uses by default.
CSRF_COOKIE = "_csrf_token"
CSRF_HEADER = "X-CSRFToken"
#: Per client address; a person who mistypes a few times is not locked out for long.
SIGNIN_LIMIT = "5 per minute;30 per hour"
SESSION_HOURS = 12
_STATIC = ("/_dash-component-suites/", "/assets/", "/_favicon.ico", "/_reload-hash")


class SecretMissing(RuntimeError):
    """The app cannot sign session cookies: no usable ``DASHBOARD_SECRET_KEY``."""


def _secret(debug: bool, secret: str) -> str:
    if not secret and debug:
        LOG.warning("DASHBOARD_SECRET_KEY is not set: using a random key for this process "
                    "(debug mode only; sessions end when it stops)")
        return secrets.token_urlsafe(48)
    if len(secret) < 32:
        raise SecretMissing(
            "DASHBOARD_SECRET_KEY is " + ("not set" if not secret else "shorter than 32 "
                                          "characters") + ": the app will not sign sessions "
            "with a guessable key. `make run` creates one in .secret_key; or set one made "
            "with: python -c 'import secrets; print(secrets.token_urlsafe(48))'")
    return secret


def install(app) -> None:
    """Configure sessions, CSRF, throttling and the sign-in routes on ``app.server``.

    Parameters
    ----------
    app : dash.Dash
        The app; its Flask server gets the secret key, cookie settings, the routes
        :data:`dashboard.pages.SIGNIN_POST` and :data:`dashboard.pages.SIGNOUT_POST`,
        and an ``after_request`` hook that keeps the CSRF cookie current.

    Raises
    ------
    SecretMissing
        Outside debug mode, when ``DASHBOARD_SECRET_KEY`` is unset or too short.
    """
    settings = get_settings()
    server = app.server
    server.secret_key = _secret(settings.debug, settings.secret_key)
    server.config.update(
        SESSION_COOKIE_NAME="dashboard_session", SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax", SESSION_COOKIE_SECURE=settings.secure_cookies,
        PERMANENT_SESSION_LIFETIME=timedelta(hours=SESSION_HOURS),
        # The token lives as long as the session; a page left open for an hour still saves.
        WTF_CSRF_TIME_LIMIT=None)
    if settings.proxies:
        from werkzeug.middleware.proxy_fix import ProxyFix

        server.wsgi_app = ProxyFix(server.wsgi_app, x_for=settings.proxies,
                                   x_proto=settings.proxies, x_host=settings.proxies)
    limiter = Limiter(get_remote_address, app=server, storage_uri="memory://",
                      default_limits=[])
    server.add_url_rule(pages.SIGNIN_POST, "auth_sign_in",
                        limiter.limit(SIGNIN_LIMIT, methods=["POST"])(_sign_in),
                        methods=["POST"])
    server.add_url_rule(pages.SIGNOUT_POST, "auth_sign_out", _sign_out, methods=["POST"])
    server.register_error_handler(429, _throttled)
    server.after_request(_csrf_cookie)


def csrf_token() -> str:
    """The signed CSRF token of this request's session (for a form's hidden field)."""
    return generate_csrf()


def csrf_ok(token: object) -> bool:
    """Whether ``token`` is the signed CSRF token of this request's session."""
    try:
        validate_csrf(token if isinstance(token, str) else None)
    except ValidationError:
        return False
    return True


def _csrf_cookie(response):
    if request.path.startswith(_STATIC) or csrf_ok(request.cookies.get(CSRF_COOKIE)):
        return response
    # Readable by the page's script (not HttpOnly): dash-renderer copies it into a header.
    response.set_cookie(CSRF_COOKIE, generate_csrf(), samesite="Lax", path="/",
                        secure=get_settings().secure_cookies, httponly=False)
    return response


def current_editor() -> str | None:
    """The editor making this request, or None (signed out, or no request at all).

    A name in the trusted proxy header (only when ``DASHBOARD_TRUSTED_USER_HEADER`` is
    set) counts if it has an account. Otherwise the session's name counts while its
    account exists with the password it signed in with.
    """
    if not has_request_context():
        return None
    header = get_settings().trusted_user_header
    if header and (name := request.headers.get(header, "").strip()):
        account = get_account(name)
        return account.name if account else None
    name = session.get("editor")
    if not name:
        return None
    account = get_account(name)
    if account is None or account.fingerprint != session.get("editor_fp"):
        return None
    return account.name


def safe_next(value: object, lang: str) -> str:
    """A local path to return to after signing in or out (never another site)."""
    text = value if isinstance(value, str) else ""
    parts = urlsplit(text)
    if (len(text) > 500 or not text.startswith("/") or text.startswith("//")
            or "\\" in text or parts.scheme or parts.netloc):
        return f"{pages.TARGETS}?lang={lang}"
    return text


def signin_url(lang: str, next_path: str | None = None, error: str | None = None) -> str:
    """The sign-in page's URL, returning to ``next_path``, showing ``error`` if given."""
    query = {"lang": lang, "next": next_path, "error": error}
    return f"{pages.SIGNIN}?{urlencode({k: v for k, v in query.items() if v})}"


def _form_lang() -> str:
    lang = request.form.get("lang", "")
    return lang if lang in LANGS else normalise_lang(None)


def _sign_in():
    lang = _form_lang()
    target = safe_next(request.form.get("next"), lang)
    if not csrf_ok(request.form.get("csrf_token")):
        return redirect(signin_url(lang, target, "csrf"), 303)
    name = request.form.get("username", "").strip()
    password = request.form.get("password", "")
    account = verify(name, password) if len(name) <= 80 and len(password) <= 1024 else None
    if account is None:
        LOG.warning("sign-in refused for %r from %s", name[:80], request.remote_addr)
        return redirect(signin_url(lang, target, "failed"), 303)
    session.pop("csrf_token", None)  # a new token for the signed-in session
    session.update(editor=account.name, editor_fp=account.fingerprint)
    session.permanent = True
    LOG.info("editor %s signed in", account.name)
    return redirect(target, 303)


def _sign_out():
    lang = _form_lang()
    target = safe_next(request.form.get("next"), lang)
    if csrf_ok(request.form.get("csrf_token")):
        session.pop("editor", None)
        session.pop("editor_fp", None)
        session.pop("csrf_token", None)
    return redirect(target, 303)


def _throttled(_exc):
    lang = _form_lang() if has_request_context() else "nl"
    body = (f'<!DOCTYPE html><html lang="{lang}"><meta charset="utf-8">'
            f"<title>{t('auth.signin', lang)}</title>"
            f"<p>{t('auth.error.throttled', lang)}</p>"
            f'<p><a href="{signin_url(lang)}">{t("auth.signin", lang)}</a></p></html>')
    return body, 429, {"Content-Type": "text/html; charset=utf-8", "Retry-After": "60"}
