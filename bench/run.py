"""``make bench``: speed and memory at Rotterdam scale and at (synthetic) national scale.

    python -m bench.run [--snapshot DIR] [--repeat 20] [--browser-runs 5] [--out bench-results]

For each scale: the store (cold build from the snapshot, or the generated SYNTHETIC
national store), gunicorn with 2 workers on a free 127.0.0.1 port (time until it answers,
time of the first page, which opens the store), the four explorer interactions through
Dash's HTTP endpoints, the naive full-figure map update against the app's patch, the
time until the map is interactive in headless Chromium, and each worker's peak RSS.
Prints tables and writes everything as JSON to ``bench-results/`` (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from bench import explorer_interactions as inter
from bench.browser import map_ready_ms
from bench.naive import compare
from bench.server import Gunicorn, HttpClient
from bench.stats import summarise, table
from bench.synthetic import LABEL, ensure_synthetic_store
from dashboard.explorer.state import DEFAULT_INDICATOR, ExplorerState
from dashboard.store import Store
from tests.dash_client import DashClient

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "cache" / "bench"


def cold_build(snapshot: Path, out: Path) -> float:
    """Seconds of ``python -m dashboard build`` in a fresh interpreter (imports included)."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "dashboard", "build", "--snapshot", str(snapshot),
                    "--gemeente", "GM0599", "--out", str(out)], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def _render(url: str, search: str) -> float:
    t0 = time.perf_counter()
    DashClient(HttpClient(url)).render("/", search)
    return time.perf_counter() - t0


def warm_up(server: Gunicorn, search: str) -> float:
    """Render the explorer twice in parallel, twice over, so both workers have opened the
    store before anything is timed; returns the seconds of the first (cold) pair."""
    with ThreadPoolExecutor(2) as pool:
        first = max(pool.map(lambda _: _render(server.url, search), range(2)))
        list(pool.map(lambda _: _render(server.url, search), range(2)))
    server.new_log_entries()
    return first


def largest_gemeente(store: Store) -> str:
    """The detailed gemeente with the most buurten (the heaviest map view)."""
    buurten = store.areas[store.areas["level"] == "buurt"]
    counts = buurten["gemeente"].value_counts()
    return str(counts[counts.index.isin(store.manifest.get("gemeenten", []))].index[0])


