"""Command line: ``python -m dashboard build|export|docs|users``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from dashboard.settings import GEMEENTE_RE, get_settings


def _gemeenten(value: str) -> tuple[str, ...]:
    codes = tuple(c.strip().upper() for c in value.split(",") if c.strip())
    bad = [c for c in codes if not GEMEENTE_RE.match(c)]
    if not codes or bad:
        raise argparse.ArgumentTypeError(f"not gemeente codes like GM0599: {value!r}")
    return codes


def _progress(msg: str) -> None:
    print(f"[build {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def cmd_build(args: argparse.Namespace) -> int:
    from dashboard.pipeline.build import run_build

    settings = get_settings()
    snapshot = args.snapshot or settings.snapshot_dir
    out = args.out or settings.store_dir
    t0 = time.perf_counter()
    manifest = run_build(Path(out), snapshot=Path(snapshot) if snapshot else None,
                         gemeenten=args.gemeente or (settings.gemeente,),
                         data_dir=settings.data_dir, cache_dir=settings.cache_dir,
                         odata_base=settings.cbs_odata_base, pdok_base=settings.pdok_base,
                         dataderden_base=settings.cbs_dataderden_base,
                         progress=_progress)
    size = sum(f.stat().st_size for f in Path(out).iterdir() if f.is_file())
    rows = manifest["rows"]
    print(f"built {out} in {time.perf_counter() - t0:.1f} s: {rows['observations']} observations, "
          f"{rows['areas']} areas, {size / 1e6:.2f} MB")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from dashboard.exports.tidy import export_rows
    from dashboard.store import Store

    store = Store.open(args.store or get_settings().store_dir)
    export_rows(store, args.indicator, year=args.year, level=args.level, fmt=args.format,
                lang=args.lang, out=sys.stdout)
    return 0


def cmd_docs(args: argparse.Namespace) -> int:
    from dashboard.catalogue import load_catalogue
    from dashboard.exports.docs import DOCS_FILE, render_markdown, write_docs
    from dashboard.sourceconfig import load_source_config

    data_dir = get_settings().data_dir
    catalogue = load_catalogue(data_dir / "indicators.yaml")
    sources = load_source_config(data_dir / "sources.yaml")
    root = args.root or Path(__file__).resolve().parent.parent
    if args.check:
        current = (root / DOCS_FILE).read_text(encoding="utf-8") \
            if (root / DOCS_FILE).is_file() else ""
        if current != render_markdown(catalogue, sources):
            print(f"error: {root / DOCS_FILE} is out of date; run `python -m dashboard docs`",
                  file=sys.stderr)
            return 1
        print(f"{root / DOCS_FILE} is up to date ({len(catalogue)} indicators)")
        return 0
    path = write_docs(root, catalogue, sources)
    print(f"wrote {path} ({len(catalogue)} indicators)")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code. Errors print one clear line, no traceback."""
    parser = argparse.ArgumentParser(prog="python -m dashboard")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the store from a snapshot folder or the live APIs")
    b.add_argument("--snapshot", type=Path, help="offline snapshot folder (else: live APIs)")
    b.add_argument("--gemeente", type=_gemeenten, help="gemeente code(s), comma-separated")
    b.add_argument("--out", type=Path, help="store folder (default: DASHBOARD_STORE)")
    b.set_defaults(func=cmd_build)
    e = sub.add_parser("export", help="tidy rows of one indicator on stdout")
    e.add_argument("--indicator", required=True)
    e.add_argument("--year", type=int)
    e.add_argument("--level", choices=["buurt", "wijk", "gemeente", "custom"])
    e.add_argument("--format", choices=["csv", "json"], default="csv")
    e.add_argument("--lang", choices=["nl", "en"], default="en")
    e.add_argument("--store", type=Path)
    e.set_defaults(func=cmd_export)
    d = sub.add_parser("docs", help="write docs/indicators.md from the catalogue")
    d.add_argument("--check", action="store_true", help="only check that the file is current")
    d.add_argument("--root", type=Path, help="project folder (default: this checkout)")
    d.set_defaults(func=cmd_docs)
    from dashboard.auth.cli import add_parser as add_users_parser

    add_users_parser(sub)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (ValueError, KeyError, OSError, RuntimeError) as exc:
        msg = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        print(f"error: {msg}", file=sys.stderr)
        return 2
