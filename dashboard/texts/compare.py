"""Interface texts of the compare page and the indicator documentation page
(key -> (Dutch, English))."""

TEXTS: dict[str, tuple[str, str]] = {
    # --- compare ------------------------------------------------------------------------------
    "compare.title": ("Gebieden vergelijken", "Compare areas"),
    "compare.intro": (
        "Zet 2 tot 4 gebieden naast elkaar, ook van verschillende niveaus (een buurt naast "
        "Rotterdam-Zuid en Nederland). Samengestelde gebieden zijn berekend uit aantallen, "
        "nooit als gemiddelde van percentages.",
        "Put 2 to 4 areas side by side, also of different levels (a neighbourhood next to "
        "Rotterdam-Zuid and the Netherlands). Combined areas are computed from counts, never "
        "as a mean of percentages."),
    "compare.areas": ("Gebieden (2 tot 4)", "Areas (2 to 4)"),
    "compare.indicators": ("Indicatoren (standaard één per thema)",
                           "Indicators (default: one per theme)"),
    "compare.table": ("Tabel", "Table"),
    "compare.table_caption": (
        "Per indicator het laatste jaar waarin alle gebieden een waarde hebben (anders het "
        "laatste jaar waarin er een een waarde heeft).",
        "Per indicator the latest year in which all areas have a value (else the latest in "
        "which any has one)."),
    "compare.trends": ("Ontwikkeling per indicator", "Trend per indicator"),
    "compare.indicator": ("Indicator", "Indicator"),
    "compare.year": ("Jaar", "Year"),
    "compare.no_year": ("geen gegevens", "no data"),
    "compare.bad_param": ("Onbekende of ongeldige waarde voor ‘{param}’: ‘{value}’ "
                          "(weggelaten).",
                          "Unknown or invalid value for ‘{param}’: ‘{value}’ (left out)."),
    "compare.too_many_areas": ("Hoogstens {n} gebieden; weggelaten: {dropped}.",
                               "At most {n} areas; left out: {dropped}."),
    "compare.too_few_areas": ("Kies minstens {n} gebieden om te vergelijken.",
                              "Choose at least {n} areas to compare."),
    "compare.too_many_indicators": ("Hoogstens {n} indicatoren; de rest is weggelaten.",
                                    "At most {n} indicators; the rest is left out."),
    "compare.link": ("Link naar deze vergelijking", "Link to this comparison"),
    # --- indicator documentation --------------------------------------------------------------
    "indicators.title": ("Indicatoren", "Indicators"),
    "indicators.intro": (
        "Alle indicatoren van het dashboard met definitie, eenheid, bron per jaar, licentie "
        "en kanttekeningen. Deze lijst staat ook in de broncode van het project, in "
        "docs/indicators.md.",
        "Every indicator in the dashboard, with its definition, unit, source for each year, "
        "licence and caveats. The project's source code has the same list in "
        "docs/indicators.md."),
    "indicators.key": ("Sleutel", "Key"),
    "indicators.definition": ("Definitie", "Definition"),
    "indicators.unit": ("Eenheid", "Unit"),
    "indicators.kind": ("Soort", "Kind"),
    "indicators.aggregation": ("Samenvoegen", "Aggregation"),
    "indicators.direction": ("Richting", "Direction"),
    "indicators.licence": ("Licentie", "Licence"),
    "indicators.caveats": ("Kanttekeningen", "Caveats"),
    "indicators.sources": ("Bron per jaar", "Source per year"),
    "indicators.years": ("Jaren in de databank", "Years in the data store"),
    "indicators.explore": ("Bekijk in de verkenner", "View in the explorer"),
    "indicators.contents": ("Inhoud", "Contents"),
}
