"""Settings from the environment, in one place.

| variable | meaning | default |
|---|---|---|
| ``DASHBOARD_STORE`` | folder of the built store the app serves | ``cache/store`` |
| ``DASHBOARD_SNAPSHOT`` | offline snapshot folder to build from (else: live APIs) | unset |
| ``DASHBOARD_GEMEENTE`` | gemeente to build | ``GM0599`` |
| ``DASHBOARD_CACHE`` | raw HTTP cache of live fetches | ``cache/raw`` |
| ``DASHBOARD_DATA`` | folder of the human-edited YAML files | ``data`` |
| ``DASHBOARD_DB_URL`` | SQLAlchemy URL for targets and activities | ``data/dashboard.sqlite`` |
| ``DASHBOARD_DEBUG`` | ``1`` turns on Dash debug mode (development only) | off |
| ``DASHBOARD_SECRET_KEY`` | signs the session cookie; required outside debug mode | unset |
| ``DASHBOARD_TRUSTED_USER_HEADER`` | header a reverse proxy sets to the signed-in user | unset |
| ``DASHBOARD_PROXIES`` | number of reverse proxies in front (client address, https) | ``0`` |
| ``DASHBOARD_SECURE_COOKIES`` | ``1``: cookies only over https | off |
| ``DASHBOARD_MAX_ACTIVITIES`` | most uploaded activities the database keeps | ``5000`` |
| ``CBS_ODATA_BASE``, ``PDOK_BASE`` | API base URLs (tests, mirrors) | sources.yaml |
| ``CBS_DATADERDEN_BASE`` | base URL of CBS's third-party catalogue | sources.yaml |
| ``PDOK_API_BASE`` | PDOK's root for basemap and Locatieserver (dashboard/basemap) | api.pdok.nl |
| ``DASHBOARD_BASEMAP`` | ``off`` never asks PDOK for the basemap | ``auto`` |
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GEMEENTE_RE = re.compile(r"^GM\d{4}$")


@dataclass(frozen=True)
class Settings:
    store_dir: Path
    snapshot_dir: Path | None
    gemeente: str
    cache_dir: Path
    data_dir: Path
    debug: bool
    cbs_odata_base: str | None
    pdok_base: str | None
    cbs_dataderden_base: str | None = None
    db_url: str = ""
    lang_default: str = "nl"
    secret_key: str = ""
    trusted_user_header: str = ""
    proxies: int = 0
    secure_cookies: bool = False
    max_activities: int = 5000


def _path(value: str | None, default: Path | None) -> Path | None:
    if not value:
        return default
    p = Path(value).expanduser()
    return p if p.is_absolute() else (Path.cwd() / p)


#: Every variable :func:`get_settings` reads.
ENV_NAMES = ("CBS_DATADERDEN_BASE", "CBS_ODATA_BASE", "DASHBOARD_CACHE", "DASHBOARD_DATA",
             "DASHBOARD_DB_URL", "DASHBOARD_DEBUG", "DASHBOARD_GEMEENTE",
             "DASHBOARD_MAX_ACTIVITIES", "DASHBOARD_PROXIES", "DASHBOARD_SECRET_KEY",
             "DASHBOARD_SECURE_COOKIES", "DASHBOARD_SNAPSHOT", "DASHBOARD_STORE",
             "DASHBOARD_TRUSTED_USER_HEADER", "PDOK_BASE")


def get_settings(env: dict[str, str] | None = None) -> Settings:
    """Read settings from ``env`` (default: ``os.environ``).

    The same variables (and working directory, for relative paths) give the same
    ``Settings`` without reading them again: a request asks for them several times.

    Raises
    ------
    ValueError
        If ``DASHBOARD_GEMEENTE`` is not a CBS gemeente code like ``GM0599``, or
        ``DASHBOARD_PROXIES`` is not a whole number.
    """
    source = os.environ if env is None else env
    return _settings(tuple((name, source.get(name)) for name in ENV_NAMES), Path.cwd())


@lru_cache(maxsize=16)
def _settings(items: tuple[tuple[str, str | None], ...], cwd: Path) -> Settings:
    env = {name: value for name, value in items if value is not None}
    gemeente = env.get("DASHBOARD_GEMEENTE", "GM0599").strip().upper()
    if not GEMEENTE_RE.match(gemeente):
        raise ValueError(f"DASHBOARD_GEMEENTE={gemeente!r} is not a gemeente code like GM0599")
    data_dir = _path(env.get("DASHBOARD_DATA"), ROOT / "data")
    max_activities = env.get("DASHBOARD_MAX_ACTIVITIES", "5000").strip()
    if not re.fullmatch(r"[0-9]{1,7}", max_activities):
        raise ValueError(f"DASHBOARD_MAX_ACTIVITIES={max_activities!r} is not a whole number")
    return Settings(
        store_dir=_path(env.get("DASHBOARD_STORE"), ROOT / "cache" / "store"),
        snapshot_dir=_path(env.get("DASHBOARD_SNAPSHOT"), None),
        gemeente=gemeente,
        cache_dir=_path(env.get("DASHBOARD_CACHE"), ROOT / "cache" / "raw"),
        data_dir=data_dir,
        debug=env.get("DASHBOARD_DEBUG", "") in {"1", "true", "yes"},
        cbs_odata_base=env.get("CBS_ODATA_BASE") or None,
        pdok_base=env.get("PDOK_BASE") or None,
        cbs_dataderden_base=env.get("CBS_DATADERDEN_BASE") or None,
        db_url=env.get("DASHBOARD_DB_URL") or f"sqlite:///{data_dir / 'dashboard.sqlite'}",
        secret_key=env.get("DASHBOARD_SECRET_KEY", "").strip(),
        trusted_user_header=env.get("DASHBOARD_TRUSTED_USER_HEADER", "").strip(),
        proxies=int(env.get("DASHBOARD_PROXIES", "0") or 0),
        secure_cookies=env.get("DASHBOARD_SECURE_COOKIES", "") in {"1", "true", "yes"},
        max_activities=int(max_activities),
    )
