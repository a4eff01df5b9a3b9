"""The HTML document around every page: ``<html lang>`` and ``<title>`` per request.

Dash writes one index string for every page; here the first response gets the page's
language and its own title (the explorer's also a preload of Plotly: :data:`PRELOAD`), and
the page router's title (set when the page changes in the
browser) is computed from the same URL, so a screen reader announces "Carnisse ·
Gebiedsprofiel" in Dutch and "Carnisse · Area profile" in English.
"""

from __future__ import annotations

import html as htmlescape
import re
from functools import lru_cache
from urllib.parse import parse_qs

import dash
import flask

from dashboard import pages
from dashboard.i18n import parse_lang, t
from dashboard.store import StoreNotFound, get_store
from dashboard.web.delivery import GRAPH_CHUNK, PLOTLY_JS

#: Page name -> the text key of its title (the page's own heading, short).
TITLE_KEYS = {"explorer": "explorer.title", "targets": "nav.targets",
              "projects": "nav.projects", "compare": "compare.title",
              "indicators": "indicators.title", "data": "home.title",
              "profile": "profile.title", "signin": "auth.signin",
              "not_found_404": "notfound.title"}


#: dcc.Graph asks for its code and for Plotly only once the page's layout has come and been
#: drawn (two round trips and a render later); on the explorer, whose map is what a visitor
#: waits for, the browser is told at once to fetch both (same addresses: used, not fetched
#: twice).
PRELOAD = (GRAPH_CHUNK, PLOTLY_JS)


def preload_links(prefix: str) -> str:
    """``<link rel="preload">`` tags of :data:`PRELOAD` under the app's path ``prefix``."""
    return "".join(f'<link rel="preload" as="script" href="{prefix.rstrip("/")}{path}">'
                   for path in PRELOAD)


def request_lang() -> str:
    """The language of the page being rendered: ``nl`` or ``en``.

    In the page router's callback the page URL is one of its inputs; on the first request
    it is the request's own query string.
    """
    try:
        search = dash.ctx.inputs.get("_pages_location.search") or ""
        query = {k: v[0] for k, v in parse_qs(search.lstrip("?")).items()}
    except Exception:  # noqa: BLE001 - not inside a callback: the first page request
        query = flask.request.args if flask.has_request_context() else {}
    return parse_lang(query.get("lang"))[0]


def page_title(name: str, lang: str, code: str | None = None, store=None) -> str:
    """The document title of page ``name`` in ``lang`` (a profile's names its area).

    Parameters
    ----------
    name : str
        A key of :data:`TITLE_KEYS`.
    lang : str
        ``"nl"`` or ``"en"``.
    code : str, optional
        The profile's area code or name, as in the URL.
    store : Store, optional
        Where the profile's area is looked up (default: the store being served).

    Returns
    -------
    str
        E.g. ``"Projecten · Wijkdashboard Rotterdam-Zuid"``.
    """
    page = t(TITLE_KEYS[name], lang)
    if name == "profile" and code:
        try:
            page = f"{(store or get_store()).area(str(code)[:60])['name']} · {page}"
        except (KeyError, StoreNotFound, OSError, ValueError):
            pass
    return t("access.title", lang, page=page)


def title_of(name: str):
    """A ``title`` for ``dash.register_page``: computed per request, in its language."""
    def title(**path) -> str:
        return page_title(name, request_lang(), path.get("code"))
    return title


@lru_cache(maxsize=64)  # the pages' path templates: compiled once, not per request
def _template_re(template: str) -> re.Pattern:
    return re.compile("^" + re.sub(r"<([a-z_]+)>", r"(?P<\1>[^/]+)", template) + "$")


def _title_for_path(path: str) -> str | None:
    for page in dash.page_registry.values():
        template = page.get("path_template")
        found = _template_re(template).match(path) if template else None
        if found or page.get("path") == path:
            title = page.get("title")
            return title(**(found.groupdict() if found else {})) if callable(title) else title
    return None


def install(app: dash.Dash) -> None:
    """Make ``app``'s index page carry the request's language and the page's title.

    Only the ``lang`` attribute and the ``<title>`` text change: the inline scripts (and so
    the Content-Security-Policy hashes) stay as Dash wrote them.
    """
    interpolate = app.interpolate_index

    def interpolate_index(**parts) -> str:
        title = _title_for_path(flask.request.path) if flask.has_request_context() else None
        if title:
            parts["title"] = htmlescape.escape(title)
        prefix = app.config.requests_pathname_prefix
        explorer = prefix.rstrip("/") + pages.EXPLORER
        if flask.has_request_context() and flask.request.path == explorer:
            parts["metas"] = parts.get("metas", "") + preload_links(prefix)
        page = interpolate(**parts)
        return page.replace('<html lang="nl">', f'<html lang="{request_lang()}">', 1)

    app.interpolate_index = interpolate_index

