"""Fill in what is not published: derived rates, wijken and gemeenten missing their own
value, and custom areas (Rotterdam-Zuid, focus wijken, benchmarks).

Order per year: buurten, then wijken, then gemeenten, then custom areas; within a level,
indicators in dependency order. A published value always wins, and a value CBS keeps
secret is never recomputed from its parts (that could disclose it).
"""

from __future__ import annotations

from collections import defaultdict
from functools import partial

from dashboard.areas import AreaConfig, level_of
from dashboard.catalogue import Catalogue, Indicator
from dashboard.pipeline.aggregate import MISSING, SECRET, Obs, aggregate, derive
from dashboard.pipeline.extract import Key
from dashboard.pipeline.sources.records import CODE, LEVEL, RawTable

LEVELS = ("buurt", "wijk", "gemeente")
#: Method of a combined area's row for an indicator that cannot be combined (the catalogue's
#: ``aggregation.reason`` says why); its status is ``missing``, its value empty.
NOT_COMBINABLE = "not_combinable"


def membership(tables: list[RawTable]) -> dict[int, dict[str, set[str]]]:
    """Codes per year and level, from tables that list every area of their scope.

    Only such *complete* tables (``meta["complete"]``) tell which buurten make up a wijk
    in a year; a table of a few areas (a test fixture, a third party's selection) does not.
    """
    out: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for table in tables:
        if table.kind != "kwb" or not table.meta.get("complete", False):
            continue
        for rec in table.records:
            if rec.get(LEVEL):
                out[table.year][rec[LEVEL]].add(rec[CODE])
    return out


def _children_map(members: dict[str, set[str]]) -> dict[str, list[str]]:
    """Parent code -> its listed children (buurten of a wijk, wijken of a gemeente)."""
    out: dict[str, list[str]] = defaultdict(list)
    for code in sorted(members.get("buurt", ())):
        out["WK" + code[2:8]].append(code)
    for code in sorted(members.get("wijk", ())):
        out["GM" + code[2:6]].append(code)
    return out


def _needs_value(obs: Obs | None) -> bool:
    return obs is None or (not obs.ok and obs.status != SECRET)


def _mixed_levels(ind: Indicator, get) -> bool:
    """True when a ratio's numerator and denominator of one area come from different
    levels: one published for the area itself, the other added up from its parts. Such a
    rate divides a published total by a sum of rounded parts, so it is rebuilt from the
    parts' counts instead (both from the same level)."""
    agg = ind.aggregation
    if agg.method != "ratio":
        return False
    num, den = get(agg.numerator), get(agg.denominator)
    return bool(num and den and num.ok and den.ok and
                (num.method == "published") != (den.method == "published"))


def _prefer(mixed: Obs | None, same: Obs | None) -> Obs | None:
    """The same-level value, unless it is missing or only partial where the mixed one is
    complete (then the mixed one, whose parts all count, is the better figure)."""
    if same is None or not same.ok:
        return mixed
    if mixed is not None and mixed.ok and same.partial and not mixed.partial:
        return mixed
    return same


def _same_level_parts(ind: Indicator, parts: list[str], get,
                      children: dict[str, list[str]]) -> list[str]:
    """``parts``, with each part whose ratio mixes levels replaced by its children."""
    out: list[str] = []
    for part in parts:
        kids = children.get(part, [])
        out += kids if kids and _mixed_levels(ind, partial(get, part)) else [part]
    return out


def fill(catalogue: Catalogue, obs: dict[Key, Obs], areas: AreaConfig,
         tables: list[RawTable]) -> None:
    """Add derived and aggregated observations to ``obs`` in place."""
    members = membership(tables)
    by_year: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    published: dict[int, set[str]] = defaultdict(set)  # indicators with values, per year
    for code, year, key in obs:
        published[year].add(key)
        lvl = level_of(code)
        if lvl:
            by_year[year][lvl].add(code)
    for year, lv in members.items():
        for lvl, codes in lv.items():
            by_year[year][lvl] |= codes
    order = catalogue.dependency_order()

    for year in sorted(by_year):
        known = by_year[year]
        # Parents of known buurten and wijken exist that year even if unlisted.
        known["wijk"] |= {"WK" + c[2:8] for c in known.get("buurt", ())}
        known["gemeente"] |= {"GM" + c[2:6] for c in known.get("wijk", ())}
        children = _children_map(members.get(year, {}))
        get = _getter(obs, year)
        for level in LEVELS:
            for ind in order:
                for code in sorted(known.get(level, ())):
                    key = (code, year, ind.key)
                    if not _needs_value(obs.get(key)):
                        continue
                    new = derive(ind, partial(get, code))
                    mixed = level != "buurt" and _mixed_levels(ind, partial(get, code))
                    if (new is None or not new.ok or mixed) and level != "buurt":
                        kids = children.get(code, [])
                        agg = aggregate(ind, kids, get, secret_gaps_only=True,
                                        source=f"aggregated:{level}") if kids else None
                        new = _prefer(new, agg) if mixed else (agg if agg is not None else new)
                    if new is not None and (key not in obs or new.ok):
                        obs[key] = new
        _fill_custom(catalogue, obs, areas, year, known, children, published[year])


def _getter(obs: dict[Key, Obs], year: int):
    return lambda code, key: obs.get((code, year, key))


def _fill_custom(catalogue: Catalogue, obs: dict[Key, Obs], areas: AreaConfig, year: int,
                 known: dict[str, set[str]], children: dict[str, list[str]],
                 present: set[str]) -> None:
    get = _getter(obs, year)
    for area in areas.custom:
        parts = area.parts_in(known)
        if len(parts) < area.min_parts:
            continue
        for ind in catalogue:
            # e.g. model estimates without counts: say so rather than average them,
            # wherever the indicator has values that year
            if ind.aggregation.reason is not None and ind.key in present:
                obs[(area.code, year, ind.key)] = Obs(None, MISSING, f"aggregated:{area.code}",
                                                      NOT_COMBINABLE)
        if not any((p, year, ind.key) in obs for p in parts for ind in catalogue):
            continue
        for ind in catalogue.dependency_order():
            key = (area.code, year, ind.key)
            if ind.aggregation.reason is not None:
                continue  # marked above
            options = {"require_all": area.require_all_parts, "secret_gaps_only": True,
                       "source": f"aggregated:{area.code}"}
            new = aggregate(ind, parts, get, **options)
            same = _same_level_parts(ind, parts, get, children)
            if same != list(parts):
                new = _prefer(new, aggregate(ind, same, get, **options))
            if new is None or not new.ok:
                derived = derive(ind, partial(get, area.code))
                new = derived if derived is not None and (new is None or derived.ok) else new
            if new is None or (not new.ok and (area.kind == "benchmark" or not any(
                    (p, year, k) in obs for p in parts for k in (ind.key, *ind.referenced_keys())
            ))):
                continue  # no part has this indicator: no row (a benchmark needs a value)
            obs[key] = new
