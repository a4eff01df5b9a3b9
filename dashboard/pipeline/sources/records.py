"""Raw records: the one shape every source (live API or snapshot file) is turned into.

The build reads only :class:`RawTable` objects, so it never cares whether a table came
from the CBS OData API, a StatLine CSV export or a file in the offline snapshot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

#: Fields every record carries, beside the source's own columns.
CODE, NAME, LEVEL, GEMEENTE, BOUNDARY_FLAG = "_code", "_name", "_level", "_gemeente", "_boundary"

_SUFFIX_RE = re.compile(r"_\d+$")


@dataclass(frozen=True)
class RawTable:
    """Rows of one published table as received, with their provenance.

    Parameters
    ----------
    source_id
        Stable id used in the store's ``source`` column, e.g. ``cbs-odata:85984NED``.
    kind
        Which catalogue source this feeds: ``kwb``, ``wijkprofiel``, ``wijkprofiel_series``,
        ``thirdparty_kwb`` or ``politie``.
    style
        How columns are named: ``odata`` (OData keys), ``statline`` (``"Name [unit]"``
        titles of a StatLine CSV export), ``wbk`` (Wijk- en Buurtkaart snake_case), or the
        file's own names for municipal files (``wijkprofiel``…).
    year
        Reference year of the values.
    records
        One dict per area: the source's columns plus ``_code``, ``_name``, ``_level``,
        ``_gemeente`` and ``_boundary`` (KWB boundary-change code or ``None``).
    meta
        Provenance: ``title``, ``publisher``, ``table``, ``url`` or ``path``, ``retrieved_at``,
        ``sha256``, ``licence``, ``credit``, and for files of the Rotterdam Wijkprofiel
        ``file`` (the index file stem).
    """

    source_id: str
    kind: str
    style: str
    year: int
    records: list[dict[str, Any]]
    meta: dict[str, Any] = field(default_factory=dict)

    def columns(self) -> set[str]:
        """Every column name present in at least one record."""
        cols: set[str] = set()
        for rec in self.records:
            cols.update(rec)
        return cols


def odata_stems(keys: list[str]) -> dict[str, str]:
    """Map OData column stems (key without its ``_NN`` position suffix) to full keys.

    Stems that occur twice in one table (``Nederland_17`` and ``Nederland_20``) are left
    out: such a column must be named by its full key.
    """
    seen: dict[str, list[str]] = {}
    for key in keys:
        seen.setdefault(_SUFFIX_RE.sub("", key), []).append(key)
    return {stem: full[0] for stem, full in seen.items() if len(full) == 1}
