"""Where a project is: its areas, its points placed on buurten, and its map markers.

Areas contain each other through the store's hierarchy (buurt in wijk in gemeente; custom
areas are made of parts), so "active in an area" compares the buurten (or, for a gemeente
the store has no buurten of, the gemeente itself) that two areas cover.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import geopandas as gpd

from dashboard.projects.model import Project
from dashboard.store.pc4 import load_pc4
from geo.points import inside_points, overlap_shares, place_points


@dataclass(frozen=True)
class Placement:
    """Where a project is on the map of one store."""

    codes: tuple[str, ...]  # its areas, then the buurten (or gemeenten) its points fall in
    markers: tuple[tuple[float, float], ...]  # lon, lat of each area and point
    gemeenten: tuple[str, ...]
    unplaced: tuple[str, ...]  # points the store cannot place ("postcode 9999", "52.0,4.0")
    #: Only the real places (coordinates, postcodes): ``((lon, lat), gemeente)``.
    points: tuple[tuple[tuple[float, float], str], ...] = ()


def _shaped(store, level: str) -> gpd.GeoDataFrame:
    rows = store.areas[(store.areas["level"] == level) & store.areas.geometry.notna()]
    rows = rows[~rows.geometry.is_empty]
    if level == "buurt" and len(rows):  # retired buurten keep an old, overlapping shape
        rows = rows[rows["boundary_year"] == rows["boundary_year"].max()]
    return rows.reset_index(drop=True)


@lru_cache(maxsize=8)
def _markers(store) -> dict[str, tuple[float, float]]:
    pts = inside_points(store.areas[store.areas.geometry.notna()].reset_index(drop=True))
    return {c: (float(x), float(y)) for c, x, y in pts.itertuples(index=False)}


@lru_cache(maxsize=8)
def _pc4_markers(store) -> dict[str, tuple[float, float]]:
    pc4 = load_pc4(store)
    if pc4 is None:
        return {}
    pts = inside_points(pc4)
    return {c: (float(x), float(y)) for c, x, y in pts.itertuples(index=False)}


def place_postcodes(store, postcodes) -> dict[str, tuple[str, ...]]:
    """Buurten (or else the gemeente) each postcode-4 area lies in.

    A postcode counts in a buurt holding at least 10% of its area (its largest buurt
    always); a postcode outside the built gemeenten counts in the gemeente holding most
    of it. Postcodes the store has no area for are left out of the result.
    """
    pc4 = load_pc4(store)
    if pc4 is None:
        return {}
    parts = pc4[pc4["code"].isin(set(postcodes))]
    gm = overlap_shares(parts, _shaped(store, "gemeente"), keep_largest=True)
    gm = gm.drop_duplicates("part")
    buurten = _shaped(store, "buurt")
    out: dict[str, tuple[str, ...]] = {}
    for code, gemeente in zip(gm["part"], gm["area"], strict=True):
        inside = buurten[buurten["gemeente"] == gemeente]
        shares = overlap_shares(parts[parts["code"] == code], inside) if len(inside) else []
        out[code] = tuple(shares["area"]) if len(shares) else (gemeente,)
    return out


def place_coordinates(store, points) -> list[str | None]:
    """The buurt (else gemeente) containing each ``(lon, lat)``; None outside them all."""
    if not points:
        return []
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    codes = place_points(lons, lats, _shaped(store, "buurt"))
    missing = [i for i, c in enumerate(codes) if c is None]
    if missing:
        gm = place_points([lons[i] for i in missing], [lats[i] for i in missing],
                          _shaped(store, "gemeente"))
        for i, c in zip(missing, gm, strict=True):
            codes[i] = c
    return codes


@lru_cache(maxsize=4096)
def placement(store, project: Project) -> Placement:
    """Areas, markers and gemeenten of ``project`` in ``store`` (cached per both)."""
    markers = _markers(store)
    codes = [c for c in project.areas if c in store.areas.index]
    spots = [markers[c] for c in codes if c in markers]
    unplaced = [c for c in project.areas if c not in store.areas.index]
    points: list[tuple[tuple[float, float], str]] = []
    coords = [(p.lon, p.lat) for p in project.points if p.lat is not None and p.lon is not None]
    for (lon, lat), code in zip(coords, place_coordinates(store, coords), strict=True):
        if code is None:
            unplaced.append(f"{lat:.5f},{lon:.5f}")
            continue
        codes.append(code)
        spots.append((lon, lat))
        points.append(((lon, lat), str(store.area(code)["gemeente"])))
    postcodes = [p.postcode for p in project.points if p.postcode]
    placed = place_postcodes(store, postcodes)
    pc_markers = _pc4_markers(store)
    for pc in postcodes:
        if pc not in placed:
            unplaced.append(f"postcode {pc}")
            continue
        codes.extend(placed[pc])
        spots.append(pc_markers[pc])
        points.append((pc_markers[pc], str(store.area(placed[pc][0])["gemeente"])))
    codes = list(dict.fromkeys(codes))
    gemeenten = [store.area(c)["gemeente"] for c in codes]
    return Placement(tuple(codes), tuple(spots),
                     tuple(dict.fromkeys(g for g in gemeenten if isinstance(g, str) and g)),
                     tuple(unplaced), tuple(points))


@lru_cache(maxsize=4096)
def leaves(store, code: str) -> frozenset[str]:
    """The buurten an area covers (a gemeente without buurten in the store: itself)."""
    areas = store.areas
    if code not in areas.index:
        return frozenset({code})
    level = areas.at[code, "level"]
    if level == "buurt":
        return frozenset({code})
    if level in ("wijk", "gemeente"):
        column = "parent" if level == "wijk" else "gemeente"
        inside = areas[(areas["level"] == "buurt") & (areas[column] == code)]
        return frozenset(inside["code"]) or frozenset({code})
    custom = store.area_config.by_code() if store.area_config else {}
    if code not in custom:
        return frozenset({code})
    available: dict[str, set[str]] = {}
    for c, lvl in zip(areas["code"], areas["level"], strict=True):
        available.setdefault(lvl, set()).add(c)
    out: set[str] = set()
    for part in custom[code].parts_in(available):
        out |= leaves(store, part)
    return frozenset(out)


def overlaps(store, codes, code: str) -> bool:
    """Whether any of ``codes`` covers part of area ``code`` (or lies in it)."""
    target = leaves(store, code)
    return any(leaves(store, c) & target for c in codes)
