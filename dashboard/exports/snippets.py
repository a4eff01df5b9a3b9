""""Reproduce this view": the few lines of Python that give the table a page shows.

Each snippet uses this project's API (:mod:`dashboard.api`); where the numbers are published
as such by CBS, a second snippet fetches the same column straight from CBS OData with
``requests``. Snippets are plain text; values in them are validated state (indicator keys,
area codes), and repr() quotes them, so a snippet cannot carry anything else.
"""

from __future__ import annotations

import functools
from pathlib import Path

from dashboard.compare.model import CompareState
from dashboard.explorer.state import ExplorerState
from dashboard.sourceconfig import SourceConfig, load_source_config
from dashboard.store import Store


def explorer_snippet(state: ExplorerState) -> str:
    """Python that returns the explorer's table for ``state`` (areas in view, one year)."""
    return "\n".join([
        "from dashboard import load_store",
        "",
        "data = load_store()",
        f"table = data.values({state.indicator!r}, {state.year}, level={state.level!r}, "
        f"within={state.area!r}, lang={state.lang!r})",
        "table[['area_code', 'area_name', 'value', 'status']]",
    ])


def compare_snippet(state: CompareState) -> str:
    """Python that returns the compare page's values (all years, every chosen area)."""
    return "\n".join([
        "import pandas as pd",
        "from dashboard import load_store",
        "",
        "data = load_store()",
        f"areas = {list(state.areas)!r}",
        f"indicators = {list(state.indicators)!r}",
        f"table = pd.concat([data.values(key, areas=areas, lang={state.lang!r}) "
        "for key in indicators])",
        "table.pivot_table(index=['indicator', 'year'], columns='area_name', values='value')",
    ])


def profile_snippet(code: str, lang: str) -> str:
    """Python that returns every figure of one area's profile, all years."""
    return "\n".join([
        "import pandas as pd",
        "from dashboard import load_store",
        "",
        "data = load_store()",
        f"keys = data.indicators({lang!r})['key']",
        f"profile = pd.concat([data.series({code!r}, k).assign(indicator=k) for k in keys])",
        "profile[profile['status'] == 'ok']",
    ])


def cbs_snippet(store: Store, state: ExplorerState) -> str | None:
    """Python with ``requests`` that reads the same published CBS column from OData, or
    None when the indicator/year is not a published KWB column (computed, municipal)."""
    ind = store.catalogue[state.indicator]
    spec = next((s for s in ind.sources if s.source == "kwb"), None)
    if spec is None:
        return None
    column = spec.column_for("odata", state.year)
    if not isinstance(column, str):
        return None
    path = Path(_sources_path())
    cfg = _source_config(path, path.stat().st_mtime_ns)
    table = cfg.kwb_tables.get(state.year)
    if table is None:
        return None
    prefix = {"buurt": "BU", "wijk": "WK", "gemeente": "GM"}[state.level]
    gemeente = store.area(state.area)["gemeente"] or "GM0599"
    number = str(gemeente)[2:] if state.level != "gemeente" else ""
    return "\n".join([
        "import requests",
        "",
        f"url = {cfg.odata_base + '/' + table + '/TypedDataSet'!r}",
        f"params = {{'$filter': \"startswith(WijkenEnBuurten,'{prefix}{number}')\"}}",
        "rows, page = [], requests.get(url, params=params, timeout=60).json()",
        "while True:  # CBS pages its answers",
        "    rows += page['value']",
        "    if 'odata.nextLink' not in page:",
        "        break",
        "    page = requests.get(page['odata.nextLink'], timeout=60).json()",
        f"# Column names end in a number that differs per table: match on {column!r}",
        f"col = next(c for c in rows[0] if c.rsplit('_', 1)[0] == {column!r})",
        "{r['WijkenEnBuurten'].strip(): r[col] for r in rows}  # None = secret or missing",
    ])


@functools.lru_cache(maxsize=4)
def _source_config(path: Path, stamp: int) -> SourceConfig:
    """sources.yaml read once per version of the file (``stamp``: its mtime), not on
    every explorer answer."""
    return load_source_config(path)


def _sources_path():
    from dashboard.settings import get_settings

    return get_settings().data_dir / "sources.yaml"
