"""The briefing's summary of a profile: headline figures per pillar, better/worse than the
reference areas, three key messages from the numbers, and a small locator map.

Everything here is computed from :func:`dashboard.profile.model.profile_data` and the store,
so the briefing (web page, print, PDF) shows the store's numbers and nothing else. Key
messages describe differences and changes; they never name causes.
"""

from __future__ import annotations

from html import escape

import pandas as pd
import shapely

from dashboard import colours as C
from dashboard.formatting import format_date, format_number, short_label, with_unit
from dashboard.i18n import t
from dashboard.profile.model import OUTER_BENCHMARKS
from dashboard.store import Store
from geo.svg import SvgFrame, bounds_of

#: The four NPRZ pillars a briefing covers, in this order.
PILLARS = ("werk", "onderwijs", "wonen", "gezondheid")
#: Headline figures per pillar, most wanted first; an indicator the area has no value for is
#: skipped and the pillar's other directional figures fill in (catalogue order).
HEADLINES = {
    "werk": ("bijstand_per_1000_15_64", "pct_huishoudens_laag_inkomen",
             "nettoarbeidsparticipatie"),
    "onderwijs": ("pct_opleiding_laag", "pct_opleiding_hoog"),
    "wonen": ("wp_tevreden_woonsituatie", "fysieke_index", "pct_huur_corporatie"),
    "gezondheid": ("wp_slechte_gezondheid", "ao_per_1000_15_64", "sociale_index"),
}
PER_PILLAR = 2
#: A figure older than this many years before the profile's latest is left out of the
#: headlines and key messages (it would describe another time).
MAX_AGE = 3
#: Locator map size (SVG units = CSS px).
MAP_W, MAP_H = 220, 180
#: The locator frame reaches at least this far around the area (degrees latitude, ~2 km).
MIN_FRAME = 0.018


def verdict(value: float, ref: float, direction: str, decimals: int) -> str:
    """``better``, ``worse`` or ``same`` than ``ref`` for the indicator's direction; for a
    neutral indicator ``higher``, ``lower`` or ``same``. Equal at the shown precision is
    ``same``."""
    diff = round(value - ref, decimals)
    if diff == 0:
        return "same"
    if direction == "neutral":
        return "higher" if diff > 0 else "lower"
    return "better" if (diff > 0) == (direction == "higher_better") else "worse"


def _rows(data: dict, recent: bool = False) -> list[dict]:
    rows = [r for rows in data["themes"].values() for r in rows] + list(data["indices"])
    if recent and rows:
        latest = max(r["year"] for r in rows)
        rows = [r for r in rows if r["year"] >= latest - MAX_AGE]
    return rows


def headline_rows(data: dict) -> list[dict]:
    """Up to ``PER_PILLAR`` figures per pillar (6–8 when the area has them), each a
    :func:`figure_row` dict with ``pillar`` and ``comparisons`` (name, value_text,
    verdict) added."""
    by_key = {r["key"]: r for r in _rows(data, recent=True)}
    out = []
    for pillar in PILLARS:
        wanted = [k for k in HEADLINES[pillar] if k in by_key]
        wanted += [r["key"] for r in data["themes"].get(pillar, [])
                   if r["direction"] != "neutral" and r["kind"] != "count"
                   and r["key"] in by_key and r["key"] not in wanted]
        for key in wanted[:PER_PILLAR]:
            row = by_key[key]
            comps = [{"code": d["code"], "name": d["name"], "value_text": d["value_text"],
                      "verdict": verdict(row["value"], d["value"], row["direction"],
                                         row["decimals"])}
                     for d in row["differences"][:2]]
            out.append({**row, "pillar": pillar, "comparisons": comps,
                        "short_label": short_label(row["label"], row["unit"])})
    return out


def _gap_candidates(data: dict) -> list[tuple[float, dict, dict]]:
    out = []
    for row in _rows(data, recent=True):
        if row["direction"] == "neutral" or row["kind"] == "count" or not row["differences"]:
            continue
        # The gemeente is the reference readers know best; a gemeente or a combined area
        # of its own is set against the G4 or the Netherlands.
        wanted = [data["gemeente"]["code"]] if data["gemeente"] else list(OUTER_BENCHMARKS)
        refs = {d["code"]: d for d in row["differences"]}
        ref = next((refs[c] for c in wanted if c in refs), row["differences"][0])
        if ref["value"] == 0:
            continue
        rel = (row["value"] - ref["value"]) / abs(ref["value"])
        sign = 1 if row["direction"] == "higher_better" else -1
        if round(row["value"] - ref["value"], row["decimals"]) != 0:
            out.append((rel * sign, row, ref))
    return out


def _comparable_values(series: list[dict]) -> list[dict]:
    """The values since the last boundary change CBS flags (years without a value are left
    out; the years of the first and last value are always named with them)."""
    out: list[dict] = []
    for p in series:
        if p.get("comparable_with_previous") is False:
            out = []
        if p["value"] is not None:
            out.append(p)
    return out


