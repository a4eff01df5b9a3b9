"""Profile callbacks: the area picker's link, and printing (the A4 print stylesheet is
assets/profile.css)."""

from __future__ import annotations

from dash import Input, Output, State
from dash.exceptions import PreventUpdate

from dashboard import ids
from dashboard.exports.toolkit import profile_href
from dashboard.i18n import normalise_lang
from dashboard.store import get_store


def register(app) -> None:
    """Attach the profile page's callbacks to ``app``."""

    @app.callback(Output(ids.PROFILE_OPEN, "href"), Input(ids.PROFILE_PICKER, "value"),
                  State(ids.PROFILE_LANG, "data"), prevent_initial_call=True)
    def open_link(code, lang):
        if not isinstance(code, str) or code not in get_store().areas.index:
            raise PreventUpdate
        return profile_href(code, normalise_lang(lang))

    app.clientside_callback(
        """function(n) {
            if (n) { window.print(); }
            return window.dash_clientside.no_update;
        }""",
        Output(ids.PROFILE_PRINT, "title"), Input(ids.PROFILE_PRINT, "n_clicks"),
        prevent_initial_call=True)
