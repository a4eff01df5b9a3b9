"""Responses travel compressed, and files whose URL names their version are cached for a
year; compressed package files are made once per process and checked by content."""

from __future__ import annotations

import gzip
import hashlib
import pkgutil
import re

import brotli
import pytest

from dashboard.web.delivery import IMMUTABLE, PackageFiles, fingerprinted_file

SCRIPT_SRC = re.compile(r'<script src="(?P<src>/_dash-component-suites/[^"]+)"')


@pytest.fixture
def client(built_store, monkeypatch):
    monkeypatch.setenv("DASHBOARD_STORE", str(built_store))
    from app import create_app

    return create_app().server.test_client()


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
