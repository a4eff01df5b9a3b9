"""Driving the pages' Mantine controls (dashboard/controls) in a browser, as a person does.

A select's id is on its text box: typing filters the options and Enter takes the first
match (``selectFirstOptionOnChange``), and the box then shows the chosen option's label.
"""

from __future__ import annotations


def choose(page, cid: str, search: str, text: str) -> None:
    """Type ``search`` into select ``cid``, check that ``text`` is the one match, take it."""
    from playwright.sync_api import expect

    box = page.locator(f"#{cid}")
    box.fill(search)
    expect(page.get_by_role("listbox").get_by_role("option")).to_have_text([text])
    box.press("Enter")
    expect(box).to_have_value(text)
