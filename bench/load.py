"""``make load``: simulated users on loopback for a bounded time, against gunicorn.

    python -m bench.load [--store cache/store] [--users 50,200] [--think 3,0]
                         [--ramp 10] [--duration 60] [--workers 2]

Starts gunicorn (2 workers) on a free 127.0.0.1 port once, then runs every combination of
``--users``, ``--think`` and ``--ramp``: the users arrive one by one over the first
``ramp`` seconds (as a load tool's spawn rate; 0 opens every user's page in the same
instant), and each (a thread with its own HTTP session) opens the explorer and keeps doing
the interactions of ``bench.explorer_interactions`` (indicator, year, area click, level,
and an indicator not shown before) through Dash's endpoints until the time is up, pausing
about ``think`` seconds between
interactions (a person reads the map before the next click; 0 makes every user click
again the moment an answer arrives, a stress test in which latency is mostly the queue:
Little's law). Each run stops by itself. Prints requests, errors and latency
p50/p95/p99 (per HTTP request, as the client sees it) with the load average, and each
worker's peak memory; ``--url`` targets a server already running on loopback instead.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from bench import explorer_interactions as inter
from bench.server import Gunicorn, HttpClient
from bench.stats import summarise, table
from dashboard.explorer.state import DEFAULT_INDICATOR
from dashboard.store import Store
from tests.dash_client import DashClient

ROOT = Path(__file__).resolve().parent.parent
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@dataclass
class Tally:
    """Every request's latency and outcome, shared by the user threads."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies_ms: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    interactions: int = 0

    def request(self, ms: float, status: int | None) -> None:
        with self.lock:
            self.latencies_ms.append(ms)
            if status not in (200, 204):
                key = f"HTTP {status}" if status else "no answer"
                self.errors[key] = self.errors.get(key, 0) + 1


class CountingClient(HttpClient):
    """:class:`HttpClient` that books every request in a :class:`Tally`."""

    def __init__(self, base: str, tally: Tally, timeout: float):
        super().__init__(base, timeout=timeout)
        self.tally = tally

    def _timed(self, call, *args, **kwargs):
        t0 = time.perf_counter()
        try:
            res = call(*args, **kwargs)
        except Exception:
            self.tally.request((time.perf_counter() - t0) * 1000, None)
            raise
        self.tally.request((time.perf_counter() - t0) * 1000, res.status_code)
        return res

    def get(self, path):
        return self._timed(super().get, path)

    def post(self, path, json=None):
        return self._timed(super().post, path, json=json)


def user(url: str, plan: list[inter.Interaction], view: inter.View, deadline: float,
         tally: Tally, seed: int, think: float = 0.0, timeout: float = 15.0,
         start: float = 0.0) -> None:
    """One simulated person: open the explorer ``start`` seconds in, then random
    interactions until done, pausing about ``think`` seconds between them (0: as fast as
    answers come)."""
    rng = random.Random(seed)
    client: DashClient | None = None
    stop = threading.Event()
    stop.wait(start)
    while time.perf_counter() < deadline:
        try:
            if client is None:
                client = DashClient(CountingClient(url, tally, timeout))
                client.render("/", view.search)
            item = rng.choice(plan)
            client.change(item.component, item.prop, rng.choice(item.values))
            with tally.lock:
                tally.interactions += 1
        except Exception:
            client = None  # booked as an error by the client; start over with a fresh page
        if think:
            stop.wait(min(think * rng.uniform(0.5, 1.5), max(0.0, deadline - time.perf_counter())))


