"""Polygonal coverages: checking, repairing and simplifying sets of neighbouring polygons.

A *coverage* is a set of polygons that do not overlap and whose shared edges have identical
vertices (GEOS/JTS terminology). Only a valid coverage can be simplified without opening gaps
or creating overlaps between neighbours. These functions work on shapely arrays in a projected
crs (metres); ``geo.boundaries`` wraps them for GeoDataFrames.
"""

from __future__ import annotations

import logging
from collections import defaultdict

import numpy as np
import shapely

log = logging.getLogger(__name__)
_EMPTY = shapely.Polygon()


def valid_polygons(geoms: np.ndarray) -> np.ndarray:
    """Make geometries valid and keep only their polygonal parts.

    Parameters
    ----------
    geoms : numpy.ndarray of shapely geometries

    Returns
    -------
    numpy.ndarray
        Same length; ``make_valid(method="structure")`` keeps holes as holes and drops
        collapsed lines and points; a geometry with no polygonal part becomes an empty Polygon.
    """
    out = shapely.make_valid(
        np.asarray(geoms, dtype=object), method="structure", keep_collapsed=False
    )
    for i in np.flatnonzero(~np.isin(shapely.get_type_id(out), (3, 6))):  # (Multi)Polygon
        parts = shapely.get_parts(shapely.get_parts(out[i]))
        parts = [p for p in parts if p.geom_type == "Polygon"]
        out[i] = shapely.MultiPolygon(parts) if len(parts) > 1 else (parts or [_EMPTY])[0]
    return out


def coverage_stats(geoms: np.ndarray) -> dict:
    """Measure how far an array of polygons is from a valid coverage.

    Parameters
    ----------
    geoms : numpy.ndarray of shapely geometries
        Polygons in a projected crs; areas are reported in its units squared.

    Returns
    -------
    dict
        ``n_features``, ``is_valid_coverage`` (``shapely.coverage_is_valid``),
        ``invalid_edge_features`` (features with invalid edges), ``overlapping_pairs`` (pairs
        whose interiors intersect), ``overlap_area``, ``gap_count`` / ``gap_area`` (holes in the
        union: slivers between neighbours, but also any genuine enclave), ``union_area``.
    """
    geoms = np.asarray(geoms, dtype=object)
    present = geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))]
    tree = shapely.STRtree(present)
    left, right = tree.query(present, predicate="intersects")
    keep = left < right
    left, right = left[keep], right[keep]
    interior = shapely.relate_pattern(present[left], present[right], "2********")
    overlaps = shapely.intersection(present[left[interior]], present[right[interior]])
    union = shapely.union_all(present)
    holes = [
        shapely.Polygon(ring)
        for part in shapely.get_parts(union)
        if isinstance(part, shapely.Polygon)
        for ring in part.interiors
    ]
    # a hole of one part may hold other parts (an island in a lake): only the rest is a gap
    gaps = shapely.get_parts(shapely.difference(shapely.union_all(holes), union))
    invalid_edges = shapely.coverage_invalid_edges(present)
    return {
        "n_features": len(geoms),
        "is_valid_coverage": bool(shapely.coverage_is_valid(present)),
        "invalid_edge_features": int((~shapely.is_empty(invalid_edges)).sum()),
        "overlapping_pairs": int(interior.sum()),
        "overlap_area": float(shapely.area(overlaps).sum()),
        "gap_count": len(gaps),
        "gap_area": float(shapely.area(gaps).sum()),
        "union_area": float(union.area),
    }


