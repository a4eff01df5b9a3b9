"""Status of one target: a pure function of a measured series, with its explanation.

A target asks an area to move from its value in the baseline year to a target value in
the target year. The *path* is the straight line between those two points; a later year
is on track when its value is at or beyond the path's value for that year (beyond =
in the better direction). Years whose value is secret or missing are gaps: they are
skipped, never filled in by interpolation.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from dashboard.i18n import t

MET, ON_TRACK, OFF_TRACK, NO_DATA = "met", "on_track", "off_track", "no_data"
STATUSES = (MET, ON_TRACK, OFF_TRACK, NO_DATA)
#: Comparisons within this relative tolerance count as equal (floating-point noise).
_REL_TOL = 1e-9

#: year -> (value or None, status of the store: "ok", "secret", "missing")
Series = Mapping[int, tuple[float | None, str]]


@dataclass(frozen=True)
class Assessment:
    """How a target stands, and the numbers that decided it."""

    status: str
    reason: str  # which explanation applies (see :func:`explain`)
    baseline_year: int
    target_year: int
    target_value: float | None
    sign: int = 1  # +1: higher is better; -1: lower is better
    baseline: float | None = None
    baseline_status: str | None = None
    latest_year: int | None = None
    latest: float | None = None
    path_value: float | None = None
    gaps: tuple[tuple[int, str], ...] = field(default_factory=tuple)


def _ok(entry: tuple[float | None, str] | None) -> bool:
    return bool(entry) and entry[1] == "ok" and entry[0] is not None and entry[0] == entry[0]


def _at_or_beyond(value: float, mark: float, sign: int) -> bool:
    tol = _REL_TOL * max(1.0, abs(mark))
    return sign * (value - mark) >= -tol


def path_value(baseline_year: int, baseline: float, target_year: int, target: float,
               year: int) -> float:
    """The straight path's value in ``year``; from the target year on, the target itself.

    Parameters
    ----------
    baseline_year, target_year : int
        Start and end of the path (``baseline_year < target_year``).
    baseline, target : float
        Values at the start and end.
    year : int
        The year asked for.

    Returns
    -------
    float
        ``baseline + (target - baseline) × share of the period passed``, capped at the target.
    """
    share = (min(year, target_year) - baseline_year) / (target_year - baseline_year)
    return baseline + (target - baseline) * share


def direction_sign(direction: str, baseline: float | None, target: float | None) -> int:
    """+1 when higher is better, -1 when lower is better.

    The catalogue's direction decides; for a neutral indicator the target does (a target
    below the baseline means the value should go down).
    """
    if direction == "higher_better":
        return 1
    if direction == "higher_worse":
        return -1
    if baseline is None or target is None:
        return 1
    return -1 if target < baseline else 1


def assess(series: Series, *, baseline_year: int, target_year: int,
           target_value: float | None, direction: str) -> Assessment:
    """Decide a target's status from a measured series.

    Parameters
    ----------
    series : mapping
        Year -> ``(value, status)`` as the store has it; only status ``"ok"`` counts.
    baseline_year, target_year : int
        The path's start and end (``baseline_year < target_year``).
    target_value : float or None
        The value to reach (None when its benchmark has no value).
    direction : str
        The indicator's direction: ``higher_better``, ``higher_worse`` or ``neutral``.

    Returns
    -------
    Assessment
        ``met`` when the latest value after the baseline is at or beyond the target;
        ``on_track`` when it is at or beyond the path's value for its year; ``off_track``
        otherwise (also when the target year has passed without reaching the target);
        ``no_data`` without a baseline value, a later value or a target value.
    """
    base_entry = series.get(baseline_year)
    baseline = float(base_entry[0]) if _ok(base_entry) else None
    base_status = base_entry[1] if base_entry else "missing"
    sign = direction_sign(direction, baseline, target_value)
    later = sorted(y for y, entry in series.items() if y > baseline_year and _ok(entry))
    # every year after the baseline without a value is named, also after the latest one
    # (a secret newest year explains why an older year is "latest")
    gaps = tuple((y, entry[1]) for y, entry in sorted(series.items())
                 if y > baseline_year and not _ok(entry))
    common = {"baseline_year": baseline_year, "target_year": target_year,
              "target_value": target_value, "sign": sign, "baseline": baseline,
              "baseline_status": base_status, "gaps": gaps}
    if baseline is None:
        return Assessment(NO_DATA, "no_baseline", **common)
    if target_value is None:
        return Assessment(NO_DATA, "no_target", **common)
    if not later:
        return Assessment(NO_DATA, "no_later", **common)
    year = later[-1]
    latest = float(series[year][0])
    path = path_value(baseline_year, baseline, target_year, target_value, year)
    common.update(latest_year=year, latest=latest, path_value=path)
    if _at_or_beyond(latest, target_value, sign):
        return Assessment(MET, "met", **common)
    if year >= target_year:
        return Assessment(OFF_TRACK, "past", **common)
    if _at_or_beyond(latest, path, sign):
        return Assessment(ON_TRACK, "on_track", **common)
    return Assessment(OFF_TRACK, "off_track", **common)


def _state(status: str | None, lang: str) -> str:
    return t("status.secret" if status == "secret" else "status.missing", lang)


def explain(result: Assessment, lang: str, fmt: Callable[[float | None], str],
            target_label: str = "") -> str:
    """One line in ``lang`` saying how the status was decided, naming the years used.

    Parameters
    ----------
    result : Assessment
        From :func:`assess`.
    lang : str
        ``"nl"`` or ``"en"``.
    fmt : callable
        Formats a value (e.g. with the indicator's decimals and unit).
    target_label : str
        Where the target value comes from, e.g. ``"G4 2024"``; shown after the value.

    Returns
    -------
    str
        E.g. ``"Niet op koers: 2024 (93,8) is hoger dan de 91,8 die het pad … vraagt."``
    """
    target = fmt(result.target_value) + (f" = {target_label}" if target_label else "")
    values = {"baseline_year": result.baseline_year, "baseline": fmt(result.baseline),
              "target_year": result.target_year, "target": target,
              "latest_year": result.latest_year, "latest": fmt(result.latest),
              "path": fmt(result.path_value)}
    if result.reason == "no_baseline":
        values["state"] = _state(result.baseline_status, lang)
    elif result.reason in ("met", "past", "on_track", "off_track"):
        good = result.reason in ("met", "on_track")
        side = ("up" if result.sign > 0 else "down") + ("_ok" if good else "_bad")
        values["cmp"] = t(f"targets.cmp.{side}", lang)
    text = t(f"targets.why.{result.reason}", lang, **values)
    if result.gaps:
        items = ", ".join(f"{y} ({_state(s, lang)})" for y, s in result.gaps)
        text += " " + t("targets.why.gaps", lang, items=items)
    return text
