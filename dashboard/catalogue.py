"""The indicator catalogue: ``data/indicators.yaml`` validated into frozen models.

Adding an indicator means editing that file, not code. Validation fails fast with a
message naming the file, the entry and the field.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from dashboard.yamlfile import read_yaml

THEMES = ("werk", "onderwijs", "wonen", "gezondheid", "veiligheid", "context")
KINDS = ("count", "share", "rate", "mean", "index", "distance")
SOURCE_KINDS = ("kwb", "wijkprofiel", "wijkprofiel_series", "thirdparty_kwb", "politie",
                "gezondheid")
#: The ``quality`` of a value that no reliability rule flags.
QUALITY_OK = "ok"
#: Why a value is too small to mean anything; each has NL/EN texts ``quality.<reason>``
#: and ``quality.<reason>_long`` (dashboard/texts/quality.py). A new reason is one more
#: entry here, its texts, and the rule that sets it (dashboard/pipeline/quality.py).
QUALITY_REASONS = ("small_denominator", "rounded_zero", "wide_margin")
KEY_RE = re.compile(r"^[a-z][a-z0-9_]{1,47}$")

#: A column spec: one column, a list of columns to add up, or per-year choices
#: (``{2014: "...", default: "..."}``; ``null`` means "not for that year").
ColumnSpec = str | list[str] | dict[int | str, str | list[str] | None]


class CatalogueError(ValueError):
    """The catalogue file is malformed; the message names file, entry and field."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Text(_Frozen):
    """A text in Dutch and English."""

    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


class Aggregation(_Frozen):
    """How values of parts combine into a larger area.

    ``sum``: add counts. ``ratio``: sum(numerator) / sum(denominator) × scale, both
    indicator keys of counts. ``weighted_mean``: mean of the parts' values weighted by the
    ``weight`` indicator (a count), i.e. the same as rebuilding counts from shares.
    ``none``: cannot be combined (an index, a median). With a ``reason``, combined areas
    (Rotterdam-Zuid, focus wijken) get a row that says so, with that reason, instead of no
    row at all.
    """

    method: Literal["sum", "ratio", "weighted_mean", "none"]
    reason: Text | None = None
    numerator: str | None = None
    denominator: str | None = None
    weight: str | None = None
    scale: float = 1.0

    @model_validator(mode="after")
    def _fields_for_method(self) -> Aggregation:
        if self.method == "ratio" and not (self.numerator and self.denominator):
            raise ValueError("method 'ratio' needs 'numerator' and 'denominator'")
        if self.method == "weighted_mean" and not self.weight:
            raise ValueError("method 'weighted_mean' needs 'weight'")
        if self.reason and self.method != "none":
            raise ValueError("'reason' is only for method 'none'")
        return self


class Derivation(_Frozen):
    """Compute a value per area from two other indicators when none is published."""

    numerator: str
    denominator: str
    scale: float = 1.0


class Reliability(_Frozen):
    """When a value of this indicator is too small to mean anything.

    ``denominator`` and ``minimum``: the value rests on fewer than ``minimum`` of the count
    ``denominator`` (an indicator key) in the same area and year -> ``small_denominator``.
    ``rounded``: a count (an indicator key, may be the indicator itself) that the source
    publishes rounded to ``rounding``; when it is 0 the true number is anything below
    ``rounding / 2`` -> ``rounded_zero``.
    ``wide_margin``: estimates published with a 95 % interval (the store's ``lower`` and
    ``upper``); an interval wider than this, in the unit (e.g. percentage points), makes the
    estimate too uncertain -> ``wide_margin``.
    """

    denominator: str | None = None
    minimum: float | None = Field(default=None, gt=0)
    rounded: str | None = None
    rounding: int = Field(default=10, ge=2)
    wide_margin: float | None = Field(default=None, gt=0)

    @model_validator(mode="after")
    def _complete(self) -> Reliability:
        if (self.denominator is None) != (self.minimum is None):
            raise ValueError("'denominator' and 'minimum' go together")
        if self.denominator is None and self.rounded is None and self.wide_margin is None:
            raise ValueError("needs 'denominator' and 'minimum', 'rounded', or 'wide_margin'")
        return self

    def reasons(self) -> tuple[str, ...]:
        """The reasons (of ``QUALITY_REASONS``) this rule can give, in the order it checks."""
        return tuple(reason for reason, given in (("small_denominator", self.denominator),
                                                  ("rounded_zero", self.rounded),
                                                  ("wide_margin", self.wide_margin)) if given)


