"""The Dash app: ``create_app()`` builds it, gunicorn serves ``app:server``.

Run locally with ``python app.py`` (``HOST``, ``PORT``; debug only with
``DASHBOARD_DEBUG=1``). Nothing here reads the store: pages open it when they are
rendered, so importing this module is fast and works before a store is built.
"""

from __future__ import annotations

import os

import dash

from callbacks import explorer as explorer_callbacks
from dashboard.i18n import t
from dashboard.settings import get_settings
from layouts import explorer, home

# The document language is Dutch; each page marks its own language on <main lang="…">.
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
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    dash.register_page("explorer", path="/", name=title, title=title,
                       description=t("explorer.title", "nl"), layout=explorer.layout)
    dash.register_page("data", path="/data", name=t("home.title", "nl"),
                       title=f"{t('home.title', 'nl')} · {title}",
                       description=t("home.intro", "nl"), layout=home.layout)
    app.layout = dash.html.Div(dash.page_container, className="app")
    explorer_callbacks.register(app)
    return app


app = create_app()
server = app.server

if __name__ == "__main__":
    app.run(
        host=os.environ.get("HOST", "127.0.0.1"),
        port=int(os.environ.get("PORT", "8050")),
        debug=get_settings().debug,
    )
