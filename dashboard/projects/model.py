"""What a programme or project activity is: its fields, period and pillar, validated (the
registry in ``data/projects.yaml`` and uploaded activities share this model).

A project's period is as precise as its source: ``"2019"``, ``"2015-05"`` or
``"2017-10-03"``; a start of ``"2019"`` means from 1 January 2019, an end of ``"2023"`` up to
31 December 2023. Projects without a known period are never hidden by a year filter (they
are marked "period unknown" instead), so nothing vanishes silently.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

#: EMI's programme pillars; ``gezondheid`` is "welzijn & gezondheid". Each equals the
#: catalogue theme whose indicators are shown "around" a project.
PILLARS = ("onderwijs", "werk", "wonen", "gezondheid")
#: Filter value for projects whose source ties them to no single pillar.
NO_PILLAR = "geen"
#: Marker colours per pillar (Okabe-Ito, colour-blind safe), grey for no pillar.
PILLAR_COLOURS = {"onderwijs": "#0072b2", "werk": "#d55e00", "wonen": "#009e73",
                  "gezondheid": "#cc79a7", NO_PILLAR: "#666666"}
KEY_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
PERIOD_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
CODE_RE = re.compile(r"^[A-Z0-9]{2,12}$")


class ProjectsError(ValueError):
    """projects.yaml is malformed; the message names the file, entry and field."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Text(_Frozen):
    nl: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" and self.en else self.nl


class Point(_Frozen):
    """A place of an activity: coordinates (WGS84) or a postcode-4 area."""

    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    postcode: str | None = Field(default=None, pattern=r"^\d{4}$")


class Project(_Frozen):
    """A programme of the registry or an uploaded activity."""

    key: str
    name: str = Field(min_length=1, max_length=300)
    organisations: tuple[str, ...] = ()
    pillar: Literal["onderwijs", "werk", "wonen", "gezondheid"] | None = None
    summary: Text
    start: str | None = None
    end: str | None = None
    areas: tuple[str, ...] = ()
    points: tuple[Point, ...] = ()
    area_note: Text | None = None
    target_group: Text | None = None
    source: str = Field(min_length=1)  # the seed page's file (metadata, exports)
    source_title: str | None = Field(default=None, max_length=300)  # the page's own title
    source_publisher: str | None = Field(default=None, max_length=300)
    origin: Literal["registry", "upload"] = "registry"
    project: str | None = None  # the programme an uploaded activity belongs to

    @field_validator("key")
    @classmethod
    def _slug(cls, key: str) -> str:
        if not KEY_RE.match(key):
            raise ValueError(f"key {key!r} is not a slug (a-z, 0-9, -)")
        return key

    @field_validator("start", "end", mode="before")
    @classmethod
    def _period(cls, value: object) -> object:
        if value is None:
            return None
        text = str(value)
        if not PERIOD_RE.match(text) or period_bounds(text) is None:
            raise ValueError(f"{text!r} is not a date like 2019, 2019-05 or 2019-05-31")
        return text

    @field_validator("areas")
    @classmethod
    def _codes(cls, codes: tuple[str, ...]) -> tuple[str, ...]:
        bad = [c for c in codes if not CODE_RE.match(c)]
        if bad:
            raise ValueError(f"not area codes: {', '.join(bad)}")
        return codes

    @property
    def pillar_key(self) -> str:
        return self.pillar or NO_PILLAR

    @property
    def source_text(self) -> str:
        """The source as a reader knows it: the page's title and publisher (the file name
        only when nothing else is known, as for uploads)."""
        if not self.source_title:
            return self.source
        if self.source_publisher and self.source_publisher not in self.source_title:
            return f"{self.source_title} ({self.source_publisher})"
        return self.source_title

    def period(self) -> tuple[date | None, date | None]:
        """First and last day of the period (None where the source gives none)."""
        start = period_bounds(self.start)[0] if self.start else None
        end = period_bounds(self.end)[1] if self.end else None
        return start, end

    def active_between(self, first: int | None, last: int | None = None) -> bool:
        """Whether the period overlaps the years ``first``..``last`` (one year without
        ``last``); True without ``first`` or a known start. Work is the same for any span."""
        start, end = self.period()
        if first is None or start is None:
            return True
        last = first if last is None else last
        return start.year <= last and (end is None or end.year >= first)

    def active_in(self, year: int | None) -> bool:
        """Whether the period overlaps ``year``; True without a year or a known start."""
        start, end = self.period()
        if year is None or start is None:
            return True
        return start.year <= year and (end is None or end.year >= year)


def period_bounds(text: str) -> tuple[date, date] | None:
    """First and last day meant by ``"2019"``, ``"2019-05"`` or ``"2019-05-31"``."""
    try:
        parts = [int(p) for p in str(text).split("-")]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
        day = date(parts[0], parts[1], parts[2])
        return day, day
    except (ValueError, IndexError):
        return None


def _where(entries: list, loc: tuple) -> str:
    i = loc[0] if loc and isinstance(loc[0], int) else None
    key = entries[i].get("key", "?") if i is not None and isinstance(entries[i], dict) else "?"
    field = ".".join(str(p) for p in loc[1:]) or "entry"
    return f"entry {i} ({key!r}), field {field}"


def parse_projects(raw: object, path: str = "<projects>") -> tuple[Project, ...]:
    """Validate an already-parsed projects.yaml document.

    Raises
    ------
    ProjectsError
        Naming the file, the entry and the field that is wrong.
    """
    if not isinstance(raw, dict) or not isinstance(raw.get("projects"), list):
        raise ProjectsError(f"{path}: expected a mapping with a list 'projects'")
    entries = raw["projects"]
    out: list[Project] = []
    for i, entry in enumerate(entries):
        try:
            project = Project.model_validate(entry)
        except ValidationError as exc:
            first = exc.errors()[0]
            raise ProjectsError(f"{path}: {_where(entries, (i, *first['loc']))}: "
                                f"{first['msg']}") from None
        if project.origin != "registry":
            raise ProjectsError(f"{path}: {_where(entries, (i, 'origin'))}: must be 'registry'")
        start, end = project.period()
        if start and end and end < start:
            raise ProjectsError(f"{path}: {_where(entries, (i, 'end'))}: before the start")
        if any(p.key == project.key for p in out):
            raise ProjectsError(f"{path}: {_where(entries, (i, 'key'))}: duplicate key")
        out.append(project)
    return tuple(out)
