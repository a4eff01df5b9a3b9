"""Interface strings in Dutch and English, and parsing of the ``lang`` URL parameter.

Texts that come with the data (indicator labels, units) carry their own translations;
this table holds only the words of the interface. Dutch is the default language.
"""

from __future__ import annotations

LANGS = ("nl", "en")
DEFAULT_LANG = "nl"

#: key -> (Dutch, English). Placeholders use ``str.format`` names.
_TEXTS: dict[str, tuple[str, str]] = {
    "app.title": ("Wijkdashboard", "Neighbourhood dashboard"),
    "lang.nav": ("Taal", "Language"),
    "lang.bad": (
        "Onbekende taal ‘{value}’ in de link; de pagina wordt in het {name} getoond.",
        "Unknown language ‘{value}’ in the link; the page is shown in {name}.",
    ),
    "lang.name_nl": ("Nederlands", "Dutch"),
    "lang.name_en": ("Engels", "English"),
    "home.title": ("Wat zit er in de databank", "What the data store holds"),
    "home.intro": (
        "Een overzicht van de gegevens die dit dashboard heeft ingelezen: gebieden, jaren, "
        "indicatoren en bronnen.",
        "An overview of the data this dashboard has loaded: areas, years, indicators "
        "and sources.",
    ),
    "home.built_at": ("Databank gebouwd op {date}.", "Store built on {date}."),
    "home.n_observations": ("Aantal waarnemingen: {n}.", "Number of observations: {n}."),
    "home.gemeenten": ("Gemeenten", "Municipalities"),
    "home.levels": ("Gebiedsniveaus", "Area levels"),
    "home.level": ("Niveau", "Level"),
    "home.n_areas": ("Aantal gebieden", "Number of areas"),
    "home.years": ("Jaren", "Years"),
    "home.n_years": ("{ranges} ({n} jaar)", "{ranges} ({n} years)"),
    "home.n_years_one": ("{ranges} (1 jaar)", "{ranges} (1 year)"),
    "home.indicators": ("Indicatoren per thema", "Indicators by theme"),
    "home.n_indicators": ("{n} indicatoren", "{n} indicators"),
    "home.n_indicators_one": ("1 indicator", "1 indicator"),
    "home.no_indicators": ("Geen indicatoren in dit thema.", "No indicators in this theme."),
    "home.indicator": ("Indicator", "Indicator"),
    "home.unit": ("Eenheid", "Unit"),
    "home.source": ("Bron", "Source"),
    "home.computed": ("berekend", "computed"),
    "home.benchmark": (
        "Ter vergelijking bevat de databank ook cijfers van {n} gemeenten als geheel.",
        "For comparison the store also holds figures for {n} municipalities as a whole.",
    ),
    "home.counts": ("Waarnemingen per niveau en jaar", "Observations by level and year"),
    "home.counts_note": (
        "Aantal waarden met status ‘ok’ (niet geheim, niet ontbrekend), over alle indicatoren.",
        "Number of values with status ‘ok’ (not suppressed, not missing), over all indicators.",
    ),
    "home.year": ("Jaar", "Year"),
    "home.sources": ("Bronnen", "Sources"),
    "home.source_title": ("Titel", "Title"),
    "home.publisher": ("Uitgever", "Publisher"),
    "home.table": ("Tabel", "Table"),
    "home.retrieved": ("Opgehaald", "Retrieved"),
    "home.licence": ("Licentie en bronvermelding", "Licence and credit"),
    "home.none": ("Geen gegevens.", "No data."),
    "licence.unstated": ("licentie niet vermeld", "licence not stated"),
    "level.gemeente": ("Gemeente", "Municipality"),
    "level.wijk": ("Wijk", "District"),
    "level.buurt": ("Buurt", "Neighbourhood"),
    "level.custom": ("Eigen gebied", "Custom area"),
    "theme.werk": ("Werk en inkomen", "Work and income"),
    "theme.onderwijs": ("Onderwijs", "Education"),
    "theme.wonen": ("Wonen", "Housing"),
    "theme.gezondheid": ("Gezondheid", "Health"),
    "theme.veiligheid": ("Veiligheid", "Safety"),
    "theme.context": ("Bevolking en context", "Population and context"),
    "nostore.title": ("Nog geen databank", "No data store yet"),
    "nostore.body": (
        "Er is geen gebouwde databank gevonden in {path}.",
        "No built data store was found at {path}.",
    ),
    "nostore.howto": (
        "Bouw de databank vanuit de projectmap met:",
        "Build the store from the project folder with:",
    ),
    "nostore.detail": ("Technische melding: {detail}", "Technical message: {detail}"),
}


def normalise_lang(lang: str | None) -> str:
    """Return ``lang`` if it is a supported language, else the default (Dutch).

    Parameters
    ----------
    lang : str or None
        A language code such as ``"en"``.

    Returns
    -------
    str
        ``"nl"`` or ``"en"``.
    """
    return lang if lang in LANGS else DEFAULT_LANG


def t(key: str, lang: str | None, **values: object) -> str:
    """Translate an interface string.

    Parameters
    ----------
    key : str
        A key of the string table, e.g. ``"home.title"``.
    lang : str or None
        ``"nl"`` or ``"en"``; anything else falls back to Dutch.
    **values
        Values for the placeholders in the text.

    Returns
    -------
    str
        The text in the requested language.

    Raises
    ------
    KeyError
        If ``key`` is not in the table (a programming error, caught by the tests).
    """
    nl, en = _TEXTS[key]
    text = en if normalise_lang(lang) == "en" else nl
    return text.format(**values) if values else text


def has_text(key: str) -> bool:
    """Return whether ``key`` is in the string table."""
    return key in _TEXTS


def keys() -> list[str]:
    """Return all keys of the string table, sorted."""
    return sorted(_TEXTS)


def label_or_key(prefix: str, key: str, lang: str | None) -> str:
    """Translate ``prefix.key`` when known, else return ``key`` itself.

    Used for names that come from the data (themes, area levels), so a new theme in
    the catalogue shows up under its own key instead of breaking the page.

    Parameters
    ----------
    prefix : str
        Table prefix, e.g. ``"theme"`` or ``"level"``.
    key : str
        The key from the data, e.g. ``"werk"``.
    lang : str or None
        ``"nl"`` or ``"en"``.

    Returns
    -------
    str
        The translated label, or ``key``.
    """
    full = f"{prefix}.{key}"
    return t(full, lang) if has_text(full) else key


def parse_lang(value: object, default: str = DEFAULT_LANG) -> tuple[str, str | None]:
    """Read the ``lang`` URL parameter.

    Parameters
    ----------
    value : object
        The raw parameter: ``None`` when absent, a string, or a list when the parameter
        is repeated (the first one counts).
    default : str
        Language when the parameter is absent or invalid.

    Returns
    -------
    tuple of (str, str or None)
        The language to use, and a notice for the user when the value was not
        understood (in both languages, since we cannot know which one they read).
    """
    default = normalise_lang(default)
    if isinstance(value, list | tuple):
        value = value[0] if value else None
    if value is None or value == "":
        return default, None
    text = str(value).strip().lower()
    if text in LANGS:
        return text, None
    shown = str(value)[:20]
    notice = " ".join(
        t("lang.bad", code, value=shown, name=t(f"lang.name_{default}", code)) for code in LANGS
    )
    return default, notice
