"""Exporting the registry and the uploaded activities as CSV and GeoJSON, formula-safe.

Every text cell that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` …) is
prefixed with an apostrophe (:func:`dashboard.exports.tidy.neutralise`), in both formats, since a
GeoJSON's properties are as easily opened in a spreadsheet.
"""

from __future__ import annotations

import json

import pandas as pd

from dashboard.exports.tidy import neutralise
from dashboard.projects.model import Project
from dashboard.projects.places import placement

COLUMNS = ["key", "origin", "project", "name", "organisations", "pillar", "start", "end",
           "area_codes", "area_names", "gemeenten", "postcodes", "points", "summary_nl",
           "summary_en", "target_group", "source_title", "source_publisher", "source"]


def _row(store, p: Project, lang: str) -> dict:
    place = placement(store, p)
    return {
        "key": p.key, "origin": p.origin, "project": p.project or "", "name": p.name,
        "organisations": "; ".join(p.organisations), "pillar": p.pillar or "",
        "start": p.start or "", "end": p.end or "", "area_codes": ",".join(place.codes),
        "area_names": "; ".join(store.area_name(c, lang) for c in place.codes),
        "gemeenten": "; ".join(store.area_name(g, lang) for g in place.gemeenten),
        "postcodes": ",".join(pt.postcode for pt in p.points if pt.postcode),
        "points": ";".join(f"{pt.lat},{pt.lon}" for pt in p.points if pt.lat is not None),
        "summary_nl": p.summary.nl, "summary_en": p.summary.en,
        "target_group": p.target_group.get(lang) if p.target_group else "",
        "source_title": p.source_title or "", "source_publisher": p.source_publisher or "",
        "source": p.source,
    }


def registry_frame(store, projects: list[Project], lang: str = "nl") -> pd.DataFrame:
    """One row per project or activity, text as stored (not yet neutralised)."""
    return pd.DataFrame([_row(store, p, lang) for p in projects], columns=COLUMNS)


def _safe(value: object) -> object:
    return neutralise(value) if isinstance(value, str) else value


def registry_csv(store, projects: list[Project], lang: str = "nl") -> str:
    """The registry as CSV text (UTF-8, comma separated), formula-safe.

    Parameters
    ----------
    store : dashboard.store.Store
        Places points and names areas.
    projects : list of Project
        Registry entries and activities, in the order to write.
    lang : str
        Language of area names and target groups.
    """
    frame = registry_frame(store, projects, lang)
    frame = frame.apply(lambda col: col.map(_safe))
    return frame.to_csv(index=False, lineterminator="\n")


def registry_geojson(store, projects: list[Project], lang: str = "nl") -> str:
    """The registry as a GeoJSON FeatureCollection, one feature per project.

    The geometry is a MultiPoint of the project's map markers (its areas' inside points
    and its own points), or null for a project the map cannot place; properties are the
    CSV's columns, formula-safe.
    """
    features = []
    for p in projects:
        props = {k: _safe(v) for k, v in _row(store, p, lang).items()}
        markers = placement(store, p).markers
        geometry = {"type": "MultiPoint",
                    "coordinates": [[round(x, 6), round(y, 6)] for x, y in markers]} \
            if markers else None
        features.append({"type": "Feature", "id": p.key, "geometry": geometry,
                         "properties": props})
    return json.dumps({"type": "FeatureCollection", "features": features},
                      ensure_ascii=False, indent=1)
