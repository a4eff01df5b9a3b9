"""Explorer callbacks: thin wiring from controls to the functions in dashboard/explorer/views.py.

Indicator, year, scale and selection changes send the map only a ``Patch`` of values and
colours; the geometry is sent again only when the view itself (level, area) changes.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs

from dash import ClientsideFunction, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate

from dashboard import ids
from dashboard.explorer import views
from dashboard.explorer.panels import details_panel, values_table
from dashboard.explorer.state import ExplorerState, apply_click, parse_state
from dashboard.exports.downloads import FORMATS
from dashboard.exports.toolkit import DOWNLOAD_ROOT, explorer_toolkit_links
from dashboard.projects.layer import Layer
from dashboard.store import get_store

CONTROLS = [Input(ids.EXPLORER_INDICATOR, "value"), Input(ids.EXPLORER_YEAR, "value"),
            Input(ids.EXPLORER_LEVEL, "value"), Input(ids.EXPLORER_AREA, "value"),
            Input(ids.EXPLORER_SELECTION, "data")]


def state_of(indicator, year, level, area, selected, lang, indicator2=None, scale="classes"
             ) -> ExplorerState:
    """Validate control values the same way as URL parameters (a forged request cannot
    reach the store with anything the URL could not)."""
    query = {"indicator": indicator, "year": str(year), "level": level, "area": area,
             "sel": ",".join(selected or []), "lang": lang, "scale": scale}
    if indicator2:
        query["ind2"] = indicator2
    return parse_state(query, get_store()).state


def register(app) -> None:
    """Attach the explorer's callbacks to ``app``."""

    # A click anywhere (map, bar, point) becomes {code, add}: add is true with Shift/Ctrl/Cmd
    # held (assets/modifiers.js) or the "adds to selection" box ticked.
    app.clientside_callback(
        """function(mapClick, barClick, scatterClick, addBox) {
            const ctx = window.dash_clientside.callback_context;
            const trig = ctx.triggered.length ? ctx.triggered[0].prop_id : "";
            const click = trig.startsWith("BAR") ? barClick
                : trig.startsWith("SCATTER") ? scatterClick : mapClick;
            if (!click || !click.points || !click.points.length) {
                return window.dash_clientside.no_update;
            }
            const p = click.points[0];
            let code = p.location || p.customdata;
            if (Array.isArray(code)) { code = code[0]; }
            if (!code) { return window.dash_clientside.no_update; }
            const add = Boolean(window.zuidAddModifier) || (addBox || []).includes("add");
            return {code: String(code), add: add, at: Date.now()};
        }""".replace("BAR", ids.EXPLORER_BAR).replace("SCATTER", ids.EXPLORER_SCATTER),
        Output(ids.EXPLORER_CLICK, "data"),
        Input(ids.EXPLORER_MAP, "clickData"), Input(ids.EXPLORER_BAR, "clickData"),
        Input(ids.EXPLORER_SCATTER, "clickData"), State(ids.EXPLORER_ADD, "value"),
        prevent_initial_call=True)

    app.clientside_callback(
        ClientsideFunction("zuid", "linkHover"), Output(ids.EXPLORER_HOVER, "data"),
        Input(ids.EXPLORER_MAP, "hoverData"), Input(ids.EXPLORER_BAR, "hoverData"),
        Input(ids.EXPLORER_SCATTER, "hoverData"), State(ids.EXPLORER_BAR, "id"),
        State(ids.EXPLORER_SCATTER, "id"), prevent_initial_call=True)

    @app.callback(Output(ids.EXPLORER_SELECTION, "data"),
                  Input(ids.EXPLORER_CLICK, "data"), Input(ids.EXPLORER_CLEAR, "n_clicks"),
                  State(ids.EXPLORER_SELECTION, "data"), prevent_initial_call=True)
    def select(click, _clear, selected):
        if ctx.triggered_id == ids.EXPLORER_CLEAR:
            return []
        code = str((click or {}).get("code") or "")
        if code not in get_store().areas.index:
            raise PreventUpdate
        return apply_click(list(selected or []), code, bool(click.get("add")))

    @app.callback(Output(ids.EXPLORER_YEAR, "options"), Output(ids.EXPLORER_YEAR, "value"),
                  Input(ids.EXPLORER_INDICATOR, "value"), State(ids.EXPLORER_YEAR, "value"),
                  prevent_initial_call=True)
    def years_for(indicator, year):
        store = get_store()
        if indicator not in store.catalogue:
            raise PreventUpdate
        years = store.years(indicator)
        if not years:
            raise PreventUpdate
        # an unchanged year is not re-sent, so the map patch of an indicator switch stays
        # values only (a year change also moves the projects layer)
        return [{"label": str(y), "value": y} for y in years], (
            no_update if year in years else years[-1])

    @app.callback(Output(ids.EXPLORER_MAP, "figure"), *CONTROLS,
                  Input(ids.EXPLORER_SCALE, "value"), State(ids.EXPLORER_LANG, "data"),
                  State(ids.PROJECTS_MAP_PILLARS, "value"),
                  State(ids.PROJECTS_MAP_SELECTED, "data"), prevent_initial_call=True)
    def update_map(indicator, year, level, area, selected, scale, lang, pillars, project):
        state = state_of(indicator, year, level, area, selected, lang, scale=scale)
        layer = Layer.of(pillars, project)
        if ctx.triggered_id in (ids.EXPLORER_LEVEL, ids.EXPLORER_AREA):
            return views.map_full(get_store(), state, layer)
        if ctx.triggered_id == ids.EXPLORER_SELECTION:
            return views.selection_patch(state)
        year_changed = f"{ids.EXPLORER_YEAR}.value" in ctx.triggered_prop_ids
        return views.map_patch(get_store(), state, layer if year_changed else None)

    @app.callback(Output(ids.EXPLORER_BAR, "figure"), *CONTROLS, State(ids.EXPLORER_LANG, "data"),
                  prevent_initial_call=True)
    def update_bar(indicator, year, level, area, selected, lang):
        return views.bar(get_store(), state_of(indicator, year, level, area, selected, lang))

    @app.callback(Output(ids.EXPLORER_TREND, "figure"), Input(ids.EXPLORER_INDICATOR, "value"),
                  Input(ids.EXPLORER_SELECTION, "data"), Input(ids.EXPLORER_AREA, "value"),
                  State(ids.EXPLORER_YEAR, "value"), State(ids.EXPLORER_LEVEL, "value"),
                  State(ids.EXPLORER_LANG, "data"), prevent_initial_call=True)
    def update_trend(indicator, selected, area, year, level, lang):
        return views.trend(get_store(), state_of(indicator, year, level, area, selected, lang))

    @app.callback(Output(ids.EXPLORER_SCATTER, "figure"), *CONTROLS,
                  Input(ids.EXPLORER_INDICATOR2, "value"), State(ids.EXPLORER_LANG, "data"),
                  prevent_initial_call=True)
    def update_scatter(indicator, year, level, area, selected, indicator2, lang):
        state = state_of(indicator, year, level, area, selected, lang, indicator2)
        return views.scatter(get_store(), state)

    @app.callback(Output(ids.EXPLORER_DETAILS, "children"), Output(ids.EXPLORER_SOURCE, "children"),
                  *CONTROLS, State(ids.EXPLORER_LANG, "data"), prevent_initial_call=True)
    def update_details(indicator, year, level, area, selected, lang):
        state = state_of(indicator, year, level, area, selected, lang)
        store = get_store()
        return (details_panel(views.details_data(store, state), lang),
                views.source_text(store, state))

    @app.callback(Output(ids.EXPLORER_TABLE, "children"), Input(ids.EXPLORER_INDICATOR, "value"),
                  Input(ids.EXPLORER_YEAR, "value"), Input(ids.EXPLORER_LEVEL, "value"),
                  Input(ids.EXPLORER_AREA, "value"), Input(ids.EXPLORER_TABLE_SORT, "value"),
                  State(ids.EXPLORER_LANG, "data"), prevent_initial_call=True)
    def update_table(indicator, year, level, area, sort, lang):
        store = get_store()
        state = state_of(indicator, year, level, area, [], lang)
        ind = store.catalogue[state.indicator]
        return values_table(views.table_data(store, state, sort), ind.label.get(lang),
                            ind.unit.get(lang), state.year, lang)

    @app.callback(Output(ids.EXPLORER_QUERY, "data"), Output(ids.EXPLORER_LANG_SWITCH, "href"),
                  *CONTROLS, Input(ids.EXPLORER_INDICATOR2, "value"),
                  Input(ids.EXPLORER_SCALE, "value"), State(ids.EXPLORER_LANG, "data"),
                  prevent_initial_call=True)
    def update_query(indicator, year, level, area, selected, indicator2, scale, lang):
        state = state_of(indicator, year, level, area, selected, lang, indicator2, scale)
        other = "en" if lang == "nl" else "nl"
        return state.query(), "?" + state.query().replace(f"lang={lang}", f"lang={other}")

    # The URL follows the view without a page reload: pushState directly (a Dash Location
    # update would make the page router render the whole page, geometry included).
    # Back/forward then re-render the page from the URL it returns to.
    app.clientside_callback(
        ClientsideFunction("urlsync", "pushQuery"),
        Output(ids.EXPLORER_URL_SYNC, "data"), Input(ids.EXPLORER_QUERY, "data"),
        prevent_initial_call=True)

    # The download-and-reproduce section follows the view: the download links' hrefs in the
    # browser (they are the query string and nothing else), the compare/profile links and
    # the snippet from the server, built from the same validated state as the URL.
    app.clientside_callback(
        """function(query) {
            if (!query) { return window.dash_clientside.no_update; }
            return FORMATS.map(f => ROOT + '/explorer.' + f + '?' + query);
        }""".replace("FORMATS", json.dumps(list(FORMATS["explorer"])))
        .replace("ROOT", json.dumps(DOWNLOAD_ROOT)),
        [Output(ids.explorer_download(f), "href") for f in FORMATS["explorer"]],
        Input(ids.EXPLORER_QUERY, "data"), prevent_initial_call=True)

    @app.callback(Output(ids.EXPLORER_TOOLKIT_LINKS, "children"),
                  Input(ids.EXPLORER_QUERY, "data"), prevent_initial_call=True)
    def update_toolkit(query):
        store = get_store()
        return explorer_toolkit_links(store, parse_state(parse_qs(query or ""), store).state)
