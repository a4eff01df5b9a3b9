"""Memory of a gunicorn worker under two hostile requests of issue 15, for any checkout.

    python -m bench.hostile --store cache/store [--source DIR] [--year-to 30000000]

Serves ``--source`` (default: this checkout) with one gunicorn worker on 127.0.0.1, then
sends (1) the projects page's list callback with a forged ``projects-year-to`` and (2) an
upload of a zip bomb disguised as .xlsx (about 100 KB holding 100 MB of shared strings). For
each it prints the answer's status and the worker's resident memory before, at its peak
(sampled every 10 ms while the request runs) and after, as JSON. Run it on an older
checkout (``git archive``) to compare; the figures are in the README's bad-input section.
"""

from __future__ import annotations

import argparse
import base64
import io
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

import psutil
import requests

ROOT = Path(__file__).resolve().parent.parent
MB = 2**20
SHARED_STRINGS_TYPE = (b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                       b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')


def zip_bomb(unpacked_mb: int = 100) -> bytes:
    """A minimal .xlsx whose shared-strings table holds ``unpacked_mb`` strings of 1 MB
    (each under the XML parser's own 10 MB limit on one text, so it is really read)."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["project", "name", "pillar", "start_date", "area_codes"])
    plain = io.BytesIO()
    book.save(plain)
    one = b"<si><t>" + b"A" * MB + b"</t></si>"
    strings = (b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
               b'spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (unpacked_mb,
                                                                           unpacked_mb)
               + one * unpacked_mb + b"</sst>")
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml":  # declare the strings, so they are read
                data = data.replace(b"</Types>", SHARED_STRINGS_TYPE + b"</Types>")
            dst.writestr(info, data)
        dst.writestr("xl/sharedStrings.xml", strings)
    return out.getvalue()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _worker(master: psutil.Process) -> psutil.Process:
    for _ in range(200):
        children = master.children()
        if children:
            return children[0]
        time.sleep(0.05)
    raise RuntimeError("gunicorn started no worker")


def _measure(worker: psutil.Process, send) -> dict:
    before = worker.memory_info().rss
    peak = [before]
    done = threading.Event()

    def sample():
        while not done.is_set():
            try:
                peak[0] = max(peak[0], worker.memory_info().rss)
            except psutil.Error:
                return
            time.sleep(0.01)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    t0 = time.perf_counter()
    try:
        status = send()
    except requests.RequestException as exc:
        status = f"no answer ({type(exc).__name__})"
    seconds = time.perf_counter() - t0
    done.set()
    thread.join()
    after = worker.memory_info().rss if worker.is_running() else None
    return {"status": status, "seconds": round(seconds, 2),
            "rss_before_mb": round(before / MB), "rss_peak_mb": round(peak[0] / MB),
            "peak_growth_mb": round((peak[0] - before) / MB),
            "kept_mb": None if after is None else round((after - before) / MB)}


def _callback(base: str, session: requests.Session, output_part: str, values: dict,
              changed: str) -> int:
    deps = session.get(f"{base}/_dash-dependencies", timeout=30).json()
    dep = next(d for d in deps if output_part in d["output"])

    def part(p):
        if p["id"].startswith("{"):
            return []
        return {"id": p["id"], "property": p["property"],
                "value": values.get(f"{p['id']}.{p['property']}")}

    outputs = [{"id": o.split(".")[0], "property": o.split(".")[1]}
               for o in dep["output"].strip(".").split("...")]
    body = {"output": dep["output"], "outputs": outputs if len(outputs) > 1 else outputs[0],
            "inputs": [part(p) for p in dep["inputs"]],
            "state": [part(p) for p in dep["state"]], "changedPropIds": [changed]}
    return session.post(f"{base}/_dash-update-component", json=body, timeout=120).status_code


def main(argv: list[str] | None = None) -> int:
    """Serve, send both hostile requests, print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, type=Path)
    parser.add_argument("--source", type=Path, default=ROOT)
    parser.add_argument("--year-to", default="30000000")
    parser.add_argument("--bomb-mb", type=int, default=100)
    args = parser.parse_args(argv)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "DASHBOARD_STORE": str(args.store.resolve()),
               "DASHBOARD_DB_URL": f"sqlite:///{tmp}/bench.sqlite",
               "PYTHONPATH": str(args.source.resolve())}
        env.pop("DASHBOARD_DEBUG", None)
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-w", "1", "--timeout", "120",
             "--chdir", str(args.source.resolve()), "-b", f"127.0.0.1:{port}", "app:server"],
            env=env, cwd=args.source.resolve(),  # "-m" puts the working folder first on sys.path
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            session = requests.Session()
            for _ in range(300):
                try:
                    if session.get(f"{base}/projecten", timeout=120).ok:
                        break
                except requests.ConnectionError:
                    time.sleep(0.2)
            worker = _worker(psutil.Process(server.pid))
            session.get(f"{base}/_dash-dependencies", timeout=30)
            # a normal list first, so what follows measures only the hostile part
            _callback(base, session, "projects-list.children",
                      {"projects-year-from.value": 2018, "projects-lang.data": "nl"},
                      "projects-year-from.value")
            year = _measure(worker, lambda: _callback(
                base, session, "projects-list.children",
                {"projects-year-from.value": 2014, "projects-year-to.value": args.year_to,
                 "projects-lang.data": "nl", "projects-pillars.value": ["werk"]},
                "projects-year-to.value"))
            bomb = zip_bomb(args.bomb_mb)
            contents = ("data:application/vnd.openxmlformats-officedocument.spreadsheetml."
                        "sheet;base64," + base64.b64encode(bomb).decode())
            worker = _worker(psutil.Process(server.pid))  # a new one, if the first died
            upload = _measure(worker, lambda: _callback(
                base, session, "projects-upload-result.children",
                {"projects-upload.contents": contents, "projects-upload.filename": "bom.xlsx",
                 "projects-lang.data": "nl", "projects-data-version.data": 0},
                "projects-upload.contents"))
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(json.dumps({"source": str(args.source), "year_to": args.year_to,
                      "forged_year_filter": year, "zip_bomb_kb": len(bomb) // 1024,
                      "zip_bomb_upload": upload}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
