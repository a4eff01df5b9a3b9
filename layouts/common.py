"""Pieces every page shares: the site navigation.

Each page passes its own name as ``current`` (marked ``aria-current``) and, if it has
one, its language switch, which keeps that page's URL parameters.
"""

from __future__ import annotations

from dash import dcc, html

from dashboard import ids
from dashboard.i18n import t

#: (page name, path, text key) in menu order.
SITE_PAGES = (
    ("explorer", "/", "nav.explorer"),
    ("targets", "/doelen", "nav.targets"),
    ("projects", "/projecten", "nav.projects"),
    ("compare", "/vergelijk", "nav.compare"),
    ("indicators", "/indicatoren", "nav.indicators"),
    ("data", "/data", "nav.data"),
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
    return html.Nav([*items, *(extra or [])], id=ids.NAV_BAR, className="nav",
                    **{"aria-label": t("nav.label", lang)})
