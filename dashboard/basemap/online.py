"""Is the PDOK basemap reachable? A server-side check with a short timeout, remembered for a
while, so a page never waits on an unreachable tile server and a closed network simply gets
the offline map.

The base URL of PDOK's APIs is ``PDOK_API_BASE`` (default ``https://api.pdok.nl``); tests
point it at a fake on 127.0.0.1. ``DASHBOARD_BASEMAP=off`` skips the check altogether.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import requests

LOG = logging.getLogger(__name__)

DEFAULT_BASE = "https://api.pdok.nl"
STYLE_PATH = "/kadaster/brt-achtergrondkaart/ogc/v1/styles/standaard__webmercatorquad"
#: Seconds to connect and to read: a page render waits at most this long, once per TTL.
TIMEOUT = (1.0, 2.0)
#: Seconds an answer (reachable or not) is remembered.
TTL_ONLINE, TTL_OFFLINE = 1800.0, 300.0
MAX_STYLE_BYTES = 2_000_000
CREDIT = "Kadaster / PDOK"


@dataclass(frozen=True)
class Basemap:
    """What the map lies on: PDOK's style (``online``) or the store's own geography."""

    online: bool
    style: dict | None = None  # PDOK's MapLibre style, when online
    reason: str = ""  # why offline (for the log and tests)


def pdok_base(env: dict | None = None) -> str:
    """PDOK's API root without a trailing slash (``PDOK_API_BASE``)."""
    env = os.environ if env is None else env
    return (env.get("PDOK_API_BASE") or DEFAULT_BASE).rstrip("/")


def pdok_origin(env: dict | None = None) -> str:
    """``scheme://host[:port]`` of :func:`pdok_base`, for the Content-Security-Policy."""
    parts = urlsplit(pdok_base(env))
    return f"{parts.scheme}://{parts.netloc}"


def enabled(env: dict | None = None) -> bool:
    """False when ``DASHBOARD_BASEMAP=off`` (never try the network)."""
    env = os.environ if env is None else env
    return (env.get("DASHBOARD_BASEMAP") or "auto").strip().lower() != "off"


def fetch_style(base: str, session: requests.Session | None = None) -> Basemap:
    """Ask PDOK for the BRT-Achtergrondkaart style; offline on any failure.

    Parameters
    ----------
    base : str
        PDOK's API root (see :func:`pdok_base`).
    session : requests.Session, optional
        For tests and connection reuse.

    Returns
    -------
    Basemap
        ``online=True`` with the style when the answer is a MapLibre style (version 8,
        sources and layers); else ``online=False`` and the reason.
    """
    url = f"{base}{STYLE_PATH}"
    try:
        with (session or requests).get(url, params={"f": "mapbox"}, timeout=TIMEOUT,
                                       stream=True) as response:
            if response.status_code != 200:
                return Basemap(False, reason=f"{url}: HTTP {response.status_code}")
            body = response.raw.read(MAX_STYLE_BYTES + 1, decode_content=True)
    except (requests.RequestException, OSError) as exc:
        return Basemap(False, reason=f"{url}: {type(exc).__name__}")
    if len(body) > MAX_STYLE_BYTES:
        return Basemap(False, reason=f"{url}: style larger than {MAX_STYLE_BYTES} bytes")
    try:
        style = json.loads(body)
    except ValueError:
        return Basemap(False, reason=f"{url}: not JSON")
    if not (isinstance(style, dict) and style.get("version") == 8
            and isinstance(style.get("sources"), dict) and isinstance(style.get("layers"), list)):
        return Basemap(False, reason=f"{url}: not a MapLibre style")
    return Basemap(True, style)


_lock = threading.Lock()
_cache: dict[str, tuple[float, Basemap]] = {}


def current_basemap(env: dict | None = None, now: float | None = None) -> Basemap:
    """The basemap to draw, checked at most once per TTL per base URL (one check at a time;
    others wait for it instead of asking too)."""
    if not enabled(env):
        return Basemap(False, reason="DASHBOARD_BASEMAP=off")
    base = pdok_base(env)
    with _lock:
        now = time.monotonic() if now is None else now
        hit = _cache.get(base)
        if hit and hit[0] > now:
            return hit[1]
        found = fetch_style(base)
        if not found.online:
            LOG.info("basemap offline: %s", found.reason)
        _cache[base] = (now + (TTL_ONLINE if found.online else TTL_OFFLINE), found)
        return found


def forget() -> None:
    """Drop remembered answers (tests)."""
    with _lock:
        _cache.clear()
