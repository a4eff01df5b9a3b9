"""Ids of project activities: the projects page (``projects-…``) and the projects layer on
the explorer map (``projects-map-…``). Ids of list items come from the builders below."""

# --- projects layer on the explorer ------------------------------------------------------
PROJECTS_MAP_BLOCK = "projects-map-block"
PROJECTS_MAP_PILLARS = "projects-map-pillars"
PROJECTS_MAP_SELECTED = "projects-map-selected"
PROJECTS_MAP_LIST = "projects-map-list"
PROJECTS_MAP_PANEL = "projects-map-panel"
PROJECTS_MAP_CLEAR = "projects-map-clear"
PROJECTS_MAP_HOVER = "projects-map-hover"  # the project under the pointer or focus in the list
PROJECTS_MAP_ITEM = "projects-map-item"  # pattern type of a project button in the list

# --- projects page -----------------------------------------------------------------------
PROJECTS_PAGE = "projects-page"
PROJECTS_LANG = "projects-lang"
PROJECTS_NOTICES = "projects-notices"
PROJECTS_PILLARS = "projects-pillars"
PROJECTS_YEAR_FROM = "projects-year-from"
PROJECTS_YEAR_TO = "projects-year-to"
PROJECTS_AREA = "projects-area"
PROJECTS_ORGANISATION = "projects-organisation"
PROJECTS_SELECTED = "projects-selected"
PROJECTS_LIST = "projects-list"
PROJECTS_PANEL = "projects-panel"
PROJECTS_AROUND = "projects-around"
PROJECTS_AROUND_INDICATOR = "projects-around-indicator"
PROJECTS_AROUND_GRAPH = "projects-around-graph"
PROJECTS_AROUND_TEXT = "projects-around-text"
PROJECTS_AROUND_SOURCE = "projects-around-source"
PROJECTS_ITEM = "projects-item"  # pattern type of a project button in the table
PROJECTS_UPLOAD = "projects-upload"
PROJECTS_UPLOAD_RESULT = "projects-upload-result"
PROJECTS_TEMPLATE = "projects-template"
PROJECTS_EXPORT_CSV = "projects-export-csv"
PROJECTS_EXPORT_GEOJSON = "projects-export-geojson"
PROJECTS_DOWNLOAD = "projects-download"
PROJECTS_EXPORT_HISTORY = "projects-export-history"
PROJECTS_UPLOAD_LOCKED = "projects-upload-locked"
PROJECTS_DATA_VERSION = "projects-data-version"
PROJECTS_PAGER = "projects-pager"
PROJECTS_PAGE_NO = "projects-page-no"
PROJECTS_PAGE_PREV = "projects-page-prev"
PROJECTS_PAGE_NEXT = "projects-page-next"
PROJECTS_PAGE_STATUS = "projects-page-status"


def map_item(key: str) -> dict:
    """Return the id of a project's button in the explorer's projects list.

    Parameters
    ----------
    key : str
        The project's key.

    Returns
    -------
    dict
        ``{"type": "projects-map-item", "key": key}`` (a pattern-matching id).
    """
    return {"type": PROJECTS_MAP_ITEM, "key": key}


def page_item(key: str) -> dict:
    """Return the id of a project's button in the projects page's table.

    Parameters
    ----------
    key : str
        The project's key.

    Returns
    -------
    dict
        ``{"type": "projects-item", "key": key}`` (a pattern-matching id).
    """
    return {"type": PROJECTS_ITEM, "key": key}
