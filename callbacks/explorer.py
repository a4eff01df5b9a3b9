"""Explorer callbacks: thin wiring from controls to dashboard/explorer/update.py.

One server callback answers every control change in one request with only the outputs
that change (indicator, year, scale and selection send the map a ``Patch`` of values and
colours; the geometry is sent again only when the view itself, level or area, changes).
Clicks, hover links, the URL and the download links are worked out in the browser.
"""

from __future__ import annotations

import json

from dash import ClientsideFunction, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate

from dashboard import ids
from dashboard.basemap.locatieserver import LocatieClient
from dashboard.basemap.online import current_basemap
from dashboard.explorer import search
from dashboard.explorer.state import parse_state
from dashboard.explorer.update import explorer_update
from dashboard.exports.downloads import FORMATS
from dashboard.exports.toolkit import DOWNLOAD_ROOT
from dashboard.i18n import t
from dashboard.store import get_store

#: The update's inputs, state and outputs by the names dashboard/explorer/update.py uses.
INPUTS = {"indicator": (ids.EXPLORER_INDICATOR, "value"), "year": (ids.EXPLORER_YEAR, "value"),
          "level": (ids.EXPLORER_LEVEL, "value"), "area": (ids.EXPLORER_AREA, "value"),
          "selection": (ids.EXPLORER_SELECTION, "data"), "scale": (ids.EXPLORER_SCALE, "value"),
          "indicator2": (ids.EXPLORER_INDICATOR2, "value"),
          "sort": (ids.EXPLORER_TABLE_SORT, "value"), "click": (ids.EXPLORER_CLICK, "data"),
          "clear": (ids.EXPLORER_CLEAR, "n_clicks"), "pick": (ids.EXPLORER_PICK, "value"),
          "pillars": (ids.PROJECTS_MAP_PILLARS, "value"),
          "project": (ids.PROJECTS_MAP_SELECTED, "data"),
          "focus": (ids.EXPLORER_FOCUS, "data")}
