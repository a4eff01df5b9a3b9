"""CBS OData v3 client for the Kerncijfers wijken en buurten (KWB) tables.

Live answers and recorded answer files go through the same :func:`_to_records`, so the
build gets identical records whichever way a table arrived.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

import requests

from dashboard.areas import clean_code, gemeente_of, level_of

from . import records
from .http import Provenance, RawCache, SourceError, fetch_pages, page_items
from .records import RawTable

DEFAULT_BASE_URL = "https://opendata.cbs.nl/ODataApi/OData"
LICENCE, CREDIT, PUBLISHER = "CC-BY-4.0", "bron: CBS", "CBS"
REGION_KEY, BOUNDARY_PREFIX = "WijkenEnBuurten", "IndelingswijzigingGemeenteWijkBuurt"

_GEMEENTE_RE = re.compile(r"^GM\d{4}$")
_EXTRA_CODE_RE = re.compile(r"^[A-Z]{2}\d{2,8}$")
_TABLE_RE = re.compile(r"^[0-9A-Za-z]+$")


def region_filter(field: str, gemeente: str, extra_codes: tuple[str, ...] = ()) -> str:
    """OData ``$filter`` selecting a gemeente, its wijken and buurten, plus extra codes.

    Parameters
    ----------
    field
        Property holding the region key (``WijkenEnBuurten``, or ``Key`` on the dimension).
    gemeente
        ``GMxxxx`` code.
    extra_codes
        Further region codes to include, e.g. ``("NL00",)``.

    Raises
    ------
    ValueError
        For a malformed gemeente or extra code (they end up inside the URL).
    """
    if not _GEMEENTE_RE.match(gemeente):
        raise ValueError(f"gemeente must look like GM0599, got {gemeente!r}")
    bad = [code for code in extra_codes if not _EXTRA_CODE_RE.match(code)]
    if bad:
        raise ValueError(f"malformed region code(s): {bad!r}")
    digits = gemeente[2:]
    prefixes = [f"GM{digits}", f"WK{digits}", f"BU{digits}", *extra_codes]
    # startswith instead of "eq 'NL00    '": keys are space-padded to a width that is
    # not the same in every table, and region codes of one level have a fixed length,
    # so a full code as prefix matches that code only.
    return " or ".join(f"startswith({field},'{prefix}')" for prefix in prefixes)


def _strip_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.strip() if isinstance(v, str) else v for k, v in row.items()}


def _to_records(
    rows: list[dict[str, Any]], names: dict[str, str], what: str, where: str
) -> list[dict[str, Any]]:
    """TypedDataSet rows -> RawTable records (shared by live and recorded input)."""
    converted = []
    for row in rows:
        if not isinstance(row, dict) or REGION_KEY not in row:
            raise SourceError(what, where, f"row without {REGION_KEY}", repr(row)[:200])
        out = _strip_row(row)
        code = clean_code(out[REGION_KEY])
        level = level_of(code)
        boundary = next((v for k, v in out.items() if k.startswith(BOUNDARY_PREFIX)), None)
        out[records.CODE] = code
        out[records.NAME] = names.get(code) or None
        out[records.LEVEL] = level
        out[records.GEMEENTE] = gemeente_of(code) if level else None
        out[records.BOUNDARY_FLAG] = None if boundary is None else (str(boundary).strip() or None)
        converted.append(out)
    return converted


def _names(entries: list[dict[str, Any]]) -> dict[str, str]:
    return {
        clean_code(e.get("Key")): str(e["Title"]).strip()
        for e in entries
        if isinstance(e, dict) and e.get("Title") is not None
    }


def _check_columns(
    recs: list[dict[str, Any]], expected: set[str] | None, what: str, where: str
) -> None:
    if not expected:
        return
    keys = sorted({k for rec in recs for k in rec})
    # A stem that occurs twice (Nederland_17, Nederland_20) is ambiguous, so such a
    # column only counts when named by its full key.
    present = set(records.odata_stems(keys)) | set(keys)
    missing = sorted(expected - present)
    if missing:
        raise SourceError(
            what, where, f"expected column(s) missing (renamed?): {', '.join(missing)}"
        )


def _next_link(page: dict[str, Any]) -> str | None:
    link = page.get("odata.nextLink")
    return link if isinstance(link, str) and link else None


def _tolerant(warnings: list[str], fetch: Any, *args: Any) -> Any:
    # Names and titles only label the data, so their failure is recorded, not fatal.
    try:
        return fetch(*args)
    except SourceError as exc:
        warnings.append(str(exc))
        return None


def _meta(table: str, year: int, **extra: Any) -> dict[str, Any]:
    return {
        "title": f"Kerncijfers wijken en buurten {year}",
        "publisher": PUBLISHER,
        "table": table,
        "licence": LICENCE,
        "credit": CREDIT,
        **extra,
    }


class CbsODataClient:
    """Client for ``opendata.cbs.nl`` OData v3 tables.

    Parameters
    ----------
    session
        Injected session (retries, User-Agent; see
        :func:`~dashboard.pipeline.sources.http.make_session`).
    base_url
        OData root, without trailing slash.
    cache
        Optional raw cache; every parsed page is stored there as received.
    timeout
        Seconds per connect/read.
    max_pages
        Upper bound on ``odata.nextLink`` pages per request.
    """

    def __init__(
        self,
        session: requests.Session,
        base_url: str = DEFAULT_BASE_URL,
        cache: RawCache | None = None,
        timeout: float = 30.0,
        max_pages: int = 200,
    ):
        self.session, self.base_url = session, base_url.rstrip("/")
        self.cache, self.timeout, self.max_pages = cache, timeout, max_pages

    def _url(self, table: str, entity: str) -> str:
        if not _TABLE_RE.match(table):
            raise ValueError(f"table id must be alphanumeric, got {table!r}")
        return f"{self.base_url}/{table}/{entity}"

    def _get_all(
        self, table: str, entity: str, params: dict[str, str] | None = None
    ) -> tuple[list[dict[str, Any]], list[Provenance]]:
        what = f"CBS table {table}" + ("" if entity == "TypedDataSet" else f" {entity}")
        pages = fetch_pages(
            self.session,
            self._url(table, entity),
            what=what,
            timeout=self.timeout,
            next_url=_next_link,
            max_pages=self.max_pages,
            cache=self.cache,
            params={"$format": "json", **(params or {})},
        )
        return page_items(pages, "value", what)

    def typed_dataset(
        self, table: str, gemeente: str, extra_codes: tuple[str, ...] = (),
        select: tuple[str, ...] = (),
    ) -> tuple[list[dict[str, Any]], list[Provenance]]:
        """All TypedDataSet rows of one gemeente (and its wijken/buurten), padding stripped.

        ``select`` limits the answer to those properties (OData ``$select``).

        Returns
        -------
        tuple of (list of dict, list of Provenance)
            Rows in server order, and one provenance entry per page.
        """
        params = {"$filter": region_filter(REGION_KEY, gemeente, extra_codes)}
        if select:
            params["$select"] = ",".join(select)
        rows, provs = self._get_all(table, "TypedDataSet", params)
        return [_strip_row(r) if isinstance(r, dict) else r for r in rows], provs

    def data_properties(self, table: str) -> list[dict[str, Any]]:
        """The table's DataProperties (``Key``, ``Title``, ``Unit``, ``Type`` …)."""
        return self._get_all(table, "DataProperties")[0]

    def dimension(self, table: str, name: str) -> tuple[list[dict[str, Any]], str]:
        """Entries of a dimension (``Perioden``, ``Marges`` …) and the URL they came from."""
        entries, provs = self._get_all(table, name)
        return entries, provs[0].url

    def region_names(
        self, table: str, gemeente: str, extra_codes: tuple[str, ...] = ()
    ) -> dict[str, str]:
        """Map trimmed region code -> name from the table's WijkenEnBuurten dimension."""
        params = {"$filter": region_filter("Key", gemeente, extra_codes)}
        return _names(self._get_all(table, REGION_KEY, params)[0])

    def kwb_table(
        self,
        table: str,
        year: int,
        gemeente: str,
        expected_columns: set[str] | None = None,
        extra_codes: tuple[str, ...] = (),
    ) -> RawTable:
        """Fetch one KWB table for a gemeente as a :class:`RawTable`.

        Parameters
        ----------
        table, year, gemeente, extra_codes
            StatLine table id, its reference year, ``GMxxxx`` code, further region codes.
        expected_columns
            OData key stems (``AantalInwoners``) the build needs; a missing one means CBS
            renamed or dropped a column.

        Raises
        ------
        SourceError
            When a fetch fails, no rows come back, or an expected column is missing.
        """
        rows, provs = self.typed_dataset(table, gemeente, extra_codes)
        what, url = f"CBS table {table}", provs[0].url
        if not rows:
            raise SourceError(what, url, f"no rows for {gemeente}")
        warnings: list[str] = []
        names = _tolerant(warnings, self.region_names, table, gemeente, extra_codes) or {}
        titles = {
            str(p["Key"]): str(p.get("Title") or "").strip()
            for p in _tolerant(warnings, self.data_properties, table) or []
            if isinstance(p, dict) and p.get("Key")
        }
        recs = _to_records(rows, names, what, url)
        _check_columns(recs, expected_columns, what, url)
        hashes = [p.sha256 for p in provs]
        meta = _meta(
            table,
            year,
            url=url,
            retrieved_at=provs[0].retrieved_at,
            sha256=hashlib.sha256("\n".join(hashes).encode()).hexdigest(),
            pages=[{"url": p.url, "sha256": p.sha256} for p in provs],
            titles=titles,
        )
        if warnings:
            meta["warnings"] = warnings
        return RawTable(f"cbs-odata:{table}", "kwb", "odata", year, recs, meta)


