"""Ids of the NPRZ targets tracker (page /doelen)."""

import re as _re

TARGETS_PAGE = "targets-page"
TARGETS_LANG = "targets-lang"
TARGETS_LANG_SWITCH = "targets-lang-switch"
TARGETS_LOCATION = "targets-location"
TARGETS_NOTICES = "targets-notices"
TARGETS_PILLARS = "targets-pillars"

# --- detail chart ------------------------------------------------------------------------
TARGETS_DETAIL = "targets-detail"
TARGETS_DETAIL_SELECT = "targets-detail-select"
TARGETS_DETAIL_GRAPH = "targets-detail-graph"
TARGETS_DETAIL_TEXT = "targets-detail-text"
TARGETS_DETAIL_WHY = "targets-detail-why"

# --- focus-wijk matrix and status table --------------------------------------------------
TARGETS_MATRIX = "targets-matrix"
TARGETS_TABLE = "targets-table"
TARGETS_EXPORT_CSV = "targets-export-csv"
TARGETS_EXPORT_XLSX = "targets-export-xlsx"
TARGETS_DOWNLOAD = "targets-download"
TARGETS_EXPORT_HISTORY = "targets-export-history"

# --- add / edit form ---------------------------------------------------------------------
TARGETS_FORM = "targets-form"
TARGETS_FORM_EDIT = "targets-form-edit"
TARGETS_FORM_KEY = "targets-form-key"
TARGETS_FORM_PILLAR = "targets-form-pillar"
TARGETS_FORM_INDICATOR = "targets-form-indicator"
TARGETS_FORM_AREA = "targets-form-area"
TARGETS_FORM_RULE = "targets-form-rule"
TARGETS_FORM_FIXED_VALUE = "targets-form-fixed-value"
TARGETS_FORM_BASELINE_YEAR = "targets-form-baseline-year"
TARGETS_FORM_TARGET_YEAR = "targets-form-target-year"
TARGETS_FORM_TEXT_NL = "targets-form-text-nl"
TARGETS_FORM_TEXT_EN = "targets-form-text-en"
TARGETS_FORM_SAVE = "targets-form-save"
TARGETS_FORM_DELETE = "targets-form-delete"
TARGETS_FORM_MESSAGE = "targets-form-message"
TARGETS_FORM_LOCKED = "targets-form-locked"

#: Form field name (see dashboard.targets.model.FIELDS) -> input id, in form order.
TARGETS_FORM_FIELDS = {
    "key": TARGETS_FORM_KEY, "pillar": TARGETS_FORM_PILLAR,
    "indicator": TARGETS_FORM_INDICATOR, "area": TARGETS_FORM_AREA, "rule": TARGETS_FORM_RULE,
    "fixed_value": TARGETS_FORM_FIXED_VALUE, "baseline_year": TARGETS_FORM_BASELINE_YEAR,
    "target_year": TARGETS_FORM_TARGET_YEAR, "text_nl": TARGETS_FORM_TEXT_NL,
    "text_en": TARGETS_FORM_TEXT_EN,
}

#: Type of the pattern-matching "show chart" buttons on the cards.
TARGETS_SHOW = "targets-show"


def _part(text: str) -> str:
    part = _re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")
    if not part:
        raise ValueError(f"cannot make an id part from {text!r}")
    return part


def targets_show(key: str) -> dict:
    """Pattern-matching id of the "show chart" button of target ``key``."""
    return {"type": TARGETS_SHOW, "key": key}


def targets_pillar(pillar: str) -> str:
    """Id of one pillar's section, e.g. ``targets-pillar-werk``."""
    return f"targets-pillar-{_part(pillar)}"


def targets_card(key: str) -> str:
    """Id of one target's card, e.g. ``targets-card-werk-bijstand``."""
    return f"targets-card-{_part(key)}"
