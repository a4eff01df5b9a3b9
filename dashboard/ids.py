"""Every component id, in one place.

Ids are kebab-case and start with the page they belong to (``home-…``). Layouts and
callbacks import them from here and never write an id as a string literal, so a renamed
id cannot leave a callback pointing at nothing. Ids are fixed strings, never random, so
that several gunicorn workers agree on them.
"""

from __future__ import annotations

import re

PAGES = ("home", "explorer", "nav")

# --- home: what the store holds -------------------------------------------------------
HOME_PAGE = "home-page"
HOME_LANG_NAV = "home-lang-nav"
HOME_LANG_NOTICE = "home-lang-notice"
HOME_TITLE = "home-title"
HOME_SUMMARY = "home-summary"
HOME_GEMEENTEN = "home-gemeenten"
HOME_LEVELS = "home-levels"
HOME_YEARS = "home-years"
HOME_INDICATORS = "home-indicators"
HOME_COUNTS = "home-counts"
HOME_SOURCES = "home-sources"
HOME_NO_STORE = "home-no-store"

# --- site navigation (every page) ------------------------------------------------------
NAV_BAR = "nav-bar"
NAV_LANG = "nav-lang"

# --- explorer: linked map and charts ---------------------------------------------------
EXPLORER_PAGE = "explorer-page"
EXPLORER_NOTICES = "explorer-notices"
EXPLORER_LANG = "explorer-lang"
EXPLORER_LANG_SWITCH = "explorer-lang-switch"
EXPLORER_QUERY = "explorer-query"
EXPLORER_SELECTION = "explorer-selection"
EXPLORER_CLICK = "explorer-click"
EXPLORER_HOVER = "explorer-hover"
EXPLORER_INDICATOR = "explorer-indicator"
EXPLORER_YEAR = "explorer-year"
EXPLORER_LEVEL = "explorer-level"
EXPLORER_AREA = "explorer-area"
EXPLORER_SCALE = "explorer-scale"
EXPLORER_ADD = "explorer-add"
EXPLORER_CLEAR = "explorer-clear"
EXPLORER_MAP = "explorer-map"
EXPLORER_LEGEND_NOTE = "explorer-legend-note"
EXPLORER_BAR = "explorer-bar"
EXPLORER_TREND = "explorer-trend"
EXPLORER_SCATTER = "explorer-scatter"
EXPLORER_INDICATOR2 = "explorer-indicator2"
EXPLORER_DETAILS = "explorer-details"
EXPLORER_TABLE = "explorer-table"
EXPLORER_TABLE_SORT = "explorer-table-sort"
EXPLORER_SOURCE = "explorer-source"
EXPLORER_URL_SYNC = "explorer-url-sync"

_SLUG_RE = re.compile(r"[^a-z0-9]+")


def _slug(text: str) -> str:
    slug = _SLUG_RE.sub("-", str(text).lower()).strip("-")
    if not slug:
        raise ValueError(f"cannot make an id part from {text!r}")
    return slug


def heading(section_id: str) -> str:
    """Return the id of the heading that labels a section.

    Parameters
    ----------
    section_id : str
        The section's id, e.g. ``HOME_LEVELS``.

    Returns
    -------
    str
        E.g. ``"home-levels-heading"``, for ``aria-labelledby``.
    """
    return f"{section_id}-heading"


def home_theme(theme: str) -> str:
    """Return the id of one theme's section on the home page.

    Parameters
    ----------
    theme : str
        A theme key from the catalogue, e.g. ``"werk"``.

    Returns
    -------
    str
        E.g. ``"home-theme-werk"``.
    """
    return f"home-theme-{_slug(theme)}"


def all_ids() -> dict[str, str]:
    """Return every constant id of this module by its name (for tests and checks)."""
    return {
        name: value
        for name, value in globals().items()
        if name.isupper() and not name.startswith("_") and isinstance(value, str)
    }
