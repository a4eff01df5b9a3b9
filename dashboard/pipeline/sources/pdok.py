"""PDOK OGC API Features client for the CBS wijk- en buurtkaart boundaries."""

from __future__ import annotations

import re
from typing import Any

import requests

from .http import Provenance, RawCache, SourceError, fetch_pages

DEFAULT_BASE_URL_TEMPLATE = "https://api.pdok.nl/cbs/wijken-en-buurten-{year}/ogc/v1"
COLLECTIONS = {"gemeente": "gemeenten", "wijk": "wijken", "buurt": "buurten"}
LICENCE, CREDIT = "CC-BY-4.0", "Kadaster / CBS"

_GEMEENTE_RE = re.compile(r"^GM\d{4}$")


def _next_link(page: dict[str, Any]) -> str | None:
    links = page.get("links")
    if not isinstance(links, list):
        return None
    for link in links:
        if isinstance(link, dict) and link.get("rel") == "next" and link.get("href"):
            return str(link["href"])
    return None


class PdokClient:
    """Client for the PDOK ``wijken-en-buurten-{year}`` OGC API Features services.

    Parameters
    ----------
    session
        Injected session (retries, User-Agent; see
        :func:`~dashboard.pipeline.sources.http.make_session`).
    base_url_template
        Service root with a ``{year}`` placeholder.
    cache
        Optional raw cache; every parsed page is stored there as received.
    timeout
        Seconds per connect/read (geometry pages are large, hence the generous default).
    max_pages
        Upper bound on ``next`` pages per request.
    page_size
        ``limit`` asked per page.
    """

    def __init__(
        self,
        session: requests.Session,
        base_url_template: str = DEFAULT_BASE_URL_TEMPLATE,
        cache: RawCache | None = None,
        timeout: float = 60.0,
        max_pages: int = 200,
        page_size: int = 1000,
    ):
        self.session, self.base_url_template = session, base_url_template
        self.cache, self.timeout = cache, timeout
        self.max_pages, self.page_size = max_pages, page_size

    def features(
        self, year: int, level: str, gemeente: str
    ) -> tuple[dict[str, Any], list[Provenance]]:
        """All features of one level within a gemeente, as one FeatureCollection.

        Parameters
        ----------
        year
            Boundary year of the wijk- en buurtkaart.
        level
            ``gemeente``, ``wijk`` or ``buurt``.
        gemeente
            ``GMxxxx`` code.

        Returns
        -------
        tuple of (dict, list of Provenance)
            A GeoJSON FeatureCollection with the features of every page in order, and one
            provenance entry per page.

        Raises
        ------
        ValueError
            For an unknown level or malformed gemeente code.
        SourceError
            When a fetch fails, a page has no ``features`` list, or paging never ends.
        """
        if level not in COLLECTIONS:
            raise ValueError(f"level must be one of {sorted(COLLECTIONS)}, got {level!r}")
        if not _GEMEENTE_RE.match(gemeente):
            raise ValueError(f"gemeente must look like GM0599, got {gemeente!r}")
        collection = COLLECTIONS[level]
        what = f"PDOK {collection} {year}"
        base = self.base_url_template.format(year=int(year)).rstrip("/")
        pages = fetch_pages(
            self.session,
            f"{base}/collections/{collection}/items",
            what=what,
            timeout=self.timeout,
            next_url=_next_link,
            max_pages=self.max_pages,
            cache=self.cache,
            params={"f": "json", "limit": self.page_size, "gemeentecode": gemeente},
        )
        features: list[dict[str, Any]] = []
        for page, prov in pages:
            found = page.get("features")
            if not isinstance(found, list):
                raise SourceError(what, prov.url, "answer has no 'features' list")
            features.extend(found)
        return {"type": "FeatureCollection", "features": features}, [p for _, p in pages]
