"""Explorer interactions fired through Dash's own HTTP endpoints, as the browser fires them.

    python -m bench.explorer_interactions [--store DIR] [--repeat N]

Each interaction sets one control and posts every server callback that depends on it to
``/_dash-update-component`` (chained as the renderer chains them, see tests/dash_client.py)
against a running gunicorn. Per interaction: the server's own time (gunicorn's access log,
summed over the interaction's callbacks), the round trip seen by the client, and the bytes.
"""

from __future__ import annotations

import argparse
import json
import os
from dataclasses import dataclass
from pathlib import Path

from bench.server import Gunicorn, HttpClient
from bench.stats import summarise, table
from dashboard import ids
from dashboard.explorer.state import DEFAULT_INDICATOR, view_codes
from dashboard.store import Store
from tests.dash_client import DashClient

SECOND_INDICATOR = "pct_huur_corporatie"


@dataclass(frozen=True)
class Interaction:
    """One control change; ``values`` alternate on repeats."""

    name: str
    component: str
    prop: str
    values: tuple


@dataclass(frozen=True)
class View:
    """Where a session starts: area of interest and level, as URL parameters."""

    area: str
    level: str = "buurt"

    @property
    def search(self) -> str:
        return f"?level={self.level}&area={self.area}"


def interactions(store: Store, view: View, year_indicator: str) -> list[Interaction]:
    """The four interactions of the issue, with values valid in ``store``, and the
    indicator switch to indicators not shown before.

    ``year_indicator`` is the indicator shown when the year is switched (the last value
    of the indicator switch), so both years exist for it.
    """
    buurten = view_codes(store, view.area, "buurt")
    if len(buurten) < 2:
        raise ValueError(f"{view.area} has fewer than two buurten on the map")
    years = store.years(year_indicator)[-2:]
    return [
        Interaction("indicator switch", ids.EXPLORER_INDICATOR, "value",
                    (SECOND_INDICATOR, DEFAULT_INDICATOR)),
        Interaction("year switch", ids.EXPLORER_YEAR, "value", tuple(years)),
        # A map click reaches the server as {code, add}; the clientside step costs nothing.
        Interaction("area click", ids.EXPLORER_CLICK, "data",
                    ({"code": buurten[0], "add": False}, {"code": buurten[1], "add": False})),
        Interaction("level switch", ids.EXPLORER_LEVEL, "value", ("wijk", view.level)),
        # Each value once: nothing of this view and indicator has been asked before in
        # either worker, so no cache (view rows, benchmarks, the store's indicator cache)
        # holds it; the rows above alternate two values, as a person going back and forth.
        Interaction("indicator switch, first time", ids.EXPLORER_INDICATOR, "value",
                    tuple(k for k in (ind.key for ind in store.catalogue)
                          if k not in (SECOND_INDICATOR, DEFAULT_INDICATOR)
                          and store.years(k))),
    ]


def measure(server: Gunicorn, store: Store, view: View, repeat: int) -> list[dict]:
    """Render the explorer at ``view`` once, then fire each interaction ``repeat`` times.

    Returns
    -------
    list of dict
        Per interaction: server ms and round-trip ms summaries (p50, p95 …), median
        response bytes (JSON as received), bytes of the map's answer, number of callbacks, the
        machine's 1-minute load average when done.
    """
    client = DashClient(HttpClient(server.url))
    client.render("/", view.search)
    server.new_log_entries(expect=1)
    rows = []
    for item in interactions(store, view, DEFAULT_INDICATOR):
        server_ms, wall_ms, sizes, map_sizes, n_calls = [], [], [], [], 0
        for i in range(repeat):
            calls = client.change(item.component, item.prop, item.values[i % len(item.values)])
            posts = [e for e in server.new_log_entries(expect=len(calls)) if e.method == "POST"]
            server_ms.append(sum(e.ms for e in posts))
            wall_ms.append(sum(c.seconds for c in calls) * 1000)
            sizes.append(sum(c.bytes for c in calls))
            map_sizes.append(sum(len(json.dumps(c.response["response"][ids.EXPLORER_MAP]))
                                 for c in calls if f"{ids.EXPLORER_MAP}.figure" in c.outputs))
            n_calls = len(calls)
        s, w = summarise(server_ms), summarise(wall_ms)
        rows.append({"interaction": item.name, "calls": n_calls,
                     "server_ms_p50": s["p50"], "server_ms_p95": s["p95"],
                     "roundtrip_ms_p50": w["p50"], "roundtrip_ms_p95": w["p95"],
                     "bytes": int(sorted(sizes)[len(sizes) // 2]),
                     "map_bytes": int(sorted(map_sizes)[len(map_sizes) // 2]),
                     "repeats": repeat, "load_avg": round(os.getloadavg()[0], 1)})
    return rows


COLUMNS = [("interaction", "interaction"), ("calls", "requests"),
           ("server_ms_p50", "server ms p50"), ("server_ms_p95", "p95"),
           ("roundtrip_ms_p50", "round trip ms p50"), ("roundtrip_ms_p95", "p95"),
           ("bytes", "bytes"), ("map_bytes", "map bytes"), ("load_avg", "load avg")]


def main() -> None:
    parser = argparse.ArgumentParser(description="explorer interactions against gunicorn")
    parser.add_argument("--store", type=Path, default=Path("cache/store"))
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--area", default="GM0599")
    args = parser.parse_args()
    store = Store.open(args.store)
    with Gunicorn(args.store.resolve()) as server:
        print(table(measure(server, store, View(args.area), args.repeat), COLUMNS))


if __name__ == "__main__":
    main()
