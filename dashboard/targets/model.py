"""NPRZ targets: the model, the defaults of ``data/targets.yaml`` and validation of edits.

A target says which value an area should reach by a target year, starting from a baseline
year: the average of the G4, of Rotterdam or of Rotterdam without Zuid (computed by the
store from counts, never typed in) or a fixed value. Staff add and edit targets in the app;
those live in the database (:mod:`dashboard.targets.db`) and a saved target whose key
equals a default's key replaces that default on the page; the YAML file is never changed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from dashboard.catalogue import Catalogue
from dashboard.guard import clean_text
from dashboard.yamlfile import read_yaml

PILLARS = ("school", "werk", "wonen", "veiligheid")
#: rule -> the store's area code of its benchmark (None: a fixed value).
RULES: dict[str, str | None] = {"g4": "G4", "rotterdam": "GM0599",
                                "rotterdam_excl_zuid": "ROTNZ0599", "fixed": None}
KEY_RE = re.compile(r"^[a-z][a-z0-9_]{1,47}$")
FIRST_YEAR, LAST_YEAR = 2000, 2100
MAX_TEXT = 1000
FIELDS = ("key", "pillar", "indicator", "area", "rule", "fixed_value", "baseline_year",
          "target_year", "text_nl", "text_en")


class TargetsError(ValueError):
    """``data/targets.yaml`` is malformed; the message names the file, entry and field."""


@dataclass(frozen=True)
class Target:
    """One target. ``origin`` is ``default`` (YAML), ``user`` (database) or ``override``
    (a database row replacing the default with the same key)."""

    key: str
    pillar: str
    indicator: str
    area: str
    rule: str
    baseline_year: int
    target_year: int
    fixed_value: float | None = None
    text_nl: str = ""
    text_en: str = ""
    origin: str = "default"

    @property
    def benchmark(self) -> str | None:
        """Area code of the benchmark the rule names (None for a fixed value)."""
        return RULES[self.rule]

    def text(self, lang: str) -> str:
        return self.text_en if lang == "en" else self.text_nl

    def as_record(self) -> dict:
        """The editable fields, as the database and the form hold them."""
        return {f: getattr(self, f) for f in FIELDS}


@dataclass(frozen=True)
class FieldError:
    """A rejected field: ``code`` picks the message ``targets.err.<code>``."""

    field: str
    code: str
    value: str = ""


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value if value is not None else "").strip()
    return int(text) if re.fullmatch(r"-?[0-9]{1,6}", text) else None  # ASCII digits only


def _shown(value: object, limit: int = 60) -> str:
    """A typed value as text, cut to ``limit``: never str() of a huge int (Python refuses
    more than 4,300 digits), so a forged number gets a message, not an error."""
    if isinstance(value, int) and abs(value) > 10**15:
        return "…"
    return str(value if value is not None else "")[:limit]


def _float(value: object) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(str(value).strip().replace(",", ".")) if isinstance(value, str) \
            else float(value)
    except (TypeError, ValueError, OverflowError):  # OverflowError: a 400-digit integer
        return None
    return number if math.isfinite(number) else None


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def check_fields(raw: Mapping, catalogue: Catalogue) -> tuple[Target | None, list[FieldError]]:
    """Check what can be checked without the data: types, names, years and the rule.

    Parameters
    ----------
    raw : mapping
        Field -> value as typed in a form or a YAML entry (``text`` may be ``{nl, en}``).
    catalogue : Catalogue
        The indicator catalogue.

    Returns
    -------
    tuple
        The target (None when any field is wrong) and the errors, one per wrong field.
    """
    errors: list[FieldError] = []
    key = _shown(raw.get("key") or "", 200).strip()
    if not KEY_RE.match(key):
        errors.append(FieldError("key", "key", key[:60]))
    pillar = _shown(raw.get("pillar") or "", 200).strip()
    if pillar not in PILLARS:
        errors.append(FieldError("pillar", "pillar", pillar[:60]))
    indicator = _shown(raw.get("indicator") or "", 200).strip()
    if indicator not in catalogue:
        errors.append(FieldError("indicator", "indicator", indicator[:60]))
    area = _shown(raw.get("area") or "", 200).strip().upper()
    if not re.fullmatch(r"[A-Z0-9]{2,12}", area):
        errors.append(FieldError("area", "area", area[:60]))
    rule = _shown(raw.get("rule") or "", 200).strip()
    if rule not in RULES:
        errors.append(FieldError("rule", "rule", rule[:60]))
    fixed = None
    if rule == "fixed":
        fixed = _float(raw.get("fixed_value"))
        if fixed is None:
            errors.append(FieldError("fixed_value", "fixed_required",
                                     _shown(raw.get("fixed_value"))))
    elif not _blank(raw.get("fixed_value")):
        errors.append(FieldError("fixed_value", "fixed_not_allowed",
                                 _shown(raw.get("fixed_value"))))
    years = {}
    for name in ("baseline_year", "target_year"):
        year = _int(raw.get(name))
        years[name] = year if year is not None and FIRST_YEAR <= year <= LAST_YEAR else None
        if years[name] is None:
            errors.append(FieldError(name, "year", _shown(raw.get(name))))
    if None not in years.values() and years["baseline_year"] >= years["target_year"]:
        errors.append(FieldError("target_year", "year_order", str(years["target_year"])))
    text = raw.get("text") if isinstance(raw.get("text"), Mapping) else {}
    texts = {}
    for lang in ("nl", "en"):
        value = raw.get(f"text_{lang}", text.get(lang))
        if value is not None and clean_text(value, 100 * MAX_TEXT, "\n\r\t") is None:
            # a forged save (a dict, a number, a NUL byte) is refused, never stored as str()
            errors.append(FieldError(f"text_{lang}", "text_type"))
            value = None
        texts[lang] = "" if value is None else value.strip()
        if len(texts[lang]) > MAX_TEXT:
            errors.append(FieldError(f"text_{lang}", "text_long", str(MAX_TEXT)))
    if errors:
        return None, errors
    return Target(key, pillar, indicator, area, rule, years["baseline_year"],
                  years["target_year"], fixed, texts["nl"], texts["en"]), []


def validate_target(raw: Mapping, store) -> tuple[Target | None, list[FieldError]]:
    """Check a target typed in the app against the catalogue and the data.

    Besides :func:`check_fields`: the area must be in the store (a code or a name), the
    rule's benchmark must be in the store, and the area must have a value in the
    baseline year.

    Parameters
    ----------
    raw : mapping
        The form's fields (see ``FIELDS``).
    store : Store
        The store the page serves.

    Returns
    -------
    tuple
        The target, or None with the errors (nothing is saved then).
    """
    raw = dict(raw)
    area_raw = _shown(raw.get("area") or "", 200).strip()
    try:
        raw["area"] = store.area(area_raw)["code"] if area_raw else ""
    except KeyError:
        raw["area"] = "?"  # fails the code check; the message shows what was typed
    target, errors = check_fields(raw, store.catalogue)
    errors = [replace(e, value=area_raw[:60]) if e.field == "area" else e for e in errors]
    wrong = {e.field for e in errors}
    rule = _shown(raw.get("rule") or "", 200).strip()
    if "rule" not in wrong and RULES[rule] and RULES[rule] not in store.areas.index:
        errors.append(FieldError("rule", "benchmark_absent", RULES[rule]))
    # the baseline check needs a valid indicator, area and year, whatever else is wrong
    if not wrong & {"indicator", "area", "baseline_year"}:
        series = store.series(raw["area"], str(raw["indicator"]).strip())
        ok = series[series["status"] == "ok"]
        if _int(raw.get("baseline_year")) not in set(ok["year"]):
            years = ", ".join(str(y) for y in ok["year"])
            errors.append(FieldError("baseline_year", "baseline_no_data", years or "–"))
    order = {f: i for i, f in enumerate(FIELDS)}
    errors.sort(key=lambda e: order.get(e.field, len(order)))
    return (None, errors) if errors else (target, [])


def load_default_targets(path: str | Path, catalogue: Catalogue) -> list[Target]:
    """Read and check ``data/targets.yaml``.

    Raises
    ------
    TargetsError
        Naming the file, the entry and the first wrong field; also for a duplicate key.
    """
    raw = read_yaml(path, TargetsError)
    entries = raw.get("targets") if isinstance(raw, dict) else None
    if not isinstance(entries, list):
        raise TargetsError(f"{path}: needs a list 'targets'")
    out: list[Target] = []
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            raise TargetsError(f"{path}: entry {number} is not a mapping")
        unknown = set(entry) - {*FIELDS, "text"}
        if unknown:
            raise TargetsError(f"{path}: entry {number}: unknown field {sorted(unknown)[0]}")
        target, errors = check_fields(entry, catalogue)
        if errors:
            e = errors[0]
            raise TargetsError(f"{path}: entry {number} ({entry.get('key')}): field {e.field}: "
                               f"{e.code} ({e.value!r})")
        if any(t.key == target.key for t in out):
            raise TargetsError(f"{path}: entry {number}: key {target.key!r} is used twice")
        out.append(target)
    return out


def merge_targets(defaults: Iterable[Target], saved: Iterable[Target]) -> list[Target]:
    """Defaults in file order, each replaced by a saved target of the same key; then the
    other saved targets in the order given."""
    saved = list(saved)
    by_key = {t.key: t for t in saved}
    out = [replace(by_key[d.key], origin="override") if d.key in by_key else d
           for d in defaults]
    default_keys = {d.key for d in out}
    return out + [replace(s, origin="user") for s in saved if s.key not in default_keys]
