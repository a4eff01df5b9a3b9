"""The "download and reproduce" block of every data page: download links, links to the
compare page and area profiles, and the "reproduce this view" snippet.

Component builders like dashboard/explorer/panels.py: shared by page layouts (first render) and
callbacks (updates), they know no page layout. Download URLs are served by
callbacks/downloads.py.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from dash import dcc, html

from dashboard import pages
from dashboard.compare.model import CompareState
from dashboard.explorer.state import ExplorerState
from dashboard.exports.downloads import FORMATS
from dashboard.exports.snippets import (
    cbs_snippet,
    compare_snippet,
    explorer_snippet,
    profile_snippet,
)
from dashboard.i18n import t
from dashboard.store import Store

DOWNLOAD_ROOT = "/download"


def download_href(kind: str, fmt: str, query: str = "", code: str | None = None) -> str:
    """URL of a download: ``/download/explorer.csv?…``, ``/download/profile/<code>.html?…``."""
    path = f"{DOWNLOAD_ROOT}/{kind}/{quote(code, safe='')}.{fmt}" if code \
        else f"{DOWNLOAD_ROOT}/{kind}.{fmt}"
    return path + (f"?{query}" if query else "")


def profile_href(code: str, lang: str) -> str:
    """The profile page of an area."""
    return f"{pages.PROFILE}/{quote(code, safe='')}?{urlencode({'lang': lang})}"


def compare_href(codes: list[str], indicators: list[str], lang: str) -> str:
    """The compare page for areas and indicators (empty indicators: the defaults)."""
    params = {"areas": ",".join(codes)}
    if indicators:
        params["indicators"] = ",".join(indicators)
    return f"{pages.COMPARE}?" + urlencode({**params, "lang": lang})


def download_links(kind: str, lang: str, query: str = "", code: str | None = None,
                   id_of=None) -> html.Ul:
    """One link per format of ``kind`` (see ``FORMATS``); ``id_of(fmt)`` gives each link an
    id when a callback updates its ``href``."""
    return html.Ul([html.Li(html.A(t(f"downloads.{fmt}", lang), download="",
                                   href=download_href(kind, fmt, query, code),
                                   className="download-link",
                                   **({"id": id_of(fmt)} if id_of else {})))
                    for fmt in FORMATS[kind]], className="download-list")


def snippet_block(snippets: list[str], lang: str) -> html.Details:
    """The "reproduce this view" snippets, collapsed under a summary line."""
    return html.Details([
        html.Summary(t("downloads.snippet", lang)),
        html.P(t("downloads.snippet_intro", lang), className="muted"),
        *[html.Pre(html.Code(s), className="snippet") for s in snippets if s],
    ], className="snippet-block")


def explorer_toolkit(store: Store, state: ExplorerState) -> list:
    """The explorer's block for ``state``: downloads of the view (their hrefs follow the
    view in the browser), and :func:`explorer_toolkit_links`."""
    from dashboard import ids

    lang = state.lang
    return [
        html.H2(t("downloads.heading", lang)),
        html.H3(t("downloads.view", lang)),
        download_links("explorer", lang, state.query(), id_of=ids.explorer_download),
        html.P(t("downloads.csv_note", lang), className="muted"),
        html.Div(explorer_toolkit_links(store, state), id=ids.EXPLORER_TOOLKIT_LINKS),
    ]


def explorer_toolkit_links(store: Store, state: ExplorerState) -> list:
    """Compare/profile links for the selected areas and the snippet of the view."""
    lang = state.lang
    links = []
    if len(state.selected) >= 2:
        links.append(html.Li(dcc.Link(t("downloads.compare_selected", lang),
                                      href=compare_href(list(state.selected), [], lang))))
    links += [html.Li(dcc.Link(t("downloads.profile_selected", lang,
                                 name=store.area_name(code, lang)),
                               href=profile_href(code, lang))) for code in state.selected]
    return [
        html.Ul(links, className="toolkit-links") if links
        else html.P(t("downloads.select_hint", lang), className="muted"),
        snippet_block([explorer_snippet(state), cbs_snippet(store, state)], lang),
    ]


def compare_toolkit(state: CompareState) -> list:
    """The compare page's block: downloads and snippet for ``state``."""
    return [html.H2(t("downloads.heading", state.lang)),
            download_links("compare", state.lang, state.query()),
            html.P(t("downloads.csv_note", state.lang), className="muted"),
            snippet_block([compare_snippet(state)], state.lang)]


def profile_toolkit(code: str, lang: str) -> list:
    """The profile's block: the offline HTML briefing, CSV, and the snippet."""
    return [html.H2(t("downloads.heading", lang)),
            download_links("profile", lang, urlencode({"lang": lang}), code),
            snippet_block([profile_snippet(code, lang)], lang)]


def store_toolkit(lang: str) -> list:
    """The whole store's downloads (the /data page)."""
    return [html.P(t("downloads.store_intro", lang)),
            download_links("store", lang, urlencode({"lang": lang})),
            html.P(t("downloads.csv_note", lang), className="muted")]
