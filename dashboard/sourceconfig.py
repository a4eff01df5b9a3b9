"""``data/sources.yaml``: API base URLs, KWB and health table ids, markers, benchmarks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.yamlfile import read_yaml

TABLE_RE = re.compile(r"^\d{5}[A-Z]{3}$")


class SourceConfigError(ValueError):
    """sources.yaml is malformed; the message names the file and field."""


@dataclass(frozen=True)
class HealthTable:
    """One Gezondheidsmonitor table of the third-party catalogue, with its confirmed keys.

    ``periods`` maps a year to its ``Perioden`` key, ``ages`` an age label (``18+``) to its
    ``Leeftijd`` key, ``margins`` ``value``/``lower``/``upper`` to ``Marges`` keys; ``keys``
    are the DataProperties keys the catalogue may name; ``boundaries`` names the set of
    areas the estimates are for (another value means a break in a series).
    """

    table: str
    title: str
    publisher: str
    licence: str
    credit: str
    boundaries: str
    periods: dict[int, str]
    ages: dict[str, str]
    margins: dict[str, str]
    keys: tuple[str, ...]


@dataclass(frozen=True)
class WaterSource:
    """Where the live build takes the map's water surfaces (``sources.yaml``: ``top10nl``)."""

    base_url: str
    collection: str
    licence: str
    credit: str
    title: str


@dataclass(frozen=True)
class SourceConfig:
    odata_base: str
    kwb_tables: dict[int, str]
    pdok_base: str
    pdok_collections: dict[str, str]
    unchanged_codes: frozenset[str]
    benchmarks: dict[str, tuple[str, ...]]
    dataderden_base: str = ""
    health_tables: tuple[HealthTable, ...] = field(default=())
    water: WaterSource | None = None

    def table_for(self, year: int) -> str:
        try:
            return self.kwb_tables[year]
        except KeyError:
            raise SourceConfigError(f"no KWB table id for year {year} in sources.yaml") from None


def load_source_config(path: str | Path) -> SourceConfig:
    """Read and validate ``sources.yaml``."""
    path = Path(path)
    raw = read_yaml(path, SourceConfigError)
    try:
        odata, pdok = raw["cbs_odata"], raw["pdok"]
        tables = {int(y): str(t) for y, t in odata["kwb_tables"].items()}
        cfg = SourceConfig(
            odata_base=str(odata["base_url"]).rstrip("/"), kwb_tables=tables,
            pdok_base=str(pdok["base_url"]).rstrip("/"),
            pdok_collections=dict(pdok["collections"]),
            unchanged_codes=frozenset(str(c) for c in raw["boundary_change"]["unchanged_codes"]),
            benchmarks={k: tuple(v) for k, v in (raw.get("benchmarks") or {}).items()},
            water=_water(raw.get("top10nl")), **_dataderden(raw.get("cbs_dataderden")))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise SourceConfigError(f"{path}: missing or malformed field {exc}") from None
    bad = [f"{y}: {t}" for y, t in cfg.kwb_tables.items() if not TABLE_RE.match(t)]
    bad += [h.table for h in cfg.health_tables if not TABLE_RE.match(h.table)]
    if bad:
        raise SourceConfigError(f"{path}: field cbs_odata.kwb_tables or cbs_dataderden: "
                                f"not table ids: {bad}")
    return cfg


def _water(raw: dict | None) -> WaterSource | None:
    if not raw:
        return None
    return WaterSource(base_url=str(raw["base_url"]).rstrip("/"),
                       collection=str(raw["collection"]), licence=str(raw["licence"]),
                       credit=str(raw["credit"]), title=str(raw["title"]))


def _dataderden(raw: dict | None) -> dict:
    if not raw:
        return {}
    tables = []
    for entry in raw.get("gezondheid") or ():
        marges = {k: str(entry["margins"][k]) for k in ("value", "lower", "upper")}
        tables.append(HealthTable(
            table=str(entry["table"]), title=str(entry["title"]),
            publisher=str(entry["publisher"]), licence=str(entry["licence"]),
            credit=str(entry["credit"]), boundaries=str(entry["boundaries"]),
            periods={int(y): str(p) for y, p in entry["periods"].items()},
            ages={str(a): str(k) for a, k in entry["ages"].items()}, margins=marges,
            keys=tuple(str(k) for k in entry["keys"])))
    return {"dataderden_base": str(raw["base_url"]).rstrip("/"), "health_tables": tuple(tables)}
