"""Interface texts of the targets page (key -> (Dutch, English))."""

TEXTS: dict[str, tuple[str, str]] = {}
