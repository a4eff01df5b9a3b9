"""The store the UI queries: observations, areas and provenance.

Opened once per process (:func:`get_store`). Areas, boundary changes and the manifest are
held in memory; the observations stay in their parquet file behind a query engine
(:mod:`dashboard.store.engine`), and the indicators a worker is asked about are kept in a
compact index (:mod:`dashboard.store.index`), so memory does not grow with the store.
"""

from __future__ import annotations

import logging
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa

from dashboard.areas import AreaConfig, load_areas
from dashboard.catalogue import Catalogue, load_catalogue
from dashboard.settings import get_settings
from dashboard.store.checks import check_schema, read_frame, read_manifest
from dashboard.store.coverage import CoverageIndex
from dashboard.store.files import (
    AREAS_FILE,
    FLAGS_FILE,
    MANIFEST_FILE,
    OBS_FILE,
    PC4_FILE,
    WATER_FILE,
    ServedCopy,
    StoreNotFound,
)
from dashboard.store.index import ObservationIndex
from dashboard.store.names import AreaNames

LOG = logging.getLogger(__name__)
VALUE_COLUMNS = ["area_code", "area_name", "level", "year", "indicator", "value", "status",
                 "partial", "method", "source", "quality", "unit", "lower", "upper"]


class Store(ObservationIndex, AreaNames, CoverageIndex):
    """A built store, opened read-only.

    ``observations`` is the parquet file of the observations or a DataFrame of them.
    The indexes and name look-ups are built from ``observations``, ``areas`` and
    ``area_config`` as given (some on first use); do not change or reassign them.
    """

    def __init__(self, path: Path, observations: pd.DataFrame | Path, areas: gpd.GeoDataFrame,
                 boundary_changes: pd.DataFrame, manifest: dict, catalogue: Catalogue,
                 area_config: AreaConfig | None = None):
        self.path = Path(path)
        self.manifest = manifest
        self.catalogue = catalogue
        self.area_config = area_config
        self.areas = areas.set_index("code", drop=False)
        self._source_areas = {s["id"]: s["boundaries"] for s in manifest.get("sources", [])
                              if s.get("boundaries")}
        self.boundary_changes = boundary_changes
        self._index(observations)
        self._flags = BoundaryFlags(boundary_changes)
        self._names_by_lang: dict[str, np.ndarray] = {}
        #: the optional map layers: postcode-4 areas (``code, geometry``) and water parts
        #: (``source, geometry``), None if the build wrote none; ``layers_read`` says
        #: :meth:`open` read (and checked) them, so nothing reads their files later
        #: the private copy of the observations a served store queries (see :meth:`open`)
        self._served_copy: ServedCopy | None = None
        self.pc4: gpd.GeoDataFrame | None = None
        self.water: gpd.GeoDataFrame | None = None
        self.layers_read = False

    # -- opening -----------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path | None = None, data_dir: str | Path | None = None,
             private: bool = False) -> Store:
        """Open the store at ``path`` (default: settings).

        Every file is read and checked (:mod:`dashboard.store.checks`) before the store is
        returned, the optional ``pc4.parquet`` and ``water.parquet`` included. With
        ``private`` (the app's :func:`get_store`) the observations, which are queried
        lazily, are first copied to a file of the store's own, so damage to the folder
        later never reaches it.

        Raises
        ------
        StoreNotFound
            If the folder or one of its files is absent.
        StoreCorrupt
            If a file cannot be read or holds the wrong columns or kinds of values.
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
        manifest = read_manifest(path / MANIFEST_FILE)
        copy = ServedCopy(path / OBS_FILE) if private else None
        observations = copy.path if copy else path / OBS_FILE
        # the observations stay in their file (queried lazily): their schema is checked
        store = cls(path, check_schema(observations), read_frame(path / AREAS_FILE, geo=True),
                    read_frame(path / FLAGS_FILE), manifest,
                    load_catalogue(data_dir / "indicators.yaml"),
                    load_areas(data_dir / "areas.yaml"))
        store._served_copy = copy  # the private copy lives as long as the store
        if (path / PC4_FILE).is_file():
            store.pc4 = read_frame(path / PC4_FILE, geo=True)
        if (path / WATER_FILE).is_file():
            store.water = read_frame(path / WATER_FILE, geo=True)
        store.layers_read = True
        pa.default_memory_pool().release_unused()  # buffers freed while reading, indexing
        return store

    # -- queries ----------------------------------------------------------------------
    def values(self, indicator: str, year: int, level: str | None = None,
               areas: list[str] | None = None, lang: str = "nl") -> pd.DataFrame:
        """Tidy rows of one indicator and year, for a level or a list of area codes.

        Returns
        -------
        pandas.DataFrame
            Columns ``area_code, area_name, level, year, indicator, value, status, partial,
            method, source, quality, unit, lower, upper`` (the bounds of a published 95 %
            interval, NaN where there is none); areas of the level without a row are absent.
            ``quality`` is ``ok``, a reason the value is unreliable (see
            ``dashboard.catalogue.QUALITY_REASONS``), or None where there is no value.
        """
        ind = self.catalogue[indicator]  # KeyError naming an unknown indicator
        year = int(year)
        idx = self._indicator(indicator)
        span = idx.spans.get(year) if idx is not None else None
        columns = ["area_code", *self._columns(indicator)]
        area_of_code = self._area_positions(idx) if span is not None else None
        if span is None or area_of_code is None:  # no rows, or area codes repeat
            rows = (pd.DataFrame(columns=columns) if span is None
                    else idx.take(np.arange(*span), columns))
            return self._join_values(rows, indicator, year, level, areas, lang)
        start, stop = span
        code = idx.cols["area_code"].codes[start:stop]
        where = area_of_code[code]  # position in areas; -1: not an area (left out)
        keep = where >= 0
        if level:
            level_codes, level_ids = self._levels
            wanted = level_ids.get(level, -2) if isinstance(level, str) else -2
            keep &= level_codes[where] == wanted
        if areas is not None:
            chosen = np.zeros(idx.n_codes + 1, dtype=bool)
            chosen[[idx.code_ids[c] for c in list(areas) if c in idx.code_ids]] = True
            keep &= chosen[code]
        where, rows = where[keep], np.flatnonzero(keep) + start
        # Already in area_code order: the index sorts by code within an (indicator, year).
        # One constructor call; the dtypes are those the join (_join_values) gives.
        computed = {"area_name": self._area_names(lang)[where].tolist(),
                    "level": self.areas["level"].array.take(where), "year": year,
                    "indicator": indicator, "unit": ind.unit.get(lang)}
        for bound in ("lower", "upper"):  # a store built before intervals were kept
            if bound not in idx.cols:
                computed[bound] = np.full(len(rows), np.nan)
        return pd.DataFrame({c: computed[c] if c in computed else idx.cols[c].take(rows)
                             for c in VALUE_COLUMNS}, index=pd.RangeIndex(len(rows)))

    def _join_values(self, rows: pd.DataFrame, indicator: str, year: int, level: str | None,
                     areas: list[str] | None, lang: str) -> pd.DataFrame:
        """:meth:`values` by joining ``rows`` to the areas (no rows, or codes repeat)."""
        meta = self.areas.loc[self.areas.index.intersection(rows["area_code"]),
                              ["level", "name"]]
        rows = rows.join(meta, on="area_code", how="inner")
        if level:
            rows = rows[rows["level"] == level]
        if areas is not None:
            rows = rows[rows["area_code"].isin(list(areas))]
        unit = self.catalogue[indicator].unit.get(lang)
        rows = rows.assign(year=year, indicator=indicator, unit=unit,
                           area_name=[self.area_name(c, lang) for c in rows["area_code"]])
        return rows[VALUE_COLUMNS].sort_values("area_code").reset_index(drop=True)

    def series(self, area: str, indicator: str) -> pd.DataFrame:
        """All years of one area and indicator.

        ``comparable_with_previous`` is False where CBS flags a boundary change against the
        year before (a chart must not connect those points), None where unknown. Values
        from tables that state their areas (``boundaries``, e.g. the Gezondheidsmonitor)
        are comparable when both years come from the same set of areas, a break otherwise.
        """
        self.catalogue[indicator]  # KeyError naming an unknown indicator
        code = self.area(area)["code"]
        columns = ["year", *self._columns(indicator)]
        idx = self._indicator(indicator)
        cid = idx.code_ids.get(code) if idx is not None else None
        found: list[int] = []
        if cid is not None:
            codes = idx.cols["area_code"].codes
            for _, s, e in idx.year_spans:
                part = codes[s:e]
                found.extend(range(s + int(np.searchsorted(part, cid, "left")),
                                   s + int(np.searchsorted(part, cid, "right"))))
        rows = (idx.take(np.array(found), columns) if found
                else pd.DataFrame(columns=columns))
        rows = rows.assign(year=rows["year"].astype(int)).sort_values("year")
        years = list(rows["year"])
        areas = [self._source_areas.get(s) for s in rows["source"]]
        rows["comparable_with_previous"] = [
            None if prev is None else (prev_areas == this_areas) if prev_areas and this_areas
            else self._comparable(code, prev, year)
            for prev, year, prev_areas, this_areas in zip([None, *years], years, [None, *areas],
                                                          areas, strict=False)]
        return rows.reset_index(drop=True)

    def _comparable(self, code: str, prev: int, year: int) -> bool | None:
        """False if CBS flags a boundary change in any year after ``prev`` up to ``year``;
        True if every one of those years is flagged unchanged; None if unknown."""
        flags = [self._flags.get(code, y) for y in range(prev + 1, year + 1)]
        if False in flags:
            return False
        return True if all(f is True for f in flags) else None

    def metadata(self, indicator: str, lang: str = "nl") -> dict:
        """Definition, unit, licence, caveats and the source table per year."""
        ind = self.catalogue[indicator]
        frame = self._overview[self._overview["indicator"] == indicator].dropna(
            subset=["year"])
        published = frame[frame["method"] == "published"]
        src_by_id = {s["id"]: s for s in self.manifest.get("sources", [])}
        per_year = {}
        for year, grp in published.groupby("year"):
            ids = sorted(set(grp["source"].unique()))
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

    def summary(self) -> dict:
        """What the store holds, for the overview page (see layouts/home.py)."""
        overview = self._overview.dropna(subset=["year"])
        ok_years = overview.loc[overview["ok"], "year"].unique()
        gm = self.areas[self.areas["level"] == "gemeente"]
        detail = sorted(self.manifest.get("gemeenten", []))
        themes: dict[str, list] = {t: [] for t in self.catalogue.by_theme()}
        for ind in self.catalogue:
            srcs = sorted(set(self._overview.loc[self._overview["indicator"] == ind.key,
                                                 "source"].unique()))
            themes[ind.theme].append({
                "key": ind.key, "label": ind.label.model_dump(), "unit": ind.unit.model_dump(),
                "years": self.years(ind.key), "sources": srcs})
        return {
            "built_at": self.manifest.get("built_at"), "store_path": str(self.path),
            "gemeenten": [{"code": c, "name": self.area_name(c)} for c in detail],
            "n_gemeenten_benchmark": int(len(gm)),
            "levels": {lvl: int(n) for lvl, n in self.areas["level"].value_counts().items()},
            "years": sorted({int(y) for y in ok_years}),
            "n_observations": self.n_observations,
            "themes": themes,
            "sources": [{k: s.get(k) for k in ("id", "title", "publisher", "table", "years",
                                                "retrieved_at", "sha256", "licence", "credit",
                                                "origin")}
                        | {"year": (s.get("years") or [None])[-1]}
                        for s in self.manifest.get("sources", [])],
            "counts": self.manifest.get("counts", {}),
        }


class BoundaryFlags:
    """CBS's "comparable with the previous year" per (area, year), sorted for look-ups
    (a dict of every pair would take tens of MB at national scale)."""

    def __init__(self, changes: pd.DataFrame):
        frame = changes[["area_code", "year", "comparable_with_previous"]].dropna(
            subset=["area_code", "year"])
        frame = frame.iloc[np.lexsort((frame["year"].to_numpy(),
                                       frame["area_code"].to_numpy(dtype=str)))]
        self._years = frame["year"].to_numpy(dtype=np.int32)
        self._flags = frame["comparable_with_previous"].to_numpy(dtype=bool)
        codes = frame["area_code"].to_numpy(dtype=str)
        cuts = np.flatnonzero(codes[1:] != codes[:-1]) + 1
        starts = np.concatenate([[0], cuts]).tolist() if len(codes) else []
        stops = np.concatenate([cuts, [len(codes)]]).tolist() if len(codes) else []
        self._spans = {str(codes[s]): (s, e) for s, e in zip(starts, stops, strict=True)}

    def get(self, code: str, year: int) -> bool | None:
        """The flag of ``code`` in ``year`` (the last one when repeated), None if none."""
        span = self._spans.get(code)
        if span is None:
            return None
        years = self._years[span[0]:span[1]]
        at = int(np.searchsorted(years, year, "right")) - 1
        if at < 0 or years[at] != year:
            return None
        return bool(self._flags[span[0] + at])
