"""Callbacks of the targets page: thin wiring to dashboard/targets/.

A successful save or delete sends the browser to the page again (``saved=`` / ``deleted=``
in the URL), so every card, the matrix and the table are rendered afresh from the
database by the layout; an invalid save only shows why, and writes nothing.
"""

from __future__ import annotations

from urllib.parse import urlencode

from dash import ALL, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard import ids
from dashboard.auth.guard import editor_only, refusal
from dashboard.figures import text_equivalent
from dashboard.i18n import normalise_lang
from dashboard.settings import get_settings
from dashboard.store import get_store
from dashboard.targets.export import export_file, history_file
from dashboard.targets.figures import detail_figure
from dashboard.targets.form import PAGE_PATH, find_target, form_values, remove, submit
from dashboard.targets.model import FIELDS
from dashboard.targets.report import detail_parts, evaluate

FORM_STATES = [State(ids.TARGETS_FORM_FIELDS[f], "value") for f in FIELDS]


def _refused(reason: str, *values):
    # Nothing is read or written; the message says why and what to do.
    return no_update, html.Ul([html.Li(refusal(reason, values[-1]))], className="form-errors")


def register(app) -> None:
    """Attach the targets page's callbacks to ``app``."""

    @app.callback(Output(ids.TARGETS_DETAIL_GRAPH, "figure"),
                  Output(ids.TARGETS_DETAIL_WHY, "children"),
                  Output(ids.TARGETS_DETAIL_TEXT, "children"),
                  Input(ids.TARGETS_DETAIL_SELECT, "value"), State(ids.TARGETS_LANG, "data"),
                  prevent_initial_call=True)
    def show_detail(key, lang):
        store, lang = get_store(), normalise_lang(lang)
        target = find_target(store, get_settings().data_dir, key)
        if target is None:
            raise PreventUpdate
        result = evaluate(store, target)
        fig = detail_figure(**detail_parts(store, result, lang))
        return fig, result.explanation(store, lang), text_equivalent(fig, lang)

    @app.callback(Output(ids.TARGETS_DETAIL_SELECT, "value"),
                  Input({"type": ids.TARGETS_SHOW, "key": ALL}, "n_clicks"),
                  prevent_initial_call=True)
    def pick_detail(clicks):
        if not isinstance(ctx.triggered_id, dict) or not any(clicks or []):
            raise PreventUpdate
        return ctx.triggered_id["key"]

    @app.callback(*[Output(ids.TARGETS_FORM_FIELDS[f], "value") for f in FIELDS],
                  Input(ids.TARGETS_FORM_EDIT, "value"), prevent_initial_call=True)
    def fill_form(key):
        target = find_target(get_store(), get_settings().data_dir, key) if key else None
        values = form_values(target)
        return [values[f] for f in FIELDS]

    @app.callback(Output(ids.TARGETS_LOCATION, "href"),
                  Output(ids.TARGETS_FORM_MESSAGE, "children"),
                  Input(ids.TARGETS_FORM_SAVE, "n_clicks"),
                  Input(ids.TARGETS_FORM_DELETE, "n_clicks"),
                  *FORM_STATES, State(ids.TARGETS_LANG, "data"), prevent_initial_call=True)
    @editor_only(_refused)
    def save_or_delete(save_clicks, delete_clicks, *values, editor):
        *fields, lang = values
        lang = normalise_lang(lang)
        raw = dict(zip(FIELDS, fields, strict=True))
        if ctx.triggered_id == ids.TARGETS_FORM_SAVE and save_clicks:
            outcome, param = submit(raw, get_store(), lang, editor=editor), "saved"
        elif ctx.triggered_id == ids.TARGETS_FORM_DELETE and delete_clicks:
            outcome, param = remove(raw.get("key"), lang, editor=editor), "deleted"
        else:
            raise PreventUpdate
        if not outcome.ok:
            return no_update, html.Ul([html.Li(m) for m in outcome.messages],
                                      className="form-errors")
        query = urlencode({"lang": lang, param: outcome.key})
        return f"{PAGE_PATH}?{query}", html.P(outcome.messages[0])

    @app.callback(Output(ids.TARGETS_DOWNLOAD, "data"),
                  Input(ids.TARGETS_EXPORT_CSV, "n_clicks"),
                  Input(ids.TARGETS_EXPORT_XLSX, "n_clicks"),
                  Input(ids.TARGETS_EXPORT_HISTORY, "n_clicks"),
                  State(ids.TARGETS_DETAIL_SELECT, "value"),
                  State(ids.TARGETS_LANG, "data"), prevent_initial_call=True)
    def download(csv_clicks, xlsx_clicks, history_clicks, key, lang):
        fmt = {ids.TARGETS_EXPORT_CSV: "csv", ids.TARGETS_EXPORT_XLSX: "xlsx",
               ids.TARGETS_EXPORT_HISTORY: "history"}.get(ctx.triggered_id)
        if fmt is None or not (csv_clicks or xlsx_clicks or history_clicks):
            raise PreventUpdate
        lang = normalise_lang(lang)
        if fmt == "history":
            found = history_file(key, lang)
            if found is None:
                raise PreventUpdate
            return dcc.send_bytes(*found)
        content, name = export_file(get_store(), get_settings().data_dir, fmt, lang)
        return dcc.send_bytes(content, name)