STATES = {"lang": (ids.EXPLORER_LANG, "data")}
OUTPUTS = {"map": (ids.EXPLORER_MAP, "figure"), "bar": (ids.EXPLORER_BAR, "figure"),
           "trend": (ids.EXPLORER_TREND, "figure"), "scatter": (ids.EXPLORER_SCATTER, "figure"),
           "details": (ids.EXPLORER_DETAILS, "children"),
           "source": (ids.EXPLORER_SOURCE, "children"),
           "table": (ids.EXPLORER_TABLE, "children"),
           "year_options": (ids.EXPLORER_YEAR, "data"), "year": (ids.EXPLORER_YEAR, "value"),
           "selection": (ids.EXPLORER_SELECTION, "data"),
           "query": (ids.EXPLORER_QUERY, "data"), "lang_href": (ids.EXPLORER_LANG_SWITCH, "href"),
           "toolkit": (ids.EXPLORER_TOOLKIT_LINKS, "children"),
           "projects_list": (ids.PROJECTS_MAP_LIST, "children"),
           "projects_panel": (ids.PROJECTS_MAP_PANEL, "children"),
           "pick": (ids.EXPLORER_PICK, "value"), "pick_options": (ids.EXPLORER_PICK, "data"),
           "trend_text": (ids.EXPLORER_TREND_TEXT, "children"),
           "scatter_text": (ids.EXPLORER_SCATTER_TEXT, "children"),
           **{f"{name}_name": (cid, "aria-label") for name, cid in (
               ("map", ids.EXPLORER_MAP_CHART), ("bar", ids.EXPLORER_BAR_CHART),
               ("trend", ids.EXPLORER_TREND_CHART), ("scatter", ids.EXPLORER_SCATTER_CHART))}}


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
            const add = Boolean(window.zuidAddModifier) || Boolean(addBox);
            return {code: String(code), add: add, at: Date.now()};
        }""".replace("BAR", ids.EXPLORER_BAR).replace("SCATTER", ids.EXPLORER_SCATTER),
        Output(ids.EXPLORER_CLICK, "data"),
        Input(ids.EXPLORER_MAP, "clickData"), Input(ids.EXPLORER_BAR, "clickData"),
        Input(ids.EXPLORER_SCATTER, "clickData"), State(ids.EXPLORER_ADD, "checked"),
        prevent_initial_call=True)

    app.clientside_callback(
        ClientsideFunction("zuid", "linkHover"), Output(ids.EXPLORER_HOVER, "data"),
        Input(ids.EXPLORER_MAP, "hoverData"), Input(ids.EXPLORER_BAR, "hoverData"),
        Input(ids.EXPLORER_SCATTER, "hoverData"), State(ids.EXPLORER_BAR, "id"),
        State(ids.EXPLORER_SCATTER, "id"), prevent_initial_call=True)

    @app.callback([Output(cid, prop) for cid, prop in OUTPUTS.values()],
                  [Input(cid, prop) for cid, prop in INPUTS.values()],
                  [State(cid, prop) for cid, prop in STATES.values()],
                  prevent_initial_call=True)
    def update(*args):
        values = dict(zip([*INPUTS, *STATES], args, strict=True))
        changed = {name for name, (cid, prop) in INPUTS.items()
                   if f"{cid}.{prop}" in ctx.triggered_prop_ids}
        out = explorer_update(get_store(), values, changed)
        if not out:
            raise PreventUpdate
        return [out.get(name, no_update) for name in OUTPUTS]

    @app.callback(Output(ids.EXPLORER_SEARCH, "data"), Input(ids.EXPLORER_SEARCH, "searchValue"),
                  State(ids.EXPLORER_SEARCH, "data"), State(ids.EXPLORER_LANG, "data"),
                  prevent_initial_call=True)
    def search_options(query, shown, lang):
        # choosing an option writes its label into the box: keep the options it came from
        if not isinstance(query, str) or search.is_shown_label(query, shown):
            raise PreventUpdate
        locatie = LocatieClient() if current_basemap().online else None
        return search.options(get_store(), query, lang if lang in ("nl", "en") else "nl",
                              locatie)

    @app.callback(Output(ids.EXPLORER_SELECTION, "data", allow_duplicate=True),
                  Output(ids.EXPLORER_LEVEL, "value"), Output(ids.EXPLORER_AREA, "value"),
                  Output(ids.EXPLORER_FOCUS, "data"),
                  Output(ids.EXPLORER_SEARCH_STATUS, "children"),
                  Input(ids.EXPLORER_SEARCH, "value"), State(ids.EXPLORER_LEVEL, "value"),
                  State(ids.EXPLORER_AREA, "value"), State(ids.EXPLORER_LANG, "data"),
                  prevent_initial_call=True)
    def choose(value, level, area, lang):
        store = get_store()
        state = parse_state({"level": level, "area": area, "lang": lang}, store).state
        locatie = LocatieClient() if str(value or "").startswith("addr:") and \
            current_basemap().online else None
        move = search.resolve(store, value, state.level, state.area, state.lang, locatie)
        if move is None:
            raise PreventUpdate
        if not move.selected:
            return (no_update, no_update, move.area if move.area != state.area else no_update,
                    no_update, move.message)
        names = ", ".join(store.area_name(c, state.lang) for c in move.selected)
        return (list(move.selected), move.level if move.level != state.level else no_update,
                move.area if move.area != state.area else no_update,
                search.focus_view(store, move.selected),
                move.message or t("search.moved", state.lang, areas=names))

    app.clientside_callback(
        ClientsideFunction("zuidmap", "raiseLabels"),
        Output(ids.EXPLORER_MAP, "className"),
        Input(ids.EXPLORER_MAP, "figure"), State(ids.EXPLORER_MAP, "id"))

    # The ranking, trend and scatter of the first render are drawn once the map is
    # interactive (no request: their figures came with the page).
    app.clientside_callback(
        ClientsideFunction("zuidmap", "drawLater"), Output(ids.EXPLORER_LATER, "clear_data"),
        Input(ids.EXPLORER_LATER, "data"), State(ids.EXPLORER_MAP, "id"))

    # Hover labels of the old view never stay on a new one.
    app.clientside_callback(
        ClientsideFunction("zuidmap", "clearOverlays"),
        Output(ids.EXPLORER_HOVER, "data", allow_duplicate=True),
        Input(ids.EXPLORER_LEVEL, "value"), Input(ids.EXPLORER_AREA, "value"),
        Input(ids.EXPLORER_CLEAR, "n_clicks"), Input(ids.EXPLORER_INDICATOR, "value"),
        Input(ids.EXPLORER_MAP, "figure"), State(ids.EXPLORER_MAP, "id"),
        State(ids.EXPLORER_BAR, "id"), State(ids.EXPLORER_SCATTER, "id"),
        prevent_initial_call=True)

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

