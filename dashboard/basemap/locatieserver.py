"""A small client of the PDOK Locatieserver (v3.1): address suggestions, then the point of
the one chosen. Every failure becomes :class:`LocatieError` with the URL, so the search box
can say "address search needs the internet" instead of failing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import requests

from dashboard.basemap.online import pdok_base

PATH = "/bzk/locatieserver/search/v3_1"
TIMEOUT = (1.0, 3.0)
MAX_QUERY = 100
_POINT_RE = re.compile(r"^POINT\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)$")
_ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,80}$")


class LocatieError(RuntimeError):
    """The Locatieserver did not answer usefully (unreachable, HTTP error, bad JSON)."""


@dataclass(frozen=True)
class Suggestion:
    """One address the Locatieserver suggests."""

    id: str
    label: str


class LocatieClient:
    """Suggest addresses and look one up.

    Parameters
    ----------
    base : str, optional
        PDOK's API root (default: :func:`dashboard.basemap.online.pdok_base`).
    session : requests.Session, optional
        Injected for tests and connection reuse.
    """

    def __init__(self, base: str | None = None, session: requests.Session | None = None):
        self.base = (base or pdok_base()).rstrip("/")
        self.session = session or requests.Session()

    def _get(self, endpoint: str, params: dict) -> dict:
        url = f"{self.base}{PATH}/{endpoint}"
        try:
            response = self.session.get(url, params=params, timeout=TIMEOUT)
        except requests.RequestException as exc:
            raise LocatieError(f"{url}: {type(exc).__name__}") from None
        if response.status_code != 200:
            raise LocatieError(f"{url}: HTTP {response.status_code}")
        try:
            body = response.json()
        except ValueError:
            raise LocatieError(f"{url}: answer is not JSON") from None
        docs = (body.get("response") or {}).get("docs") if isinstance(body, dict) else None
        if not isinstance(docs, list):
            raise LocatieError(f"{url}: answer has no response.docs")
        return body

    def suggest(self, query: str, rows: int = 6) -> list[Suggestion]:
        """Addresses matching ``query`` (at most ``rows``; empty for a blank query)."""
        query = " ".join(str(query or "").split())[:MAX_QUERY]
        if not query:
            return []
        body = self._get("suggest", {"q": query, "fq": "type:adres", "rows": int(rows)})
        out = []
        for doc in body["response"]["docs"]:
            if not isinstance(doc, dict):
                continue
            sid, label = doc.get("id"), doc.get("weergavenaam")
            if isinstance(sid, str) and _ID_RE.match(sid) and isinstance(label, str):
                out.append(Suggestion(sid, label[:200]))
        return out

    def lookup(self, sid: str) -> tuple[float, float] | None:
        """``(lon, lat)`` of a suggestion's id, or None when the answer has no point."""
        if not _ID_RE.match(str(sid or "")):
            raise LocatieError(f"not a Locatieserver id: {str(sid)[:40]!r}")
        body = self._get("lookup", {"id": sid, "fl": "id,weergavenaam,centroide_ll"})
        for doc in body["response"]["docs"]:
            match = _POINT_RE.match(str((doc or {}).get("centroide_ll", "")).strip())
            if match:
                lon, lat = float(match.group(1)), float(match.group(2))
                if -180 <= lon <= 180 and -90 <= lat <= 90:
                    return lon, lat
        return None
