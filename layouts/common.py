"""Pieces every page shares: the site navigation, with the date of the data served.

Each page passes its own name as ``current`` (marked ``aria-current``) and, if it has
one, its language switch, which keeps that page's URL parameters.
"""

from __future__ import annotations

from collections.abc import Mapping

from dash import dcc, html

from dashboard import ids, pages
from dashboard.formatting import format_date
from dashboard.i18n import parse_lang, t
from dashboard.settings import get_settings
from dashboard.store import Store, StoreNotFound, get_store

#: (page name, path, text key) in menu order.
SITE_PAGES = (
    ("explorer", pages.EXPLORER, "nav.explorer"),
    ("targets", pages.TARGETS, "nav.targets"),
    ("projects", pages.PROJECTS, "nav.projects"),
    ("compare", pages.COMPARE, "nav.compare"),
    ("indicators", pages.INDICATORS, "nav.indicators"),
    ("data", pages.DATA, "nav.data"),
)


def site_nav(lang: str, current: str | None, extra: list | None = None) -> html.Nav:
    """Return the site menu in ``lang``, with ``current`` marked as the open page.

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
    for name, path, key in SITE_PAGES:
        if name == current:
            items.append(html.Strong(t(key, lang), className="nav-link nav-current",
                                     **{"aria-current": "page"}))
        else:
            items.append(dcc.Link(t(key, lang), href=f"{path}?lang={lang}",
                                  className="nav-link"))
    return html.Nav([*items, *(extra or []), *data_date(lang)], id=ids.NAV_BAR,
                    className="nav", **{"aria-label": t("nav.label", lang)})


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
    return [html.Span(t("nav.data_as_of", lang, date=format_date(built, lang)),
                      className="nav-data-date")]


def open_store(query: Mapping) -> tuple[Store | None, html.Main | None]:
    """Return ``(store, None)``, or ``(None, page)`` with the "no store yet" page.

    Every data page starts with this, so a missing store reads the same everywhere: where it
    was looked for and how to build it.
    """
    from layouts.home import render_no_store  # home imports this module for its menu

    try:
        return get_store(), None
    except StoreNotFound as exc:
        lang, notice = parse_lang(query.get("lang"))
        return None, render_no_store(get_settings().store_dir, lang, notice, str(exc), query)


def other_lang(lang: str) -> str:
    """The language the switch offers: English on a Dutch page, Dutch on an English one."""
    return "en" if lang == "nl" else "nl"


def lang_switch(lang: str, href: str, cid: str | None = None) -> html.A:
    """The link to this page in the other language (``href`` keeps the page's view)."""
    other = other_lang(lang)
    extra = {"id": cid} if cid else {}
    return html.A(t(f"lang.switch_{other}", lang), href=href, hrefLang=other, lang=other,
                  className="lang-link", **extra)