class SourceSpec(_Frozen):
    """Where one indicator's values come from, in order of preference."""

    source: Literal["kwb", "wijkprofiel", "wijkprofiel_series", "thirdparty_kwb", "politie",
                    "gezondheid"]
    #: KWB: column per naming style (``odata`` key stem, ``statline`` title, ``wbk`` name).
    columns: dict[Literal["odata", "statline", "wbk"], ColumnSpec] | None = None
    #: Municipal and third-party files: the file's own column name.
    column: str | None = None
    #: Wijkprofiel: which index file (``sociale_index``, ``veiligheidsindex``,
    #: ``fysieke_index_objectief``, ``fysieke_index_subjectief``).
    file: str | None = None
    #: Optional inclusive range of years this spec applies to.
    years: tuple[int, int] | None = None
    #: Gezondheidsmonitor: the age group (a label of ``ages`` in sources.yaml, e.g. ``18+``).
    age: str | None = None

    @model_validator(mode="after")
    def _column_given(self) -> SourceSpec:
        if self.source == "kwb" and not self.columns:
            raise ValueError("a 'kwb' source needs 'columns'")
        if self.source != "kwb" and not self.column:
            raise ValueError(f"a '{self.source}' source needs 'column'")
        if self.source == "wijkprofiel" and not self.file:
            raise ValueError("a 'wijkprofiel' source needs 'file'")
        if (self.source == "gezondheid") != bool(self.age):
            raise ValueError("'age' is needed for, and only for, a 'gezondheid' source")
        return self

    def column_for(self, style: str, year: int) -> str | list[str] | None:
        """The column (or columns to add up) for a naming style and year, or ``None``."""
        if self.years and not (self.years[0] <= year <= self.years[1]):
            return None
        if self.source != "kwb":
            return self.column if style == self.source else None
        spec = (self.columns or {}).get(style)
        if isinstance(spec, dict):
            if year in spec:
                return spec[year]
            return spec.get(str(year), spec.get("default"))
        return spec


class Indicator(_Frozen):
    """One indicator of the catalogue."""

    key: str
    label: Text
    definition: Text
    theme: Literal["werk", "onderwijs", "wonen", "gezondheid", "veiligheid", "context"]
    unit: Text
    kind: Literal["count", "share", "rate", "mean", "index", "distance"]
    aggregation: Aggregation
    direction: Literal["higher_better", "higher_worse", "neutral"]
    decimals: int = Field(default=0, ge=0, le=3)
    licence: str
    caveats: Text | None = None
    sources: tuple[SourceSpec, ...] = ()
    derive: Derivation | None = None
    reliability: Reliability | None = None

    @field_validator("key")
    @classmethod
    def _slug(cls, key: str) -> str:
        if not KEY_RE.match(key):
            raise ValueError(f"key {key!r} is not a slug (a-z, 0-9, _; starts with a letter)")
        return key

    @model_validator(mode="after")
    def _has_a_source(self) -> Indicator:
        if not self.sources and not self.derive:
            raise ValueError("needs 'sources' or 'derive'")
        return self

    @property
    def higher_is_better(self) -> bool | None:
        return {"higher_better": True, "higher_worse": False}.get(self.direction)

    @property
    def live_only(self) -> bool:
        """True when every source is fetched live (no snapshot file holds it)."""
        return bool(self.sources) and all(s.source == "gezondheid" for s in self.sources)

    def referenced_keys(self) -> set[str]:
        """Indicator keys this one needs (for aggregation or derivation)."""
        refs = {self.aggregation.numerator, self.aggregation.denominator, self.aggregation.weight}
        if self.derive:
            refs |= {self.derive.numerator, self.derive.denominator}
        return {r for r in refs if r}


