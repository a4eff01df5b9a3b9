"""One answer per interaction: everything on the explorer that a control change moves.

The explorer has one server callback (callbacks/explorer.py). It passes the control
values and the names of those that changed to :func:`explorer_update`, which works out
the validated state once and returns only the outputs that change: an indicator switch
is one request that patches the map's values and redraws the ranking, trend, scatter,
details, table and links; the geometry is sent again only when the view (level, area)
changes.
"""

from __future__ import annotations

from dashboard.controls import choice_data
from dashboard.explorer import views
from dashboard.explorer.panels import details_panel
from dashboard.explorer.state import (
    ExplorerState,
    apply_click,
    default_year,
    ordinary_years,
    parse_state,
    picked_codes,
    year_options,
)
from dashboard.exports.toolkit import explorer_toolkit_links
from dashboard.figures import text_equivalent_json
from dashboard.projects.layer import Layer
from dashboard.projects.panels import map_outputs
from dashboard.store import Store

#: Control values the update reads, as named in :func:`explorer_update`.
INPUTS = ("indicator", "year", "level", "area", "selection", "scale", "indicator2", "sort",
          "click", "clear", "pick", "pillars", "project", "focus")
STATES = ("lang",)
#: What it can answer; a name left out of the answer is unchanged on the page.
OUTPUTS = ("map", "bar", "trend", "scatter", "details", "source", "table", "year_options",
           "year", "selection", "query", "lang_href", "toolkit", "projects_list",
           "projects_panel", "pick", "pick_options", "trend_text", "scatter_text", "map_name",
           "bar_name", "trend_name", "scatter_name")
_VIEW = {"indicator", "year", "level", "area", "selection"}


def control_state(store: Store, values: dict) -> ExplorerState:
    """Validate control values the same way as URL parameters (a forged request cannot
    reach the store with anything the URL could not)."""
    selected = values.get("selection")
    query = {"indicator": values.get("indicator"), "year": str(values.get("year")),
             "level": values.get("level"), "area": values.get("area"),
             "sel": ",".join(c for c in selected if isinstance(c, str))
             if isinstance(selected, list) else "",
             "lang": values.get("lang"), "scale": values.get("scale") or "classes"}
    if values.get("indicator2"):
        query["ind2"] = values["indicator2"]
    return parse_state({k: v for k, v in query.items() if v is not None}, store).state


def _selection(store: Store, values: dict, changed: set[str]) -> list[str] | None:
    """The new selection after a click, "clear" or the keyboard's area list, or None when it
    does not change."""
    if "clear" in changed:
        return []
    current = values.get("selection") if isinstance(values.get("selection"), list) else []
    if "pick" in changed:
        codes = picked_codes(values.get("pick"), store.areas.index)
        return codes if codes != [str(c) for c in current] else None
    if "click" in changed:
        click = values.get("click") if isinstance(values.get("click"), dict) else {}
        code = str(click.get("code") or "")
        if code in store.areas.index:
            return apply_click([str(c) for c in current], code, bool(click.get("add")))
    return None


def explorer_update(store: Store, values: dict, changed: set[str]) -> dict:
    """The outputs an interaction changes.

    Parameters
    ----------
    store : Store
    values : dict
        Every name of :data:`INPUTS` and :data:`STATES` -> the control's value.
    changed : set of str
        Names of the inputs that changed (Dash's triggered inputs).

    Returns
    -------
    dict
        Names of :data:`OUTPUTS` -> new value (figures, a map ``Patch``, components,
        strings); empty when nothing changes (a click beside every area).
    """
    out: dict = {}
    values = dict(values)
    moved = set(changed) - {"click", "clear", "pick"}
    selection = _selection(store, values, changed)
    if selection is not None:
        values["selection"] = out["selection"] = selection
        if selection != values.get("pick"):  # the area list shows the selection
            out["pick"] = selection
        moved.add("selection")
    if moved & {"indicator", "level", "area"} and values.get("indicator") in store.catalogue \
            and store.years(values["indicator"]):
        # the year list follows the view: sparse years apart; a year that is sparse in the
        # new view moves to the latest ordinary one
        view = control_state(store, values)
        options = year_options(store, view.indicator, view.level, view.area, view.lang)
        ordinary = ordinary_years(store, view.indicator, view.level, view.area)
        out["year_options"] = choice_data(options)
        year = str(values.get("year"))  # Mantine's values are strings
        if not (year in map(str, ordinary)
                or (not ordinary and year in {str(o["value"]) for o in options})):
            values["year"] = out["year"] = str(default_year(store, view.indicator, view.level,
                                                            view.area))
            moved.add("year")
    if not moved:
        return out
    store_state = control_state(store, values)
    layer = Layer.of(values.get("pillars"), values.get("project"))
    sort = values.get("sort") if values.get("sort") in ("value", "name") else "value"
    out.update(_figures(store, store_state, layer, moved, sort))
    focus = views.clean_focus(values.get("focus")) if "focus" in moved else None
    if focus:  # a search result: the map moves to it
        if "map" not in out:
            out["map"] = views.selection_patch(store_state)
        views.move_map(out["map"], focus)
    if moved & (_VIEW | {"scale", "indicator2"}):
        other = "en" if store_state.lang == "nl" else "nl"
        query = store_state.query()
        out["query"] = query
        out["lang_href"] = "?" + query.replace(f"lang={store_state.lang}", f"lang={other}")
        out["toolkit"] = explorer_toolkit_links(store, store_state)
    if moved & {"year", "area", "selection", "pillars", "project"}:
        out["projects_list"], out["projects_panel"] = map_outputs(store, store_state, layer)
    if moved & {"level", "area", "selection"}:
        out["pick_options"] = choice_data(views.pick_options(store, store_state))
    if moved & {"indicator", "year", "indicator2"}:
        out.update({f"{k}_name": v for k, v in views.chart_names(store, store_state).items()})
    for chart in ("trend", "scatter"):
        if chart in out:
            out[f"{chart}_text"] = text_equivalent_json(out[chart], store_state.lang)
    return out


def _figures(store: Store, state: ExplorerState, layer: Layer, moved: set[str],
             sort: str) -> dict:
    """Map, charts, details and table: each only when something it shows moved."""
    out: dict = {}
    if moved & {"level", "area"}:
        out["map"] = views.map_full(store, state, layer)
    elif moved & {"indicator", "year", "scale"}:
        # the projects layer moves with the year (and with a pillar or project change)
        with_layer = bool(moved & {"year", "pillars", "project"})
        out["map"] = views.map_patch(store, state, layer if with_layer else None)
    elif moved & {"pillars", "project"}:
        out["map"] = views.projects_patch(store, state, layer)
    elif "selection" in moved:
        out["map"] = views.selection_patch(state)
    if moved & _VIEW:
        out["bar"] = views.bar(store, state)
        out["details"] = details_panel(views.details_data(store, state), state.lang)
        out["source"] = views.source_text(store, state)
    if moved & {"indicator", "selection", "area"}:
        out["trend"] = views.trend(store, state)
    if moved & (_VIEW | {"indicator2"}):
        out["scatter"] = views.scatter(store, state)
    if moved & {"indicator", "year", "level", "area", "sort"}:
        out["table"] = views.table_json(store, state, sort)
    return out
