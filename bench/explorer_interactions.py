"""Response bytes and server time of explorer interactions, through Dash's endpoints.

    python -m bench.explorer_interactions [--store DIR] [--repeat N]

Prints one row per interaction (all callbacks the browser would fire), and the size of
the full map figure for comparison (what a naive callback would resend every time).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
from pathlib import Path

from dashboard import ids

INTERACTIONS = [
    ("indicator switch", ids.EXPLORER_INDICATOR, "value", ["pct_huur_corporatie",
                                                           "bijstand_per_1000_15_64"]),
    ("year switch", ids.EXPLORER_YEAR, "value", [2022, 2024]),
    # a map click reaches the server as {code, add} (the clientside step is free)
    ("area click", ids.EXPLORER_CLICK, "data", [{"code": "BU05991572", "add": False},
                                                {"code": "BU05991571", "add": False}]),
    ("level switch", ids.EXPLORER_LEVEL, "value", ["wijk", "buurt"]),
]


def measure(store_dir: Path, repeat: int, search: str) -> list[dict]:
    os.environ["DASHBOARD_STORE"] = str(store_dir)
    from app import create_app
    from tests.dash_client import DashClient

    client = DashClient(create_app().server.test_client())
    client.render("/", search)
    full_map = len(json.dumps(client.props[(ids.EXPLORER_MAP, "figure")]))
    rows = [{"interaction": "full map figure (naive resend)", "bytes": full_map,
             "ms_p50": None, "calls": 1}]
    for name, cid, prop, values in INTERACTIONS:
        sizes, times, n_calls = [], [], 0
        for i in range(repeat):
            calls = client.change(cid, prop, values[i % len(values)])
            sizes.append(sum(c.bytes for c in calls))
            times.append(sum(c.seconds for c in calls) * 1000)
            n_calls = len(calls)
        map_bytes = [c.bytes for c in calls if c.output.startswith(ids.EXPLORER_MAP)]
        rows.append({"interaction": name, "bytes": int(statistics.median(sizes)),
                     "map_bytes": map_bytes[0] if map_bytes else 0,
                     "ms_p50": round(statistics.median(times), 1), "calls": n_calls})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", type=Path, default=Path("cache/store"))
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--search", default="?level=buurt&area=GM0599")
    args = parser.parse_args()
    rows = measure(args.store, args.repeat, args.search)
    print(f"{'interaction':32} {'bytes':>9} {'map bytes':>10} {'server ms p50':>14} {'calls':>6}")
    for r in rows:
        ms = "" if r["ms_p50"] is None else f"{r['ms_p50']:.1f}"
        print(f"{r['interaction']:32} {r['bytes']:>9} {r.get('map_bytes', ''):>10} {ms:>14} "
              f"{r['calls']:>6}")


if __name__ == "__main__":
    main()
