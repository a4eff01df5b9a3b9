"""File writers for downloads: Excel, GeoJSON and GeoPackage (CSV is in dashboard/exports/tidy.py).

Each takes store rows (``Store.values`` columns) and returns bytes; every file carries its
provenance, text cells are formula-safe and numbers stay numbers.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
from pathlib import Path

import geopandas as gpd
import pandas as pd

from dashboard.catalogue import THEMES
from dashboard.exports.tidy import (
    TIDY_COLUMNS,
    column_notes,
    finish_rows,
    header_names,
    neutralise_frame,
    provenance,
    provenance_lines,
)
from dashboard.i18n import label_or_key, t
from dashboard.store import Store

_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def _sheet_name(text: str, used: set[str]) -> str:
    name = _SHEET_BAD.sub(" ", text)[:31].strip() or "data"
    while name in used:
        name = name[:28] + f"_{len(used)}"
    used.add(name)
    return name


def definitions_frame(store: Store, keys: list[str], lang: str) -> pd.DataFrame:
    """One row per indicator: definition, unit, kind, aggregation, licence, caveats, when a
    value counts as unreliable, and the source tables per year."""
    rows = []
    for key in keys:
        meta = store.metadata(key, lang)
        per_year = "; ".join(f"{y}: " + ", ".join(s["table"] or s["id"] for s in srcs)
                             for y, srcs in sorted(meta["sources_per_year"].items()))
        rows.append({"indicator": key, "indicator_label": meta["label"],
                     "theme": meta["theme"], "definition": meta["definition"],
                     "unit": meta["unit"], "kind": meta["kind"],
                     "aggregation": meta["aggregation"]["method"],
                     "direction": meta["direction"], "licence": meta["licence"],
                     "caveats": meta["caveats"] or "",
                     "reliability": store.catalogue.reliability_text(key, lang),
                     "sources_per_year": per_year or t("details.computed_only", lang)})
    return pd.DataFrame(rows)


def to_xlsx(store: Store, rows: pd.DataFrame, lang: str) -> bytes:
    """Excel workbook: one sheet per theme (tidy rows), then definitions, sources and an
    'about' sheet with the citation line. Text cells are neutralised (openpyxl would
    otherwise store ``=…`` as a formula); numbers stay numeric cells."""
    tidy = finish_rows(store, rows, lang)
    prov = provenance(store, tidy, lang)
    buffer = io.BytesIO()
    used: set[str] = set()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for theme in THEMES:
            part = tidy[tidy["theme"] == theme]
            if len(part):
                neutralise_frame(part.rename(columns=header_names(lang))).to_excel(
                    writer, sheet_name=_sheet_name(label_or_key("theme", theme, lang), used),
                    index=False)
        keys = list(dict.fromkeys(tidy["indicator"]))
        neutralise_frame(definitions_frame(store, keys, lang)).to_excel(
            writer, sheet_name=_sheet_name(t("downloads.sheet_definitions", lang), used),
            index=False)
        sources = pd.DataFrame(prov["sources"], columns=["id", "title", "publisher", "table",
                                                         "years", "retrieved", "licence",
                                                         "credit"])
        sources["years"] = sources["years"].map(lambda ys: ", ".join(map(str, ys)))
        neutralise_frame(sources).to_excel(
            writer, sheet_name=_sheet_name(t("downloads.sheet_sources", lang), used),
            index=False)
        about = pd.DataFrame({t("downloads.about_column", lang): provenance_lines(prov, lang)})
        neutralise_frame(about).to_excel(
            writer, sheet_name=_sheet_name(t("downloads.sheet_about", lang), used), index=False)
    return buffer.getvalue()


def _geo_frame(store: Store, rows: pd.DataFrame, lang: str):
    """Areas with one indicator's values of one year: geometry plus tidy columns."""
    tidy = finish_rows(store, rows, lang)
    codes = [c for c in tidy["area_code"] if c in store.areas.index]
    geo = store.areas.loc[codes, ["geometry"]].reset_index(drop=True)
    return geo.assign(**{c: tidy.set_index("area_code").loc[codes, c].to_list()
                         for c in TIDY_COLUMNS if c != "area_code"}, area_code=codes)


def to_geojson(store: Store, rows: pd.DataFrame, lang: str) -> bytes:
    """GeoJSON FeatureCollection (WGS84) of the areas with their values; provenance in a
    top-level ``metadata`` member (readers such as geopandas ignore it)."""
    from geo.boundaries import to_geojson as features

    gdf = _geo_frame(store, rows, lang)
    tidy = gdf.drop(columns="geometry")
    props = [c for c in TIDY_COLUMNS if c != "area_code"]
    collection = features(gdf.rename(columns={"area_code": "code"}).assign(
        area_code=gdf["area_code"]), properties=["area_code", *props], decimals=6)
    prov = provenance(store, tidy, lang)
    collection["metadata"] = {"citation": prov.pop("citation"), **prov,
                              "columns": column_notes(prov, lang)}
    return json.dumps(collection, ensure_ascii=False, default=_json_default).encode("utf-8")


def _json_default(value):
    if hasattr(value, "item"):
        return value.item()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def to_gpkg(store: Store, rows: pd.DataFrame, lang: str, *,
            areas: gpd.GeoDataFrame | None = None) -> bytes:
    """GeoPackage with a geometry layer and attribute tables.

    The layer ``values`` holds the areas of ``rows`` with their values (``rows`` must then
    have one row per area, e.g. the explorer's map); with ``areas`` given, that frame is
    the layer ``areas`` instead (the whole store). Attribute tables: ``observations``
    (tidy rows), ``definitions`` and ``about`` (provenance lines, citation first).
    """
    tidy = finish_rows(store, rows, lang)
    prov = provenance(store, tidy, lang)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "areas.gpkg"
        if areas is None:
            gdf = gpd.GeoDataFrame(_geo_frame(store, rows, lang), geometry="geometry",
                                   crs=store.areas.crs)
            gdf.to_file(path, layer="values", driver="GPKG")
        else:
            areas.to_file(path, layer="areas", driver="GPKG")
        for name, frame in (("observations", tidy),
                            ("definitions", definitions_frame(
                                store, list(dict.fromkeys(tidy["indicator"])), lang)),
                            ("about", pd.DataFrame({"line": provenance_lines(prov, lang)}))):
            gpd.GeoDataFrame(frame).to_file(path, layer=name, driver="GPKG")
        return path.read_bytes()
