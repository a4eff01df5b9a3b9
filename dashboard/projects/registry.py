"""The registry (``data/projects.yaml``) and the activities uploaded into the database: which
projects there are, and which are active where and when."""

from __future__ import annotations

import threading
from pathlib import Path

from dashboard.projects.model import Project, ProjectsError, parse_projects
from dashboard.yamlfile import read_yaml

_lock = threading.Lock()
_cache: dict[Path, tuple[float, tuple[Project, ...]]] = {}


def load_projects(path: str | Path | None = None) -> tuple[Project, ...]:
    """The registry of ``data/projects.yaml`` (re-read when the file changes)."""
    if path is None:
        from dashboard.settings import get_settings

        path = get_settings().data_dir / "projects.yaml"
    path = Path(path)
    stamp = path.stat().st_mtime if path.is_file() else -1.0
    with _lock:
        hit = _cache.get(path)
        if hit and hit[0] == stamp:
            return hit[1]
    projects = parse_projects(read_yaml(path, ProjectsError), str(path))
    with _lock:
        _cache[path] = (stamp, projects)
    return projects


def all_projects(db=None, path: str | Path | None = None) -> list[Project]:
    """Registry entries, then the activities saved in the database."""
    from dashboard.projects.db import read_activities

    return [*load_projects(path), *read_activities(db)]


def filter_projects(projects, *, pillars=None, year: int | None = None,
                    year_to: int | None = None, organisation: str | None = None,
                    keys=None) -> list[Project]:
    """Projects matching every given filter.

    Parameters
    ----------
    projects : iterable of Project
    pillars : iterable of str, optional
        Pillar keys to keep (``NO_PILLAR`` for projects without one).
    year, year_to : int, optional
        Keep projects active in some year of ``year``..``year_to`` (one year if no
        ``year_to``); projects without a known start are kept.
    organisation : str, optional
        Case-insensitive part of an organisation's name.
    keys : iterable of str, optional
        Keep only these keys (e.g. the projects of an area).
    """
    wanted = None if pillars is None else set(pillars)
    needle = (organisation or "").strip().casefold()
    keyset = None if keys is None else set(keys)
    return [p for p in projects
            if (wanted is None or p.pillar_key in wanted)
            and p.active_between(year, year_to)
            and (not needle or any(needle in o.casefold() for o in p.organisations))
            and (keyset is None or p.key in keyset)]


def organisations(projects) -> list[str]:
    """Every organisation named, sorted without regard to case."""
    return sorted({o for p in projects for o in p.organisations}, key=str.casefold)


def projects_for_area(store, code: str, year: int | None = None, lang: str = "nl",
                      db=None) -> list[dict]:
    """Projects (registry and database) active in or overlapping an area.

    An area inside a project's area counts (a buurt of Rotterdam-Zuid for a Zuid-wide
    programme), and so does a project inside the area (a buurt project for its gemeente).

    Parameters
    ----------
    store : dashboard.store.Store
    code : str
        Any area code of the store (buurt, wijk, gemeente, custom area).
    year : int, optional
        Keep only projects active in that year (those with an unknown period stay).
    lang : str
        Language of ``summary`` and ``target_group``.
    db : dashboard.db.Database, optional
        Default: :func:`dashboard.db.get_database`.

    Returns
    -------
    list of dict
        ``key, name, pillar, organisations, start, end, summary, target_group, source,
        origin, areas, gemeenten`` per project, registry order first.
    """
    from dashboard.projects.places import overlaps, placement

    code = store.area(code)["code"]
    out = []
    for p in filter_projects(all_projects(db), year=year):
        place = placement(store, p)
        if overlaps(store, place.codes, code):
            out.append(describe(p, lang, place.codes, place.gemeenten))
    return out


def describe(p: Project, lang: str, codes=(), gemeenten=()) -> dict:
    """A project as a plain dict in ``lang`` (the interface other pages use)."""
    return {"key": p.key, "name": p.name, "pillar": p.pillar,
            "organisations": list(p.organisations), "start": p.start, "end": p.end,
            "summary": p.summary.get(lang),
            "target_group": p.target_group.get(lang) if p.target_group else None,
            "source": p.source, "origin": p.origin, "project": p.project,
            "areas": list(codes), "gemeenten": list(gemeenten)}
