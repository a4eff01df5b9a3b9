"""The explorer's figures and panels for a state: called by the page layout (first render)
and by the callbacks (updates), so both always show the same thing."""

from __future__ import annotations

from functools import lru_cache

from dash import Patch

from dashboard import figures
from dashboard.basemap.online import Basemap, current_basemap
from dashboard.basemap.style import names_later, offline_style, online_style
from dashboard.explorer import geography
from dashboard.explorer.details import details, source_line, table_rows
from dashboard.explorer.panels import values_table
from dashboard.explorer.state import (
    ExplorerState,
    area_series,
    benchmark_series,
    benchmarks,
    view_codes,
    view_geojson,
    view_rows,
)
from dashboard.i18n import t
from dashboard.projects.layer import Layer, highlight_layer, layer_updates
from dashboard.store import Store

#: Fill opacity of the areas over PDOK's basemap: the classes stay apart, streets show.
ONLINE_OPACITY = 0.72


def map_style(store: Store, state: ExplorerState, basemap: Basemap) -> dict:
    """The MapLibre style of the view: PDOK's basemap when online, else the store's own
    geography; names of the areas on top either way."""
    parts = (geography.context_geojson(store, state.area, state.level),
             geography.water_geojson(store, state.area, state.level),
             geography.labels(store, state.area, state.level, state.lang))
    return online_style(basemap.style, *parts) if basemap.online else offline_style(*parts)


def map_full(store: Store, state: ExplorerState, projects: Layer | None = None,
             basemap: Basemap | None = None):
    """The whole map figure: geometry of the view, its surroundings and names, plus its
    values (and, given a projects ``Layer``, the projects layer: trace 3 and the chosen
    project's outline). ``basemap`` defaults to :func:`current_basemap`."""
    basemap = basemap or current_basemap()
    codes = view_codes(store, state.area, state.level)
    names = {c: store.area_name(c, state.lang) for c in codes}
    spec = figures.map_spec(view_geojson(store, state.area, state.level), codes, names,
                            state.lang, outline=geography.outline(store, state.area,
                                                                  state.level),
                            style=map_style(store, state, basemap),
                            opacity=ONLINE_OPACITY if basemap.online else 1.0)
    if projects is not None:
        spec["layout"]["map"]["layers"] = [*spec["layout"]["map"]["layers"], highlight_layer()]
        figures.set_values(spec, layer_updates(store, state, projects))
    figures.set_values(spec, map_updates(store, state))
    return figures.figure(spec["data"], spec["layout"])


def map_first(store: Store, state: ExplorerState, projects: Layer | None = None,
              basemap: Basemap | None = None):
    """:func:`map_full` as the page's first render draws it: the names hidden until the
    map is interactive (:func:`~dashboard.basemap.style.names_later`)."""
    spec = map_full(store, state, projects, basemap)
    view = spec["layout"]["map"]
    layout = {**spec["layout"], "map": {**view, "style": names_later(view["style"])}}
    return figures.figure(spec["data"], layout)


def map_updates(store: Store, state: ExplorerState) -> dict:
    """Only what changes with indicator, year, scale, selection: no geometry."""
    codes = view_codes(store, state.area, state.level)
    return figures.map_values(view_rows(store, state), store.catalogue[state.indicator],
                              state.lang, classed=state.classed, selected=list(state.selected),
                              names={c: store.area_name(c, state.lang) for c in codes})


def map_patch(store: Store, state: ExplorerState, projects: Layer | None = None) -> Patch:
    """A Dash ``Patch`` carrying :func:`map_updates` (the browser keeps the geometry);
    given a projects ``Layer`` (the year changed), trace 3's markers too."""
    patch = Patch()
    figures.write_updates(patch, map_updates(store, state))
    if projects is not None:
        figures.write_updates(patch, layer_updates(store, state, projects, highlight=False))
    return patch


def projects_patch(store: Store, state: ExplorerState, projects: Layer) -> Patch:
    """Only the projects layer: trace 3 and the chosen project's outline."""
    return figures.write_updates(Patch(), layer_updates(store, state, projects))


def outline_patch(store: Store, state: ExplorerState, key: str | None) -> Patch:
    """Only the outline of one project's areas (hovered or chosen in the list), or none."""
    from dashboard.projects.layer import find, highlight_updates, layer_index
    from dashboard.projects.registry import all_projects

    project = find(all_projects(), key) if key else None
    return figures.write_updates(Patch(), highlight_updates(store, project,
                                                            layer_index(store, state)))


