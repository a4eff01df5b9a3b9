"""Every component id, in one place.

Ids are kebab-case and start with the page they belong to (``home-…``). Each page's
constants live in a module of this package (``core`` for home, navigation and explorer);
this module gathers them, so ``ids.EXPLORER_MAP`` works everywhere. Layouts and
callbacks import them from here and never write an id as a string literal, so a renamed
id cannot leave a callback pointing at nothing. Ids are fixed strings, never random, so
that several gunicorn workers agree on them.
"""

from __future__ import annotations

import re

#: Every id starts with one of these page prefixes.
PAGES = ("home", "explorer", "nav", "targets", "projects", "profile", "compare", "indicators",
         "auth")

from dashboard.ids.auth import *  # noqa: E402,F403
from dashboard.ids.compare import *  # noqa: E402,F403
from dashboard.ids.core import *  # noqa: E402,F403
from dashboard.ids.profile import *  # noqa: E402,F403
from dashboard.ids.projects import *  # noqa: E402,F403
from dashboard.ids.targets import *  # noqa: E402,F403

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
