"""The Dash app: ``create_app()`` builds it, gunicorn serves ``app:server``.

Run locally with ``python app.py`` (``HOST``, ``PORT``; debug only with
``DASHBOARD_DEBUG=1``). Nothing here reads the store: pages open it when they are
rendered, so importing this module is fast and works before a store is built.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import dash
import dash_mantine_components as dmc

import callbacks.compare
import callbacks.downloads
import callbacks.explorer
import callbacks.profile
import callbacks.projects
import callbacks.targets
from dashboard import pages, security
from dashboard.auth import web as auth_web
from dashboard.guard import http as guard
from dashboard.i18n import t
from dashboard.settings import get_settings
from dashboard.web import delivery
from layouts import (
    common,
    compare,
    document,
    explorer,
    home,
    indicators,
    profile,
    projects,
    signin,
    targets,
)

#: Package JavaScript compressed once at brotli's strongest level (``python app.py
#: precompress``, run by ``make run``/``bench``/``load``); without it files are compressed
#: at a faster level on first request.
PRECOMPRESSED = Path(__file__).resolve().parent / "cache" / "compressed"
#: The partial plotly.js bundle of the trace types the dashboard draws (``make plotly``,
#: run by ``make run``/``bench``/``load``/``test``); without it Dash serves Plotly's full one.
PLOTLY_BUNDLE = Path(__file__).resolve().parent / "cache" / "plotly" / "plotly.min.js"

# Dutch by default; layouts.document sets the request's language and the page's title.
INDEX_STRING = """<!DOCTYPE html>
<html lang="nl">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        {%app_entry%}
        <footer>
            {%config%}
            {%scripts%}
            {%renderer%}
        </footer>
    </body>
</html>"""


#: Mantine in the site's colours and type (assets/tokens.css): the page's blue (#00548f,
#: 7.9:1 on white, so a ticked box or chosen radio stands out at 3:1 or more), its font.
MANTINE_THEME = {
    "primaryColor": "zuid", "primaryShade": 6, "fontFamily": "inherit", "defaultRadius": "sm",
    "colors": {"zuid": ["#e6f0f8", "#c5dbec", "#9fc3df", "#76a9d1", "#4f90c3", "#2a76b0",
                        "#00548f", "#00477a", "#083968", "#062b50"]},
}


def _register(name: str, path: str, layout, name_key: str,
              description: str | None = None) -> None:
    page_title = t(name_key, "nl")
    dash.register_page(name, path=path, name=page_title, title=document.title_of(name),
                       description=description or page_title, layout=layout)


def create_app() -> dash.Dash:
    """Build the Dash app with its pages and callbacks.

    Returns
    -------
    dash.Dash
        The app; ``app.server`` is the Flask server for gunicorn.
    """
    title = t("app.title", "nl")
    app = dash.Dash(
        __name__,
        use_pages=True,
        pages_folder="",
        title=title,
        # Pages render only when requested; without this Dash would call every page
        # layout (and so open the store) to validate callbacks on the first request.
        suppress_callback_exceptions=True,
        index_string=INDEX_STRING,
        # No "Updating..." tab title while a callback runs: screen readers announce it, and
        # each title change makes Chromium fetch the favicon again (an extra request).
        update_title=None,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    dash.register_page("explorer", path=pages.EXPLORER, name=title,
                       title=document.title_of("explorer"),
                       description=t("explorer.title", "nl"), layout=explorer.layout)
    for name, module in (("targets", targets), ("projects", projects),
                         ("compare", compare), ("indicators", indicators)):
        _register(name, module.PATH, module.layout, f"nav.{name}")
    dash.register_page("profile", path_template=profile.PATH_TEMPLATE,
                       name=t("profile.title", "nl"), title=document.title_of("profile"),
                       layout=profile.layout)
    _register("data", pages.DATA, home.layout, "home.title",
              description=t("home.intro", "nl"))
    _register("signin", signin.PATH, signin.layout, "auth.signin")
    # Dash shows the page named not_found_404 for every unknown address.
    dash.register_page("not_found_404", path="/404", name=t("notfound.title", "nl"),
                       title=document.title_of("not_found_404"), layout=common.not_found)
    # Mantine's controls (dashboard/controls) need their provider around every page.
    app.layout = dmc.MantineProvider(dash.html.Div(dash.page_container, className="app"),
                                     theme=MANTINE_THEME)
    document.install(app)
    for module in (callbacks.explorer, callbacks.targets, callbacks.projects,
                   callbacks.profile, callbacks.compare, callbacks.downloads):
        module.register(app)
    guard.install(app)
    security.install(app)
    delivery.install(app, PRECOMPRESSED, PLOTLY_BUNDLE)
    auth_web.install(app)
    return app


app = create_app()
server = app.server

if __name__ == "__main__" and sys.argv[1:] == ["precompress"]:
    written = delivery.precompress(app, PRECOMPRESSED, (PLOTLY_BUNDLE,))
    print(f"{PRECOMPRESSED}: {len(written)} files compressed")
elif __name__ == "__main__":
    app.run(
        host=os.environ.get("HOST", "127.0.0.1"),
        port=int(os.environ.get("PORT", "8050")),
        debug=get_settings().debug,
    )