def selection_patch(state: ExplorerState) -> Patch:
    """Only the selection outline changes when an area is clicked."""
    patch = Patch()
    figures.write_updates(patch, {"data[2].locations": list(state.selected),
                                  "data[2].z": [1] * len(state.selected)})
    return patch


def move_map(figure, focus: dict) -> None:
    """Centre a whole figure or a ``Patch`` on a search result's ``focus``."""
    if isinstance(figure, Patch):
        figure["layout"]["map"]["center"] = focus["center"]
        figure["layout"]["map"]["zoom"] = focus["zoom"]
    else:  # a figure made for this answer (map_full), not one that was sent
        figure["layout"]["map"].update(center=focus["center"], zoom=focus["zoom"])


def clean_focus(focus) -> dict | None:
    """``{"center": {"lat", "lon"}, "zoom"}`` as numbers in range, or None (a forged or
    empty value moves nothing)."""
    try:
        lat, lon = float(focus["center"]["lat"]), float(focus["center"]["lon"])
        zoom = float(focus["zoom"])
    except (KeyError, TypeError, ValueError):
        return None
    if -90 <= lat <= 90 and -180 <= lon <= 180 and 0 <= zoom <= 22:
        return {"center": {"lat": lat, "lon": lon}, "zoom": zoom}
    return None


def bar(store: Store, state: ExplorerState):
    values = view_rows(store, state)
    if not values:
        return figures.empty_figure(t("explorer.no_data", state.lang))
    return figures.ranking_bar(values, store.catalogue[state.indicator], state.lang,
                               benchmarks(store, state), selected=list(state.selected))


def trend(store: Store, state: ExplorerState):
    series = {c: area_series(store, c, state.indicator) for c in state.selected}
    names = {c: store.area_name(c, state.lang) for c in state.selected}
    return figures.trend_figure(series, store.catalogue[state.indicator], state.lang,
                                benchmark_series(store, state), names)


def scatter(store: Store, state: ExplorerState):
    x = view_rows(store, state)
    y_years = store.years(state.indicator2)
    year2 = state.year if state.year in y_years else (
        max((y for y in y_years if y <= state.year), default=None) or
        (y_years[-1] if y_years else None))
    if year2 is None:
        return figures.empty_figure(t("explorer.no_data", state.lang))
    y = view_rows(store, state, indicator=state.indicator2, year=year2)
    size = view_rows(store, state, indicator="inwoners") if "inwoners" in store.catalogue \
        else None
    return figures.scatter_figure(x, y, size, store.catalogue[state.indicator],
                                  store.catalogue[state.indicator2], state.lang,
                                  selected=list(state.selected))


def details_data(store: Store, state: ExplorerState) -> list[dict]:
    return [details(store, state, c) for c in state.selected]


def table_data(store: Store, state: ExplorerState, sort: str = "value") -> list[dict]:
    return table_rows(store, state, sort)


def table_json(store: Store, state: ExplorerState, sort: str = "value") -> object:
    """The values table (:func:`~dashboard.explorer.panels.values_table`) as Dash sends it,
    kept per process and view: a row is five components, and making a few hundred of them
    took more of an explorer answer than the map and charts together."""
    return _table_json(store, state.indicator, state.year, state.level, state.area,
                       state.lang, sort)


@lru_cache(maxsize=8)  # 0.5 MB for 245 buurten
def _table_json(store: Store, indicator: str, year: int, level: str, area: str, lang: str,
                sort: str) -> object:
    ind, state = store.catalogue[indicator], ExplorerState(indicator, year, level, area,
                                                           lang=lang)
    return figures.as_json(values_table(table_rows(store, state, sort), ind.label.get(lang),
                                        ind.unit.get(lang), year, lang))


def source_text(store: Store, state: ExplorerState) -> str:
    return source_line(store, state.indicator, state.year, state.lang)


def pick_options(store: Store, state: ExplorerState) -> list[dict]:
    """The areas a keyboard user can select: those in view, and any already selected."""
    codes = list(dict.fromkeys([*view_codes(store, state.area, state.level), *state.selected]))
    return [{"label": store.area_name(c, state.lang), "value": c} for c in codes]


def chart_names(store: Store, state: ExplorerState) -> dict[str, str]:
    """The accessible names of the map, ranking, trend and scatter plot for ``state``."""
    lang, cat = state.lang, store.catalogue
    label, label2 = cat[state.indicator].label.get(lang), cat[state.indicator2].label.get(lang)
    return {"map": t("access.map_name", lang, label=label, year=state.year),
            "bar": t("access.bar_name", lang, label=label, year=state.year),
            "trend": t("access.trend_name", lang, label=label),
            "scatter": t("access.scatter_name", lang, label=label, label2=label2)}
