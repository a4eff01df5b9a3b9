"""HTTP plumbing shared by the source clients: session, errors, raw cache, paged JSON.

Clients take an injected :class:`requests.Session` (see :func:`make_session`) so that
retries, caching and test fakes plug in without the clients knowing about them.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import requests
import urllib3
from requests.adapters import HTTPAdapter

USER_AGENT = (
    "zuid-dashboard/0.1 (Rotterdam-Zuid neighbourhood dashboard; "
    f"python-requests/{requests.__version__})"
)
RETRY_STATUSES = (429, 500, 502, 503, 504)


def make_session(retries: int = 3, backoff: float = 0.5) -> requests.Session:
    """A session that retries GETs on connection errors, read errors and 429/5xx.

    Parameters
    ----------
    retries
        How many times one request is retried (so at most ``retries + 1`` attempts).
    backoff
        urllib3 backoff factor in seconds; ``0`` retries at once (used by tests).

    Returns
    -------
    requests.Session
        With the retrying adapter mounted on ``http://`` and ``https://``.
    """
    retry = urllib3.util.Retry(
        total=retries,
        connect=retries,
        read=retries,
        status=retries,
        backoff_factor=backoff,
        status_forcelist=RETRY_STATUSES,
        allowed_methods=frozenset({"GET"}),
        # Hand back the last bad answer instead of raising, so the caller can name the
        # status code in its own error.
        raise_on_status=False,
        # A server asking for a long Retry-After would stall a build without bound; our
        # own backoff is bounded.
        respect_retry_after_header=False,
        backoff_max=30,
    )
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = USER_AGENT
    return session


class SourceError(RuntimeError):
    """A fetch failed; the message names what was fetched and the URL (or file path).

    Parameters
    ----------
    what
        Human name of the thing fetched, e.g. ``"CBS table 85984NED"``.
    url
        The URL (or recorded file path) it came from.
    problem
        What went wrong, e.g. ``"HTTP 500 (after 3 retries)"``.
    detail
        Optional underlying error text, appended after the URL.
    """

    def __init__(self, what: str, url: str, problem: str, detail: str | None = None):
        self.what, self.url, self.problem, self.detail = what, url, problem, detail
        message = f"{what}: {problem} from {url}"
        super().__init__(f"{message}: {detail}" if detail else message)


@dataclass(frozen=True)
class CachedResponse:
    """One response body exactly as received, as stored by :class:`RawCache`."""

    url: str
    body: bytes
    retrieved_at: str
    sha256: str
    path: Path


@dataclass(frozen=True)
class Provenance:
    """Where one parsed answer came from; ``path`` is set when the body was cached."""

    url: str
    retrieved_at: str
    sha256: str
    bytes: int
    path: Path | None = None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _write_atomic(path: Path, data: bytes) -> None:
    # Same directory as the target, so os.replace is a rename on one filesystem and a
    # reader never sees half a file.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class RawCache:
    """On-disk store of response bodies as received, each with a JSON sidecar.

    The body of ``url`` lives in ``<root>/<sha256(url)>.body`` and its sidecar
    (``url``, ``retrieved_at``, ``status``, ``sha256``, ``bytes``) in ``<sha256(url)>.json``.

    Parameters
    ----------
    root
        Folder of the cache; created when missing.
    """

    def __init__(self, root: Path):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)

    def _paths(self, url: str) -> tuple[Path, Path]:
        name = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.root / f"{name}.body", self.root / f"{name}.json"

    def put(self, url: str, body: bytes, status: int) -> CachedResponse:
        """Store ``body`` for ``url`` atomically and return the stored entry."""
        body_path, meta_path = self._paths(url)
        digest = hashlib.sha256(body).hexdigest()
        meta = {
            "url": url,
            "retrieved_at": _now(),
            "status": status,
            "sha256": digest,
            "bytes": len(body),
        }
        # Body first: the sidecar is what marks an entry complete.
        _write_atomic(body_path, body)
        _write_atomic(meta_path, json.dumps(meta, indent=1).encode("utf-8"))
        return CachedResponse(url, body, meta["retrieved_at"], digest, body_path)

    def get(self, url: str) -> CachedResponse | None:
        """The stored entry for ``url``, or ``None`` when absent or inconsistent."""
        body_path, meta_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            body = body_path.read_bytes()
        except (OSError, ValueError):
            return None
        # A body replaced by a later put between our two reads must not pass as this one.
        if hashlib.sha256(body).hexdigest() != meta.get("sha256"):
            return None
        return CachedResponse(url, body, meta["retrieved_at"], meta["sha256"], body_path)


def _failure(exc: BaseException, timeout: float) -> str:
    # After retries urllib3 wraps the cause in MaxRetryError, which requests turns into
    # a plain ConnectionError; look through the wrapping for the real cause.
    if isinstance(exc, requests.exceptions.ChunkedEncodingError):
        return "answer cut off (connection broken mid-body)"
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            break
        # Checked first: urllib3 makes NewConnectionError a subclass of its timeout error.
        if isinstance(seen, urllib3.exceptions.NewConnectionError):
            return "could not connect"
        if isinstance(seen, requests.Timeout | urllib3.exceptions.TimeoutError):
            return f"no answer within {timeout} s"
        reason = getattr(seen, "reason", None)
        inner = seen.args[0] if seen.args and isinstance(seen.args[0], BaseException) else None
        seen = reason if isinstance(reason, BaseException) else inner
    return "request failed"


def get_json(
    session: requests.Session,
    url: str,
    *,
    what: str,
    timeout: float,
    cache: RawCache | None = None,
    params: dict[str, Any] | None = None,
) -> tuple[dict[str, Any], Provenance]:
    """GET ``url`` and parse its JSON object answer.

    Parameters
    ----------
    session
        Session to use (its adapter does the retrying).
    url
        Address; ``params`` are added to its query string.
    what
        Name of the thing fetched, used in every error message.
    timeout
        Seconds to wait for connecting and for each read.
    cache
        When given, the raw body is stored there, but only once it parsed.
    params
        Query parameters.

    Returns
    -------
    tuple of (dict, Provenance)
        The parsed JSON object and where it came from.

    Raises
    ------
    SourceError
        On timeout, connection failure, HTTP status >= 400 after retries, or an answer
        that is not a JSON object.
    """
    full_url = requests.Request("GET", url, params=params).prepare().url or url
    try:
        resp = session.get(full_url, timeout=timeout)
        body = resp.content
    except requests.RequestException as exc:
        raise SourceError(what, full_url, _failure(exc, timeout), str(exc)) from exc
    if resp.status_code >= 400:
        raise SourceError(what, full_url, f"HTTP {resp.status_code} (after retries)")
    try:
        data = json.loads(body)
    except ValueError as exc:
        problem = "answer is not valid JSON (truncated?)"
        raise SourceError(what, full_url, problem, str(exc)) from exc
    if not isinstance(data, dict):
        raise SourceError(what, full_url, f"answer is a JSON {type(data).__name__}, not an object")
    if cache is not None:
        kept = cache.put(full_url, body, resp.status_code)
        return data, Provenance(full_url, kept.retrieved_at, kept.sha256, len(body), kept.path)
    return data, Provenance(full_url, _now(), hashlib.sha256(body).hexdigest(), len(body))


def fetch_pages(
    session: requests.Session,
    url: str,
    *,
    what: str,
    timeout: float,
    next_url: Callable[[dict[str, Any]], str | None],
    max_pages: int,
    cache: RawCache | None = None,
    params: dict[str, Any] | None = None,
) -> list[tuple[dict[str, Any], Provenance]]:
    """Fetch a paged JSON answer, following the link ``next_url`` finds in each page.

    Parameters
    ----------
    next_url
        Returns the absolute URL of the next page, or ``None`` on the last page.
    max_pages
        Upper bound on pages; a server whose next link never ends raises instead of
        looping forever.
    session, url, what, timeout, cache, params
        As for :func:`get_json`; ``params`` only apply to the first page (next links
        carry their own query).

    Returns
    -------
    list of (dict, Provenance)
        Every page in order.

    Raises
    ------
    SourceError
        As :func:`get_json`, or when there are still more pages after ``max_pages``.
    """
    pages = [get_json(session, url, what=what, timeout=timeout, cache=cache, params=params)]
    while (link := next_url(pages[-1][0])) is not None:
        if len(pages) >= max_pages:
            raise SourceError(
                what, pages[0][1].url, f"still more pages after {max_pages} (pages forever?)"
            )
        pages.append(get_json(session, link, what=what, timeout=timeout, cache=cache))
    return pages


def page_items(pages: list[tuple[dict[str, Any], Provenance]], key: str,
               what: str) -> tuple[list[Any], list[Provenance]]:
    """The list under ``key`` of every page (:func:`fetch_pages`), joined in order, and the
    pages' provenance.

    Raises
    ------
    SourceError
        When a page has no list under ``key``.
    """
    items: list[Any] = []
    for page, prov in pages:
        found = page.get(key)
        if not isinstance(found, list):
            raise SourceError(what, prov.url, f"answer has no '{key}' list")
        items.extend(found)
    return items, [prov for _, prov in pages]
