"""The control builders (see the package's docstring)."""

from __future__ import annotations

from collections.abc import Iterable

import dash_mantine_components as dmc

#: The open list of options: a shadow sets it apart from the page.
_COMBOBOX = {"shadow": "md"}


def _value(value: object) -> str | None:
    return None if value is None else str(value)


def choice_data(options: Iterable) -> list[dict]:
    """Mantine's ``data`` from Dash-style options (dicts, or plain values as their own label).

    Parameters
    ----------
    options : iterable
        ``{"label": …, "value": …}`` dicts, optionally with a ``title`` (a tooltip, shown by
        ``renderOption={"function": "zuidOptionTitle"}``; other keys are dropped), or plain
        values.

    Returns
    -------
    list of dict
        ``{"value": str, "label": str}`` (and ``title``), in the given order.
    """
    out = []
    for option in options:
        if isinstance(option, dict):
            item = {"value": str(option["value"]), "label": str(option["label"])}
            if option.get("title"):
                item["title"] = str(option["title"])
            out.append(item)
        else:
            out.append({"value": str(option), "label": str(option)})
    return out


def select(cid: str, label: str, options: Iterable, value: object = None, *,
           clearable: bool = False, searchable: bool = True, placeholder: str | None = None,
           **extra) -> dmc.Select:
    """A labelled single choice, filtered by typing (``searchable``; Enter takes the first
    match).

    Parameters
    ----------
    cid : str
        Component id (from ``dashboard.ids``).
    label : str
        The visible label, which is also the control's accessible name.
    options : iterable
        See :func:`choice_data`.
    value : object, optional
        The chosen value (turned into a string).
    clearable : bool
        Whether "no choice" is allowed.
    searchable : bool
        Whether typing filters the options.
    placeholder : str, optional
        Shown when nothing is chosen.
    **extra
        Other ``dmc.Select`` properties.
    """
    return dmc.Select(id=cid, label=label, data=choice_data(options), value=_value(value),
                      clearable=clearable, allowDeselect=clearable, searchable=searchable,
                      selectFirstOptionOnChange=searchable, placeholder=placeholder,
                      comboboxProps=_COMBOBOX, className="control",
                      **extra)


def multi_select(cid: str, label: str, options: Iterable, value: Iterable = (), *,
                 max_values: int | None = None, placeholder: str | None = None,
                 **extra) -> dmc.MultiSelect:
    """A labelled choice of several options, filtered by typing."""
    limit = {"maxValues": max_values} if max_values else {}
    return dmc.MultiSelect(id=cid, label=label, data=choice_data(options),
                           value=[str(v) for v in value], searchable=True, clearable=True,
                           selectFirstOptionOnChange=True, placeholder=placeholder,
                           comboboxProps=_COMBOBOX,
                           className="control", **limit, **extra)


def radio_group(cid: str, label: str, options: Iterable[dict], value: object) -> dmc.RadioGroup:
    """Radio buttons named as a group by ``label``, side by side where they fit."""
    radios = [dmc.Radio(label=o["label"], value=str(o["value"])) for o in options]
    return dmc.RadioGroup(dmc.Group(radios, gap="md", mt=4), id=cid, label=label,
                          value=_value(value), className="control")


def checkbox_group(cid: str, label: str, options: Iterable[dict], value: Iterable
                   ) -> dmc.CheckboxGroup:
    """Checkboxes named as a group by ``label``; ``value`` is the list of ticked values.

    An option's label may be a component (e.g. a colour swatch and a name).
    """
    boxes = [dmc.Checkbox(label=o["label"], value=str(o["value"])) for o in options]
    return dmc.CheckboxGroup(dmc.Group(boxes, gap="md", mt=4), id=cid, label=label,
                             value=[str(v) for v in value], className="control")


def checkbox(cid: str, label: str, checked: bool = False) -> dmc.Checkbox:
    """One labelled checkbox; its state is the ``checked`` property."""
    return dmc.Checkbox(id=cid, label=label, checked=checked, className="control")
