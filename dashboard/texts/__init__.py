"""Interface texts of the pages after the explorer, one module per page.

Each module defines ``TEXTS: dict[str, tuple[str, str]]`` (key -> (Dutch, English)),
with keys prefixed by its page (``targets.…``). ``dashboard.i18n`` merges them into one
table and refuses a key defined twice.
"""
