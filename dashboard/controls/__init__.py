"""Form controls that pass axe-core: labelled selects, multi-selects, radio and checkbox groups.

Dash 4's own ``dcc.Dropdown``, ``dcc.RadioItems`` and ``dcc.Checklist`` fail axe-core
(a focusable input inside ``aria-hidden``, a button name that hides the label, radio and
checkbox lists read as unnamed listboxes with nested interactive elements). Mantine's
components (dash-mantine-components) name each control by its ``label``, filter options as
one types, and group radios and checkboxes under their label; these builders take the
options as the pages already write them (``{"label": …, "value": …}``). Mantine's values
are strings, so a number option (a year) comes back as a string.

Imports only shared modules; pages and feature packages use it.
"""

from dashboard.controls.fields import (
    checkbox,
    checkbox_group,
    choice_data,
    multi_select,
    radio_group,
    select,
)

__all__ = ["checkbox", "checkbox_group", "choice_data", "multi_select", "radio_group", "select"]
