"""The explorer's state (what the URL holds) and the data behind each view.

Everything here is a plain function of the store and the state, so tests call it directly;
the callbacks only wire it to components.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlencode

import pandas as pd

from dashboard.figures import areas_word, is_number, rows_of
from dashboard.guard import ascii_int
from dashboard.i18n import parse_lang, t
from dashboard.store import Store

LEVELS = ("buurt", "wijk", "gemeente")
MAX_SELECTED = 4
DEFAULT_INDICATOR = "bijstand_per_1000_15_64"
DEFAULT_SECOND = "inkomen_per_inwoner"
_CODE_RE = re.compile(r"^[A-Z0-9]{2,12}$")


@dataclass(frozen=True)
class ExplorerState:
    """What the explorer shows; round-trips through the URL query string."""

    indicator: str
    year: int
    level: str
    area: str
    selected: tuple[str, ...] = ()
    lang: str = "nl"
    indicator2: str = DEFAULT_SECOND
    classed: bool = True

    def query(self) -> str:
        """The URL query string (without ``?``) that reproduces this view."""
        params = {"indicator": self.indicator, "year": self.year, "level": self.level,
                  "area": self.area}
        if self.selected:
            params["sel"] = ",".join(self.selected)
        params["ind2"] = self.indicator2
        if not self.classed:
            params["scale"] = "continuous"
        params["lang"] = self.lang
        return urlencode(params)


@dataclass
class Parsed:
    state: ExplorerState
    notices: list[str] = field(default_factory=list)


def _first(value) -> str | None:
    if isinstance(value, list | tuple):
        value = value[0] if value else None
    return None if value is None else str(value)[:200]


def default_area(store: Store) -> str:
    cfg = store.area_config
    if cfg and cfg.default_area in store.areas.index:
        return cfg.default_area
    return str(store.manifest.get("gemeenten", ["GM0599"])[0])


def area_choices(store: Store) -> list[str]:
    """Areas a view can be focused on: custom programme areas and every detailed gemeente."""
    custom = [a.code for a in (store.area_config.custom if store.area_config else ())
              if a.kind == "programme" and a.code in store.areas.index]
    return custom + [g for g in store.manifest.get("gemeenten", []) if g in store.areas.index]


def parse_state(query: dict, store: Store) -> Parsed:
    """Validate URL parameters; anything unknown or malformed falls back with a notice."""
    lang, lang_notice = parse_lang(_first(query.get("lang")))
    notices = [lang_notice] if lang_notice else []

    def bad(param: str, value: str, used: object) -> None:
        notices.append(t("explorer.bad_param", lang, param=param, value=value, used=used))

    indicator = _first(query.get("indicator")) or DEFAULT_INDICATOR
    if indicator not in store.catalogue:
        bad("indicator", indicator, DEFAULT_INDICATOR)
        indicator = DEFAULT_INDICATOR
    indicator2 = _first(query.get("ind2")) or DEFAULT_SECOND
    if indicator2 not in store.catalogue:
        bad("ind2", indicator2, DEFAULT_SECOND)
        indicator2 = DEFAULT_SECOND

    area = (_first(query.get("area")) or default_area(store)).strip().upper()
    if area not in area_choices(store):
        bad("area", area, default_area(store))
        area = default_area(store)
    level = (_first(query.get("level")) or "buurt").strip().lower()
    if level not in LEVELS:
        bad("level", level, "buurt")
        level = "buurt"

    years = store.years(indicator)
    latest = default_year(store, indicator, level, area)
    raw_year = _first(query.get("year"))
    year = latest
    if raw_year is not None:
        asked = ascii_int(raw_year, years[0], years[-1]) if years else None
        if asked in years:
            year = asked
        else:
            bad("year", raw_year, latest)

    selected: list[str] = []
    for code in (_first(query.get("sel")) or "").split(","):
        code = code.strip().upper()
        if not code:
            continue
        if not _CODE_RE.match(code) or code not in store.areas.index:
            bad("sel", code, "–")
        elif code not in selected:
            selected.append(code)
    if len(selected) > MAX_SELECTED:
        bad("sel", ",".join(selected[MAX_SELECTED:]), "–")
        selected = selected[:MAX_SELECTED]
    scale = _first(query.get("scale")) or "classes"
    if scale not in ("classes", "continuous"):
        bad("scale", scale, "classes")
        scale = "classes"
    state = ExplorerState(indicator, year, level, area, tuple(selected), lang, indicator2,
                          scale == "classes")
    return Parsed(state, notices)


@lru_cache(maxsize=256)
def _coverage(store: Store, indicator: str, level: str, area: str) -> tuple:
    return tuple(store.coverage_by_year(indicator, view_codes(store, area, level)))


def year_coverage(store: Store, indicator: str, level: str, area: str) -> list:
    """Coverage (``dashboard.store.coverage.Coverage``) of each year with a value, for the
    areas the map draws."""
    return list(_coverage(store, indicator, level, area))


def ordinary_years(store: Store, indicator: str, level: str, area: str) -> list[int]:
    """Years in which at least half of the areas in view have a value."""
    return [c.year for c in year_coverage(store, indicator, level, area) if not c.sparse]


def default_year(store: Store, indicator: str, level: str, area: str) -> int:
    """The latest ordinary year (else the latest year with any value in view, else the
    latest with any value at all; 0 when there is none)."""
    cov = year_coverage(store, indicator, level, area)
    return (ordinary_years(store, indicator, level, area)
            or [c.year for c in cov if c.n_values] or [c.year for c in cov] or [0])[-1]


def year_options(store: Store, indicator: str, level: str, area: str,
                 lang: str) -> list[dict]:
    """The year choices: ordinary years first, then sparse ones (fewer than half of the
    areas in view have a value) apart, each saying "2 van 91 buurten"."""
    cov = year_coverage(store, indicator, level, area)
    ordinary = [{"label": str(c.year), "value": c.year} for c in cov if not c.sparse]
    sparse = [{"label": t("coverage.sparse_year", lang, year=c.year, n=c.n_values,
                          total=c.n_areas, areas=areas_word(level, c.n_areas, lang)),
               "value": c.year, "title": t("coverage.sparse_title", lang)}
              for c in cov if c.sparse and c.n_values]  # none in view: nothing to show
    return ordinary + sparse


def picked_codes(picked: object, known) -> list[str]:
    """The selection a list of area codes asks for: known codes, each once, at most
    ``MAX_SELECTED`` (a forged request can send anything)."""
    if not isinstance(picked, list):
        return []
    codes = [c for c in dict.fromkeys(str(p) for p in picked if isinstance(p, str)) if c in known]
    return codes[:MAX_SELECTED]


def apply_click(selected: list[str], code: str, add: bool) -> list[str]:
    """New selection after a click: replace it, or toggle ``code`` in it (at most 4)."""
    if not add:
        return [code]
    if code in selected:
        return [c for c in selected if c != code]
    return (selected + [code])[-MAX_SELECTED:]


# -- what is in view -----------------------------------------------------------------------

def view_codes(store: Store, area: str, level: str) -> list[str]:
    """Codes of the areas of ``level`` drawn for an area of interest.

    Areas no longer in the newest boundaries of that level (retired buurten with only an
    old shape) are left off the map so shapes never overlap; their figures stay in series.
    """
    return list(_view_codes(store, area, level))


@lru_cache(maxsize=64)
def _view_codes(store: Store, area: str, level: str) -> tuple[str, ...]:
    areas = store.areas
    if level == "gemeente":
        rows = areas[areas["level"] == "gemeente"]
    else:
        custom = store.area_config.by_code() if store.area_config else {}
        if area in custom:
            parts = set(custom[area].parts_in({}))
            wijken = {p for p in parts if p.startswith("WK")}
            buurten = {p for p in parts if p.startswith("BU")}
            if level == "buurt":
                rows = areas[(areas["level"] == "buurt")
                             & (areas["parent"].isin(wijken) | areas["code"].isin(buurten))]
            else:
                rows = areas[(areas["level"] == "wijk") & (
                    areas["code"].isin(wijken) | areas["code"].isin({"WK" + b[2:8]
                                                                     for b in buurten}))]
        else:
            rows = areas[(areas["level"] == level) & (areas["gemeente"] == area)]
    rows = rows[rows.geometry.notna() & ~rows.geometry.is_empty]
    if len(rows):
        newest = rows["boundary_year"].max()
        rows = rows[rows["boundary_year"] == newest]
    return tuple(sorted(rows["code"]))


@lru_cache(maxsize=32)
def _geojson(store: Store, area: str, level: str) -> dict:
    from geo.boundaries import to_geojson

    codes = list(_view_codes(store, area, level))
    return to_geojson(store.areas.loc[codes], properties=("name",), decimals=5)


def view_geojson(store: Store, area: str, level: str) -> dict:
    """GeoJSON of the areas in view (ids = codes), built once per process and view."""
    return _geojson(store, area, level)


def gemeente_outline(store: Store, area: str) -> dict | None:
    """GeoJSON of the gemeente around the area of interest, drawn as a line."""
    from geo.boundaries import to_geojson

    gm = store.area(area)["gemeente"]
    if gm not in store.areas.index:
        return None
    return to_geojson(store.areas.loc[[gm]], properties=(), decimals=4)


def view_values(store: Store, state: ExplorerState, indicator: str | None = None,
                year: int | None = None) -> pd.DataFrame:
    """Values of the areas in view (one row per area with a row in the store)."""
    codes = view_codes(store, state.area, state.level)
    return store.values(indicator or state.indicator, year or state.year, areas=codes,
                        lang=state.lang)


def with_quality_notes(store: Store, frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``frame`` (store rows) with a ``quality_note``: each unreliable value's reason in
    words ("" for reliable values and rows without a value)."""
    text = store.catalogue.quality_text
    return frame.assign(quality_note=[
        text(key, q, lang, long=True)
        for key, q in zip(frame["indicator"], frame["quality"], strict=True)])


