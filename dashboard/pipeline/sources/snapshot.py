"""Readers for an offline snapshot folder of published files (see its ``datapackage.json``).

Every reader returns :class:`~dashboard.pipeline.sources.records.RawTable` objects, the same shape
the live API clients return, so the build does not care where the data came from.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dashboard.areas import clean_code, gemeente_of, level_of
from dashboard.pipeline.sources.cbs_odata import raw_table_from_recorded
from dashboard.pipeline.sources.records import (
    BOUNDARY_FLAG,
    CODE,
    GEMEENTE,
    LEVEL,
    NAME,
    RawTable,
)


class SnapshotError(ValueError):
    """A snapshot file is missing, corrupt or not what datapackage.json says."""


@dataclass(frozen=True)
class Resource:
    """One file listed in datapackage.json."""

    name: str
    path: Path
    kind: str
    years: tuple[int, ...]
    levels: tuple[str, ...]
    table: str | None
    publisher: str
    sha256: str | None
    licence: str
    origin: str

    @property
    def rel(self) -> str:
        return f"snapshot:{self.name}"


def load_datapackage(root: Path) -> list[Resource]:
    """List the resources of a snapshot folder.

    Raises
    ------
    SnapshotError
        If ``datapackage.json`` is missing or malformed, naming the file and field.
    """
    pkg_path = Path(root) / "datapackage.json"
    try:
        pkg = json.loads(pkg_path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SnapshotError(f"{pkg_path}: cannot read ({exc.strerror})") from None
    except json.JSONDecodeError as exc:
        raise SnapshotError(f"{pkg_path}: not valid JSON: {exc}") from None
    out = []
    for i, res in enumerate(pkg.get("resources", [])):
        try:
            lic = (res.get("licenses") or [{}])[0]
            out.append(Resource(
                name=res["name"], path=Path(root) / res["path"], kind=res["kind"],
                years=tuple(int(y) for y in res.get("years", [])),
                levels=tuple(res.get("levels", [])), table=res.get("table"),
                publisher=res.get("publisher", ""),
                sha256=(res.get("hash") or "").split(":", 1)[-1] or None,
                licence=lic.get("name", "unstated"),
                origin="; ".join(s.get("title", "") for s in res.get("sources", [])),
            ))
        except (KeyError, TypeError, ValueError) as exc:
            raise SnapshotError(f"{pkg_path}: resource {i}: bad or missing field {exc}") from None
    return out


def read_bytes(res: Resource) -> bytes:
    """Read a resource and check its sha256 against the datapackage."""
    try:
        data = res.path.read_bytes()
    except OSError as exc:
        raise SnapshotError(f"{res.path}: cannot read ({exc.strerror})") from None
    if res.sha256 and hashlib.sha256(data).hexdigest() != res.sha256:
        raise SnapshotError(f"{res.path}: sha256 differs from datapackage.json (corrupt or edited)")
    return data


def _mtime_iso(path: Path) -> str:
    return datetime.fromtimestamp(path.stat().st_mtime, UTC).isoformat(timespec="seconds")


def _meta(res: Resource, **extra: Any) -> dict[str, Any]:
    credit = "Gemeente Rotterdam, OBI" if "Rotterdam" in res.publisher else "bron: CBS"
    return {"title": extra.pop("title", res.name), "publisher": res.publisher, "table": res.table,
            "path": str(res.path), "origin": res.origin, "sha256": res.sha256,
            "licence": res.licence, "credit": credit,
            "retrieved_at": extra.pop("retrieved_at", None) or _mtime_iso(res.path), **extra}


def _csv_rows(res: Resource) -> list[dict[str, str]]:
    text = read_bytes(res).decode("utf-8-sig")
    reader = csv.DictReader(text.splitlines())
    if not reader.fieldnames:
        raise SnapshotError(f"{res.path}: empty CSV (no header)")
    rows = list(reader)
    for n, row in enumerate(rows, start=2):
        if None in row:
            raise SnapshotError(f"{res.path}: line {n} has more fields than the header")
    return rows


def _flag(value: Any) -> str | None:
    text = clean_code(value)
    if not text:
        return None
    return text[:-2] if text.endswith(".0") else text


def _with_ids(rec: dict[str, Any], code: str, name: str | None, boundary: Any = None) -> dict:
    code = clean_code(code)
    rec.update({CODE: code, NAME: (name or "").strip() or None, LEVEL: level_of(code),
                GEMEENTE: gemeente_of(code) if level_of(code) else None,
                BOUNDARY_FLAG: _flag(boundary)})
    return rec


def read_odata(res: Resource) -> list[RawTable]:
    """Recorded CBS OData TypedDataSet responses (one file may hold several years)."""
    try:
        payload = json.loads(read_bytes(res))
    except json.JSONDecodeError as exc:
        raise SnapshotError(f"{res.path}: not valid JSON: {exc}") from None
    parts = {str(payload["year"]): payload} if "rows" in payload else payload
    tables = [t for t in (res.table or "").split(",") if t]
    out = []
    for i, (year, part) in enumerate(sorted(parts.items())):
        if not isinstance(part, dict) or "rows" not in part:
            raise SnapshotError(f"{res.path}: year {year}: no 'rows' list")
        table = tables[i] if i < len(tables) else (tables[0] if tables else "?")
        raw = raw_table_from_recorded(
            part, table=table, year=int(year), path=str(res.path), sha256=res.sha256 or "",
            retrieved_at=part.get("retrievedAt") or _mtime_iso(res.path))
        # A recording is either a whole gemeente's answer (every buurt: tells which buurten
        # make up a wijk) or a single-area fixture, which must not.
        raw.meta["complete"] = len(raw.records) > 1
        raw.meta["origin"] = res.origin
        out.append(raw)
    return out


def read_statline(res: Resource) -> list[RawTable]:
    """StatLine CSV export of KWB (columns ``"Name [unit]"``)."""
    rows = _csv_rows(res)
    for col in ("codering", "wijken_en_buurten"):
        if col not in rows[0]:
            raise SnapshotError(f"{res.path}: column {col!r} missing")
    flag_col = "Indelingswijziging wijken en buurten [code]"
    recs = [_with_ids(dict(r), r["codering"], _strip_wijk_prefix(r["wijken_en_buurten"]),
                      r.get(flag_col)) for r in rows]
    year = res.years[0]
    meta = _meta(res, title=f"Kerncijfers wijken en buurten {year} (StatLine CSV export)",
                 complete=True)
    return [RawTable(f"cbs-statline:{res.table}", "kwb", "statline", year, recs, meta)]


_WIJK_PREFIX = re.compile(r"^Wijk \d+\s+")


def _strip_wijk_prefix(name: str) -> str:
    return _WIJK_PREFIX.sub("", (name or "").strip())


_WBK_ID = {"buurt": ("buurtcode", "buurtnaam"), "wijk": ("wijkcode", "wijknaam"),
           "gemeente": ("gemeentecode", "gemeentenaam")}


def read_wbk(res: Resource) -> list[RawTable]:
    """Wijk- en Buurtkaart attribute CSV (PDOK snake_case names); land parts only."""
    rows = _csv_rows(res)
    level = res.levels[0]
    code_col, name_col = _WBK_ID[level]
    if code_col not in rows[0]:
        raise SnapshotError(f"{res.path}: column {code_col!r} missing")
    recs = [_with_ids(dict(r), r[code_col], r.get(name_col),
                      r.get("indelingswijziging_wijken_en_buurten"))
            for r in rows if r.get("water", "NEE") == "NEE"]
    year = res.years[0]
    meta = _meta(res, title=f"Wijk- en Buurtkaart {year}, kerncijfers per {level}",
                 complete=True)
    return [RawTable(f"cbs-wbk:{year}:{level}", "kwb", "wbk", year, recs, meta)]


def read_wijkprofiel(res: Resource) -> list[RawTable]:
    """Gemeente Rotterdam Wijkprofiel files (per edition and index, or the Zuid series)."""
    rows = _csv_rows(res)
    stem = res.path.stem
    if "indices_2014-2026" in stem:
        by_year: dict[int, list[dict]] = {}
        for r in rows:
            codes = [c for c in r.get("cbs_buurtcodes_2024", "").split(";") if c.strip()]
            if len(codes) != 1:  # combined areas have no CBS counterpart
                continue
            by_year.setdefault(int(r["editie"]), []).append(_with_ids(dict(r), codes[0], r["wijk"]))
        return [RawTable("rotterdam-wijkprofiel:series", "wijkprofiel_series", "wijkprofiel_series",
                         y, recs, _meta(res, title="Wijkprofiel Rotterdam, indexreeks Zuid"))
                for y, recs in sorted(by_year.items())]
    if "long" in stem:
        return []  # the same scores as the per-index files
    m = re.match(r"wijkprofiel_(\d{4})_(.+)$", stem)
    if not m:
        raise SnapshotError(f"{res.path}: unexpected Wijkprofiel file name")
    year, index = int(m.group(1)), m.group(2)
    recs = [_with_ids(dict(r), r["cbs_codes_afgeleid"], r["wijk"]) for r in rows
            if r.get("niveau") in {"buurt", "gebied", "stad"}]
    meta = _meta(res, title=f"Wijkprofiel Rotterdam {year}, {index.replace('_', ' ')}", file=index)
    return [RawTable(f"rotterdam-wijkprofiel:{year}:{index}", "wijkprofiel", "wijkprofiel", year,
                     recs, meta)]


def read_thirdparty(res: Resource) -> list[RawTable]:
    """Third-party per-area files: only rows that are exactly one CBS buurt are used."""
    rows = _csv_rows(res)
    kind = "politie" if "politie" in res.path.stem else "thirdparty_kwb"
    by_year: dict[int, dict[str, dict]] = {}
    for r in rows:
        codes = [c for c in r.get("cbs_buurtcodes_2024", "").split(";") if c.strip()]
        if len(codes) != 1 or r.get("n_cbs_buurten", "1") not in {"1", ""}:
            continue
        # Groot-IJsselmonde Noord and Zuid repeat the same buurt: keep it once.
        by_year.setdefault(int(r["jaar"]), {}).setdefault(
            codes[0], _with_ids(dict(r), codes[0], None))
    title = ("Politie, geregistreerde misdrijven per Zuid-wijk (derde partij)" if kind == "politie"
             else "CBS KWB per Zuid-wijk, bewerkt door derde partij")
    return [RawTable(f"thirdparty:{kind}", kind, kind, y, list(recs.values()),
                     _meta(res, title=title)) for y, recs in sorted(by_year.items())]


READERS = {
    "cbs-odata-typeddataset": read_odata,
    "statline-csv": read_statline,
    "wbk-attributes-csv": read_wbk,
    "wijkprofiel-csv": read_wijkprofiel,
    "derived-kwb-csv": read_thirdparty,
    "derived-csv": read_thirdparty,
}


def read_tables(root: Path, progress=None) -> list[RawTable]:
    """Read every data table of a snapshot folder as raw tables."""
    out: list[RawTable] = []
    for res in load_datapackage(root):
        reader = READERS.get(res.kind)
        if reader is None:
            continue
        if progress:
            progress(f"reading {res.path.relative_to(root)}")
        try:
            out.extend(reader(res))
        except SnapshotError:
            raise
        except (KeyError, ValueError, UnicodeDecodeError) as exc:
            raise SnapshotError(f"{res.path}: cannot read as {res.kind}: {exc!r}") from None
    return out


def _first_properties(res: Resource) -> dict:
    try:
        doc = json.loads(read_bytes(res))
        if res.kind == "boundaries-topojson":
            obj = next(iter(doc["objects"].values()))
            return (obj.get("geometries") or [obj])[0].get("properties") or {}
        return doc["features"][0]["properties"] or {}
    except (json.JSONDecodeError, KeyError, IndexError, TypeError, StopIteration) as exc:
        raise SnapshotError(f"{res.path}: not a GeoJSON/TopoJSON layer ({exc!r})") from None


_NAME_FIELDS = {"buurt": ("buurtnaam", "statnaam"), "wijk": ("wijknaam", "statnaam"),
                "gemeente": ("gemeentenaam", "statnaam", "naam")}


def _loader(res: Resource, level: str):
    def load():
        from geo.boundaries import read_boundaries

        props = _first_properties(res)  # also checks the file's hash
        code = next((k for k, v in props.items()
                     if isinstance(v, str) and level_of(v) == level), None)
        if code is None:
            raise SnapshotError(f"{res.path}: no property holds {level} codes")
        name = next((f for f in _NAME_FIELDS[level] if f in props), None)
        where = {"water": "NEE"} if "water" in props else None
        try:
            gdf = read_boundaries(res.path, code, name, where=where)
        except (KeyError, ValueError, OSError) as exc:
            raise SnapshotError(f"{res.path}: cannot read boundaries: {exc}") from None
        return gdf[[level_of(c) == level for c in gdf["code"]]]
    return load


def boundary_resources(root: Path) -> list:
    """Boundary sources (gemeente, wijk, buurt) of a snapshot folder, loaded on demand."""
    from dashboard.pipeline.geometry import BoundarySource

    out = []
    for res in load_datapackage(root):
        if not res.kind.startswith("boundaries-"):
            continue
        for level in res.levels:
            if level not in ("gemeente", "wijk", "buurt"):
                continue
            meta = _meta(res, title=f"{res.publisher}: {res.path.name}")
            meta["bytes"] = res.path.stat().st_size if res.path.exists() else 0
            out.append(BoundarySource(res.rel, level, res.years[0], res.publisher,
                                      _loader(res, level), meta))
    return out
