"""Interface strings in Dutch and English, and parsing of the ``lang`` URL parameter.

Texts that come with the data (indicator labels, units) carry their own translations;
this table holds only the words of the interface. Dutch is the default language.
"""

from __future__ import annotations

LANGS = ("nl", "en")
DEFAULT_LANG = "nl"

#: key -> (Dutch, English). Placeholders use ``str.format`` names.
_TEXTS: dict[str, tuple[str, str]] = {
    # --- navigation ---------------------------------------------------------------------
    "nav.label": ("Hoofdmenu", "Main menu"),
    "nav.explorer": ("Verkenner", "Explorer"),
    "nav.data": ("Over de data", "About the data"),
    "nav.targets": ("Doelen NPRZ", "NPRZ targets"),
    "nav.projects": ("Projecten", "Projects"),
    "nav.compare": ("Vergelijken", "Compare"),
    "nav.indicators": ("Indicatoren", "Indicators"),
    "nav.data_as_of": ("Gegevens van {date}", "Data as of {date}"),
    "lang.switch_en": ("English", "English"),
    "lang.switch_nl": ("Nederlands", "Nederlands"),
    # --- explorer -----------------------------------------------------------------------
    "explorer.title": ("Wijken verkennen", "Explore neighbourhoods"),
    "explorer.controls": ("Keuzes voor kaart en grafieken", "Choices for map and charts"),
    "explorer.indicator": ("Indicator", "Indicator"),
    "explorer.indicator2": ("Afgezet tegen", "Plotted against"),
    "explorer.year": ("Jaar", "Year"),
    "explorer.level": ("Niveau", "Level"),
    "explorer.area_of_interest": ("Gebied", "Area"),
    "explorer.scale": ("Kleuren", "Colours"),
    "explorer.scale_classes": ("Klassen (kwintielen)", "Classes (quintiles)"),
    "explorer.scale_continuous": ("Doorlopend", "Continuous"),
    "explorer.add_mode": ("Klikken voegt gebieden toe aan de selectie (hoogstens 4)",
                          "Clicking adds areas to the selection (up to 4)"),
    "explorer.clear": ("Selectie wissen", "Clear selection"),
    "explorer.map": ("Kaart", "Map"),
    "explorer.map_note": (
        "Grijs: geheim (CBS publiceert het cijfer niet) of geen gegevens. Licht met een "
        "donkere rand: een onbetrouwbaar cijfer (te weinig mensen; wijs het gebied aan voor de "
        "reden), niet in de kleurklassen. Klik op een gebied om het te selecteren; de tabel "
        "onderaan toont dezelfde cijfers.",
        "Grey: secret (CBS does not publish the figure) or no data. Pale with a dark outline: "
        "an unreliable figure (too few people; point at the area for the reason), left out of "
        "the colour classes. Click an area to select it; the table below shows the same "
        "figures."),
    "explorer.details": ("Geselecteerd gebied", "Selected area"),
    "explorer.details_empty": ("Klik op een gebied op de kaart, een staaf of een punt.",
                               "Click an area on the map, a bar or a point."),
    "explorer.ranking": ("Rangorde", "Ranking"),
    "explorer.trend": ("Ontwikkeling", "Trend"),
    "explorer.scatter": ("Samenhang met een tweede indicator",
                         "Relation with a second indicator"),
    "explorer.table": ("Tabel", "Table"),
    "explorer.table_caption": ("{label}, {year}: {n} gebieden", "{label}, {year}: {n} areas"),
    "explorer.sort_value": ("Sorteer op waarde", "Sort by value"),
    "explorer.sort_name": ("Sorteer op naam", "Sort by name"),
    "explorer.area": ("Gebied", "Area"),
    "explorer.code": ("Code", "Code"),
    "explorer.value": ("Waarde", "Value"),
    "explorer.rank": ("Positie", "Rank"),
    "explorer.diff_with": ("Verschil met {name}", "Difference with {name}"),
    "explorer.partial": ("(deels berekend: een deel is geheim of ontbreekt)",
                         "(partly computed: some of its parts are secret or missing)"),
    "explorer.about_indicator": ("Over deze indicator", "About this indicator"),
    "explorer.no_data": ("Geen gegevens voor deze keuze.", "No data for this choice."),
    "explorer.bad_param": (
        "De link bevat een onbekende of onjuiste waarde voor ‘{param}’ (‘{value}’); "
        "getoond wordt: {used}.",
        "The link has an unknown or invalid value for ‘{param}’ (‘{value}’); "
        "showing: {used}."),
    "details.rank": ("{rank} van {n} (1 = hoogste waarde)", "{rank} of {n} (1 = highest value)"),
    "details.source_line": ("Bron: {sources}; jaar {year}; licentie {licence}.",
                            "Source: {sources}; year {year}; licence {licence}."),
    "details.computed_only": ("berekend uit onderdelen", "computed from parts"),
    "status.secret": ("geheim", "secret"),
    "status.missing": ("geen gegevens", "no data"),
    "status.not_combinable": ("niet beschikbaar voor samengestelde gebieden",
                              "not available for combined areas"),
    "indicators.live_only": ("Geen gegevens in deze store; wordt live opgehaald.",
                             "No data in this store; fetched live."),
    "explorer.level_buurt": ("Buurt (Rotterdam: wijk)", "Buurt (Rotterdam: wijk)"),
    "explorer.level_wijk": ("Wijk (Rotterdam: gebied)", "Wijk (Rotterdam: district)"),
    "explorer.level_gemeente": ("Gemeente (heel Nederland)",
                                "Municipality (all of the Netherlands)"),
    "app.title": ("Wijkdashboard", "Neighbourhood dashboard"),
    "app.not_found": ("Niet gevonden.", "Not found."),
    "app.unavailable": ("De gegevens zijn tijdelijk niet beschikbaar. Probeer het later opnieuw.",
                        "The data is temporarily unavailable. Please try again later."),
    "notfound.title": ("Pagina niet gevonden", "Page not found"),
    "notfound.body": ("Er is geen pagina op dit adres. Kies een pagina in het menu.",
                      "There is no page at this address. Choose a page from the menu."),
    "app.error": ("Er ging iets mis op de server. Probeer het later opnieuw.",
                  "Something went wrong on the server. Please try again later."),
    "lang.nav": ("Taal", "Language"),
    "lang.bad": (
        "Onbekende taal ‘{value}’ in de link; de pagina wordt in het {name} getoond.",
        "Unknown language ‘{value}’ in the link; the page is shown in {name}.",
    ),
    "lang.name_nl": ("Nederlands", "Dutch"),
    "lang.name_en": ("Engels", "English"),
    "home.title": ("Wat staat er in de databank", "What the data store holds"),
    "home.intro": (
        "Een overzicht van de gegevens die dit dashboard heeft ingelezen: gebieden, jaren, "
        "indicatoren en bronnen.",
        "An overview of the data this dashboard has loaded: areas, years, indicators "
        "and sources.",
    ),
    "home.built_at": ("Databank gebouwd op {date}.", "Data store built on {date}."),
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
        "For comparison, the data store also holds figures for {n} whole municipalities.",
    ),
    "home.counts": ("Waarnemingen per niveau en jaar", "Observations by level and year"),
    "home.counts_note": (
        "Aantal waarden met status ‘ok’ (niet geheim, niet ontbrekend), alle indicatoren samen.",
        "Number of values with status ‘ok’ (not secret, not missing), across all indicators.",
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
    "nostore.title": ("Gegevens tijdelijk niet beschikbaar", "Data temporarily unavailable"),
    "nostore.body": (
        "Het dashboard heeft nu geen gegevens om te tonen: ze worden bijgewerkt of zijn nog "
        "niet gebouwd. Probeer het over een paar minuten opnieuw.",
        "The dashboard has no data to show right now: it is being updated or has not been "
        "built yet. Please try again in a few minutes.",
    ),
    "nostore.howto": (
        "Voor beheerders: bouw de databank vanuit de projectmap met",
        "For administrators: build the data store from the project folder with",
    ),
    "nav.stale": ("Nieuwere gegevens konden niet worden geladen; u ziet de gegevens van {date}.",
                  "Newer data could not be loaded; you are seeing the data as of {date}."),
    "figure.secret": ("geheim", "secret"),
    "figure.no_data": ("geen gegevens", "no data"),
    "figure.partial": ("deels berekend: een deel van het gebied heeft geen cijfer",
                       "partial: part of the area has no figure"),
    "figure.colorbar_title": ("{unit}, {year}", "{unit}, {year}"),
    "figure.axis_title": ("{label} ({unit})", "{label} ({unit})"),
    # --- the text of an indicator list that matches nothing (Mantine writes none) --------
    "dropdown.no_options_found": ("Niets gevonden", "Nothing found"),
    "figure.year": ("Jaar", "Year"),
    "figure.inhabitants": ("Inwoners", "Inhabitants"),
    "figure.size_note": ("Grootte van de stip: aantal inwoners", "Dot size: number of inhabitants"),
    "figure.click_area": (
        "Klik op een gebied op de kaart om de ontwikkeling door de jaren te zien.",
        "Click an area on the map to see how it developed over the years.",
    ),
    "figure.no_values": ("Geen cijfers voor deze keuze.", "No figures for this choice."),
    "figure.gaps": (
        "Geen waarde (geheim of ontbrekend): {items}",
        "No value (secret or missing): {items}",
    ),
}


def _merge_page_texts() -> None:
    from dashboard.texts import access, auth, compare, explorer, profile, projects, quality, targets

    for module in (access, auth, compare, explorer, profile, projects, quality, targets):
        for key, pair in module.TEXTS.items():
            if key in _TEXTS:
                raise ValueError(f"text key {key!r} of {module.__name__} is defined twice")
            _TEXTS[key] = pair


_merge_page_texts()


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
