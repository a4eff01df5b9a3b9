"""Projects callbacks: the projects layer on the explorer map, and the projects page.

Thin wiring: each callback guards its inputs and calls a function in dashboard/.
"""

from __future__ import annotations

from dash import ALL, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard import ids
from dashboard.auth.guard import editor_only, refusal
from dashboard.explorer import views
from dashboard.explorer.state import parse_state
from dashboard.figures import text_equivalent
from dashboard.i18n import normalise_lang
from dashboard.projects.around import around_outputs, indicator_options
from dashboard.projects.layer import find
from dashboard.projects.page import (
    export_file,
    page_projects,
    page_table,
    paged,
    pager,
    upload_report,
)
from dashboard.projects.panels import clicked_project, project_panel
from dashboard.projects.registry import all_projects
from dashboard.projects.upload import import_upload
from dashboard.store import get_store


def _register_map(app) -> None:
    @app.callback(Output(ids.PROJECTS_MAP_SELECTED, "data"),
                  Input(ids.EXPLORER_MAP, "clickData"),
                  Input(ids.map_item(ALL), "n_clicks"), Input(ids.PROJECTS_MAP_CLEAR, "n_clicks"),
                  prevent_initial_call=True)
    def choose(click, _items, _clear):
        trigger = ctx.triggered_id
        if trigger == ids.PROJECTS_MAP_CLEAR:
            return None
        if isinstance(trigger, dict):
            if not ctx.triggered[0]["value"]:  # a list item just rendered, not clicked
                raise PreventUpdate
            key = trigger.get("key")
        else:
            key = clicked_project(click)
        if key not in {p.key for p in all_projects()}:
            raise PreventUpdate
        return key

    # The layer and its list follow pillars, project, year, area and selection in the
    # explorer's one update (dashboard/explorer/update.py).

    @app.callback(Output(ids.EXPLORER_MAP, "figure", allow_duplicate=True),
                  Input(ids.PROJECTS_MAP_HOVER, "data"), State(ids.PROJECTS_MAP_SELECTED, "data"),
                  State(ids.EXPLORER_LEVEL, "value"), State(ids.EXPLORER_AREA, "value"),
                  State(ids.EXPLORER_LANG, "data"), prevent_initial_call=True)
    def hover_outline(hovered, chosen, level, area, lang):
        # the hovered project's areas; back to the chosen one's when the pointer leaves
        keys = {p.key for p in all_projects()}
        key = hovered if hovered in keys else (chosen if chosen in keys else None)
        store = get_store()
        state = parse_state({"level": level, "area": area, "lang": lang}, store).state
        return views.outline_patch(store, state, key)


def register(app) -> None:
    """Register the projects layer's and the projects page's callbacks on ``app``."""
    _register_map(app)
    _register_page(app)


