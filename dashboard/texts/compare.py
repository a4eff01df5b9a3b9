"""Interface texts of the compare page (key -> (Dutch, English))."""

TEXTS: dict[str, tuple[str, str]] = {}
