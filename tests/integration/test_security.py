"""Production configuration: security headers on every answer, a Content-Security-Policy
that allows exactly the page's inline scripts, debug off, and errors without details."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from dashboard.security import content_security_policy

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)


@pytest.fixture
def dash_app(built_store, monkeypatch):
    monkeypatch.setenv("DASHBOARD_STORE", str(built_store))
    monkeypatch.delenv("DASHBOARD_DEBUG", raising=False)
    from app import create_app

    app = create_app()

    @app.server.route("/__test-boom")
    def boom():  # test route, added here only: an unexpected failure with a secret inside
        raise RuntimeError("secret detail /srv/private/path")

    return app


@pytest.fixture
def client(dash_app):
    return dash_app.server.test_client()


def directives(header: str) -> dict[str, list[str]]:
    out = {}
    for part in header.split(";"):
        name, *values = part.split()
        out[name] = values
    return out


@pytest.mark.parametrize("path", ["/", "/data", "/_dash-layout", "/_dash-dependencies",
                                  "/assets/style.css", "/__test-boom"])
def test_every_answer_carries_the_security_headers(client, path):
    response = client.get(path)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    csp = directives(response.headers["Content-Security-Policy"])
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["default-src"] == ["'self'"]


def test_csp_allows_exactly_the_inline_scripts_of_the_page(client):
    response = client.get("/")
    html = response.get_data(as_text=True)
    script_src = directives(response.headers["Content-Security-Policy"])["script-src"]
    inline = [m["body"] for m in INLINE_SCRIPT.finditer(html)
              if "src=" not in m["attrs"] and "application/json" not in m["attrs"]]
    assert len(inline) >= 2  # the renderer and the clientside callbacks at least
    expected = {"'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
                for s in inline}
    hashes = {v for v in script_src if v.startswith("'sha256-")}
    assert hashes == expected
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert set(script_src) - hashes == {"'self'"}


def test_policy_text_is_built_from_the_hashes():
    text = content_security_policy(["'sha256-b'", "'sha256-a'", "'sha256-a'"])
    assert "script-src 'self' 'sha256-a' 'sha256-b';" in text
    assert text.endswith("frame-ancestors 'none'")


def test_errors_are_a_plain_message_without_details(client):
    response = client.get("/__test-boom")
    body = response.get_data(as_text=True)
    assert response.status_code == 500
    assert response.headers["Content-Type"].startswith("text/plain")
    assert body.splitlines() == ["Er ging iets mis op de server. Probeer het later opnieuw.",
                                 "Something went wrong on the server. Please try again later."]
    assert "secret detail" not in body and "Traceback" not in body


def test_debug_is_off_without_dashboard_debug(dash_app, client):
    assert dash_app.server.debug is False
    assert dash_app.server.config["PROPAGATE_EXCEPTIONS"] is False
    config = re.search(r'<script id="_dash-config" type="application/json">(.*?)</script>',
                       client.get("/").get_data(as_text=True)).group(1)
    assert '"ui":false' in config.replace(" ", "")  # no Dash dev tools in the page


def test_dashboard_debug_turns_debug_on(built_store, monkeypatch):
    monkeypatch.setenv("DASHBOARD_STORE", str(built_store))
    monkeypatch.setenv("DASHBOARD_DEBUG", "1")
    from app import create_app

    app = create_app()
    assert app.server.debug is True
    assert app.server.config["PROPAGATE_EXCEPTIONS"] is True
