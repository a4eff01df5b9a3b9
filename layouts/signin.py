"""The sign-in page (/aanmelden): a plain form posted to the server's sign-in route.

The form is a real HTML form (not a callback), so the browser's password manager works
and the password never passes through Dash. ``?error=`` shows why the last attempt failed;
``?next=`` is where a successful sign-in returns to.
"""

from __future__ import annotations

from urllib.parse import urlencode

from dash import dcc, html

from dashboard import ids, pages
from dashboard.auth.web import current_editor, safe_next
from dashboard.i18n import parse_lang, t
from layouts.common import form_fields, lang_switch, other_lang, site_nav

PATH = pages.SIGNIN
ERRORS = ("failed", "csrf", "throttled")


def _first(value) -> str:
    return str((value[0] if value else "") if isinstance(value, list) else (value or ""))


def _form(lang: str, next_path: str) -> html.Form:
    def field(key: str, cid: str, **props) -> html.Div:
        return html.Div([html.Label(t(f"auth.{key}", lang), htmlFor=cid),
                         dcc.Input(id=cid, required=True, **props)], className="control")

    return html.Form([
        *form_fields(lang, next_path),
        field("username", ids.AUTH_USERNAME, name="username", type="text", maxLength=80,
              autoComplete="username"),
        field("password", ids.AUTH_PASSWORD, name="password", type="password",
              maxLength=1024, autoComplete="current-password"),
        html.Button(t("auth.submit", lang), id=ids.AUTH_SUBMIT, type="submit",
                    className="button-primary"),
    ], id=ids.AUTH_FORM, action=pages.SIGNIN_POST, method="post", className="signin-form")


def layout(**query) -> html.Main:
    """The sign-in page for a request's URL parameters."""
    lang, notice = parse_lang(query.get("lang"))
    next_path = safe_next(_first(query.get("next")), lang)
    error = _first(query.get("error"))
    messages = [notice] if notice else []
    if error in ERRORS:
        messages.append(t(f"auth.error.{error}", lang))
    editor = current_editor()
    switch = lang_switch(lang, "?" + urlencode({"lang": other_lang(lang), "next": next_path}))
    body = [html.P(t("auth.already", lang, name=editor)),
            dcc.Link(t("auth.back", lang), href=next_path)] if editor else [
        html.P(t("auth.intro", lang)), _form(lang, next_path)]
    return html.Main([
        site_nav(lang, "signin", [switch]),
        html.H1(t("auth.title", lang)),
        html.Div([html.P(m, className="notice") for m in messages], id=ids.AUTH_MESSAGE,
                 role="alert"),
        *body,
    ], id=ids.AUTH_PAGE, lang=lang, className=f"page signin lang-{lang}")
