"""Responses travel compressed, and files whose URL names their version are cached for a
year; compressed package files are made once per process and checked by content."""

from __future__ import annotations

import gzip
import hashlib
import pkgutil
import re
from pathlib import Path

import brotli
import pytest

from dashboard.web.delivery import (
    IMMUTABLE,
    PLOTLY_JS,
    PackageFiles,
    fingerprinted_file,
    precompress,
)

#: Test data: a stand-in for a partial plotly.js bundle.
TEST_BUNDLE = b"window.Plotly = {partial: 'test data'};" * 50
SCRIPT_SRC = re.compile(r'<script src="(?P<src>/_dash-component-suites/[^"]+)"')


@pytest.fixture
def client(built_store, monkeypatch):
    monkeypatch.setenv("DASHBOARD_STORE", str(built_store))
    import app

    # Dash's own files here; the partial Plotly bundle has tests of its own below
    monkeypatch.setattr(app, "PLOTLY_BUNDLE", Path("/nonexistent/plotly.min.js"))
    return app.create_app().server.test_client()


@pytest.fixture
def bundle_client(built_store, monkeypatch, tmp_path):
    monkeypatch.setenv("DASHBOARD_STORE", str(built_store))
    import app

    bundle = tmp_path / "plotly.min.js"
    bundle.write_bytes(TEST_BUNDLE)
    monkeypatch.setattr(app, "PLOTLY_BUNDLE", bundle)
    return app.create_app().server.test_client()


def _renderer_url(client) -> str:
    html = client.get("/").get_data(as_text=True)
    return next(m["src"] for m in SCRIPT_SRC.finditer(html) if "dash_renderer" in m["src"])


def test_package_script_is_brotli_compressed_and_cached_for_a_year(client):
    url = _renderer_url(client)
    plain = client.get(url)
    original = pkgutil.get_data("dash", "dash-renderer/build/dash_renderer.min.js")
    assert plain.headers.get("Content-Encoding") is None and plain.data == original
    res = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br"})
    assert res.headers["Content-Encoding"] == "br"
    assert res.headers["Cache-Control"] == IMMUTABLE
    assert "Accept-Encoding" in res.headers["Vary"]
    assert brotli.decompress(res.data) == original
    assert len(res.data) < len(original) / 3
    gz = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert gz.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(gz.data) == original


def test_plotly_without_fingerprint_is_compressed_but_not_pinned(client):
    res = client.get("/_dash-component-suites/plotly/package_data/plotly.min.js",
                     headers={"Accept-Encoding": "br"})
    assert res.status_code == 200 and res.headers["Content-Encoding"] == "br"
    assert "immutable" not in res.headers.get("Cache-Control", "")
    assert brotli.decompress(res.data)[:200] == pkgutil.get_data(
        "plotly", "package_data/plotly.min.js")[:200]


def test_the_partial_plotly_bundle_is_answered_where_dash_loads_plotly(bundle_client):
    res = bundle_client.get(PLOTLY_JS, headers={"Accept-Encoding": "br"})
    assert res.status_code == 200 and res.headers["Content-Encoding"] == "br"
    assert "javascript" in res.headers["Content-Type"]
    assert brotli.decompress(res.data) == TEST_BUNDLE
    assert "immutable" not in res.headers.get("Cache-Control", "")
    again = bundle_client.get(PLOTLY_JS, headers={"If-None-Match": res.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    # every other package file is still Dash's own
    assert bundle_client.get(_renderer_url(bundle_client)).data == pkgutil.get_data(
        "dash", "dash-renderer/build/dash_renderer.min.js")


def test_precompress_writes_the_partial_bundle_too(built_store, monkeypatch, tmp_path):
    monkeypatch.setenv("DASHBOARD_STORE", str(built_store))
    from app import create_app

    app = create_app()
    app.server.test_client().get("/")  # Dash registers its files
    bundle = tmp_path / "plotly.min.js"
    bundle.write_bytes(TEST_BUNDLE)
    out = tmp_path / "compressed"
    out.mkdir()
    # Dash's files are there already, as after an earlier run: only the bundle is new
    for namespace, paths in app.registered_paths.items():
        for data in (pkgutil.get_data(namespace, p) for p in paths if p.endswith(".js")):
            (out / f"{hashlib.sha256(data or b'').hexdigest()}.br").write_bytes(b"")
    written = precompress(app, out, (bundle, tmp_path / "missing.js"))
    assert [p.name for p in written] == [f"{hashlib.sha256(TEST_BUNDLE).hexdigest()}.br"]
    assert brotli.decompress(written[0].read_bytes()) == TEST_BUNDLE


def test_page_and_callback_answers_are_compressed(client):
    page = client.get("/", headers={"Accept-Encoding": "br"})
    assert page.headers["Content-Encoding"] == "br"
    assert "<title>" in brotli.decompress(page.data).decode()
    deps = client.get("/_dash-dependencies", headers={"Accept-Encoding": "gzip"})
    assert deps.headers["Content-Encoding"] == "gzip"
    assert b'"output"' in gzip.decompress(deps.data)
    assert deps.headers.get("Cache-Control") != IMMUTABLE  # not a versioned file


def test_unknown_files_are_refused_and_never_pinned(client):
    res = client.get("/_dash-component-suites/dash/nope.v1_0_0m123.js",
                     headers={"Accept-Encoding": "br"})
    assert res.status_code >= 400
    assert res.headers.get("Cache-Control") != IMMUTABLE


def test_forged_fingerprints_name_the_same_file():
    a = fingerprinted_file("/_dash-component-suites/dash/dcc/x.v4_4_1m111.js", {})
    b = fingerprinted_file("/_dash-component-suites/dash/dcc/x.v9_9_9m999.js", {})
    assert a == b == "/_dash-component-suites/dash/dcc/x.js"
    assert fingerprinted_file("/_dash-component-suites/dash/dcc/x.js", {}) is None
    assert fingerprinted_file("/assets/style.css", {"m": "17"}) == "/assets/style.css"
    assert fingerprinted_file("/assets/style.css", {}) is None
    assert fingerprinted_file("/_dash-update-component", {"m": "1"}) is None


def test_precompressed_bodies_are_used_only_for_the_same_content(tmp_path):
    data = b"console.log('test data');" * 100
    stored = brotli.compress(data, quality=11)
    (tmp_path / f"{hashlib.sha256(data).hexdigest()}.br").write_bytes(stored)
    files = PackageFiles(tmp_path)
    assert files.body("/a.js", data) == stored
    other = b"console.log('changed');" * 100
    body = PackageFiles(tmp_path).body("/a.js", other)
    assert brotli.decompress(body) == other  # never the stale body of the old content
    assert files.body("/a.js", other) == stored  # per process: one file, one body
