"""``data/sources.yaml``: API base URLs, KWB table ids per year, markers, benchmarks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from dashboard.yamlfile import read_yaml

TABLE_RE = re.compile(r"^\d{5}[A-Z]{3}$")


class SourceConfigError(ValueError):
    """sources.yaml is malformed; the message names the file and field."""


@dataclass(frozen=True)
class SourceConfig:
    odata_base: str
    kwb_tables: dict[int, str]
    pdok_base: str
    pdok_collections: dict[str, str]
    unchanged_codes: frozenset[str]
    benchmarks: dict[str, tuple[str, ...]]

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
            benchmarks={k: tuple(v) for k, v in (raw.get("benchmarks") or {}).items()})
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise SourceConfigError(f"{path}: missing or malformed field {exc}") from None
    bad = [f"{y}: {t}" for y, t in cfg.kwb_tables.items() if not TABLE_RE.match(t)]
    if bad:
        raise SourceConfigError(f"{path}: field cbs_odata.kwb_tables: not table ids: {bad}")
    return cfg