def view_rows(store: Store, state: ExplorerState, indicator: str | None = None,
              year: int | None = None) -> tuple:
    """:func:`view_values` with :func:`with_quality_notes`, as named tuples
    (``dashboard.figures.rows_of``), which the explorer's figures and panels read.

    Kept per process and view: the store is read-only, so they never go stale, and a store
    that replaces it is another key. An interaction reads the same view for the map, the
    ranking, the table, the details and the scatter plot; the next user who opens the view
    reads it again.
    """
    return _view_rows(store, indicator or state.indicator, int(year or state.year),
                      state.area, state.level, state.lang)


@lru_cache(maxsize=48)  # a view's rows: 0.2 MB for 245 buurten
def _view_rows(store: Store, indicator: str, year: int, area: str, level: str,
               lang: str) -> tuple:
    frame = store.values(indicator, year, areas=view_codes(store, area, level), lang=lang)
    return tuple(rows_of(with_quality_notes(store, frame, lang)))


def benchmark_codes(store: Store, state: ExplorerState) -> list[str]:
    """Reference areas: the area of interest, its gemeente, Rotterdam-Zuid-like
    programme areas of that gemeente, G4 and NL, where the store has them."""
    return _reference_codes(store, state.area)


def _reference_codes(store: Store, area: str) -> list[str]:
    gm = store.area(area)["gemeente"]
    codes = [area, gm, "G4", "NL01"]
    return [c for c in dict.fromkeys(codes) if c and c in store.areas.index]


