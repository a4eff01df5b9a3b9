"""Compressed responses and long cache lifetimes for fingerprinted files.

The explorer's first load is mostly JavaScript (Plotly alone is 4.8 MB). Every response
of a compressible type is sent with brotli (gzip for clients without it). The JavaScript
files Dash serves from installed packages never change while the app runs, so:

- their compressed bodies are kept per process (each file compressed once, not per
  request), and :func:`precompress` can write them once at the strongest brotli level
  (too slow to do per request) to a folder the server then reads;
- files whose URL names their version (a fingerprint in the file name, ``?m=<mtime>`` on
  ``/assets/``) may be kept by browsers for a year;
- Plotly's full bundle (every trace type, 4.8 MB) can be replaced by a partial bundle of
  the trace types the dashboard draws (``frontend/plotly``, built by ``make plotly``: 3.1
  MB, a third less to download and to parse), answered at the address dash-renderer asks
  for, so dcc.Graph loads it as it loads its own.
"""

from __future__ import annotations

import hashlib
import pkgutil
import threading
from pathlib import Path

import brotli
from dash.fingerprint import check_fingerprint
from flask import Response, request
from flask_compress import Compress

#: Preference order; flask-compress picks the first one the client accepts.
ALGORITHMS = ["br", "gzip"]
#: brotli quality per request (fast) and for precompressed files (small, slow: once).
LIVE_QUALITY, BEST_QUALITY = 5, 11
ONE_YEAR = 31_536_000
IMMUTABLE = f"public, max-age={ONE_YEAR}, immutable"
SUITES = "/_dash-component-suites/"
ASSETS = "/assets/"
#: Where dash-renderer loads plotly.js from (no fingerprint: the address is fixed in it).
PLOTLY_JS = SUITES + "plotly/package_data/plotly.min.js"
#: Where dcc loads dcc.Graph's code from (a chunk loaded when a graph is first drawn).
GRAPH_CHUNK = SUITES + "dash/dcc/async-graph.js"


def fingerprinted_file(path: str, args) -> str | None:
    """The file a versioned URL names (fingerprint and stamp removed), or None.

    Parameters
    ----------
    path : str
        The request path.
    args : Mapping
        The query parameters.

    Returns
    -------
    str or None
        A key that is the same for every URL of the same file (so a forged fingerprint
        cannot grow a cache), or None when the URL does not pin a version.
    """
    if path.startswith(SUITES):
        original, has_fingerprint = check_fingerprint(path)
        return original if has_fingerprint else None
    if path.startswith(ASSETS) and args.get("m"):
        return path
    return None


def package_file(path: str) -> str | None:
    """The component-suite file a URL names (fingerprint removed), or None."""
    return check_fingerprint(path)[0] if path.startswith(SUITES) else None


class PackageFiles:
    """Brotli bodies of package files, found by file and checked by content.

    ``body(key, data)`` gives the compressed ``data`` of the file ``key``: from memory,
    else from ``folder`` (written by :func:`precompress`, named by the SHA-256 of the
    uncompressed file, so a changed file is never answered with an old body), else
    compressed now at :data:`LIVE_QUALITY`. Keys are real files (a request for anything
    else is a 404 before it gets here), so the cache is bounded.
    """

    def __init__(self, folder: Path | None):
        self.folder = folder
        self._bodies: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def body(self, key: str, data: bytes) -> bytes:
        with self._lock:
            hit = self._bodies.get(key)
        if hit is not None:
            return hit
        stored = self.folder / f"{hashlib.sha256(data).hexdigest()}.br" if self.folder else None
        if stored is not None and stored.is_file():
            body = stored.read_bytes()
        else:
            body = brotli.compress(data, quality=LIVE_QUALITY)
        with self._lock:
            self._bodies[key] = body
        return body


def precompress(app, folder: Path, extra: tuple[Path, ...] = ()) -> list[Path]:
    """Write every JavaScript file ``app`` serves from packages, brotli-compressed at
    :data:`BEST_QUALITY`, to ``folder`` (files already there are kept).

    Parameters
    ----------
    app : dash.Dash
        The app; its index page is requested once so Dash registers its files.
    folder : Path
        Output folder, one ``<sha256>.br`` per file.
    extra : tuple of Path
        Other files served in their place (the partial Plotly bundle), when they exist.

    Returns
    -------
    list of Path
        The files written now.
    """
    app.server.test_client().get("/_dash-layout")
    app.server.test_client().get("/")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    files = [pkgutil.get_data(namespace, path)
             for namespace, paths in app.registered_paths.items()
             for path in sorted(p for p in paths if p.endswith(".js"))]
    for data in filter(None, files + [p.read_bytes() for p in extra if p.is_file()]):
        out = folder / f"{hashlib.sha256(data).hexdigest()}.br"
        if not out.is_file():
            tmp = out.with_suffix(".tmp")
            tmp.write_bytes(brotli.compress(data, quality=BEST_QUALITY))
            tmp.rename(out)
            written.append(out)
    return written


def serve_plotly(app, bundle: bytes) -> None:
    """Answer dash-renderer's request for plotly.js with ``bundle`` (with an ETag, so a
    browser that has it is answered 304, as Dash answers for its own unversioned files).

    Parameters
    ----------
    app : dash.Dash
        The app.
    bundle : bytes
        The JavaScript of a plotly.js bundle that defines the global ``Plotly``.
    """
    address = app.config.requests_pathname_prefix.rstrip("/") + PLOTLY_JS

    def plotly_js():
        if request.method != "GET" or request.path != address:
            return None
        response = Response(bundle, mimetype="text/javascript")
        response.add_etag()
        return response.make_conditional(request)

    app.server.before_request(plotly_js)


def install(app, precompressed: Path | None = None, plotly_bundle: Path | None = None) -> None:
    """Compress the Dash ``app``'s responses and let browsers keep fingerprinted files.

    Parameters
    ----------
    app : dash.Dash
        The app; its Flask server gets flask-compress (brotli, gzip) and two hooks.
    precompressed : Path, optional
        Folder written by :func:`precompress`.
    plotly_bundle : Path, optional
        A partial plotly.js bundle answered in place of Plotly's full one, when the file
        exists (read once, when the app is made).
    """
    server = app.server
    if plotly_bundle is not None and plotly_bundle.is_file():
        serve_plotly(app, plotly_bundle.read_bytes())
    server.config.update(COMPRESS_ALGORITHM=ALGORITHMS, COMPRESS_BR_LEVEL=LIVE_QUALITY)
    Compress(server)
    files = PackageFiles(precompressed)

    def package_body(response):
        key = package_file(request.path)
        if (key is None or response.status_code != 200 or response.is_streamed
                or "br" not in request.headers.get("Accept-Encoding", "")):
            return response
        response.set_data(files.body(key, response.get_data()))
        response.headers["Content-Encoding"] = "br"  # flask-compress leaves it alone
        response.vary.add("Accept-Encoding")
        return response

    def cache_lifetime(response):
        if response.status_code == 200 and fingerprinted_file(request.path, request.args):
            response.headers["Cache-Control"] = IMMUTABLE
        return response

    # Flask runs after_request hooks last-registered first: these run before
    # flask-compress, which skips a response that already has a Content-Encoding.
    server.after_request(package_body)
    server.after_request(cache_lifetime)
