"""Interface texts of the profile page (key -> (Dutch, English))."""

TEXTS: dict[str, tuple[str, str]] = {
    "profile.title": ("Gebiedsprofiel", "Area profile"),
}