def benchmarks(store: Store, state: ExplorerState) -> dict[str, float | None]:
    """Label → value of each reference area for the state's indicator and year."""
    return dict(_benchmarks(store, state.indicator, state.year, state.area, state.lang))


@lru_cache(maxsize=256)
def _benchmarks(store: Store, indicator: str, year: int, area: str,
                lang: str) -> tuple[tuple[str, float | None], ...]:
    codes = _reference_codes(store, area)
    rows = {r.area_code: r.value for r in rows_of(store.values(indicator, year, areas=codes,
                                                                 lang=lang))}
    return tuple((store.area_name(code, lang),
                  None if not is_number(rows.get(code)) else float(rows[code]))
                 for code in codes)


def benchmark_series(store: Store, state: ExplorerState) -> dict[str, pd.DataFrame]:
    """Label → :meth:`Store.series` of each reference area (kept per process and view;
    the frames are shared, so read them, never write into them)."""
    return dict(_benchmark_series(store, state.indicator, state.area, state.lang))


@lru_cache(maxsize=128)
def _benchmark_series(store: Store, indicator: str, area: str,
                      lang: str) -> tuple[tuple[str, pd.DataFrame], ...]:
    codes = _reference_codes(store, area)
    return tuple((store.area_name(c, lang), area_series(store, c, indicator)) for c in codes)


@lru_cache(maxsize=256)  # about 11 rows each
def area_series(store: Store, code: str, indicator: str) -> pd.DataFrame:
    """:meth:`Store.series`, kept per process (the store is read-only); the frame is shared,
    so read it, never write into it."""
    return store.series(code, indicator)