def store_queries(store_dir: Path, area: str, n: int = 10, seed: int = 17) -> dict:
    """ms of ``Store.values`` for the buurten in view, in a freshly opened store: ``n``
    random indicators asked once each at a random year (the first query of an indicator:
    the engine reads its row groups and indexes it), then the same indicators again in
    another order and year, as a person switching back to them does (served from the
    index). ``capacity`` is how many indicators of this store's size the index keeps
    (:data:`dashboard.store.index.ROW_BUDGET`; at most all of them); ``n`` stays below
    it."""
    import random

    from dashboard.store import index

    store = Store.open(store_dir)
    codes = inter.view_codes(store, area, "buurt")
    keys = [i.key for i in store.catalogue if store.years(i.key)]
    rnd = random.Random(seed)
    per_indicator = store.n_observations / max(len(keys), 1)
    capacity = min(int(index.ROW_BUDGET // max(per_indicator, 1)), len(keys))
    chosen = rnd.sample(keys, min(n, len(keys), max(capacity - 2, 1)))

    def timed(key: str) -> float:
        year = rnd.choice(store.years(key))
        t0 = time.perf_counter()
        store.values(key, year, areas=codes)
        return (time.perf_counter() - t0) * 1000

    first = [timed(key) for key in chosen]
    again = [timed(key) for _ in range(3) for key in rnd.sample(chosen, len(chosen))]
    f, a = summarise(first), summarise(again)
    return {"first_p50": f["p50"], "first_p95": f["p95"], "p50": a["p50"], "p95": a["p95"],
            "indicators": len(chosen), "capacity": capacity, "n": len(first) + len(again)}


def bench_scale(name: str, store_dir: Path, area: str | None, repeat: int,
                browser_runs: int) -> dict:
    """Every measurement of one store."""
    store = Store.open(store_dir)
    area = area or largest_gemeente(store)
    view = inter.View(area)
    states = [ExplorerState(ind, store.years(ind)[-1], view.level, area)
              for ind in (inter.SECOND_INDICATOR, DEFAULT_INDICATOR)]
    levels = store.areas["level"].value_counts()
    out = {"scale": name, "store": str(store_dir), "area": area,
           "synthetic": bool(store.manifest.get("synthetic")),
           "areas": {str(k): int(v) for k, v in levels.items()},
           "observations": store.n_observations,
           "buurten_in_view": len(inter.view_codes(store, area, "buurt")),
           "store_query_ms": store_queries(store_dir, area)}
    out["load_avg"] = {"store_query": load_avg()}
    with Gunicorn(store_dir.resolve()) as server:
        out["start_s"] = round(server.start_seconds, 2)
        out["first_page_s"] = round(warm_up(server, view.search), 2)
        out["load_avg"]["server"] = load_avg()
        out["interactions"] = inter.measure(server, store, view, repeat)
        out["naive_vs_patch"] = compare(store, states, repeat)
        out["load_avg"]["naive"] = load_avg()
        out["map_interactive_ms"] = map_ready_ms(server.url + "/" + view.search,
                                                 runs=browser_runs) if browser_runs else None
        out["load_avg"]["browser"] = load_avg()
        memory = server.peak_memory_mb()
    out["peak_rss_mb"], out["peak_pss_mb"], out["peak_uss_mb"] = (
        memory["rss"], memory["pss"], memory["uss"])
    return out


def load_avg() -> float:
    """The machine's 1-minute load average now (printed beside each timing)."""
    return round(os.getloadavg()[0], 1)


SUMMARY = [("scale", "scale"), ("buurten", "buurten"), ("observations", "observations"),
           ("store_s", "build/generate s"), ("start_s", "server up s"),
           ("first_page_s", "first page s"), ("load_server", "load avg"),
           ("wire", "first load MB on the wire"), ("requests", "requests"),
           ("tti_p50", "map interactive ms cold p50"), ("tti_warm", "warm p50"),
           ("charts_p50", "all charts drawn ms cold p50"), ("load_browser", "load avg")]
MEMORY = [("scale", "scale"), ("rss", "peak RSS per worker MB"), ("pss", "peak PSS MB"),
          ("uss", "peak USS MB"), ("query", "store query ms p50 again (first)"),
          ("capacity", "indicators kept"), ("load_query", "load avg")]
NAIVE = [("scale", "scale"), ("way", "map update"), ("ms_p50", "ms p50"), ("ms_p95", "ms p95"),
         ("bytes", "bytes"), ("ratio", "naive / patch (time, bytes)"),
         ("shown", "patch / JSON of the values shown"), ("load", "load avg")]


def print_report(result: dict) -> None:
    summary, memory, naive = [], [], []
    for s in result["scales"]:
        tti = s.get("map_interactive_ms") or {}
        first = tti.get("first_load") or {}
        name = s["scale"] + (" (SYNTHETIC)" if s["synthetic"] else "")
        loads = s["load_avg"]
        summary.append({"scale": name, "buurten": s["areas"].get("buurt"),
                        "observations": s["observations"],
                        "store_s": s.get("store_seconds"), "start_s": s["start_s"],
                        "first_page_s": s["first_page_s"], "load_server": loads["server"],
                        "wire": round(first["wire_bytes"] / 1e6, 2) if first else None,
                        "requests": first.get("requests"), "tti_p50": tti.get("p50"),
                        "tti_warm": (tti.get("warm") or {}).get("p50"),
                        "charts_p50": (tti.get("charts") or {}).get("p50"),
                        "load_browser": loads["browser"] if tti else None})
        memory.append({"scale": name, "load_query": loads["store_query"],
                       **{kind: " / ".join(str(v) for v in s[f"peak_{kind}_mb"])
                          for kind in ("rss", "pss", "uss")},
                       "query": "{p50} ({first_p50})".format(**s["store_query_ms"]),
                       "capacity": s["store_query_ms"]["capacity"]})
        cmp_ = s["naive_vs_patch"]
        for way in ("naive", "patch"):
            naive.append({"scale": s["scale"], "way": way, **cmp_[way],
                          "ratio": f"{cmp_['time_ratio']}x, {cmp_['bytes_ratio']}x"
                          if way == "naive" else "",
                          "shown": "" if way == "naive" else
                          f"{cmp_['patch_to_values']}x of {cmp_['values_bytes']:,} bytes",
                          "load": loads["naive"]})
    print("\n" + table(summary, SUMMARY))
    print("\nmemory per worker (2 workers forked from a preloaded master: RSS counts the "
          "shared pages in full in each, PSS shares them out, USS is the worker's own)")
    print(table(memory, MEMORY))
    for s in result["scales"]:
        print(f"\n{s['scale']}: explorer at area={s['area']}, level=buurt "
              f"({s['buurten_in_view']} buurten on the map), {s['interactions'][0]['repeats']} "
              "repeats each; server ms = gunicorn's own time summed over the requests")
        print(table(s["interactions"], inter.COLUMNS))
    print("\nmap update on indicator switch, same session, in-process (naive = full figure "
          "with the view's GeoJSON rebuilt per call)")
    print(table(naive, NAIVE))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snapshot", type=Path, default=ROOT.parent / "shared" / "snapshot")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--browser-runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results")
    parser.add_argument("--scales", default="rotterdam,national")
    args = parser.parse_args()
    wanted = args.scales.split(",")
    result = {"started_at": datetime.now(UTC).isoformat(timespec="seconds"),
              "machine": {"cpus": os.cpu_count(), "load_avg_start": os.getloadavg(),
                          "python": platform.python_version(), "platform": platform.platform()},
              "scales": []}
    if "rotterdam" in wanted:
        store_dir = CACHE / "rotterdam"
        seconds = cold_build(args.snapshot, store_dir)
        print(f"cold build from {args.snapshot}: {seconds:.1f} s")
        scale = bench_scale("rotterdam", store_dir, "GM0599", args.repeat, args.browser_runs)
        result["scales"].append({**scale, "store_seconds": round(seconds, 1)})
    if "national" in wanted:
        store_dir, seconds = ensure_synthetic_store(CACHE / "synthetic-national")
        how = f"generated in {seconds:.1f} s" if seconds else "reused"
        print(f"{LABEL}: {store_dir} ({how})")
        scale = bench_scale("national", store_dir, None, args.repeat, args.browser_runs)
        result["scales"].append({**scale, "store_seconds": round(seconds, 1) or None})
    result["machine"]["load_avg_end"] = os.getloadavg()
    print_report(result)
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = result["started_at"].replace(":", "").replace("-", "")[:15]
    for path in (args.out / f"bench-{stamp}.json", args.out / "latest.json"):
        path.write_text(json.dumps(result, indent=1), encoding="utf-8")
    load = result["machine"]
    print(f"\nload average at start / end: {load['load_avg_start'][0]:.1f} / "
          f"{load['load_avg_end'][0]:.1f} on {load['cpus']} CPUs (timings are only comparable "
          "on a quiet machine)")
    print(f"JSON: {args.out / 'latest.json'}")


if __name__ == "__main__":
    main()
