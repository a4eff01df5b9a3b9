"""Ids of comparing areas side by side and the indicator documentation page (``indicators-…``)."""

COMPARE_PAGE = "compare-page"
COMPARE_LANG = "compare-lang"
COMPARE_NOTICES = "compare-notices"
COMPARE_AREAS = "compare-areas"
COMPARE_INDICATORS = "compare-indicators"
COMPARE_TABLE = "compare-table"
COMPARE_TRENDS = "compare-trends"
COMPARE_TOOLKIT = "compare-toolkit"
COMPARE_QUERY = "compare-query"
COMPARE_URL_SYNC = "compare-url-sync"

INDICATORS_PAGE = "indicators-page"
INDICATORS_CONTENTS = "indicators-contents"


def indicators_entry(key: str) -> str:
    """Return the id of one indicator's entry on the documentation page.

    Parameters
    ----------
    key : str
        A catalogue key, e.g. ``"bijstand"`` (slug-safe by the catalogue's rules).

    Returns
    -------
    str
        E.g. ``"indicators-entry-bijstand"`` (underscores become hyphens), a link target.
    """
    return "indicators-entry-" + str(key).replace("_", "-")