def run_load(url: str, store: Store, view: inter.View, users: int, duration: float,
             think: float = 0.0, timeout: float = 15.0, ramp: float = 0.0) -> dict:
    """Run ``users`` threads for ``duration`` seconds against ``url``; returns the tally.

    Users arrive one by one, evenly over the first ``ramp`` seconds (0: all in the same
    instant, their page loads queueing behind each other). No new request starts after
    ``duration``; one under way may take up to ``timeout`` seconds more (and then counts
    as an error)."""
    host = urlsplit(url).hostname
    if host not in LOOPBACK:
        raise SystemExit(f"load runs on loopback only, not {host}")
    plan = inter.interactions(store, view, DEFAULT_INDICATOR)
    tally = Tally()
    t0 = time.perf_counter()
    deadline = t0 + duration
    threads = [threading.Thread(target=user, args=(url, plan, view, deadline, tally, i, think,
                                                   timeout, ramp * i / users), daemon=True)
               for i in range(users)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=duration + 2 * timeout + 5)
    elapsed = time.perf_counter() - t0
    s = summarise(tally.latencies_ms)
    return {"users": users, "duration_s": duration, "think_s": think, "ramp_s": ramp,
            "timeout_s": timeout,
            "elapsed_s": round(elapsed, 1),
            "requests": s["n"], "errors": sum(tally.errors.values()),
            "errors_by_kind": tally.errors, "interactions": tally.interactions,
            "requests_per_s": round(s["n"] / elapsed, 1), "p50_ms": s["p50"],
            "p95_ms": s["p95"], "p99_ms": s["p99"], "max_ms": s["max"]}


COLUMNS = [("users", "users"), ("think_s", "think s"), ("ramp_s", "arrive over s"),
           ("elapsed_s", "seconds"),
           ("requests", "requests"),
           ("requests_per_s", "req/s"), ("interactions", "interactions"), ("errors", "errors"),
           ("p50_ms", "p50 ms"), ("p95_ms", "p95 ms"), ("p99_ms", "p99 ms"), ("max_ms", "max ms"),
           ("load_avg_start", "load avg start"), ("load_avg_end", "end")]


def numbers(text: str, kind=int) -> list:
    """``"50,200"`` -> ``[50, 200]``."""
    return [kind(part) for part in text.split(",") if part.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=ROOT / "cache" / "store")
    parser.add_argument("--users", default="50,200", help="users per run, e.g. 50,200")
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--area", default="GM0599")
    parser.add_argument("--think", default="3,0",
                        help="seconds each user pauses between interactions (about), per run")
    parser.add_argument("--ramp", default="10",
                        help="seconds over which the users arrive, evenly, per run (0: all "
                             "at once); e.g. 10,0 runs both")
    parser.add_argument("--timeout", type=float, default=15.0,
                        help="seconds before a request counts as unanswered")
    parser.add_argument("--url", help="a server already running on loopback")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results")
    args = parser.parse_args()
    store = Store.open(args.store)
    view = inter.View(args.area)
    plan = [(users, think, ramp) for ramp in numbers(args.ramp, float)
            for think in numbers(args.think, float) for users in numbers(args.users)]
    print(f"{len(plan)} runs of {args.duration:.0f} s on loopback (users, think s, arrive "
          f"over s: {'; '.join(f'{u}, {t:g}, {r:g}' for u, t, r in plan)}), "
          f"explorer {view.search}")
    results, memory = [], None

    def run_all(url: str) -> None:
        for users, think, ramp in plan:
            start = round(os.getloadavg()[0], 1)
            result = run_load(url, store, view, users, args.duration, think, args.timeout,
                              ramp)
            result.update(load_avg_start=start, load_avg_end=round(os.getloadavg()[0], 1),
                          started_at=datetime.now(UTC).isoformat(timespec="seconds"))
            results.append(result)
            print(table([result], COLUMNS).splitlines()[-1], flush=True)

    if args.url:
        run_all(args.url)
    else:
        with Gunicorn(args.store.resolve(), workers=args.workers) as server:
            run_all(server.url)
            memory = server.peak_memory_mb()
    print("\n" + table(results, COLUMNS))
    for result in results:
        if result["errors_by_kind"]:
            print(f"errors ({result['users']} users, think {result['think_s']:g} s, arriving "
                  f"over {result['ramp_s']:g} s):",
                  result["errors_by_kind"])
    if memory:
        print("peak memory per worker over all runs, MB: RSS {} · PSS {} · USS {}".format(
            *(" / ".join(map(str, memory[k])) for k in ("rss", "pss", "uss"))))
    print(f"load average (1 min) beside each run, on {os.cpu_count()} CPUs: the load test "
          "itself adds about 2; latencies are only comparable on an otherwise quiet machine")
    args.out.mkdir(parents=True, exist_ok=True)
    out = {"runs": results, "peak_memory_mb": memory, "cpus": os.cpu_count()}
    (args.out / "load-latest.json").write_text(json.dumps(out, indent=1), encoding="utf-8")
    print(f"JSON: {args.out / 'load-latest.json'}")


if __name__ == "__main__":
    main()
