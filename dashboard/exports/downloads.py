"""Download files: what a page shows and the whole store, as CSV, Excel, GeoJSON, GeoPackage.

Selections (:func:`explorer_rows`, :func:`store_rows`) return store rows; the writers turn
them into bytes. Every file carries its provenance (see :mod:`dashboard.exports.tidy`), text
cells are formula-safe and numbers stay numbers.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from dashboard.explorer.state import ExplorerState, benchmark_codes, view_codes
from dashboard.exports.formats import definitions_frame, to_geojson, to_gpkg, to_xlsx
from dashboard.exports.tidy import finish_rows, neutralise, provenance, to_csv
from dashboard.i18n import t
from dashboard.store import VALUE_COLUMNS, Store

#: Formats per download kind (the routes refuse anything else).
FORMATS = {"explorer": ("csv", "xlsx", "geojson", "gpkg"), "store": ("csv", "xlsx", "gpkg"),
           "compare": ("csv", "xlsx"), "profile": ("pdf", "html", "csv")}
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "geojson": "application/geo+json", "gpkg": "application/geopackage+sqlite3",
    "html": "text/html; charset=utf-8", "pdf": "application/pdf",
}


# -- selections ------------------------------------------------------------------------------

def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame(columns=VALUE_COLUMNS)
    out = pd.concat(frames, ignore_index=True)
    return out.drop_duplicates(["area_code", "year", "indicator"]).reset_index(drop=True)


def explorer_rows(store: Store, state: ExplorerState) -> pd.DataFrame:
    """What the explorer shows for ``state``: the map/table indicator and the scatter's
    second indicator for every area in view and the benchmarks (the state's year), and the
    trend (all years) of the selected areas and the benchmarks."""
    codes = view_codes(store, state.area, state.level) + benchmark_codes(store, state)
    frames = [store.values(state.indicator, state.year, areas=codes, lang=state.lang)]
    if state.indicator2 != state.indicator and state.year in store.years(state.indicator2):
        frames.append(store.values(state.indicator2, state.year, areas=codes, lang=state.lang))
    frames.append(store_rows(store, state.lang, [state.indicator],
                             [*state.selected, *benchmark_codes(store, state)]))
    return _concat(frames).sort_values(["indicator", "year", "area_code"]).reset_index(
        drop=True)


def explorer_map_rows(store: Store, state: ExplorerState) -> pd.DataFrame:
    """The map's rows: the state's indicator and year, one row per area in view."""
    return store.values(state.indicator, state.year,
                        areas=view_codes(store, state.area, state.level), lang=state.lang)


def store_rows(store: Store, lang: str, indicators: list[str] | None = None,
               codes: list[str] | None = None) -> pd.DataFrame:
    """Observations of the store as store rows (the same values as the app): all of them,
    or those of ``indicators`` and/or the areas ``codes``, every year."""
    obs = store.rows(None if indicators is None else list(indicators),
                     None if codes is None else list(codes))
    rows = obs.join(store.areas[["level"]], on="area_code", how="inner")
    names = {c: store.area_name(c, lang) for c in rows["area_code"].unique()}
    units = {ind.key: ind.unit.get(lang) for ind in store.catalogue}
    rows = rows.assign(area_name=rows["area_code"].map(names),
                       unit=rows["indicator"].map(units), year=rows["year"].astype(int))
    return rows[VALUE_COLUMNS].sort_values(["indicator", "area_code", "year"]).reset_index(
        drop=True)


def rows_for(store: Store, indicators: list[str], codes: list[str], lang: str) -> pd.DataFrame:
    """All years of ``indicators`` for the areas ``codes`` (compare, profile)."""
    for key in indicators:
        store.catalogue[key]  # KeyError naming an unknown indicator
    return store_rows(store, lang, list(indicators), list(codes))


@lru_cache(maxsize=8)
def store_file(store: Store, fmt: str, lang: str) -> bytes:
    """The whole store as ``fmt`` (built once per process, store and language)."""
    rows = store_rows(store, lang)
    if fmt == "csv":
        return to_csv(store, rows, lang)
    if fmt == "xlsx":
        return to_xlsx(store, rows, lang)
    if fmt == "gpkg":
        # The geometry of every area, joined to 'observations' on area_code.
        areas = store.areas.reset_index(drop=True)[
            ["code", "level", "parent", "gemeente", "boundary_year", "geometry"]]
        areas = areas.assign(name=[store.area_name(c, lang) for c in areas["code"]])
        return to_gpkg(store, rows, lang, areas=areas.rename(columns={"code": "area_code"}))
    raise ValueError(f"unknown format {fmt!r}")


def filename(kind: str, fmt: str, suffix: str = "") -> str:
    """A safe attachment name, e.g. ``wijkdashboard-explorer-bijstand-2024.csv``."""
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", f"wijkdashboard-{kind}{suffix}").strip("-")
    return f"{stem}.{fmt}"


__all__ = ["FORMATS", "MEDIA_TYPES", "DownloadError", "build_download", "explorer_rows",
           "explorer_map_rows", "store_rows", "rows_for", "store_file", "filename",
           "profile_briefing", "neutralise", "definitions_frame", "to_csv", "to_xlsx",
           "to_geojson", "to_gpkg"]


# -- requests --------------------------------------------------------------------------------

class DownloadError(ValueError):
    """A download request with bad parameters; the message names them (in the language)."""


def build_download(store: Store, kind: str, fmt: str, args: dict,
                   code: str | None = None) -> tuple[bytes, str]:
    """Bytes and attachment name of one download, validating its parameters as the pages do.

    Raises
    ------
    DownloadError
        Naming every parameter that is unknown or invalid (nothing is guessed).
    """
    from dashboard.compare.model import parse_compare
    from dashboard.explorer.state import parse_state
    from dashboard.i18n import parse_lang

    lang, notice = parse_lang(_first(args.get("lang")))
    if fmt not in FORMATS.get(kind, ()):
        raise DownloadError(t("downloads.bad_request", lang,
                              problems=f"{kind}.{str(fmt)[:10]}"))
    if kind == "store":
        if notice:
            raise DownloadError(t("downloads.bad_request", lang, problems=notice))
        return store_file(store, fmt, lang), filename("store", fmt, f"-{lang}")
    if kind == "explorer":
        parsed = parse_state(args, store)
        _refuse(parsed.notices, lang)
        st = parsed.state
        rows = explorer_map_rows(store, st) if fmt in ("geojson", "gpkg") \
            else explorer_rows(store, st)
        writer = {"csv": to_csv, "xlsx": to_xlsx, "geojson": to_geojson, "gpkg": to_gpkg}[fmt]
        return writer(store, rows, st.lang), filename(
            "explorer", fmt, f"-{st.indicator}-{st.year}-{st.level}-{st.area}")
    if kind == "compare":
        parsed = parse_compare(args, store)
        _refuse(parsed.notices, lang)
        st = parsed.state
        rows = rows_for(store, list(st.indicators), list(st.areas), st.lang)
        writer = {"csv": to_csv, "xlsx": to_xlsx}[fmt]
        return writer(store, rows, st.lang), filename("compare", fmt, "-" + "-".join(st.areas))
    # profile
    if notice:
        raise DownloadError(t("downloads.bad_request", lang, problems=notice))
    try:
        area = store.area(str(code or "")[:60])["code"]
    except KeyError:
        raise DownloadError(t("downloads.bad_request", lang,
                              problems=f"‘{str(code)[:60]}’")) from None
    from dashboard.profile.briefing import briefing_html

    data, summary, prov, rows = profile_briefing(store, area, lang)
    if fmt == "csv":
        return to_csv(store, rows, lang), filename("profile", fmt, f"-{area}")
    page = briefing_html(data, summary, prov, lang)
    if fmt == "pdf":
        from dashboard.profile.pdf import html_to_pdf

        return html_to_pdf(page), filename("profile", fmt, f"-{area}")
    return page.encode("utf-8"), filename("profile", fmt, f"-{area}")


def profile_briefing(store: Store, code: str, lang: str) -> tuple[dict, dict, dict,
                                                                   pd.DataFrame]:
    """Everything the briefing of area ``code`` shows (page, HTML and PDF alike).

    Returns
    -------
    tuple
        :func:`~dashboard.profile.model.profile_data`,
        :func:`~dashboard.profile.summary.briefing_summary`, the
        :func:`~dashboard.exports.tidy.provenance` of the profile's rows, and those rows.
    """
    from dashboard.profile.model import profile_data, profile_keys
    from dashboard.profile.summary import briefing_summary

    data = profile_data(store, code, lang)
    rows = rows_for(store, profile_keys(data), [code, *[b["code"] for b in data["benchmarks"]]],
                    lang)
    prov = provenance(store, finish_rows(store, rows, lang), lang)
    return data, briefing_summary(store, data, lang), prov, rows


def _first(value) -> str | None:
    if isinstance(value, list | tuple):
        value = value[0] if value else None
    return None if value is None else str(value)[:200]


def _refuse(notices: list[str], lang: str) -> None:
    if notices:
        raise DownloadError(t("downloads.bad_request", lang, problems=" ".join(notices)))
