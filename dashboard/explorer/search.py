"""The explorer's search box: area names at every level, 4-digit postcodes (the buurten the
postcode area overlaps), and addresses through the PDOK Locatieserver when it answers.

:func:`options` turns what is typed into the box's options; :func:`resolve` turns a chosen
option into a :class:`Move` (which areas to select, and the level and area of interest
that show them). Option values are ``area:<code>``, ``pc4:<digits>`` or ``addr:<id>``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from dashboard.explorer.state import LEVELS, MAX_SELECTED, area_choices, view_codes
from dashboard.i18n import t
from dashboard.store import Store

MAX_QUERY = 100
MAX_NAMES = 12
_PC4_RE = re.compile(r"^\s*(\d{4})(?:\s*[A-Za-z]{0,2})?\s*$")
_VALUE_RE = re.compile(r"^(area|pc4|addr):([A-Za-z0-9_-]{1,80})$")


def fold(text: str) -> str:
    """Lower case without accents or punctuation (``"Oud-IJsselmonde"`` → ``"oud ijsselmonde"``)."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.casefold()).split())


@lru_cache(maxsize=8)
def _index(store: Store, lang: str) -> tuple[tuple[str, str, str, str], ...]:
    """``(folded names, code, label, level)`` of every area with a shape (newest boundaries)."""
    areas = store.areas[store.areas.geometry.notna() & ~store.areas.geometry.is_empty]
    newest = {lvl: areas.loc[areas["level"] == lvl, "boundary_year"].max() for lvl in LEVELS}
    rows = []
    for code, level, parent, year in zip(areas["code"], areas["level"], areas["parent"],
                                         areas["boundary_year"], strict=True):
        if level in newest and year != newest[level]:
            continue  # a retired buurt's old shape
        name = store.area_name(code, lang)
        folded = " | ".join({fold(store.area_name(code, "nl")), fold(store.area_name(code,
                                                                                     "en"))})
        kind = t(f"search.level_{level}", lang)
        where = f", {store.area_name(parent, lang)}" if level in ("buurt", "wijk") and \
            isinstance(parent, str) and parent in store.areas.index else ""
        rows.append((folded, code, f"{name} — {kind}{where}", level))
    return tuple(sorted(rows, key=lambda r: (LEVELS.index(r[3]) if r[3] in LEVELS else 3,
                                             r[2])))


def _names(store: Store, query: str, lang: str) -> list[dict]:
    needle = fold(query)
    if not needle:
        return []
    starts, inside = [], []
    for folded, code, label, _ in _index(store, lang):
        words = folded.replace("|", " ").split()
        if folded.startswith(needle) or any(w.startswith(needle) for w in words):
            starts.append({"value": f"area:{code}", "label": label})
        elif needle in folded:
            inside.append({"value": f"area:{code}", "label": label})
    return (starts + inside)[:MAX_NAMES]


def _postcodes(store: Store, query: str, lang: str) -> list[dict]:
    from dashboard.projects.places import place_postcodes

    match = _PC4_RE.match(query)
    if not match:
        return []
    digits = match.group(1)
    placed = place_postcodes(store, [digits]).get(digits)
    if not placed:
        return [{"value": f"pc4:{digits}", "disabled": True,
                 "label": t("search.postcode_unknown", lang, postcode=digits)}]
    names = ", ".join(store.area_name(c, lang) for c in placed)
    return [{"value": f"pc4:{digits}",
             "label": t("search.postcode", lang, postcode=digits, areas=names)}]


