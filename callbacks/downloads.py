"""Download routes on the Flask server: thin wiring to dashboard/exports/downloads.py.

``/download/explorer.<fmt>?<explorer query>``, ``/download/compare.<fmt>?<compare query>``,
``/download/store.<fmt>?lang=`` and ``/download/profile/<code>.<fmt>?lang=``. Parameters are
validated as the pages validate them; a bad one gets a 400 naming it. Work is bounded:
a view is at most the areas of one gemeente or all gemeenten, a comparison 4 areas and
8 indicators, and whole-store files are built once per process.
"""

from __future__ import annotations

from flask import Response, request

from dashboard.exports.downloads import MEDIA_TYPES, DownloadError, build_download
from dashboard.exports.toolkit import DOWNLOAD_ROOT
from dashboard.security import PLAIN_TEXT, error_text
from dashboard.store import StoreNotFound, get_store


def _send(kind: str, fmt: str, code: str | None = None) -> Response:
    try:
        body, name = build_download(get_store(), kind, fmt, request.args.to_dict(flat=False),
                                    code)
    except DownloadError as exc:
        return Response(str(exc), status=400, content_type=PLAIN_TEXT)
    except StoreNotFound:  # get_store has logged the path and the cause
        return Response(error_text("app.unavailable"), status=503, content_type=PLAIN_TEXT)
    # content_type, not mimetype: Flask would add a second "; charset=utf-8"
    return Response(body, content_type=MEDIA_TYPES[fmt], headers={
        "Content-Disposition": f'attachment; filename="{name}"',
        "X-Content-Type-Options": "nosniff"})


def register(app) -> None:
    """Add the download routes to ``app.server``."""
    server = app.server

    @server.get(f"{DOWNLOAD_ROOT}/explorer.<fmt>")
    def download_explorer(fmt: str):
        return _send("explorer", fmt)

    @server.get(f"{DOWNLOAD_ROOT}/compare.<fmt>")
    def download_compare(fmt: str):
        return _send("compare", fmt)

    @server.get(f"{DOWNLOAD_ROOT}/store.<fmt>")
    def download_store(fmt: str):
        return _send("store", fmt)

    @server.get(f"{DOWNLOAD_ROOT}/profile/<code>.<fmt>")
    def download_profile(code: str, fmt: str):
        return _send("profile", fmt, code)
