"""PDOK OGC API Features clients: the CBS wijk- en buurtkaart boundaries, and the water
surfaces of Kadaster's BRT TOP10NL (for the map: CBS counts rivers and harbours inside a
gemeente as part of its land buurten)."""

from __future__ import annotations

import re
from typing import Any

import requests

from .http import Provenance, RawCache, fetch_pages, page_items

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
        return _collection(pages, what)


def _collection(pages: list, what: str) -> tuple[dict[str, Any], list[Provenance]]:
    features, provenance = page_items(pages, "features", what)
    return {"type": "FeatureCollection", "features": features}, provenance


def top10nl_water(
    session: requests.Session,
    base_url: str,
    bbox: tuple[float, float, float, float],
    *,
    collection: str = "waterdeel_vlak",
    cache: RawCache | None = None,
    timeout: float = 60.0,
    max_pages: int = 200,
    page_size: int = 1000,
) -> tuple[dict[str, Any], list[Provenance]]:
    """TOP10NL's water surfaces within a box, as one FeatureCollection.

    Parameters
    ----------
    session
        Injected session.
    base_url
        Root of the BRT TOP10NL OGC API (``sources.yaml``: ``top10nl.base_url``).
    bbox
        ``(west, south, east, north)`` in WGS84 degrees.
    collection, cache, timeout, max_pages, page_size
        The water collection, raw cache, seconds per request, bound on ``next`` pages
        and ``limit`` per page.

    Raises
    ------
    ValueError
        For a box that is not four finite numbers with west < east and south < north.
    SourceError
        When a fetch fails, a page has no ``features`` list, or paging never ends.
    """
    west, south, east, north = (float(v) for v in bbox)
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise ValueError(f"bbox must be west, south, east, north in degrees, got {bbox!r}")
    what = f"PDOK BRT TOP10NL {collection}"
    pages = fetch_pages(
        session,
        f"{base_url.rstrip('/')}/collections/{collection}/items",
        what=what,
        timeout=timeout,
        next_url=_next_link,
        max_pages=max_pages,
        cache=cache,
        params={"f": "json", "limit": page_size,
                "bbox": f"{west:.5f},{south:.5f},{east:.5f},{north:.5f}"},
    )
    return _collection(pages, what)
