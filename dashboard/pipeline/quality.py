"""A ``quality`` for every observation: ``ok``, or why the value is too small to mean
anything, by the indicator's ``reliability`` rule in the catalogue.

Rows without a value (secret, missing) get no quality (``None``): there is nothing to
judge. A rule whose count is unknown for an area flags nothing there. Combined areas are
judged by the same rule on their own (summed) counts. Estimates published with a 95 %
interval (columns ``lower``, ``upper``) are judged by its width; no interval, no judgement.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.catalogue import QUALITY_OK, Catalogue

SMALL_DENOMINATOR, ROUNDED_ZERO, WIDE_MARGIN = "small_denominator", "rounded_zero", "wide_margin"


def _counts(obs: pd.DataFrame, ok: pd.Series, key: str) -> pd.Series:
    """(area_code, year) -> usable value of indicator ``key``."""
    rows = obs[ok & (obs["indicator"] == key)]
    return pd.Series(rows["value"].to_numpy(),
                     index=pd.MultiIndex.from_arrays([rows["area_code"], rows["year"]]))


def assess(obs: pd.DataFrame, catalogue: Catalogue) -> pd.Series:
    """The ``quality`` of each row of a long observations frame.

    Parameters
    ----------
    obs : pandas.DataFrame
        Columns ``area_code, year, indicator, value, status`` and, optionally, ``lower,
        upper`` (as the build writes them).
    catalogue : Catalogue
        Its indicators' ``reliability`` rules.

    Returns
    -------
    pandas.Series
        Aligned with ``obs``: ``"ok"``, a reason (``small_denominator`` when the value rests
        on fewer than the rule's minimum, ``rounded_zero`` when the rule's rounded count is
        0, ``wide_margin`` when the 95 % interval is wider than the rule allows; the first
        wins), or ``None`` for rows without a value.
    """
    ok = (obs["status"] == "ok") & obs["value"].notna()
    quality = pd.Series(np.where(ok, QUALITY_OK, None), index=obs.index, dtype=object)
    cache: dict[str, pd.Series] = {}

    def lookup(key: str, rows: pd.DataFrame) -> np.ndarray:
        if key not in cache:
            cache[key] = _counts(obs, ok, key)
        where = pd.MultiIndex.from_arrays([rows["area_code"], rows["year"]])
        return cache[key].reindex(where).to_numpy(dtype=float)

    for ind in catalogue:
        rule = ind.reliability
        if rule is None:
            continue
        mine = ok & (obs["indicator"] == ind.key)
        if not mine.any():
            continue
        rows = obs[mine]
        reason = pd.Series(None, index=rows.index, dtype=object)
        if rule.denominator:
            den = lookup(rule.denominator, rows)
            reason[den < rule.minimum] = SMALL_DENOMINATOR  # NaN compares False: unknown
        if rule.rounded:
            count = lookup(rule.rounded, rows)
            reason[reason.isna() & (count == 0)] = ROUNDED_ZERO
        if rule.wide_margin and {"lower", "upper"} <= set(rows.columns):
            width = (rows["upper"] - rows["lower"]).to_numpy(dtype=float)
            reason[reason.isna() & (width > rule.wide_margin)] = WIDE_MARGIN  # NaN: no interval
        quality[reason.dropna().index] = reason.dropna()
    return quality