class Catalogue(_Frozen):
    """All indicators, in file order, with lookups."""

    indicators: tuple[Indicator, ...]
    path: str = ""

    @cached_property
    def by_key(self) -> dict[str, Indicator]:
        return {ind.key: ind for ind in self.indicators}

    def __getitem__(self, key: str) -> Indicator:
        try:
            return self.by_key[key]
        except KeyError:
            raise KeyError(f"unknown indicator {key!r}") from None

    def __contains__(self, key: object) -> bool:
        return key in self.by_key

    def __iter__(self):  # type: ignore[override]
        return iter(self.indicators)

    def __len__(self) -> int:
        return len(self.indicators)

    def quality_text(self, key: str, quality: object, lang: str, long: bool = False) -> str:
        """A value's ``quality`` in words: ``""`` when ok or unknown, else the reason, short
        ("klein aantal") or long, naming the indicator's own rule ("berekend over minder
        dan 100 inwoners 15-64 jaar")."""
        from dashboard.formatting import format_number
        from dashboard.i18n import has_text, t

        if not isinstance(quality, str) or quality == QUALITY_OK:
            return ""
        name = f"quality.{quality}_long" if long else f"quality.{quality}"
        if not has_text(name):
            return quality
        rule = self[key].reliability
        minimum, rounding = (rule.minimum, rule.rounding) if rule else (None, 10)
        den = self.by_key.get(rule.denominator) if rule and rule.denominator else None
        cnt = self.by_key.get(rule.rounded) if rule and rule.rounded else None
        return t(name, lang, minimum=f"{minimum:g}" if minimum else "",
                 denominator=den.label.get(lang).lower() if den else "",
                 count=cnt.label.get(lang).lower() if cnt else "",
                 rounding=rounding, below=(rounding + 1) // 2,
                 width=format_number(rule.wide_margin, lang) if rule and rule.wide_margin else "")

    def reliability_text(self, key: str, lang: str) -> str:
        """The indicator's reliability rule in words (every reason it can give), or ``""``."""
        rule = self[key].reliability
        return " ".join(self.quality_text(key, reason, lang, long=True)
                        for reason in (rule.reasons() if rule else ()))

    def by_theme(self) -> dict[str, list[Indicator]]:
        out: dict[str, list[Indicator]] = {t: [] for t in THEMES}
        for ind in self.indicators:
            out[ind.theme].append(ind)
        return out

    def dependency_order(self) -> list[Indicator]:
        """Indicators ordered so that every derived one comes after what it needs."""
        done: dict[str, Indicator] = {}

        def visit(ind: Indicator, stack: tuple[str, ...]) -> None:
            if ind.key in done:
                return
            if ind.key in stack:
                raise CatalogueError(f"{self.path}: indicator {ind.key!r}: circular reference")
            if ind.derive:
                for ref in (ind.derive.numerator, ind.derive.denominator):
                    visit(self[ref], (*stack, ind.key))
            done[ind.key] = ind

        for ind in self.indicators:
            visit(ind, ())
        return list(done.values())


def _where(entries: list, loc: tuple) -> str:
    if loc and loc[0] == "indicators" and len(loc) > 1 and isinstance(loc[1], int):
        idx = loc[1]
        key = entries[idx].get("key", "?") if isinstance(entries[idx], dict) else "?"
        rest = ".".join(str(p) for p in loc[2:]) or "(entry)"
        return f"entry {idx} ({key!r}), field {rest}"
    return "field " + ".".join(str(p) for p in loc)


def _references(ind: Indicator) -> list[tuple[str, str]]:
    """(field, key) for every indicator key an entry names, so errors can name the field."""
    agg, der, rel = ind.aggregation, ind.derive, ind.reliability
    pairs = [("aggregation.numerator", agg.numerator), ("aggregation.denominator", agg.denominator),
             ("aggregation.weight", agg.weight)]
    if der:
        pairs += [("derive.numerator", der.numerator), ("derive.denominator", der.denominator)]
    if rel:
        pairs += [("reliability.denominator", rel.denominator),
                  ("reliability.rounded", rel.rounded)]
    return [(field, ref) for field, ref in pairs if ref]


def parse_catalogue(raw: object, path: str = "<catalogue>") -> Catalogue:
    """Validate an already-parsed YAML document into a :class:`Catalogue`."""
    if not isinstance(raw, dict) or not isinstance(raw.get("indicators"), list):
        raise CatalogueError(f"{path}: expected a mapping with a list 'indicators'")
    entries = raw["indicators"]
    try:
        cat = Catalogue(indicators=tuple(entries), path=path)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise CatalogueError(f"{path}: {_where(entries, tuple(first['loc']))}: "
                             f"{first['msg']}") from None
    seen: set[str] = set()
    for i, ind in enumerate(cat.indicators):
        if ind.key in seen:
            raise CatalogueError(f"{path}: entry {i} ({ind.key!r}), field key: duplicate key")
        seen.add(ind.key)
    for i, ind in enumerate(cat.indicators):
        for field, ref in _references(ind):
            if ref not in seen:
                raise CatalogueError(f"{path}: entry {i} ({ind.key!r}), field {field}: "
                                     f"refers to unknown indicator {ref!r}")
    cat.dependency_order()
    return cat


def load_catalogue(path: str | Path) -> Catalogue:
    """Read and validate ``indicators.yaml``.

    Raises
    ------
    CatalogueError
        If the file cannot be read or parsed, or an entry is invalid.
    """
    return parse_catalogue(read_yaml(path, CatalogueError), str(path))
