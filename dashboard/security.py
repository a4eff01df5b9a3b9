"""Production HTTP hardening: security headers on every response, plain error pages.

:func:`install` is called by ``app.create_app()`` after every callback is registered, so
the Content-Security-Policy can allow Dash's inline scripts (clientside callbacks, the
renderer) by their hashes instead of allowing inline script in general.
"""

from __future__ import annotations

import logging

from dashboard.i18n import t
from dashboard.settings import get_settings
from dashboard.store import StoreNotFound, get_store

LOG = logging.getLogger(__name__)

#: Sources allowed besides the per-app script hashes. Why each exception is needed:
#: - style-src 'unsafe-inline': Plotly and MapLibre write <style> elements and style
#:   attributes at run time; styles cannot run code.
#: - worker-src/child-src blob:: MapLibre starts its tile workers from blob: URLs.
#: - img-src data: blob:: Plotly's mode bar icons and MapLibre's canvas images.
BASE_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
    "child-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}

STATIC_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    # Older browsers ignore frame-ancestors; both say "never in a frame".
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}


def content_security_policy(script_hashes: list[str]) -> str:
    """The Content-Security-Policy header value.

    Parameters
    ----------
    script_hashes : list of str
        CSP source expressions of the inline scripts, as ``dash.Dash.csp_hashes()``
        returns them (``"'sha256-…'"``).

    Returns
    -------
    str
        Directives separated by ``"; "``.
    """
    from dashboard.basemap.online import enabled, pdok_origin

    policy = {k: list(v) for k, v in BASE_POLICY.items()}
    policy["script-src"] += sorted(set(script_hashes))
    if enabled():
        # PDOK's basemap style, tiles, sprites and glyphs are fetched by MapLibre (fetch
        # and images); nothing from PDOK ever runs as script.
        policy["connect-src"].append(pdok_origin())
        policy["img-src"].append(pdok_origin())
    return "; ".join(f"{name} {' '.join(values)}" for name, values in policy.items())


#: Keys of Dash's ``_dash-config`` that name software versions (Dash, Plotly, Python's
#: build): the renderer needs them only for debug tools, an attacker for a shopping list.
VERSION_KEYS = ("dash_version", "python_version", "dash_version_url", "ddk_version",
                "plotly_version")
PLAIN_TEXT = "text/plain; charset=utf-8"
PLAIN = {"Content-Type": PLAIN_TEXT}


def error_text(key: str = "app.error") -> str:
    """What a person sees when the server fails: both languages, no details."""
    return f"{t(key, 'nl')}\n{t(key, 'en')}\n"


def _hide_versions(app) -> None:
    config = app._config

    def config_without_versions():
        return {k: v for k, v in config().items() if k not in VERSION_KEYS}

    app._config = config_without_versions


def _page_matcher(registry):
    """A function telling whether a path is one of the registered pages."""
    import re

    exact = {p["path"] for p in registry.values() if not p.get("path_template")}
    templates = [re.compile("^" + re.sub(r"<[^>/]+>", "[^/]+", p["path_template"]) + "$")
                 for p in registry.values() if p.get("path_template")]
    return lambda path: path in exact or any(t.match(path) for t in templates)


def install(app) -> None:
    """Add security headers and plain error pages to the Dash ``app``'s Flask server.

    Debug stays off unless ``DASHBOARD_DEBUG`` asks for it; then errors are left to
    Flask's and Dash's debug pages.

    Parameters
    ----------
    app : dash.Dash
        The app, with all its callbacks registered.
    """
    from werkzeug.exceptions import InternalServerError

    server = app.server
    debug = get_settings().debug
    server.debug = debug
    server.config["PROPAGATE_EXCEPTIONS"] = debug
    policy: dict = {}

    def add_headers(response):
        if "csp" not in policy:
            # Computed on the first response: by then every inline script is registered.
            policy["csp"] = content_security_policy(list(app.csp_hashes()))
        response.headers["Content-Security-Policy"] = policy["csp"]
        for name, value in STATIC_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    server.after_request(add_headers)
    _hide_versions(app)

    from dash.exceptions import DependencyException
    from flask import request

    @server.errorhandler(DependencyException)
    def unknown_component_file(_exc):  # /_dash-component-suites/<unknown>: not found
        return error_text("app.not_found"), 404, PLAIN

    @server.errorhandler(StoreNotFound)
    def no_store(exc):  # a callback or route with no store to serve: the path only in the log
        LOG.warning("no store: %s", exc)
        return error_text("app.unavailable"), 503, PLAIN

    def unknown_page():
        # Dash answers every unknown path with its page shell; the page then says "not found"
        # (layouts/common.py), and the status says it too.
        rule = request.url_rule
        prefix = app.config.routes_pathname_prefix
        if request.method != "GET" or rule is None or rule.rule not in (
                prefix, prefix + "<path:path>"):
            return None  # not a page (Dash's index or catch-all): a file, an endpoint
        import dash

        if "matcher" not in policy:
            policy["matcher"] = _page_matcher(dash.page_registry)
        if not policy["matcher"]("/" + (app.strip_relative_path(request.path) or "")):
            return app.index(), 404
        try:
            get_store()
        except StoreNotFound:
            # The page renders the bilingual maintenance page (layouts/common.py); the
            # status tells browsers, monitors and crawlers the same.
            return app.index(), 503
        return None

    server.before_request(unknown_page)

    if not debug:
        @server.errorhandler(InternalServerError)
        def plain_error(exc):
            # The cause goes to the log for us, never to the person's screen.
            cause = getattr(exc, "original_exception", None) or exc
            LOG.error("unhandled error: %r", cause, exc_info=cause)
            return error_text(), 500, PLAIN
