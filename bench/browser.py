"""The explorer in headless Chromium: time until the map is interactive, cold and warm, and
what the first load costs on the wire.

Interactive means what the browser tests wait for: the map is plotted and dcc.Graph has
bound its click handler (Plotly does that once MapLibre has its style). The moment is
taken in the page (``performance.now()``, from navigation start) by a check run on every
animation frame, so polling does not add to it. *Cold* is a fresh browser profile (empty
cache); *warm* is the same profile loading the page again (fingerprinted files cached).
Bytes on the wire are Chromium's own count (``encodedDataLength``: headers plus the body
as sent, compressed when the server compressed it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bench.stats import summarise
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

MARK_READY = """() => {
    if (window.__mapReadyAt) { return true; }
    const gd = document.querySelector('#explorer-map .js-plotly-plot');
    const sub = gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
    const ready = Boolean(sub && sub.map && gd.data && gd.data.length === 4
                          && !gd.classList.contains('dash-graph--pending')
                          && gd._ev && gd._ev.listeners('plotly_click').length > 0);
    if (ready) { window.__mapReadyAt = performance.now(); }
    return ready;
}"""


@dataclass
class Wire:
    """Requests of one page load as Chromium's network domain reports them."""

    requests: dict[str, dict] = field(default_factory=dict)

    def attach(self, cdp) -> None:
        cdp.send("Network.enable")
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.responseReceived", self._received)
        cdp.on("Network.dataReceived", self._data)
        cdp.on("Network.loadingFinished", self._finished)

    def _sent(self, ev) -> None:
        self.requests[ev["requestId"]] = {"url": ev["request"]["url"], "wire": 0,
                                          "body": 0, "encoding": None, "cached": False}

    def _received(self, ev) -> None:
        req = self.requests.get(ev["requestId"])
        if req is not None:
            headers = {k.lower(): v for k, v in ev["response"]["headers"].items()}
            req["encoding"] = headers.get("content-encoding")
            req["cached"] = bool(ev["response"].get("fromDiskCache")
                                 or ev["response"].get("fromMemoryCache"))

    def _data(self, ev) -> None:
        req = self.requests.get(ev["requestId"])
        if req is not None:
            req["body"] += ev["dataLength"]

    def _finished(self, ev) -> None:
        req = self.requests.get(ev["requestId"])
        if req is not None:
            req["wire"] = ev["encodedDataLength"]

    def summary(self) -> dict:
        reqs = list(self.requests.values())
        biggest = sorted(reqs, key=lambda r: -r["body"])[:5]
        return {"requests": len(reqs), "from_cache": sum(r["cached"] for r in reqs),
                "wire_bytes": sum(r["wire"] for r in reqs),
                "uncompressed_bytes": sum(r["body"] for r in reqs),
                "compressed": sum(bool(r["encoding"]) for r in reqs),
                "largest": [{"url": r["url"].split("/")[-1][:60], "body": r["body"],
                             "wire": r["wire"], "encoding": r["encoding"]} for r in biggest]}


def _load(page, url: str, timeout_ms: int) -> tuple[float, dict]:
    wire = Wire()
    cdp = page.context.new_cdp_session(page)
    wire.attach(cdp)
    page.goto(url)
    page.wait_for_function(MARK_READY, polling="raf", timeout=timeout_ms)
    ready = page.evaluate("window.__mapReadyAt")
    page.wait_for_load_state("networkidle")
    cdp.detach()
    return ready, wire.summary()


def map_ready_ms(url: str, runs: int = 5, timeout_ms: int = 60_000) -> dict:
    """Load ``url`` once to warm the server, then ``runs`` times in fresh browser profiles,
    each followed by a second (warm) load in the same profile.

    Returns
    -------
    dict
        ``summarise`` of the cold milliseconds from navigation start to an interactive map
        (``p50`` …), ``warm`` (the same for the second loads), ``first_load`` (requests,
        bytes on the wire and uncompressed, of the last cold load), ``warm_load`` (the
        same for its warm load), the raw ``runs_ms`` and the console errors (expected:
        none).
    """
    from playwright.sync_api import sync_playwright

    cold: list[float] = []
    warm: list[float] = []
    errors: list[str] = []
    first_load = warm_load = None
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                     headless=True)
        try:
            for i in range(runs + 1):
                context = browser.new_context(locale="nl-NL",
                                              viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.on("console",
                        lambda m: errors.append(m.text) if m.type == "error" else None)
                ms, first_load = _load(page, url, timeout_ms)
                ms_warm, warm_load = _load(page, url, timeout_ms)
                if i:  # the first load warms the server's caches
                    cold.append(ms)
                    warm.append(ms_warm)
                context.close()
        finally:
            browser.close()
    return {**summarise(cold), "warm": summarise(warm), "runs_ms": [round(t, 1) for t in cold],
            "first_load": first_load, "warm_load": warm_load, "console_errors": errors}
