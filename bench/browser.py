"""The explorer in headless Chromium: time until the map is interactive, cold and warm, and
what the first load costs on the wire.

Interactive means what the browser tests wait for: the map is plotted and dcc.Graph has
bound its click handler (Plotly does that once MapLibre has its style). The moment is
taken in the page (``performance.now()``, from navigation start) by a check run on every
animation frame, so polling does not add to it. *Cold* is a fresh browser profile (empty
cache); *warm* is the same profile loading the page again (fingerprinted files cached).
The ranking, trend and scatter and the map's names are drawn after the map
(assets/explorer_map.js, drawLater); the moment all of them are is reported beside it
(``charts``).
Bytes on the wire are Chromium's own count (``encodedDataLength``: headers plus the body
as sent, compressed when the server compressed it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bench.stats import summarise
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.browser.explorer_page import LATER_READY, MAP_READY


def _stamped(check: str, key: str) -> str:
    """``check`` (a JavaScript function returning a boolean) that also writes the moment it
    first holds to ``window[key]``, and holds from then on."""
    return (f"() => {{ if (window.{key}) {{ return true; }} const held = ({check})(); "
            f"if (held) {{ window.{key} = performance.now(); }} return held; }}")


# The browser tests' checks: the map interactive, and everything drawn after it (the
# charts and the map's names).
MARK_READY = _stamped(MAP_READY, "__mapReadyAt")
MARK_CHARTS = _stamped(LATER_READY, "__chartsAt")


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
    page.wait_for_function(MARK_CHARTS, polling="raf", timeout=timeout_ms)
    page.wait_for_load_state("networkidle")
    cdp.detach()
    return ready, {**wire.summary(), "charts_ms": page.evaluate("window.__chartsAt")}


def map_ready_ms(url: str, runs: int = 5, timeout_ms: int = 60_000) -> dict:
    """Load ``url`` once to warm the server, then ``runs`` times in fresh browser profiles,
    each followed by a second (warm) load in the same profile.

    Returns
    -------
    dict
        ``summarise`` of the cold milliseconds from navigation start to an interactive map
        (``p50`` …), ``warm`` (the same for the second loads), ``charts`` (cold, until
        the ranking, trend and scatter and the map's names are drawn too), ``first_load`` (requests,
        bytes on the wire and uncompressed, of the last cold load), ``warm_load`` (the
        same for its warm load), the raw ``runs_ms`` and the console errors (expected:
        none).
    """
    from playwright.sync_api import sync_playwright

    cold: list[float] = []
    warm: list[float] = []
    charts: list[float] = []
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
                    charts.append(first_load["charts_ms"])
                context.close()
        finally:
            browser.close()
    return {**summarise(cold), "warm": summarise(warm), "charts": summarise(charts),
            "runs_ms": [round(t, 1) for t in cold],
            "first_load": first_load, "warm_load": warm_load, "console_errors": errors}


def main() -> None:
    """``python -m bench.browser``: only the browser part of ``make bench`` (the explorer's
    view of the gemeente in a built store, gunicorn with 2 workers on loopback), with the
    machine's load average before and after, so a change to what the page loads can be
    measured alone and back to back."""
    import argparse
    import json
    import os
    from pathlib import Path

    from bench import explorer_interactions as inter
    from bench.run import warm_up
    from bench.server import Gunicorn

    parser = argparse.ArgumentParser(description=main.__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=Path("cache/store"))
    parser.add_argument("--area", default="GM0599")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    view = inter.View(args.area)
    with Gunicorn(args.store.resolve()) as server:
        warm_up(server, view.search)
        load = [round(os.getloadavg()[0], 1)]
        result = map_ready_ms(server.url + "/" + view.search, runs=args.runs)
        load.append(round(os.getloadavg()[0], 1))
    first = result["first_load"]
    print(json.dumps({
        "map_interactive_ms": {"cold_p50": result["p50"], "warm_p50": result["warm"]["p50"],
                               "cold_runs": result["runs_ms"]},
        "charts_drawn_ms": {"cold_p50": result["charts"]["p50"]},
        "first_load": {"requests": first["requests"],
                       "mb_on_the_wire": round(first["wire_bytes"] / 1e6, 2),
                       "largest": first["largest"]},
        "load_average": load, "console_errors": result["console_errors"]}, indent=1))


if __name__ == "__main__":
    main()