def repair_coverage(
    geoms: np.ndarray, max_gap_width: float = 60.0, grid_size: float = 1e-3
) -> tuple[np.ndarray, dict]:
    """Turn nearly-matching polygons into a valid coverage.

    All boundaries are noded together (snapped to ``grid_size``) and polygonized into faces.
    A face inside one polygon goes to it; a face inside several (an overlap) goes to the first
    of them in array order, as if each polygon were differenced with those before it; a face
    inside none is a gap, filled into the neighbour sharing the longest boundary with it when
    it is narrower than ``max_gap_width`` (genuine enclaves are wider and stay holes). Each
    polygon is then the coverage union of its faces, so shared edges have identical vertices.

    Parameters
    ----------
    geoms : numpy.ndarray of shapely geometries
        Valid polygons in a projected crs (metres).
    max_gap_width : float, default 60.0
        Gaps narrower than this are filled. The default suits CBS Wijk- en Buurtkaart geometry,
        which the publisher simplified per polygon (about 50 m), leaving slivers up to ~51 m wide.
    grid_size : float, default 1e-3
        Precision grid used when noding, which merges vertices closer than this.

    Returns
    -------
    repaired : numpy.ndarray
        Same length and order as ``geoms``; a polygon entirely inside earlier ones is empty.
    stats : dict
        ``faces``, ``overlap_faces``, ``gap_faces``, ``filled_gaps``, ``filled_gap_area``.
    """
    geoms = np.asarray(geoms, dtype=object)
    edges = shapely.union_all(shapely.boundary(geoms), grid_size=grid_size)
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(edges)))
    probe = shapely.point_on_surface(faces)
    face_idx, geom_idx = shapely.STRtree(geoms).query(probe, predicate="within")
    order = np.lexsort((geom_idx, face_idx))
    face_idx, geom_idx = face_idx[order], geom_idx[order]
    owned, first = np.unique(face_idx, return_index=True)
    owner = np.full(len(faces), -1)
    owner[owned] = geom_idx[first]
    gaps = np.flatnonzero(owner < 0)
    narrow = gaps[shapely.is_empty(shapely.buffer(faces[gaps], -max_gap_width / 2))]
    face_tree = shapely.STRtree(faces)
    filled = []
    for g in narrow:
        shared: dict[int, float] = defaultdict(float)
        for n in face_tree.query(faces[g], predicate="touches"):
            if owner[n] >= 0:
                common = shapely.intersection(faces[g].boundary, faces[n].boundary)
                shared[int(owner[n])] += common.length
        if shared and max(shared.values()) > 0:
            owner[g] = max(sorted(shared), key=shared.get)
            filled.append(g)
    repaired = np.array(
        [shapely.coverage_union_all(faces[owner == i]) for i in range(len(geoms))],
        dtype=object,
    )
    repaired[shapely.is_empty(repaired)] = _EMPTY
    stats = {
        "faces": len(faces),
        "overlap_faces": int(len(face_idx) - len(owned)),
        "gap_faces": len(gaps),
        "filled_gaps": len(filled),
        "filled_gap_area": float(shapely.area(faces[filled]).sum()) if filled else 0.0,
    }
    return repaired, stats


def simplify_polygons(
    geoms: np.ndarray, tolerance: float, max_gap_width: float = 60.0
) -> tuple[np.ndarray, dict]:
    """Simplify polygons as a coverage, repairing the coverage first when needed.

    Parameters
    ----------
    geoms : numpy.ndarray of shapely geometries
        Valid polygons in a projected crs (metres); empties are passed through.
    tolerance : float
        ``shapely.coverage_simplify`` tolerance: roughly the square root of the area of the
        triangles (Visvalingam-Whyatt) that are removed.
    max_gap_width : float, default 60.0
        Passed to :func:`repair_coverage`.

    Returns
    -------
    simplified : numpy.ndarray
    info : dict
        ``method`` (``"coverage"``, ``"repaired coverage"`` or, when repair fails, the
        fallback ``"per-polygon"`` which may leave small gaps/overlaps) and repair ``stats``.
    """
    geoms = np.asarray(geoms, dtype=object)
    info: dict = {"method": "coverage", "repair": None}
    work = geoms
    if not shapely.coverage_is_valid(geoms):
        try:
            work, info["repair"] = repair_coverage(geoms, max_gap_width=max_gap_width)
            info["method"] = "repaired coverage"
            log.info("coverage repaired before simplifying: %s", info["repair"])
        except shapely.GEOSException as exc:
            log.warning("coverage repair failed (%s)", exc)
        if not (info["repair"] and shapely.coverage_is_valid(work)):
            log.warning("not a valid coverage: simplifying per polygon, gaps/overlaps may remain")
            info["method"] = "per-polygon"
            return shapely.simplify(geoms, tolerance, preserve_topology=True), info
    return shapely.coverage_simplify(work, tolerance), info
