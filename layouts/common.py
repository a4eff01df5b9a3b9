"""Pieces every page shares: the site navigation, with the date of the data served, and the
"no store yet" page.

Each page passes its own name as ``current`` (marked ``aria-current``) and, if it has
one, its language switch, which keeps that page's URL parameters.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

from dash import dcc, html

from dashboard import ids, pages
from dashboard.auth.web import csrf_token, current_editor, signin_url
from dashboard.formatting import format_date
from dashboard.i18n import LANGS, parse_lang, t
from dashboard.store import Store, StoreNotFound, get_store, serving_stale

#: (page name, path, text key) in menu order.
SITE_PAGES = (
    ("explorer", pages.EXPLORER, "nav.explorer"),
    ("targets", pages.TARGETS, "nav.targets"),
    ("projects", pages.PROJECTS, "nav.projects"),
    ("compare", pages.COMPARE, "nav.compare"),
    ("indicators", pages.INDICATORS, "nav.indicators"),
    ("data", pages.DATA, "nav.data"),
)


def site_nav(lang: str, current: str | None, extra: list | None = None) -> html.Div:
    """Return the skip link and the site menu in ``lang``, with ``current`` marked as the open
    page.

    Parameters
    ----------
    lang : str
        ``"nl"`` or ``"en"``; every link keeps it.
    current : str or None
        A page name of ``SITE_PAGES`` (not a link), or None when no menu item is open.
    extra : list, optional
        Components appended to the menu (e.g. the page's language switch).
    """
    items = []
    here = pages.EXPLORER
    for name, path, key in SITE_PAGES:
        here = path if name == current else here
        if name == current:
            items.append(html.Strong(t(key, lang), className="nav-link nav-current",
                                     **{"aria-current": "page"}))
        else:
            items.append(dcc.Link(t(key, lang), href=f"{path}?lang={lang}",
                                  className="nav-link"))
    auth = [] if current == "signin" else [auth_control(lang, f"{here}?lang={lang}")]
    nav = html.Nav([*items, *(extra or []), *data_date(lang), *auth], id=ids.NAV_BAR,
                   className="nav", **{"aria-label": t("nav.label", lang)})
    # The skip link is the page's first Tab stop; it lands after the menu, on the content.
    return html.Div([html.A(t("access.skip", lang), href=f"#{ids.NAV_CONTENT}", id=ids.NAV_SKIP,
                            className="skip-link"),
                     nav, html.Div(id=ids.NAV_CONTENT, tabIndex="-1", className="content-start")],
                    className="site-top")


def auth_control(lang: str, next_path: str) -> html.Div:
    """"Aanmelden" (a link), or "Aangemeld als …" with a sign-out button.

    Signing out is a POST with the session's CSRF token, so another site cannot sign
    someone out; ``next_path`` is where the person lands afterwards.
    """
    editor = current_editor()
    if editor is None:
        body = [dcc.Link(t("auth.signin", lang), href=signin_url(lang, next_path),
                         className="nav-link nav-signin")]
    else:
        body = [html.Span(t("auth.signed_in_as", lang, name=editor), className="nav-editor"),
                html.Form([*form_fields(lang, next_path),
                           html.Button(t("auth.signout", lang), type="submit",
                                       id=ids.AUTH_SIGNOUT, className="nav-signout-button")],
                          action=pages.SIGNOUT_POST, method="post", className="nav-signout")]
    return html.Div(body, id=ids.NAV_AUTH, className="nav-auth")


def form_fields(lang: str, next_path: str) -> list:
    """The hidden fields of the sign-in and sign-out forms: the session's CSRF token, the
    language, and where to go afterwards."""
    return [dcc.Input(type="hidden", name="csrf_token", value=csrf_token()),
            dcc.Input(type="hidden", name="lang", value=lang),
            dcc.Input(type="hidden", name="next", value=next_path)]


def data_date(lang: str) -> list:
    """"Data as of <date>" of the store being served (its build date), or nothing.

    The menu shows it on every page, so after a failed update people can see how old
    the figures they look at are. Without a store there is no date to show.

    Parameters
    ----------
    lang : str
        ``"nl"`` (``14 september 2026``) or ``"en"`` (``14 September 2026``).

    Returns
    -------
    list
        One ``html.Span`` (class ``nav-data-date``), or an empty list.
    """
    try:
        built = get_store().manifest.get("built_at")
    except (StoreNotFound, OSError, ValueError):
        return []
    if not built:
        return []
    date = format_date(built, lang)
    out = [html.Span(t("nav.data_as_of", lang, date=date), className="nav-data-date")]
    if serving_stale():
        # A newer store failed to open: say so on every page, with the date of what is shown.
        out.append(html.Span(t("nav.stale", lang, date=date), className="nav-stale",
                             role="status"))
    return out


def open_store(query: Mapping) -> tuple[Store | None, html.Main | None]:
    """Return ``(store, None)``, or ``(None, page)`` with the "no store yet" page.

    Every data page starts with this, so a missing store reads the same everywhere.
    """
    try:
        return get_store(), None
    except StoreNotFound:
        lang, notice = parse_lang(query.get("lang"))
        return None, render_no_store(lang, notice, query)


def not_found(**query) -> html.Main:
    """The page of an unknown address (Dash's ``not_found_404`` page), in the language of
    the URL's ``lang`` parameter; the HTTP status is 404 (dashboard/security.py)."""
    lang, _ = parse_lang(query.get("lang"))
    return html.Main([html.Header(site_nav(lang, None), className="page-header"),
                      html.H1(t("notfound.title", lang)), html.P(t("notfound.body", lang))],
                     lang=lang, className="page")


def other_lang(lang: str) -> str:
    """The language the switch offers: English on a Dutch page, Dutch on an English one."""
    return "en" if lang == "nl" else "nl"


def lang_switch(lang: str, href: str, cid: str | None = None) -> html.A:
    """The link to this page in the other language (``href`` keeps the page's view)."""
    other = other_lang(lang)
    extra = {"id": cid} if cid else {}
    return html.A(t(f"lang.switch_{other}", lang), href=href, hrefLang=other, lang=other,
                  className="lang-link", **extra)


BUILD_COMMAND = "python -m dashboard build"
LANG_NAMES = {"nl": "Nederlands", "en": "English"}


def render_no_store(lang: str, notice: str | None = None,
                    query: Mapping | None = None) -> html.Main:
    """The maintenance page, shown when there is no data to serve (none built yet, or the
    store fails to open and no earlier one was served): what happened and what to do.

    Both languages are shown (the requested one first): whoever sees this may not have
    found the language switch yet. It names no server path or error (those go to the
    log); page requests get it with HTTP 503 (dashboard/security.py).

    Parameters
    ----------
    lang : str
        ``"nl"`` or ``"en"``.
    notice : str or None
        A message to show at the top.
    query : Mapping or None
        Other URL parameters, kept in the language links.

    Returns
    -------
    dash.html.Main
        The page.
    """
    order = [lang, *(code for code in LANGS if code != lang)]
    blocks = []
    for code in order:
        head = html.H1 if code == lang else html.H2
        blocks.append(html.Div([
            head(t("nostore.title", code)), html.P(t("nostore.body", code)),
            html.P([t("nostore.howto", code), " ", html.Code(BUILD_COMMAND)]),
        ], lang=code, className="no-store-block"))
    body = [html.Div(blocks, id=ids.HOME_NO_STORE, className="no-store", role="alert")]
    # no menu item is open: the maintenance page stands in for whichever page was asked for
    return data_page(lang, notice, query, body, current=None)


def data_page(lang: str, notice: str | None, query: Mapping | None, body: list,
              current: str | None = "data") -> html.Main:
    """The /data page's frame (site menu with ``current`` marked, language list, notice)
    around ``body``."""
    site = site_nav(lang, current)
    top = [site, _lang_nav(lang, query or {})]
    if notice:
        top.append(html.P(notice, id=ids.HOME_LANG_NOTICE, className="notice", role="status"))
    return html.Main([html.Header(top, className="page-header"), *body],
                     id=ids.HOME_PAGE, lang=lang, className="page")


def _kept(query: Mapping) -> dict:
    # The language links keep the page's other parameters, but never echo a huge or odd one.
    return {k: v for k, v in query.items()
            if isinstance(k, str) and len(k) <= 20 and isinstance(v, str) and len(v) <= 200}


def _lang_nav(lang: str, query: Mapping) -> html.Nav:
    items = []
    for code in LANGS:
        name = LANG_NAMES[code]
        if code == lang:
            item = html.Strong(name, lang=code, **{"aria-current": "page"})
        else:
            href = "?" + urlencode({**_kept(query), "lang": code}, doseq=True)
            item = html.Span(dcc.Link(name, href=href), lang=code)
        items.append(html.Li(item))
    return html.Nav(html.Ul(items, className="lang-list"), id=ids.HOME_LANG_NAV,
                    className="lang-nav", **{"aria-label": t("lang.nav", lang)})
