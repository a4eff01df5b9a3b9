"""Combine the values of parts into a larger area, as the catalogue's rule says.

Rates and shares are always rebuilt from counts and denominators (or weights), never a
mean of percentages. A result is *partial* when some part had no usable value.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dashboard.catalogue import Indicator

OK, SECRET, MISSING = "ok", "secret", "missing"


@dataclass(frozen=True)
class Obs:
    """One value with its status and how it came to be."""

    value: float | None
    status: str
    source: str
    method: str = "published"  # published | derived | aggregated | not_combinable
    partial: bool = False
    #: Bounds of a published 95 % interval (model estimates); None where there is none.
    lower: float | None = None
    upper: float | None = None

    @property
    def ok(self) -> bool:
        return self.status == OK and self.value is not None


Lookup = Callable[[str, str], "Obs | None"]  # (area code, indicator key) -> Obs


def _no_value(statuses: Sequence[str], source: str) -> Obs:
    status = SECRET if SECRET in statuses else MISSING
    return Obs(None, status, source, "aggregated")


def aggregate(ind: Indicator, parts: Sequence[str], get: Lookup, *,
              require_all: bool = False, secret_gaps_only: bool = False,
              source: str = "aggregated") -> Obs | None:
    """Value of ``ind`` for the union of ``parts``.

    Parameters
    ----------
    ind
        The indicator; its ``aggregation`` says how (sum, ratio, weighted_mean, none).
    parts
        Codes of the parts (e.g. the buurten of a wijk).
    get
        Looks up an observation of a part: ``get(code, indicator_key)``.
    require_all
        When true, any part without a value makes the result ``missing`` instead of partial.
    secret_gaps_only
        When true, a part may lack a value only because it is secret (a small area CBS
        suppresses); a part the source does not cover at all makes the result ``missing``.
        Used when filling a wijk or gemeente from its parts: a source that covers only
        some wijken (e.g. police figures for Rotterdam-Zuid) must not pass for the gemeente.

    Returns
    -------
    Obs or None
        ``None`` when the indicator cannot be aggregated (method ``none``) or there are no
        parts. Otherwise an observation with ``method="aggregated"``; ``partial`` is true
        when at least one part lacked a value but others had one.
    """
    agg = ind.aggregation
    if agg.method == "none" or not parts:
        return None
    if agg.method == "sum":
        keys = (ind.key,)
    elif agg.method == "ratio":
        keys = (agg.numerator, agg.denominator)
    else:
        keys = (ind.key, agg.weight)

    usable, statuses, part_partial = [], [], False
    for code in parts:
        obs = [get(code, k) for k in keys]
        if all(o is not None and o.ok for o in obs):
            usable.append([o.value for o in obs])  # type: ignore[union-attr]
            part_partial = part_partial or any(o.partial for o in obs)  # type: ignore[union-attr]
        else:
            statuses.extend(o.status if o is not None else MISSING for o in obs
                            if o is None or not o.ok)
    # partial: a part lacked a value, or a part's own value was already partial
    partial = len(usable) < len(parts) or part_partial
    uncovered = secret_gaps_only and any(s != SECRET for s in statuses)
    if not usable or (partial and require_all) or uncovered:
        return _no_value(statuses, source)

    if agg.method == "sum":
        value = sum(v[0] for v in usable)
    elif agg.method == "ratio":
        den = sum(v[1] for v in usable)
        if den <= 0:
            return Obs(None, MISSING, source, "aggregated", partial)
        value = sum(v[0] for v in usable) / den * agg.scale
    else:
        weight = sum(v[1] for v in usable)
        if weight <= 0:
            return Obs(None, MISSING, source, "aggregated", partial)
        value = sum(v[0] * v[1] for v in usable) / weight
    return Obs(float(value), OK, source, "aggregated", partial)


def derive(ind: Indicator, get: Callable[[str], Obs | None]) -> Obs | None:
    """Compute ``ind`` for one area from its ``derive`` rule (numerator / denominator)."""
    rule = ind.derive
    if rule is None:
        return None
    num, den = get(rule.numerator), get(rule.denominator)
    if num is None or den is None:
        return None
    if not (num.ok and den.ok):
        status = SECRET if SECRET in (num.status, den.status) else MISSING
        return Obs(None, status, "derived", "derived", num.partial or den.partial)
    if den.value <= 0:  # type: ignore[operator]
        return Obs(None, MISSING, "derived", "derived")
    value = num.value / den.value * rule.scale  # type: ignore[operator]
    return Obs(float(value), OK, "derived", "derived", num.partial or den.partial)
