"""The store from Python, for notebooks: tidy pandas DataFrames and GeoDataFrames with the
same values and statuses the app shows.

    >>> from dashboard import load_store
    >>> data = load_store()                      # or load_store("cache/store")
    >>> data.values("bijstand_per_1000_15_64", 2024, level="buurt", within="ZUID0599")
    >>> data.series("Carnisse", "inwoners")      # every year, with boundary-change flags
    >>> data.geo("pct_huur_corporatie", 2024, level="wijk", within="GM0599").plot("value")
    >>> data.indicators()                        # the catalogue as a table
    >>> data.citation()                          # how to credit the sources

Secret and missing values have status ``secret``/``missing`` and no value — never 0.
Every value has a ``quality``: ``ok``, or why it is too small to mean anything
(``small_denominator``, ``rounded_zero``; see ``data/indicators.yaml``, ``reliability``).

    >>> data.coverage("bijstand_per_1000_15_64", 2023, level="buurt", within="GM0599")
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd

from dashboard.explorer.state import view_codes
from dashboard.store import Store, get_store


class StoreData:
    """A built store with notebook-friendly queries (wraps :class:`dashboard.store.Store`).

    Parameters
    ----------
    store : Store
        An opened store; see :func:`load_store`.
    """

    def __init__(self, store: Store):
        self.store = store

    def __repr__(self) -> str:
        return (f"<StoreData {self.store.path} built {self.store.manifest.get('built_at')}: "
                f"{len(self.store.catalogue)} indicators, {len(self.store.areas)} areas>")

    def indicators(self, lang: str = "en") -> pd.DataFrame:
        """The catalogue: ``key, theme, label, definition, unit, kind, direction, licence,
        caveats, years`` (years with at least one value)."""
        return pd.DataFrame([{
            "key": i.key, "theme": i.theme, "label": i.label.get(lang),
            "definition": i.definition.get(lang), "unit": i.unit.get(lang), "kind": i.kind,
            "direction": i.direction, "licence": i.licence,
            "caveats": i.caveats.get(lang) if i.caveats else None,
            "years": self.store.years(i.key)} for i in self.store.catalogue])

    def _codes(self, level: str | None, areas: list[str] | None,
               within: str | None) -> list[str] | None:
        if within is not None:
            if level not in ("buurt", "wijk", "gemeente"):
                raise ValueError("within= needs level='buurt', 'wijk' or 'gemeente'")
            codes = view_codes(self.store, self.store.area(within)["code"], level)
            return [c for c in codes if areas is None or c in areas]
        return None if areas is None else [self.store.area(a)["code"] for a in areas]

    def values(self, indicator: str, year: int | None = None, *, level: str | None = None,
               areas: list[str] | None = None, within: str | None = None,
               lang: str = "en") -> pd.DataFrame:
        """Tidy rows of one indicator.

        Parameters
        ----------
        indicator : str
            A catalogue key (see :meth:`indicators`).
        year : int, optional
            One year; all years with data when omitted.
        level : {"buurt", "wijk", "gemeente", "custom"}, optional
        areas : list of str, optional
            Area codes or names.
        within : str, optional
            An area of interest (``"ZUID0599"``, ``"GM0599"``): the areas of ``level``
            inside it, as the explorer's map shows them.
        lang : str
            Language of names and units.

        Returns
        -------
        pandas.DataFrame
            ``area_code, area_name, level, year, indicator, value, status, partial, method,
            source, quality, unit``. ``quality`` is ``ok`` or the reason a value is
            unreliable (too few people behind it, a rounded 0); None without a value.
        """
        codes = self._codes(level, areas, within)
        years = [int(year)] if year is not None else self.store.years(indicator)
        frames = [self.store.values(indicator, y, level=level, areas=codes, lang=lang)
                  for y in years]
        frames = [f for f in frames if len(f)]
        if not frames:
            return self.store.values(indicator, years[0] if years else 0, areas=[], lang=lang)
        return pd.concat(frames, ignore_index=True)

    def series(self, area: str, indicator: str) -> pd.DataFrame:
        """Every year of one area (code or name): ``year, value, status, partial, method,
        source, quality, comparable_with_previous`` (False at a boundary change)."""
        return self.store.series(area, indicator)

    def coverage(self, indicator: str, year: int, *, level: str | None = None,
                 within: str | None = None, areas: list[str] | None = None) -> dict:
        """How many areas of a view have a value in ``year``.

        Parameters
        ----------
        indicator : str
        year : int
        level, within, areas
            The areas, as for :meth:`values` (``level`` with ``within``, or ``areas``).

        Returns
        -------
        dict
            ``year, n_areas, n_values, n_reliable, share`` (n_values / n_areas) and
            ``sparse`` (share below one half: the explorer shows such a year apart).
        """
        codes = self._codes(level, areas, within)
        if codes is None:
            raise ValueError("coverage needs level= with within=, or areas=")
        return self.store.coverage_of(indicator, year, codes).as_dict()

    def areas(self, level: str | None = None, lang: str = "en") -> gpd.GeoDataFrame:
        """Area geometries (WGS84) with ``code, name, level, parent, gemeente, groups``."""
        gdf = self.store.areas.reset_index(drop=True)
        if level:
            gdf = gdf[gdf["level"] == level]
        return gdf.assign(name=[self.store.area_name(c, lang) for c in gdf["code"]])[
            ["code", "name", "level", "parent", "gemeente", "groups", "boundary_year",
             "geometry"]].reset_index(drop=True)

    def geo(self, indicator: str, year: int, *, level: str | None = None,
            areas: list[str] | None = None, within: str | None = None,
            lang: str = "en") -> gpd.GeoDataFrame:
        """:meth:`values` of one year joined to the areas' geometry (for maps)."""
        rows = self.values(indicator, year, level=level, areas=areas, within=within, lang=lang)
        geom = self.store.areas[["geometry"]]
        gdf = rows.join(geom, on="area_code", how="inner")
        return gpd.GeoDataFrame(gdf, geometry="geometry", crs=self.store.areas.crs)

    def observations(self, lang: str = "en") -> pd.DataFrame:
        """Every value of the store in long form, as the whole-store CSV download has it."""
        from dashboard.exports.downloads import store_rows
        from dashboard.exports.tidy import finish_rows

        return finish_rows(self.store, store_rows(self.store, lang), lang)

    def metadata(self, indicator: str, lang: str = "en") -> dict:
        """Definition, unit, licence, caveats and the source tables per year."""
        return self.store.metadata(indicator, lang)

    def citation(self, lang: str = "en") -> str:
        """A citation line for everything in the store (sources, retrieval dates, licence)."""
        from dashboard.exports.downloads import store_rows
        from dashboard.exports.tidy import provenance

        return provenance(self.store, store_rows(self.store, lang), lang)["citation"]


def load_store(path: str | Path | None = None) -> StoreData:
    """Open a built store for use in Python.

    Parameters
    ----------
    path : str or Path, optional
        The store folder; default ``DASHBOARD_STORE`` or ``cache/store``.

    Returns
    -------
    StoreData

    Raises
    ------
    dashboard.store.StoreNotFound
        With the command that builds one.
    """
    return StoreData(Store.open(path) if path else get_store())
