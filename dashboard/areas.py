"""Custom areas (Rotterdam-Zuid, focus wijken, benchmarks) from ``data/areas.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dashboard.yamlfile import read_yaml

LEVEL_BY_PREFIX = {"GM": "gemeente", "WK": "wijk", "BU": "buurt"}
_CODE_RE = re.compile(r"^(GM|WK|BU)\d{4}(\d{2})?(\d{2})?$")


def clean_code(value: Any) -> str:
    """Trim a CBS region code (``"BU05990110  "`` → ``"BU05990110"``)."""
    return str(value).strip() if value is not None else ""


def level_of(code: str) -> str | None:
    """``gemeente``/``wijk``/``buurt`` for a well-formed CBS code, else ``None``."""
    code = clean_code(code)
    if not _CODE_RE.match(code):
        return None
    prefix = code[:2]
    expected = {"GM": 6, "WK": 8, "BU": 10}[prefix]
    return LEVEL_BY_PREFIX[prefix] if len(code) == expected else None


def gemeente_of(code: str) -> str:
    """The ``GMxxxx`` code a GM/WK/BU code belongs to."""
    code = clean_code(code)
    return "GM" + code[2:6]


class AreasError(ValueError):
    """areas.yaml is malformed; the message names file, entry and field."""


@dataclass(frozen=True)
class CustomArea:
    """An area made of CBS areas: a fixed list of parts or a rule."""

    code: str
    name_nl: str
    name_en: str
    kind: str
    description_nl: str = ""
    description_en: str = ""
    gemeente: str | None = None
    parts: tuple[str, ...] = ()
    rule_level: str | None = None
    rule_gemeente: str | None = None
    rule_except: tuple[str, ...] = ()
    require_all_parts: bool = False
    min_parts: int = 1

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_nl

    def parts_in(self, available: dict[str, set[str]]) -> tuple[str, ...]:
        """The parts for one year, given the codes available per level that year."""
        if self.parts:
            return self.parts
        codes = available.get(self.rule_level or "", set())
        if self.rule_gemeente:
            digits = self.rule_gemeente[2:]
            codes = {c for c in codes if c[2:6] == digits}
        return tuple(sorted(codes - set(self.rule_except)))


@dataclass(frozen=True)
class AreaConfig:
    default_gemeente: str
    default_area: str
    custom: tuple[CustomArea, ...]
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def by_code(self) -> dict[str, CustomArea]:
        return {a.code: a for a in self.custom}


def _text(entry: dict, fld: str, where: str) -> tuple[str, str]:
    val = entry.get(fld)
    if not isinstance(val, dict) or not val.get("nl") or not val.get("en"):
        raise AreasError(f"{where}, field {fld}: needs 'nl' and 'en' texts")
    return str(val["nl"]), str(val["en"])


def parse_areas(raw: object, path: str = "<areas>") -> AreaConfig:
    """Validate an already-parsed areas.yaml document."""
    if not isinstance(raw, dict) or not isinstance(raw.get("custom_areas"), list):
        raise AreasError(f"{path}: expected a mapping with a list 'custom_areas'")
    areas, seen = [], set()
    for i, e in enumerate(raw["custom_areas"]):
        where = f"{path}: entry {i} ({e.get('code', '?') if isinstance(e, dict) else '?'!r})"
        if not isinstance(e, dict) or not e.get("code"):
            raise AreasError(f"{where}, field code: missing")
        code = str(e["code"])
        if code in seen or level_of(code):
            raise AreasError(f"{where}, field code: duplicate or clashes with a CBS code")
        seen.add(code)
        nl, en = _text(e, "name", where)
        dnl, den = _text(e, "description", where) if "description" in e else ("", "")
        parts = tuple(str(p) for p in e.get("parts") or ())
        rule = e.get("parts_rule") or {}
        if bool(parts) == bool(rule):
            raise AreasError(f"{where}, field parts: give either 'parts' or 'parts_rule'")
        bad = [p for p in parts if not level_of(p)]
        if bad:
            raise AreasError(f"{where}, field parts: not CBS codes: {', '.join(bad)}")
        if rule and rule.get("level") not in {"gemeente", "wijk", "buurt"}:
            raise AreasError(f"{where}, field parts_rule.level: gemeente, wijk or buurt")
        areas.append(CustomArea(
            code=code, name_nl=nl, name_en=en, kind=str(e.get("kind", "programme")),
            description_nl=dnl, description_en=den, gemeente=e.get("gemeente"), parts=parts,
            rule_level=rule.get("level"), rule_gemeente=rule.get("gemeente"),
            rule_except=tuple(rule.get("except") or ()),
            require_all_parts=bool(e.get("require_all_parts", False)),
            min_parts=int(e.get("min_parts", 1))))
    default = raw.get("default") or {}
    groups = {k: tuple(v) for k, v in (raw.get("groups") or {}).items()}
    return AreaConfig(default_gemeente=str(default.get("gemeente", "GM0599")),
                      default_area=str(default.get("area", "")), custom=tuple(areas),
                      groups=groups)


def load_areas(path: str | Path) -> AreaConfig:
    """Read and validate ``areas.yaml``."""
    return parse_areas(read_yaml(path, AreasError), str(path))