def _change_message(store: Store, data: dict, lang: str) -> str | None:
    best = None
    for row in _rows(data, recent=True):
        if row["kind"] == "count" or row["kind"] == "index":
            continue
        run = _comparable_values(row["series"])
        if len(run) < 2 or run[-1]["year"] - run[0]["year"] < 3 or run[0]["value"] == 0:
            continue
        rel = abs(run[-1]["value"] - run[0]["value"]) / abs(run[0]["value"])
        if round(run[-1]["value"] - run[0]["value"], row["decimals"]) and \
                (best is None or rel > best[0]):
            best = (rel, row, run[0], run[-1])
    if best is None:
        return None
    _, row, first, last = best
    fmt = lambda v: with_unit(format_number(v, lang, row["decimals"]), row["unit"])  # noqa: E731
    text = t("briefing.msg_change", lang, label=short_label(row["label"], row["unit"]),
             a=format_number(first["value"], lang, row["decimals"]),
             y0=first["year"], b=fmt(last["value"]), y1=last["year"])
    ref = data["gemeente"]
    if ref:
        series = store.series(ref["code"], row["key"]).set_index("year")
        pts = [series.loc[y] if y in series.index else None
               for y in (first["year"], last["year"])]
        if all(p is not None and p["status"] == "ok" and pd.notna(p["value"]) for p in pts):
            text += " " + t("briefing.msg_change_ref", lang, name=ref["name"],
                            a=format_number(float(pts[0]["value"]), lang, row["decimals"]),
                            b=fmt(float(pts[1]["value"])))
    return text


def _gap_message(gap: tuple[float, dict, dict], key: str, lang: str) -> str:
    _, row, ref = gap
    return t(key, lang, label=short_label(row["label"], row["unit"]), name=ref["name"],
             value=with_unit(row["value_text"], row["unit"]), ref=ref["value_text"],
             year=row["year"])


def key_messages(store: Store, data: dict, lang: str) -> list[str]:
    """Three sentences from the numbers: the widest unfavourable gap with the gemeente
    (relative to its value), the widest favourable one (or, when there is none, the next
    widest unfavourable one), and the largest relative change between the first and the
    latest value since the last boundary change, at least three years apart (or the next
    gap). Fewer when the numbers do not allow them."""
    gaps = sorted(_gap_candidates(data), key=lambda c: c[0])
    worse = [g for g in gaps if g[0] < 0]
    better = [g for g in gaps if g[0] > 0][::-1]
    out = []
    if worse:
        out.append(_gap_message(worse.pop(0), "briefing.msg_worse", lang))
    if better:
        out.append(_gap_message(better.pop(0), "briefing.msg_better", lang))
    elif worse:
        out.append(_gap_message(worse.pop(0), "briefing.msg_worse_next", lang))
    change = _change_message(store, data, lang)
    if change:
        out.append(change)
    elif worse:
        out.append(_gap_message(worse.pop(0), "briefing.msg_worse_next", lang))
    return out


def locator_svg(store: Store, code: str, label: str = "") -> str:
    """A small map that locates area ``code``: the area filled, the areas of the same level
    around it in outline, drawn from the store's geometry as inline SVG (no tiles)."""
    areas = store.areas
    geom = areas.geometry.get(code)
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{MAP_W}" height="{MAP_H}" '
            f'viewBox="0 0 {MAP_W} {MAP_H}" role="img" class="locator">'
            f"<title>{escape(label)}</title>")
    box = bounds_of([geom])
    if box is None:
        return head + "</svg>"
    minx, miny, maxx, maxy = box
    grow = max((maxy - miny) * 1.2, MIN_FRAME)
    frame = (minx - grow * 1.6, miny - grow, maxx + grow * 1.6, maxy + grow)
    proj = SvgFrame(frame, MAP_W, MAP_H, pad=0)
    level = store.area(code)["level"]
    same = areas[(areas["level"] == (level if level != "custom" else "wijk"))
                 & (areas.index != code)]
    near = same[same.intersects(shapely.box(*frame))]
    context = "".join(f'<path d="{proj.path(g)}"/>' for g in near.geometry)
    return (head + f'<rect width="100%" height="100%" fill="{C.SURFACE}"/>'
            f'<g fill="{C.BORDER}" stroke="#ffffff" stroke-width="1">{context}</g>'
            f'<path d="{proj.path(geom)}" fill="{C.BRAND}" stroke="{C.INK}" '
            'stroke-width="1"/></svg>')


def briefing_summary(store: Store, data: dict, lang: str) -> dict:
    """What the briefing adds to a profile.

    Returns
    -------
    dict
        ``headlines`` (:func:`headline_rows`), ``messages`` (:func:`key_messages`),
        ``map_svg`` (:func:`locator_svg`), ``data_year`` (latest year of the figures, or
        None) and ``date_text`` (that year and the date the store was built).
    """
    years = [r["year"] for r in _rows(data)]
    data_year = max(years) if years else None
    built = format_date(data["built_at"], lang) if data["built_at"] else "–"
    return {
        "headlines": headline_rows(data),
        "messages": key_messages(store, data, lang),
        "map_svg": locator_svg(store, data["code"],
                               t("briefing.map_caption", lang, name=data["name"])),
        "data_year": data_year,
        "date_text": t("briefing.date", lang, year=data_year or "–", date=built),
    }
