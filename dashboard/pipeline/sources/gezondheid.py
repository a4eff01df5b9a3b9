"""Gezondheidsmonitor Volwassenen en Ouderen (GGD'en, CBS, RIVM) from CBS's third-party
catalogue: small-area estimates per gemeente, wijk and buurt, with a 95 % interval.

A table holds one row per area, period (``Perioden``), age group (``Leeftijd``) and
margin (``Marges``: estimate, lower bound, upper bound). Before reading rows the loader
checks every key ``sources.yaml`` names against the table's own metadata, so a key CBS
renamed stops the build with a message naming the table, the key and the URL.
"""

from __future__ import annotations

import hashlib
from typing import Any

from dashboard.areas import clean_code
from dashboard.sourceconfig import HealthTable

from .cbs_odata import REGION_KEY, CbsODataClient, _to_records
from .http import SourceError
from .records import RawTable, odata_stems

PERIOD, AGE, MARGIN = "Perioden", "Leeftijd", "Marges"
KIND = "gezondheid"


def _keys(entries: list[dict[str, Any]]) -> set[str]:
    return {clean_code(e.get("Key")) for e in entries if isinstance(e, dict) and e.get("Key")}


def _require(present: set[str], wanted: list[str], what: str, where: str, part: str) -> None:
    missing = [key for key in wanted if key not in present]
    if missing:
        raise SourceError(what, where, f"{part} key(s) not in the table's metadata "
                                       f"(renamed?): {', '.join(missing)}")


def check_metadata(client: CbsODataClient, cfg: HealthTable, columns: set[str]) -> None:
    """Check the table's DataProperties and dimensions hold every configured key.

    Parameters
    ----------
    client
        OData client on the third-party catalogue.
    cfg
        The table's entry of ``sources.yaml``.
    columns
        Key stems the catalogue reads (``Eenzaam``); each must be one of ``cfg.keys``.

    Raises
    ------
    SourceError
        Naming the table, the missing key(s) and the metadata URL.
    """
    what = f"CBS table {cfg.table}"
    stems = odata_stems(list(cfg.keys))
    unknown = sorted(c for c in columns if c not in stems and c not in cfg.keys)
    if unknown:
        raise SourceError(what, "data/sources.yaml", "the catalogue names key(s) not listed "
                                                      f"for this table: {', '.join(unknown)}")
    props = client.data_properties(cfg.table)
    _require({str(p.get("Key")) for p in props if isinstance(p, dict)}, list(cfg.keys), what,
             f"{client.base_url}/{cfg.table}/DataProperties", "DataProperties")
    for name, wanted in ((PERIOD, cfg.periods.values()), (AGE, cfg.ages.values()),
                         (MARGIN, cfg.margins.values())):
        entries, url = client.dimension(cfg.table, name)
        _require(_keys(entries), list(wanted), what, url, name)


def health_tables(client: CbsODataClient, cfg: HealthTable, gemeente: str, *,
                  columns: set[str], extra_codes: tuple[str, ...] = ()) -> list[RawTable]:
    """One :class:`RawTable` per period of a Gezondheidsmonitor table, for a gemeente.

    Parameters
    ----------
    client
        OData client on the third-party catalogue (``cbs_dataderden.base_url``).
    cfg
        The table's entry of ``sources.yaml`` (periods, age groups, margins, keys).
    gemeente, extra_codes
        ``GMxxxx`` code fetched down to buurt level; further region codes (benchmarks).
    columns
        Key stems the catalogue reads from this table.

    Raises
    ------
    SourceError
        When a key is missing from the metadata or the rows, a fetch fails, or no rows
        come back.
    """
    check_metadata(client, cfg, columns)
    what = f"CBS table {cfg.table}"
    select = (REGION_KEY, PERIOD, AGE, MARGIN, *cfg.keys)
    rows, provs = client.typed_dataset(cfg.table, gemeente, extra_codes, select=select)
    url = provs[0].url
    if not rows:
        raise SourceError(what, url, f"no rows for {gemeente}")
    for key in select:
        if any(isinstance(r, dict) and key not in r for r in rows):
            raise SourceError(what, url, f"rows without key {key!r} (renamed?)")
    try:
        names = client.region_names(cfg.table, gemeente, extra_codes)
    except SourceError:
        names = {}  # names only label the data; the KWB tables name the same areas
    recs = _to_records(rows, names, what, url)
    year_of = {period: year for year, period in cfg.periods.items()}
    meta = {"title": cfg.title, "publisher": cfg.publisher, "table": cfg.table,
            "licence": cfg.licence, "credit": cfg.credit, "url": url,
            "retrieved_at": provs[0].retrieved_at, "boundaries": cfg.boundaries,
            "sha256": hashlib.sha256("\n".join(p.sha256 for p in provs).encode()).hexdigest(),
            "ages": dict(cfg.ages), "margins": dict(cfg.margins)}
    by_year: dict[int, list[dict[str, Any]]] = {}
    for rec in recs:
        year = year_of.get(str(rec.get(PERIOD)))
        if year is not None:
            by_year.setdefault(year, []).append(rec)
    return [RawTable(f"cbs-dataderden:{cfg.table}", KIND, KIND, year, by_year[year], meta)
            for year in sorted(by_year)]
