"""Driving the pages' Mantine controls (dashboard/controls) in a browser, as a person does.

A select's id is on its text box: typing filters the options and Enter takes the first
match (``selectFirstOptionOnChange``, once Mantine has highlighted it), and the box then
shows the chosen option's label. A radio group's id is not in the page: find it by its label.
"""

from __future__ import annotations


def choose(page, cid: str, search: str, text: str) -> None:
    """Type ``search`` into select ``cid``, check that ``text`` is the one match, take it."""
    from playwright.sync_api import expect

    box = page.locator(f"#{cid}")
    # Open it first, as a person does: text filled into a closed select sometimes left
    # its list unfiltered (no option, or none taken by Enter).
    box.click()
    box.fill(search)
    options = page.get_by_role("listbox").get_by_role("option")
    expect(options).to_have_text([text])
    expect(options).to_have_attribute("data-combobox-selected", "true")
    box.press("Enter")
    expect(box).to_have_value(text)


def radio(page, group: str, name: str):
    """The radio button ``name`` in the radio group labelled ``group``."""
    return page.get_by_role("radiogroup", name=group).get_by_role("radio", name=name)
