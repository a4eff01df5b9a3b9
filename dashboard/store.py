"""The store the UI queries: observations, areas and provenance, held in memory.

Files are read once per process (:func:`get_store`), then every query is served from
indexes built on open, never by re-reading files.
"""

from __future__ import annotations

import json
import threading
import unicodedata
from functools import cached_property
from pathlib import Path

import geopandas as gpd
import pandas as pd

from dashboard.areas import AreaConfig, load_areas
from dashboard.build import AREAS_FILE, FLAGS_FILE, MANIFEST_FILE, OBS_FILE
from dashboard.catalogue import Catalogue, load_catalogue
from dashboard.settings import get_settings

VALUE_COLUMNS = ["area_code", "area_name", "level", "year", "indicator", "value", "status",
                 "partial", "method", "source", "unit"]


class StoreNotFound(FileNotFoundError):
    """No (complete) store at the path; the message says how to build one."""


def _fold(text: str) -> str:
    norm = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return " ".join(norm.lower().replace("-", " ").split())


class Store:
    """A built store, opened read-only."""

    def __init__(self, path: Path, observations: pd.DataFrame, areas: gpd.GeoDataFrame,
                 boundary_changes: pd.DataFrame, manifest: dict, catalogue: Catalogue,
                 area_config: AreaConfig | None = None):
        self.path = Path(path)
        self.manifest = manifest
        self.catalogue = catalogue
        self.area_config = area_config
        self.areas = areas.set_index("code", drop=False)
        self.observations = observations
        self.boundary_changes = boundary_changes
        obs = observations.set_index(["indicator", "area_code", "year"]).sort_index()
        self._by_indicator = {key: grp.droplevel(0) for key, grp in obs.groupby(level=0)}
        self._flags = {(c, int(y)): bool(f) for c, y, f in boundary_changes[
            ["area_code", "year", "comparable_with_previous"]].itertuples(index=False)}

    # -- opening -----------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path | None = None, data_dir: str | Path | None = None) -> Store:
        """Open the store at ``path`` (default: settings).

        Raises
        ------
        StoreNotFound
            If the folder or one of its files is absent.
        """
        settings = get_settings()
        path = Path(path or settings.store_dir)
        data_dir = Path(data_dir or settings.data_dir)
        missing = [f for f in (OBS_FILE, AREAS_FILE, FLAGS_FILE, MANIFEST_FILE)
                   if not (path / f).is_file()]
        if missing:
            raise StoreNotFound(
                f"no store at {path} (missing {', '.join(missing)}); build one with "
                f"`python -m dashboard build --snapshot ../shared/snapshot --out {path}`")
        manifest = json.loads((path / MANIFEST_FILE).read_text(encoding="utf-8"))
        return cls(path, pd.read_parquet(path / OBS_FILE), gpd.read_parquet(path / AREAS_FILE),
                   pd.read_parquet(path / FLAGS_FILE), manifest,
                   load_catalogue(data_dir / "indicators.yaml"),
                   load_areas(data_dir / "areas.yaml"))

    # -- queries ----------------------------------------------------------------------
    def _frame(self, indicator: str) -> pd.DataFrame:
        self.catalogue[indicator]  # KeyError naming an unknown indicator
        return self._by_indicator.get(indicator, pd.DataFrame(
            columns=["value", "status", "partial", "method", "source"],
            index=pd.MultiIndex.from_arrays([[], []], names=["area_code", "year"])))

    def years(self, indicator: str) -> list[int]:
        """Years with at least one usable value of ``indicator``, ascending."""
        frame = self._frame(indicator)
        ok = frame[frame["status"] == "ok"]
        return sorted({int(y) for y in ok.index.get_level_values("year")})

    def values(self, indicator: str, year: int, level: str | None = None,
               areas: list[str] | None = None, lang: str = "nl") -> pd.DataFrame:
        """Tidy rows of one indicator and year, for a level or a list of area codes.

        Returns
        -------
        pandas.DataFrame
            Columns ``area_code, area_name, level, year, indicator, value, status, partial,
            method, source, unit``; areas of the level without a row are absent.
        """
        frame = self._frame(indicator)
        try:
            rows = frame.xs(int(year), level="year").reset_index()
        except KeyError:
            rows = pd.DataFrame(columns=["area_code", *frame.columns])
        meta = self.areas.loc[self.areas.index.intersection(rows["area_code"]),
                              ["level", "name"]]
        rows = rows.join(meta, on="area_code", how="inner")
        if level:
            rows = rows[rows["level"] == level]
        if areas is not None:
            rows = rows[rows["area_code"].isin(list(areas))]
        ind = self.catalogue[indicator]
        rows = rows.assign(year=int(year), indicator=indicator, unit=ind.unit.get(lang),
                           area_name=[self.area_name(c, lang) for c in rows["area_code"]])
        return rows[VALUE_COLUMNS].sort_values("area_code").reset_index(drop=True)

    def series(self, area: str, indicator: str) -> pd.DataFrame:
        """All years of one area and indicator.

        ``comparable_with_previous`` is False where CBS flags a boundary change against the
        year before (a chart must not connect those points), None where unknown.
        """
        frame = self._frame(indicator)
        code = self.area(area)["code"]
        try:
            rows = frame.xs(code, level="area_code").reset_index()
        except KeyError:
            rows = pd.DataFrame(columns=["year", *frame.columns])
        rows = rows.assign(year=rows["year"].astype(int)).sort_values("year")
        years = list(rows["year"])
        rows["comparable_with_previous"] = [
            self._comparable(code, prev, year) if prev is not None else None
            for prev, year in zip([None, *years], years, strict=False)]
        return rows.reset_index(drop=True)

    def _comparable(self, code: str, prev: int, year: int) -> bool | None:
        """False if CBS flags a boundary change in any year after ``prev`` up to ``year``;
        True if every one of those years is flagged unchanged; None if unknown."""
        flags = [self._flags.get((code, y)) for y in range(prev + 1, year + 1)]
        if False in flags:
            return False
        return True if all(f is True for f in flags) else None

    def metadata(self, indicator: str, lang: str = "nl") -> dict:
        """Definition, unit, licence, caveats and the source table per year."""
        ind = self.catalogue[indicator]
        frame = self._frame(indicator)
        published = frame[frame["method"] == "published"].reset_index()
        src_by_id = {s["id"]: s for s in self.manifest.get("sources", [])}
        per_year = {}
        for year, grp in published.groupby("year"):
            ids = sorted(set(grp["source"]))
            per_year[int(year)] = [{"id": i, "table": src_by_id.get(i, {}).get("table"),
                                    "title": src_by_id.get(i, {}).get("title"),
                                    "licence": src_by_id.get(i, {}).get("licence")} for i in ids]
        return {"key": ind.key, "label": ind.label.get(lang),
                "definition": ind.definition.get(lang), "unit": ind.unit.get(lang),
                "theme": ind.theme, "kind": ind.kind, "direction": ind.direction,
                "aggregation": ind.aggregation.model_dump(exclude_none=True),
                "decimals": ind.decimals, "licence": ind.licence,
                "caveats": ind.caveats.get(lang) if ind.caveats else None,
                "years": self.years(indicator), "sources_per_year": per_year}

    def area(self, code_or_name: str) -> dict:
        """Look an area up by code (any case) or by name (accents and case ignored).

        Raises
        ------
        KeyError
            Naming what was asked, when nothing or more than one area matches a name.
        """
        key = str(code_or_name).strip()
        if key.upper() in self.areas.index:
            key = key.upper()
        if key in self.areas.index:
            row = self.areas.loc[key]
        else:
            hits = self._names.get(_fold(key), [])
            if len(hits) != 1:
                what = "no area" if not hits else f"{len(hits)} areas ({', '.join(hits)})"
                raise KeyError(f"{what} named {code_or_name!r}")
            row = self.areas.loc[hits[0]]
        return {"code": row["code"], "name": self.area_name(row["code"], "nl"),
                "name_en": self.area_name(row["code"], "en"), "level": row["level"],
                "parent": row["parent"], "gemeente": row["gemeente"],
                "groups": [g for g in str(row["groups"] or "").split(",") if g],
                "boundary_year": None if pd.isna(row["boundary_year"])
                else int(row["boundary_year"])}

    def area_name(self, code: str, lang: str = "nl") -> str:
        custom = self.area_config.by_code() if self.area_config else {}
        if code in custom:
            return custom[code].name(lang)
        return str(self.areas.at[code, "name"]) if code in self.areas.index else code

    @cached_property
    def _names(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for code in self.areas.index:
            for lang in ("nl", "en"):
                names = out.setdefault(_fold(self.area_name(code, lang)), [])
                if code not in names:
                    names.append(code)
        return out

    def summary(self) -> dict:
        """What the store holds, for the overview page (see layouts/home.py)."""
        ok = self.observations[self.observations["status"] == "ok"]
        gm = self.areas[self.areas["level"] == "gemeente"]
        detail = sorted(self.manifest.get("gemeenten", []))
        themes: dict[str, list] = {t: [] for t in self.catalogue.by_theme()}
        for ind in self.catalogue:
            srcs = sorted(set(self._frame(ind.key)["source"]))
            themes[ind.theme].append({
                "key": ind.key, "label": ind.label.model_dump(), "unit": ind.unit.model_dump(),
                "years": self.years(ind.key), "sources": srcs})
        return {
            "built_at": self.manifest.get("built_at"), "store_path": str(self.path),
            "gemeenten": [{"code": c, "name": self.area_name(c)} for c in detail],
            "n_gemeenten_benchmark": int(len(gm)),
            "levels": {lvl: int(n) for lvl, n in self.areas["level"].value_counts().items()},
            "years": sorted({int(y) for y in ok["year"]}),
            "n_observations": int(len(self.observations)),
            "themes": themes,
            "sources": [{k: s.get(k) for k in ("id", "title", "publisher", "table", "years",
                                                "retrieved_at", "sha256", "licence", "credit",
                                                "origin")}
                        | {"year": (s.get("years") or [None])[-1]}
                        for s in self.manifest.get("sources", [])],
            "counts": self.manifest.get("counts", {}),
        }


_LOCK = threading.Lock()
_CACHE: dict[Path, tuple[float, Store]] = {}


def get_store(path: str | Path | None = None) -> Store:
    """The store at ``path`` (default: settings), opened once per process.

    Re-opened when the manifest changes (a new build swapped in).
    """
    path = Path(path or get_settings().store_dir).resolve()
    manifest = path / MANIFEST_FILE
    stamp = manifest.stat().st_mtime if manifest.is_file() else -1.0
    with _LOCK:
        hit = _CACHE.get(path)
        if hit and hit[0] == stamp:
            return hit[1]
        store = Store.open(path)
        _CACHE[path] = (stamp, store)
        return store
