"""The briefing as PDF: WeasyPrint lays out the same HTML the offline download is.

Nothing is fetched while rendering: the HTML holds its styles, map and trends inline, and
the URL fetcher refuses anything else, so a PDF never depends on (or leaks to) the network.
"""

from __future__ import annotations


class _NoFetch(ValueError):
    pass


def _refuse(url: str, *args, **kwargs):
    raise _NoFetch(f"the briefing fetches nothing ({url[:60]})")


def html_to_pdf(html: str) -> bytes:
    """Render a self-contained HTML page to PDF bytes (A4 from its ``@page`` rule)."""
    from weasyprint import HTML  # heavy import, only when a PDF is asked for

    return HTML(string=html, url_fetcher=_refuse).write_pdf()