def options(store: Store, query: str, lang: str, locatie=None) -> list[dict]:
    """Options (Mantine ``Select`` data, grouped) for what was typed.

    Parameters
    ----------
    store : Store
    query : str
        What was typed (cut to 100 characters).
    lang : str
        ``"nl"`` or ``"en"``.
    locatie : LocatieClient, optional
        The Locatieserver client when PDOK answers; None offline, when the address group
        says that address search needs the internet.

    Returns
    -------
    list of dict
        ``{"group": ..., "items": [{"value", "label"[, "disabled"]}]}`` for names,
        postcodes and addresses; empty groups are left out.
    """
    from dashboard.basemap.locatieserver import LocatieError

    query = " ".join(str(query or "").split())[:MAX_QUERY]
    if len(query) < 2:
        return []
    groups = [(t("search.group_postcodes", lang), _postcodes(store, query, lang)),
              (t("search.group_areas", lang), _names(store, query, lang))]
    addresses: list[dict] = []
    if len(query) >= 3 and not _PC4_RE.match(query):
        offline = [{"value": "addr:offline", "disabled": True,
                    "label": t("search.address_offline", lang)}]
        if locatie is None:
            addresses = offline
        else:
            try:
                addresses = [{"value": f"addr:{s.id}", "label": s.label}
                             for s in locatie.suggest(query)]
            except LocatieError:
                addresses = offline
    groups.append((t("search.group_addresses", lang), addresses))
    return [{"group": name, "items": items} for name, items in groups if items]


def is_shown_label(query: str, shown) -> bool:
    """Whether ``query`` is the label of one of the options ``shown`` (grouped or not)."""
    items = []
    for entry in shown if isinstance(shown, list) else []:
        if isinstance(entry, dict):
            items += entry.get("items", [entry]) if isinstance(entry.get("items", []), list) \
                else []
    return any(isinstance(i, dict) and i.get("label") == query for i in items)


@dataclass(frozen=True)
class Move:
    """What choosing a search result does."""

    selected: tuple[str, ...]
    level: str
    area: str
    message: str = ""


def resolve(store: Store, value: str, level: str, area: str, lang: str,
            locatie=None) -> Move | None:
    """The move for a chosen option; None for a value that is not an option.

    Areas of another level switch the map to that level; areas outside the area of
    interest switch it to their gemeente (when that can be shown). A postcode selects the
    buurten its area overlaps (at most four), an address the buurt containing its point.
    """
    from dashboard.basemap.locatieserver import LocatieError
    from dashboard.projects.places import place_coordinates, place_postcodes

    match = _VALUE_RE.match(str(value or ""))
    if not match:
        return None
    kind, key = match.groups()
    codes: list[str] = []
    if kind == "area" and key in store.areas.index:
        codes = [key]
    elif kind == "pc4":
        codes = list(place_postcodes(store, [key]).get(key, ()))
    elif kind == "addr" and locatie is not None and key != "offline":
        try:
            point = locatie.lookup(key)
        except LocatieError:
            return Move((), level, area, t("search.address_offline", lang))
        placed = place_coordinates(store, [point]) if point else [None]
        codes = [placed[0]] if placed[0] else []
        if not codes:
            return Move((), level, area, t("search.address_outside", lang))
    if not codes:
        return None
    codes = codes[:MAX_SELECTED]
    first = store.area(codes[0])
    if first["level"] == "custom":
        if codes[0] in area_choices(store):
            return Move((), level, codes[0])
        return Move(tuple(codes), level, area)
    new_level = first["level"] if first["level"] in LEVELS else level
    new_area = area
    if new_level != "gemeente" and not set(codes) <= set(view_codes(store, area, new_level)):
        gm = first["gemeente"]
        new_area = gm if gm in area_choices(store) else area
    return Move(tuple(codes), new_level, new_area)


def focus_view(store: Store, codes) -> dict | None:
    """``{"center", "zoom"}`` that fits the areas (a little zoomed out), or None."""
    from dashboard.figures.maps import bounds_view
    from geo.boundaries import to_geojson

    codes = [c for c in codes if c in store.areas.index
             and store.areas.at[c, "geometry"] is not None]
    if not codes:
        return None
    center, zoom = bounds_view(to_geojson(store.areas.loc[codes], properties=(), decimals=4))
    return {"center": center, "zoom": round(min(zoom - 0.6, 14.5), 2)}
