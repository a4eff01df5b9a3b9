"""A tiny scripted HTTP server on 127.0.0.1 for client, load and fault tests.

Usage::

    with FakeServer() as srv:
        srv.route("/85984NED/TypedDataSet", Reply(500), Reply.json({"value": []}))
        client = CbsODataClient(session, base_url=srv.url)
        ...
        assert srv.hits("/85984NED/TypedDataSet") == 2

Each route (a URL path; the query string is ignored but recorded) answers with its
scripted replies in order; once the script is used up, its last reply repeats, so
``Reply.json({"odata.nextLink": <same url>})`` makes a server that pages forever. An
unknown path answers 404. Nothing here talks to any host but 127.0.0.1.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Reply:
    """One scripted answer.

    Parameters
    ----------
    status
        HTTP status code.
    body
        Bytes sent as the body.
    delay
        Seconds to wait before answering (to provoke client timeouts).
    content_type
        ``Content-Type`` header.
    declared_length
        ``Content-Length`` to claim; set it above ``len(body)`` to cut the connection
        mid-body.
    headers
        Extra response headers, e.g. ``(("Access-Control-Allow-Origin", "*"),)`` for a
        fake that a browser page fetches from.
    """

    status: int = 200
    body: bytes = b""
    delay: float = 0.0
    content_type: str = "application/json"
    declared_length: int | None = None
    headers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def json(cls, obj: Any, status: int = 200, delay: float = 0.0) -> Reply:
        """A reply whose body is ``obj`` encoded as JSON."""
        return cls(status, json.dumps(obj).encode("utf-8"), delay)


@dataclass(frozen=True)
class Seen:
    """One request the server received."""

    method: str
    path: str
    query: str
    headers: dict[str, str] = field(default_factory=dict)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 - name fixed by http.server
        parts = urlsplit(self.path)
        reply = self.server.fake.take(
            Seen("GET", parts.path, parts.query, dict(self.headers.items()))
        )
        if reply.delay:
            time.sleep(reply.delay)
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        length = len(reply.body) if reply.declared_length is None else reply.declared_length
        self.send_header("Content-Length", str(length))
        self.send_header("Connection", "close")
        for name, value in reply.headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(reply.body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - base signature
        # Keep test output clean; the requests are in FakeServer.requests.
        return


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that timed out hangs up before a delayed reply is written; that is
        # what the test wanted, not a server failure worth a traceback.
        return


class FakeServer:
    """Threaded scripted HTTP server; use as a context manager.

    Attributes
    ----------
    url
        ``http://127.0.0.1:<port>`` (no trailing slash), valid inside the ``with`` block.
    requests
        Every :class:`Seen` request, in arrival order.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._routes: dict[str, list[Reply]] = {}
        self._served: dict[str, int] = {}
        self.requests: list[Seen] = []
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None
        self.url = ""

    def route(self, path: str, *replies: Reply) -> FakeServer:
        """Script the replies for ``path`` (replacing any earlier script); returns self."""
        if not replies:
            raise ValueError("a route needs at least one reply")
        with self._lock:
            self._routes[path] = list(replies)
            self._served[path] = 0
        return self

    def hits(self, path: str) -> int:
        """How many requests arrived for ``path``."""
        with self._lock:
            return sum(1 for seen in self.requests if seen.path == path)

    def take(self, seen: Seen) -> Reply:
        """Record ``seen`` and pick its scripted reply (called by the handler)."""
        with self._lock:
            self.requests.append(seen)
            script = self._routes.get(seen.path)
            if script is None:
                return Reply(404, b'{"error": "no such route"}')
            index = min(self._served[seen.path], len(script) - 1)
            self._served[seen.path] += 1
            return script[index]

    def __enter__(self) -> FakeServer:
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.fake = self
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._httpd is not None and self._thread is not None
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)
