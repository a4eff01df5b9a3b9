"""Time until the explorer's map is interactive in headless Chromium (warm server).

Interactive means what the browser tests wait for: the map is plotted and dcc.Graph has
bound its click handler (Plotly does that once MapLibre has its style). The moment is
taken in the page (``performance.now()``, from navigation start) by a check run on every
animation frame, so polling does not add to it.
"""

from __future__ import annotations

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


def map_ready_ms(url: str, runs: int = 5, timeout_ms: int = 60_000) -> dict:
    """Load ``url`` once to warm the server, then ``runs`` times in fresh browser contexts.

    Returns
    -------
    dict
        ``summarise`` of the milliseconds from navigation start to an interactive map,
        plus the raw ``runs_ms`` and the console errors seen (expected: none).
    """
    from playwright.sync_api import sync_playwright

    times: list[float] = []
    errors: list[str] = []
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
                page.goto(url)
                page.wait_for_function(MARK_READY, polling="raf", timeout=timeout_ms)
                if i:  # the first load warms the server's caches
                    times.append(page.evaluate("window.__mapReadyAt"))
                context.close()
        finally:
            browser.close()
    return {**summarise(times), "runs_ms": [round(t, 1) for t in times],
            "console_errors": errors}
