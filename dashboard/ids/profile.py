"""Ids of area profiles, and of the explorer's download-and-reproduce section (built by
the same work; its constants live here so that core.py stays the explorer's own)."""

PROFILE_PAGE = "profile-page"
PROFILE_LANG = "profile-lang"
PROFILE_PRINT = "profile-print"
PROFILE_PICKER = "profile-picker"
PROFILE_OPEN = "profile-open"
PROFILE_FIGURES = "profile-figures"
PROFILE_BRIEFING = "profile-briefing"
PROFILE_INDICES = "profile-indices"
PROFILE_PROJECTS = "profile-projects"
PROFILE_NOTES = "profile-notes"
PROFILE_TOOLKIT = "profile-toolkit"

# --- explorer: downloads, compare/profile links and the "reproduce this view" snippet -----
EXPLORER_TOOLKIT = "explorer-toolkit"
EXPLORER_TOOLKIT_LINKS = "explorer-toolkit-links"


def explorer_download(fmt: str) -> str:
    """Return the id of the explorer's download link for one file format.

    Parameters
    ----------
    fmt : str
        A format of ``dashboard.exports.downloads.FORMATS["explorer"]``, e.g. ``"csv"``.

    Returns
    -------
    str
        E.g. ``"explorer-download-csv"``.
    """
    return "explorer-download-" + "".join(c for c in str(fmt).lower() if c.isalnum())
