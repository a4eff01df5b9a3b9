"""The projects layer of the explorer map: markers in trace 3, the chosen project's areas
as an outline layer. Both are property paths for a Dash ``Patch`` (like the map's values),
so toggling a pillar or choosing a project never re-sends the map's geometry.

Hover texts are built from project text, which Plotly renders as a subset of HTML: every
piece of text is escaped first.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from dashboard.figures.common import HOVER, escape
from dashboard.formatting import format_date
from dashboard.i18n import t
from dashboard.projects.model import NO_PILLAR, PILLAR_COLOURS, PILLARS, Project
from dashboard.projects.places import placement
from geo.points import spread

ALL_PILLARS = (*PILLARS, NO_PILLAR)
TRACE = 3  # the map's "projects" trace (dashboard/figures/maps.py)
EMPTY = {"type": "FeatureCollection", "features": []}
SIZE, SIZE_SELECTED = 12, 20


@dataclass(frozen=True)
class Layer:
    """What the projects layer shows: which pillars, and the chosen project."""

    pillars: tuple[str, ...] = ALL_PILLARS
    selected: str | None = None

    @classmethod
    def of(cls, pillars, selected) -> Layer:
        """From control values (anything unknown is dropped)."""
        chosen = ALL_PILLARS if pillars is None else tuple(p for p in ALL_PILLARS
                                                           if p in pillars)
        return cls(chosen, selected if isinstance(selected, str) and selected else None)


def date_text(value: str, lang: str) -> str:
    """``2019``, ``mei 2015`` / ``May 2015`` or ``3 oktober 2017``: as precise as given."""
    if len(value) == 4:
        return value
    if len(value) == 7:  # a month: the date in words without its day
        return format_date(f"{value}-01", lang).split(" ", 1)[1]
    return format_date(value, lang)


def period_text(p: Project, lang: str) -> str:
    """``2019 – 2023``, ``vanaf 2017`` / ``from 2017``, or "period unknown"."""
    start = date_text(p.start, lang) if p.start else None
    end = date_text(p.end, lang) if p.end else None
    if start and end:
        return f"{start} – {end}"
    if start:
        return t("projects.since", lang, start=start)
    if end:
        return t("projects.until", lang, end=end)
    return t("projects.period_unknown", lang)


def pillar_text(pillar: str | None, lang: str) -> str:
    return t(f"projects.pillar_{pillar or NO_PILLAR}", lang)


def hover(p: Project, lang: str) -> str:
    """The marker's popup: name, pillar and period, organisations, summary, source."""
    summary = textwrap.shorten(p.summary.get(lang), 220, placeholder=" …")
    lines = [f"<b>{escape(p.name)}</b>",
             escape(f"{pillar_text(p.pillar, lang)} · {period_text(p, lang)}")]
    if p.organisations:
        orgs = textwrap.shorten("; ".join(p.organisations), 120, placeholder=" …")
        lines += [escape(part) for part in textwrap.wrap(orgs, 60)]
    lines += [escape(part) for part in textwrap.wrap(summary, 60)]
    lines += [escape(part) for part in textwrap.wrap(
        t("projects.source", lang, source=p.source_text), 60)]
    return "<br>".join(lines)


def marker_updates(store, projects: list[Project], layer: Layer, lang: str,
                   gemeenten=None) -> dict:
    """Trace 3: a marker for each real place of a project (a point or a postcode), coloured
    by pillar. A project tied to whole areas gets no marker (a dot at an area's centre
    would say it happens there); its areas are outlined when it is chosen or hovered.
    Given ``gemeenten``, places in other gemeenten are left off (they are listed).

    Markers sharing a place are spread on a small circle so each can be hovered and
    clicked.
    """
    lons, lats, keys, colours, sizes, texts = [], [], [], [], [], []
    for p in projects:
        if p.pillar_key not in layer.pillars:
            continue
        text = hover(p, lang)
        for (lon, lat), gm in placement(store, p).points:
            if gemeenten is not None and gm not in gemeenten:
                continue
            lons.append(lon)
            lats.append(lat)
            keys.append(p.key)
            colours.append(PILLAR_COLOURS[p.pillar_key])
            sizes.append(SIZE_SELECTED if p.key == layer.selected else SIZE)
            texts.append(text)
    lons, lats = spread(lons, lats)
    path = f"data[{TRACE}]"
    return {f"{path}.lon": lons, f"{path}.lat": lats, f"{path}.customdata": keys,
            f"{path}.hovertext": texts, f"{path}.hovertemplate": HOVER,
            f"{path}.marker": {"size": sizes, "color": colours, "opacity": 0.95}}


def highlight_layer() -> dict:
    """The outline layer of the chosen project's areas, empty until one is chosen."""
    return {"sourcetype": "geojson", "source": EMPTY, "type": "line", "visible": False,
            "color": "#111111", "line": {"width": 4}}


def highlight_updates(store, project: Project | None, index: int) -> dict:
    """The chosen project's areas (and placed buurten) as an outline, or nothing."""
    from geo.boundaries import to_geojson

    path = f"layout.map.layers[{index}]"
    codes = [c for c in (placement(store, project).codes if project else ())
             if c in store.areas.index and store.areas.at[c, "geometry"] is not None]
    if not codes:
        return {f"{path}.source": EMPTY, f"{path}.visible": False}
    geojson = to_geojson(store.areas.loc[codes], properties=(), decimals=5)
    return {f"{path}.source": geojson, f"{path}.visible": True,
            f"{path}.color": PILLAR_COLOURS[project.pillar_key]}


def find(projects: list[Project], key: str | None) -> Project | None:
    return next((p for p in projects if p.key == key), None)


def layer_index(store, state) -> int:
    """Index of the highlight layer: after the outline of the area of interest, which the
    map always has (dashboard/explorer/views.py)."""
    return 1


def map_projects(store, year: int | None, layer: Layer, db=None) -> list[Project]:
    """Projects of the layer's pillars active in ``year`` (or of unknown period)."""
    from dashboard.projects.registry import all_projects, filter_projects

    return filter_projects(all_projects(db), pillars=layer.pillars, year=year)


def layer_updates(store, state, layer: Layer, db=None, highlight: bool = True) -> dict:
    """Trace 3 for the state's year and the layer's pillars, and (``highlight``) the
    chosen project's outline; property paths as :func:`marker_updates`."""
    from dashboard.projects.registry import all_projects

    gemeenten = {store.area(state.area)["gemeente"]}
    out = marker_updates(store, map_projects(store, state.year, layer, db), layer, state.lang,
                         gemeenten)
    if highlight:
        chosen = find(all_projects(db), layer.selected)
        out.update(highlight_updates(store, chosen, layer_index(store, state)))
    return out
