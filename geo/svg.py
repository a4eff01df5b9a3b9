"""Polygons as SVG path data: small static maps that need no tiles, scripts or network.

Lon/lat (EPSG:4326) is drawn with the longitude scaled by cos(latitude) of the middle of the
frame, which is close enough to true shape at the scale of a city.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import shapely
from shapely.geometry.base import BaseGeometry


def _rings(geom: BaseGeometry) -> Iterable:
    for poly in getattr(geom, "geoms", [geom]):
        if poly.is_empty or poly.geom_type != "Polygon":
            continue
        yield poly.exterior
        yield from poly.interiors


class SvgFrame:
    """A projection of a lon/lat box onto a ``width`` × ``height`` SVG canvas.

    Parameters
    ----------
    bounds : tuple of float
        ``(minx, miny, maxx, maxy)`` in lon/lat to show; padded by ``pad`` (a fraction).
    width, height : int
        Canvas size in SVG units; the box is fitted inside, centred, shape kept.
    pad : float
        Margin around the box as a fraction of its larger side.
    """

    def __init__(self, bounds: tuple[float, float, float, float], width: int, height: int,
                 pad: float = 0.08) -> None:
        minx, miny, maxx, maxy = bounds
        self.kx = math.cos(math.radians((miny + maxy) / 2))
        w, h = max((maxx - minx) * self.kx, 1e-9), max(maxy - miny, 1e-9)
        margin = pad * max(w, h)
        self.scale = min(width / (w + 2 * margin), height / (h + 2 * margin))
        self.x0 = minx * self.kx - (width / self.scale - w) / 2
        self.y0 = maxy + (height / self.scale - h) / 2
        self.width, self.height = width, height

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        """SVG coordinates of a lon/lat point."""
        return (round((lon * self.kx - self.x0) * self.scale, 1),
                round((self.y0 - lat) * self.scale, 1))

    def path(self, geom: BaseGeometry | None) -> str:
        """SVG path data (``M x y L … Z`` per ring) of a polygon or multipolygon."""
        if geom is None or geom.is_empty:
            return ""
        parts = []
        for ring in _rings(geom):
            coords = shapely.get_coordinates(ring)
            pts = [self.point(x, y) for x, y in coords]
            parts.append("M" + " L".join(f"{x} {y}" for x, y in pts) + " Z")
        return " ".join(parts)


def bounds_of(geoms: Iterable[BaseGeometry | None]) -> tuple[float, float, float, float] | None:
    """The lon/lat box around ``geoms`` (None when all are empty)."""
    valid = [g for g in geoms if g is not None and not g.is_empty]
    if not valid:
        return None
    return tuple(float(v) for v in shapely.total_bounds(valid))  # type: ignore[return-value]
