"""What each component property a server callback reads may hold, as a pydantic type.

Keyed by ``(component id, property)``; a pattern-matching id by its ``type``. The page
router's location (Dash's own component) is included. ``tests/integration`` checks that
every input and state of every registered callback has an entry, so a new callback cannot
skip validation.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any

from pydantic import Field, TypeAdapter, ValidationError

from dashboard import ids
from dashboard.guard.values import (
    Click,
    Clicks,
    Code,
    Codes,
    Counter,
    FormInt,
    FormNumber,
    Key,
    Keys,
    Lang,
    PlotlyClick,
    Refused,
    Text,
    Year,
)

#: Dash's page router (``dash.page_container``): its location component's id.
ROUTER_LOCATION = "_pages_location"
#: A URL as the router sees it. Long on purpose: pages answer an over-long parameter with a
#: notice naming it (tests/integration/test_bad_inputs.py), so it must reach them.
URL_PATH = Annotated[Text(1_000_000), Field(pattern=r"^/")]
URL_SEARCH = Annotated[Text(1_000_000), Field(pattern=r"^(?:\?|$)")]
#: An uploaded file as a data URL: twice the accepted size (dcc.Upload's own cap), base64.
UPLOAD_CONTENTS = Text(4 * 2 * 1024 * 1024 * 4 // 3 + 1000)

_F = ids.TARGETS_FORM_FIELDS
#: (id or pattern type, property) -> type of the value (None is allowed, except NOT_NULL).
PROPS: dict[tuple[str, str], Any] = {
    (ROUTER_LOCATION, "pathname"): URL_PATH,
    (ROUTER_LOCATION, "search"): URL_SEARCH,
    # explorer
    (ids.EXPLORER_INDICATOR, "value"): Key,
    (ids.EXPLORER_INDICATOR2, "value"): Key,
    (ids.EXPLORER_YEAR, "value"): Year,
    (ids.EXPLORER_LEVEL, "value"): Key,
    (ids.EXPLORER_AREA, "value"): Code,
    (ids.EXPLORER_SCALE, "value"): Key,
    (ids.EXPLORER_SELECTION, "data"): Codes(20),
    (ids.EXPLORER_PICK, "value"): Codes(20),
    (ids.EXPLORER_CLICK, "data"): Click,
    (ids.EXPLORER_CLEAR, "n_clicks"): Clicks,
    (ids.EXPLORER_MAP, "clickData"): PlotlyClick,
    (ids.EXPLORER_TABLE_SORT, "value"): Key,
    (ids.EXPLORER_QUERY, "data"): Text(4000),
    (ids.EXPLORER_LANG, "data"): Lang,
    (ids.EXPLORER_SEARCH, "searchValue"): Text(200),
    (ids.EXPLORER_SEARCH, "value"): Text(200),
    (ids.EXPLORER_SEARCH, "data"): Annotated[list[dict[str, Any]], Field(max_length=500)],
    # the map's own focus record (written by a callback, not typed in); not narrowed yet
    (ids.EXPLORER_FOCUS, "data"): Any,
    # compare
    (ids.COMPARE_AREAS, "value"): Codes(20),
    (ids.COMPARE_INDICATORS, "value"): Keys(20),
    (ids.COMPARE_LANG, "data"): Lang,
    # profile
    (ids.PROFILE_PICKER, "value"): Code,
    (ids.PROFILE_LANG, "data"): Lang,
    # projects: the explorer's layer and the page
    (ids.PROJECTS_MAP_PILLARS, "value"): Keys(10),
    (ids.PROJECTS_MAP_SELECTED, "data"): Key,
    (ids.PROJECTS_MAP_HOVER, "data"): Key,
    (ids.PROJECTS_MAP_CLEAR, "n_clicks"): Clicks,
    (ids.PROJECTS_MAP_ITEM, "n_clicks"): Clicks,
    (ids.PROJECTS_ITEM, "n_clicks"): Clicks,
    (ids.PROJECTS_PILLARS, "value"): Keys(10),
    (ids.PROJECTS_YEAR_FROM, "value"): Year,
    (ids.PROJECTS_YEAR_TO, "value"): Year,
    (ids.PROJECTS_AREA, "value"): Code,
    (ids.PROJECTS_ORGANISATION, "value"): Text(300),
    (ids.PROJECTS_SELECTED, "data"): Key,
    (ids.PROJECTS_DATA_VERSION, "data"): Counter,
    (ids.PROJECTS_PAGE_NO, "data"): Counter,
    (ids.PROJECTS_PAGE_PREV, "n_clicks"): Clicks,
    (ids.PROJECTS_PAGE_NEXT, "n_clicks"): Clicks,
    (ids.PROJECTS_AROUND_INDICATOR, "value"): Key,
    (ids.PROJECTS_UPLOAD, "contents"): UPLOAD_CONTENTS,
    (ids.PROJECTS_UPLOAD, "filename"): Text(300),
    (ids.PROJECTS_TEMPLATE, "n_clicks"): Clicks,
    (ids.PROJECTS_EXPORT_CSV, "n_clicks"): Clicks,
    (ids.PROJECTS_EXPORT_GEOJSON, "n_clicks"): Clicks,
    (ids.PROJECTS_EXPORT_HISTORY, "n_clicks"): Clicks,
    (ids.PROJECTS_LANG, "data"): Lang,
    # targets
    (ids.TARGETS_DETAIL_SELECT, "value"): Key,
    (ids.TARGETS_SHOW, "n_clicks"): Clicks,
    (ids.TARGETS_FORM_EDIT, "value"): Key,
    (ids.TARGETS_FORM_SAVE, "n_clicks"): Clicks,
    (ids.TARGETS_FORM_DELETE, "n_clicks"): Clicks,
    (_F["key"], "value"): Text(200),
    (_F["pillar"], "value"): Key,
    (_F["indicator"], "value"): Key,
    (_F["area"], "value"): Text(200),
    (_F["rule"], "value"): Key,
    (_F["fixed_value"], "value"): FormNumber,
    (_F["baseline_year"], "value"): FormInt,
    (_F["target_year"], "value"): FormInt,
    (_F["text_nl"], "value"): Text(10_000, lines=True),
    (_F["text_en"], "value"): Text(10_000, lines=True),
    (ids.TARGETS_EXPORT_CSV, "n_clicks"): Clicks,
    (ids.TARGETS_EXPORT_XLSX, "n_clicks"): Clicks,
    (ids.TARGETS_EXPORT_HISTORY, "n_clicks"): Clicks,
    (ids.TARGETS_LANG, "data"): Lang,
}


#: Properties that are never None (Dash's router fails on a location without a path).
NOT_NULL = {(ROUTER_LOCATION, "pathname"), (ROUTER_LOCATION, "search")}


def spec_key(component_id: object, prop: str) -> tuple[str, str]:
    """The :data:`PROPS` key of a component id (a string, or a pattern id's ``type``)."""
    if isinstance(component_id, dict):
        return str(component_id.get("type")), prop
    return str(component_id), prop


@cache
def _adapter(key: tuple[str, str]) -> TypeAdapter:
    return TypeAdapter(PROPS[key] if key in NOT_NULL else PROPS[key] | None)


def known(component_id: object, prop: str) -> bool:
    """Whether :data:`PROPS` says what ``component_id.prop`` may hold."""
    return spec_key(component_id, prop) in PROPS


def parse_prop(component_id: object, prop: str, value: object) -> object:
    """``value`` parsed as the type of ``component_id.prop``.

    Raises
    ------
    Refused
        If the value is not of that type or outside its bounds, or the property is unknown.
    """
    key = spec_key(component_id, prop)
    if key not in PROPS:
        raise Refused(f"no type for {key[0][:60]}.{key[1][:30]}")
    try:
        return _adapter(key).validate_python(value)
    except ValidationError as exc:
        first = exc.errors(include_input=False)[0]
        raise Refused(f"{key[0]}.{key[1]}: {first['msg']}") from None