def _register_page(app) -> None:
    @app.callback(Output(ids.PROJECTS_SELECTED, "data"), Input(ids.page_item(ALL), "n_clicks"),
                  prevent_initial_call=True)
    def choose(_items):
        trigger = ctx.triggered_id
        if not isinstance(trigger, dict) or not ctx.triggered[0]["value"]:
            raise PreventUpdate  # a row just rendered, not clicked
        key = trigger.get("key")
        if key not in {p.key for p in all_projects()}:
            raise PreventUpdate
        return key

    @app.callback(Output(ids.PROJECTS_LIST, "children"), Output(ids.PROJECTS_PAGE_NO, "data"),
                  Output(ids.PROJECTS_PAGE_STATUS, "children"),
                  Output(ids.PROJECTS_PAGE_PREV, "disabled"),
                  Output(ids.PROJECTS_PAGE_NEXT, "disabled"), Input(ids.PROJECTS_PILLARS, "value"),
                  Input(ids.PROJECTS_YEAR_FROM, "value"), Input(ids.PROJECTS_YEAR_TO, "value"),
                  Input(ids.PROJECTS_AREA, "value"), Input(ids.PROJECTS_ORGANISATION, "value"),
                  Input(ids.PROJECTS_SELECTED, "data"), Input(ids.PROJECTS_DATA_VERSION, "data"),
                  Input(ids.PROJECTS_PAGE_PREV, "n_clicks"),
                  Input(ids.PROJECTS_PAGE_NEXT, "n_clicks"), State(ids.PROJECTS_PAGE_NO, "data"),
                  State(ids.PROJECTS_LANG, "data"), prevent_initial_call=True)
    def update_list(pillars, year_from, year_to, area, organisation, selected, _v, _prev, _next,
                    page, lang):
        store, lang = get_store(), normalise_lang(lang)
        area = area if area in store.areas.index else None
        # values arrive parsed and bounded (dashboard/guard/props.py): years are ints
        chosen = page_projects(store, pillars=pillars or [], year_from=year_from,
                               year_to=year_to, area=area, organisation=organisation)
        # the pager turns the page; a new choice or a selection keeps it, a filter resets it
        step = {ids.PROJECTS_PAGE_PREV: -1, ids.PROJECTS_PAGE_NEXT: 1}.get(ctx.triggered_id)
        keep = step is not None or ctx.triggered_id == ids.PROJECTS_SELECTED
        shown = paged(chosen, (page or 0) + (step or 0) if keep else 0)
        return (page_table(store, shown.rows, lang, selected, shown.total),
                *pager(shown, lang))

    @app.callback(Output(ids.PROJECTS_PANEL, "children"),
                  Output(ids.PROJECTS_AROUND_INDICATOR, "options"),
                  Output(ids.PROJECTS_AROUND_INDICATOR, "value"),
                  Input(ids.PROJECTS_SELECTED, "data"), State(ids.PROJECTS_LANG, "data"),
                  prevent_initial_call=True)
    def update_panel(key, lang):
        store, lang = get_store(), normalise_lang(lang)
        project = find(all_projects(), key)
        options = indicator_options(store, project, lang) if project else []
        return (project_panel(store, project, lang, link=False), options,
                options[0]["value"] if options else None)

    @app.callback(Output(ids.PROJECTS_AROUND_GRAPH, "figure"),
                  Output(ids.PROJECTS_AROUND_SOURCE, "children"),
                  Output(ids.PROJECTS_AROUND_TEXT, "children"),
                  Input(ids.PROJECTS_AROUND_INDICATOR, "value"),
                  State(ids.PROJECTS_SELECTED, "data"), State(ids.PROJECTS_LANG, "data"),
                  prevent_initial_call=True)
    def update_around(indicator, key, lang):
        lang = normalise_lang(lang)
        fig, source = around_outputs(get_store(), find(all_projects(), key), indicator, lang)
        return fig, source, text_equivalent(fig, lang)

    @app.callback(Output(ids.PROJECTS_UPLOAD_RESULT, "children"),
                  Output(ids.PROJECTS_DATA_VERSION, "data"),
                  Input(ids.PROJECTS_UPLOAD, "contents"), State(ids.PROJECTS_UPLOAD, "filename"),
                  State(ids.PROJECTS_DATA_VERSION, "data"), State(ids.PROJECTS_LANG, "data"),
                  prevent_initial_call=True)
    @editor_only(lambda reason, *args: (html.P(refusal(reason, args[-1]), className="notice"),
                                        no_update))
    def upload(contents, filename, version, lang, editor):
        if not isinstance(contents, str) or not contents:
            raise PreventUpdate
        filename = str(filename or "")[:200]
        result = import_upload(contents, filename, get_store(), editor=editor)
        return upload_report(result, filename, normalise_lang(lang)), int(version or 0) + 1

    @app.callback(Output(ids.PROJECTS_DOWNLOAD, "data"), Input(ids.PROJECTS_TEMPLATE, "n_clicks"),
                  Input(ids.PROJECTS_EXPORT_CSV, "n_clicks"),
                  Input(ids.PROJECTS_EXPORT_GEOJSON, "n_clicks"),
                  Input(ids.PROJECTS_EXPORT_HISTORY, "n_clicks"), State(ids.PROJECTS_LANG, "data"),
                  prevent_initial_call=True)
    def download(_template, _csv, _geojson, _history, lang):
        if not ctx.triggered or not ctx.triggered[0]["value"]:
            raise PreventUpdate
        text, filename = export_file(get_store(), ctx.triggered_id, normalise_lang(lang))
        return dcc.send_string(text, filename)
