"""An area's profile as plain data: key figures per theme, differences with reference
areas, rank among comparable areas, trend, Wijkprofiel indices, projects and notes.

The page (layouts/profile.py) and the offline briefing (dashboard/profile/briefing.py) both render
:func:`profile_data`, so they always show the same numbers — the store's.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from dashboard.catalogue import THEMES, Indicator
from dashboard.explorer.details import judgement, rank_among, rank_sentence, source_line
from dashboard.formatting import format_estimate, format_number
from dashboard.i18n import t
from dashboard.store import Store

#: Counts worth a line in a profile; other counts are the parts of the rates shown.
KEY_COUNTS = ("inwoners", "huishoudens", "woningvoorraad")
#: Reference areas besides the area's gemeente (kept only where the store has them).
OUTER_BENCHMARKS = ("G4", "NL01")


def key_indicators(store: Store) -> list[Indicator]:
    """Indicators a profile shows: every share, rate, mean, index and distance, and the
    few counts of ``KEY_COUNTS`` (differences between counts of areas of different size
    say nothing)."""
    return [ind for ind in store.catalogue if ind.kind != "count" or ind.key in KEY_COUNTS]


def benchmark_codes(store: Store, code: str) -> list[str]:
    """Reference areas of ``code``: the programme area of interest (Rotterdam-Zuid) when in
    the same gemeente, the gemeente, G4 and NL — without the area itself."""
    area = store.area(code)
    gemeente = area["gemeente"] if isinstance(area["gemeente"], str) else None
    cfg = store.area_config
    focus = cfg.default_area if cfg else None
    candidates = []
    if focus and focus in store.areas.index and gemeente and \
            store.areas.at[focus, "gemeente"] == gemeente:
        candidates.append(focus)
    candidates += [gemeente, *OUTER_BENCHMARKS]
    return [c for c in dict.fromkeys(candidates)
            if c and c != area["code"] and c in store.areas.index]


def peer_codes(store: Store, code: str) -> tuple[list[str], str]:
    """Areas ``code`` is ranked among, and the text key that says which.

    Buurten and wijken: the same level in the same gemeente. Gemeenten: every gemeente.
    Custom areas (Rotterdam-Zuid, the focus wijken, G4, NL): every gemeente, with the
    custom area placed among them (they are of gemeente size or made of gemeenten).
    """
    area = store.area(code)
    areas = store.areas
    if area["level"] in ("buurt", "wijk"):
        rows = areas[(areas["level"] == area["level"]) & (areas["gemeente"] == area["gemeente"])]
        return list(rows.index), f"profile.peers_{area['level']}"
    rows = areas[areas["level"] == "gemeente"]
    peers = list(rows.index) + ([code] if area["level"] == "custom" else [])
    return peers, "profile.peers_gemeente" if area["level"] == "gemeente" \
        else "profile.peers_custom"


def _flag(value: object) -> bool:
    return bool(value) if value is not None and pd.notna(value) else False


def _diff_text(diff: float, lang: str, decimals: int) -> str:
    sign = "+" if diff > 0 else ""
    return f"{sign}{format_number(diff, lang, decimals)}"


@lru_cache(maxsize=4096)
def _source(store: Store, key: str, year: int, lang: str) -> str:
    return source_line(store, key, year, lang)


def _reference_values(store: Store, codes: list[str]) -> dict[str, pd.DataFrame]:
    """Indicator -> ok rows (area_code, year, value) of ``codes``: one pass over the store
    instead of one query per indicator."""
    obs = store.rows(codes=list(codes))
    obs = obs[(obs["status"] == "ok") & obs["value"].notna()]
    return {key: grp[["area_code", "year", "value", "partial", "quality"]]
            for key, grp in obs.groupby("indicator")}


def figure_row(store: Store, code: str, ind: Indicator, lang: str, benches: list[str],
               peers: list[str], refs: dict[str, pd.DataFrame] | None = None) -> dict | None:
    """One key figure of the profile, or None when the area never has a value for it.

    Returns
    -------
    dict
        ``key, label, unit, year, value, value_text, partial, method, series`` (year,
        value or None, status, comparable_with_previous), ``quality, quality_text`` (why the
        value is unreliable, "" when it is reliable), ``differences`` (code, name, value,
        value_text, diff_text, judgement "beter"/"slechter" by the indicator's direction;
        no difference for counts or an unreliable value), ``rank, n`` (among peers with a
        reliable value; 1 = best, or highest for neutral indicators), ``rank_short,
        rank_text, secret_years, break_years, source``.
    """
    series = store.series(code, ind.key)
    ok = series[(series["status"] == "ok") & series["value"].notna()]
    if ok.empty:
        return None
    last = ok.iloc[-1]
    year, value = int(last["year"]), float(last["value"])
    if refs is None:
        refs = _reference_values(store, [*benches, *peers])
    rows = refs.get(ind.key, pd.DataFrame(columns=["area_code", "year", "value", "partial",
                                                          "quality"]))
    rows = rows[rows["year"].astype(int) == year].set_index("area_code")
    quality = last.get("quality")
    reliable = not isinstance(quality, str) or quality == "ok"
    diffs = []
    for bench in benches:
        if bench in rows.index:
            ref = float(rows.at[bench, "value"])
            compared = ind.kind != "count" and reliable
            diffs.append({"code": bench, "name": store.area_name(bench, lang), "value": ref,
                          "value_text": format_number(ref, lang, ind.decimals),
                          "partial": _flag(rows.at[bench, "partial"]),
                          "diff_text": _diff_text(value - ref, lang, ind.decimals)
                          if compared else "",
                          "judgement": judgement(value - ref, ind.direction, lang)
                          if compared else ""})
    peer_rows = rows.loc[rows.index.intersection(peers)]
    good = peer_rows[peer_rows["quality"].fillna("ok").eq("ok")]["value"].astype(float)
    rank, n_ranked = rank_among(good, code, ind.direction) if reliable else (None, len(good))
    level = store.area(code)["level"]
    flags = series["comparable_with_previous"]
    return {
        "key": ind.key, "label": ind.label.get(lang), "unit": ind.unit.get(lang),
        "kind": ind.kind, "decimals": ind.decimals, "direction": ind.direction,
        "year": year, "value": value,
        "value_text": format_estimate(value, last["lower"], last["upper"], lang, ind.decimals),
        "partial": _flag(last["partial"]),
        "method": str(last["method"]),
        "series": [{"year": int(r.year), "status": str(r.status),
                    "value": float(r.value) if r.status == "ok" and pd.notna(r.value) else None,
                    "comparable_with_previous": None if pd.isna(r.comparable_with_previous)
                    else bool(r.comparable_with_previous)}
                   for r in series.itertuples(index=False)],
        "quality": quality if isinstance(quality, str) else None,
        "quality_text": store.catalogue.quality_text(ind.key, quality, lang, long=True),
        "differences": diffs, "rank": rank, "n": int(n_ranked),
        "rank_short": rank_sentence(rank, n_ranked, level, lang, ind.direction, short=True)
        if rank else "",
        "rank_text": rank_sentence(rank, n_ranked, level if level != "custom" else "gemeente",
                                   lang, ind.direction) if rank else "",
        "secret_years": [int(y) for y in series.loc[series["status"] == "secret", "year"]],
        "break_years": [int(y) for y, f in zip(series["year"], flags, strict=True)
                        if f is False or (pd.notna(f) and not bool(f))],
        "source": _source(store, ind.key, year, lang),
    }


def area_projects(store: Store, code: str, lang: str) -> list[dict] | None:
    """Projects active in the area from ``dashboard.projects.registry`` (None while that module or
    its ``projects_for_area`` does not exist yet)."""
    try:
        from dashboard.projects.registry import projects_for_area

        return [dict(item) for item in projects_for_area(store, code, lang=lang)]
    except ImportError:  # the projects module (or a part of it) is not there yet
        return None


def profile_data(store: Store, code: str, lang: str = "nl") -> dict:
    """Everything an area profile shows.

    Parameters
    ----------
    store : Store
    code : str
        An area code (any level, also custom areas such as ``ZUID0599``).
    lang : str
        ``"nl"`` or ``"en"``.

    Returns
    -------
    dict
        ``code, name, level, parent, gemeente, description, benchmarks`` (codes and
        names), ``peers_text``, ``themes`` (theme -> list of :func:`figure_row` dicts, Wijkprofiel
        indices left out), ``indices`` (the Wijkprofiel index rows), ``secret`` (label,
        years), ``boundary_years`` (years CBS flags a boundary change of the area),
        ``projects`` (list, or None when unavailable).

    Raises
    ------
    KeyError
        When the code is not an area of the store.
    """
    area = store.area(code)
    code = area["code"]
    benches = benchmark_codes(store, code)
    peers, peers_key = peer_codes(store, code)
    themes: dict[str, list[dict]] = {theme: [] for theme in THEMES}
    indices: list[dict] = []
    secret: list[tuple[str, list[int]]] = []
    refs = _reference_values(store, [*benches, *peers])
    for ind in key_indicators(store):
        row = figure_row(store, code, ind, lang, benches, peers, refs)
        if row is None:  # never a value: still say when CBS kept it secret
            series = store.series(code, ind.key)
            years = [int(y) for y in series.loc[series["status"] == "secret", "year"]]
            if years:
                secret.append((ind.label.get(lang), years))
            continue
        (indices if ind.kind == "index" else themes[ind.theme]).append(row)
        if row["secret_years"]:
            secret.append((row["label"], row["secret_years"]))
    custom = store.area_config.by_code() if store.area_config else {}
    desc = custom[code] if code in custom else None
    changes = store.boundary_changes
    changes = changes[(changes["area_code"] == code) & ~changes["comparable_with_previous"]
                      .astype(bool)]
    parent = area["parent"] if isinstance(area["parent"], str) else None
    gemeente = area["gemeente"] if isinstance(area["gemeente"], str) else None
    return {
        "code": code, "name": area["name" if lang == "nl" else "name_en"],
        "level": area["level"], "groups": area["groups"],
        "parent": {"code": parent, "name": store.area_name(parent, lang)}
        if parent and parent in store.areas.index else None,
        "gemeente": {"code": gemeente, "name": store.area_name(gemeente, lang)}
        if gemeente and gemeente != code and gemeente in store.areas.index else None,
        "description": (desc.description_en if lang == "en" else desc.description_nl)
        if desc else "",
        "benchmarks": [{"code": c, "name": store.area_name(c, lang)} for c in benches],
        "peers_text": t(peers_key, lang),
        "themes": {k: v for k, v in themes.items() if v}, "indices": indices,
        "secret": secret,
        "boundary_years": sorted({int(y) for y in changes["year"]}),
        "projects": area_projects(store, code, lang),
        "built_at": str(store.manifest.get("built_at") or "")[:10],
    }


def profile_keys(data: dict) -> list[str]:
    """Indicator keys shown in a profile (for its CSV download)."""
    return [r["key"] for rows in data["themes"].values() for r in rows] + \
        [r["key"] for r in data["indices"]]