def raw_table_from_recorded(
    payload: dict[str, Any],
    *,
    table: str,
    year: int,
    path: str,
    sha256: str,
    retrieved_at: str,
    expected_columns: set[str] | None = None,
) -> RawTable:
    """Build the same :class:`RawTable` as :meth:`CbsODataClient.kwb_table` from a recording.

    Parameters
    ----------
    payload
        Recorded answer: ``{"rows": [TypedDataSet rows], "names": [WijkenEnBuurten
        dimension records], ...}``.
    table, year
        StatLine table id and reference year.
    path, sha256, retrieved_at
        Provenance of the recorded file.
    expected_columns
        As for :meth:`CbsODataClient.kwb_table`.

    Raises
    ------
    SourceError
        When ``rows`` is absent or not a list, or an expected column is missing.
    """
    what = f"CBS table {table}"
    rows = payload.get("rows") if isinstance(payload, dict) else None
    if not isinstance(rows, list):
        raise SourceError(what, path, "recorded file has no 'rows' list")
    names = payload.get("names")
    recs = _to_records(rows, _names(names if isinstance(names, list) else []), what, path)
    _check_columns(recs, expected_columns, what, path)
    meta = _meta(table, year, path=path, retrieved_at=retrieved_at, sha256=sha256, titles={})
    return RawTable(f"cbs-odata:{table}", "kwb", "odata", year, recs, meta)
