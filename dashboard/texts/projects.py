"""Interface texts of the projects page (key -> (Dutch, English))."""

TEXTS: dict[str, tuple[str, str]] = {}
