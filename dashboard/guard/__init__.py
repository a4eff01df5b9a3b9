"""What a client sends, parsed into typed, bounded values before any work is done.

``values`` holds the parsers (ASCII-only integers, years, codes, keys, texts without control
characters, bounded lists) as pydantic types; ``props`` says which of them each component
property a callback reads must be; ``http`` applies them at one place, a Flask hook on
Dash's ``/_dash-update-component``, which answers 400 for a malformed body and "no update"
(204) for a value of the wrong type or size, so a callback only ever sees values it can use.
A shared module: imports only ``i18n``, ``ids`` and ``settings``.
"""

from dashboard.guard.values import Refused, ascii_int, clean_text

__all__ = ["Refused", "ascii_int", "clean_text"]
