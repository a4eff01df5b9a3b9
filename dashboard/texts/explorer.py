"""Interface texts of the explorer's map surroundings and search box (key -> (Dutch,
English)); the explorer's other texts are in dashboard/i18n.py."""

TEXTS: dict[str, tuple[str, str]] = {
    # --- search box ---------------------------------------------------------------------------
    "search.label": ("Zoek een gebied, postcode of adres", "Find an area, postcode or address"),
    "search.placeholder": ("Bijv. Afrikaanderwijk, 3073 of Putselaan 1",
                           "E.g. Afrikaanderwijk, 3073 or Putselaan 1"),
    "search.nothing": ("Niets gevonden", "Nothing found"),
    "search.group_areas": ("Gebieden", "Areas"),
    "search.group_postcodes": ("Postcodes", "Postcodes"),
    "search.group_addresses": ("Adressen", "Addresses"),
    "search.level_buurt": ("buurt", "neighbourhood"),
    "search.level_wijk": ("wijk (gebied)", "district"),
    "search.level_gemeente": ("gemeente", "municipality"),
    "search.level_custom": ("samengesteld gebied", "combined area"),
    "search.postcode": ("Postcode {postcode}: {areas}", "Postcode {postcode}: {areas}"),
    "search.postcode_unknown": ("Postcode {postcode} ligt niet in de gebieden van deze kaart",
                                "Postcode {postcode} is not in the areas of this map"),
    "search.address_offline": (
        "Zoeken op adres kan alleen met internet (PDOK Locatieserver); namen en postcodes "
        "werken wel.",
        "Searching by address needs the internet (PDOK Locatieserver); names and postcodes "
        "still work."),
    "search.address_outside": ("Dat adres ligt buiten de gebieden van deze kaart.",
                               "That address is outside the areas of this map."),
    "search.moved": ("Geselecteerd: {areas}", "Selected: {areas}"),
    # --- basemap ------------------------------------------------------------------------------
    "basemap.online": (
        "Ondergrond: BRT-Achtergrondkaart, Kadaster / PDOK (CC BY 4.0).",
        "Basemap: BRT-Achtergrondkaart, Kadaster / PDOK (CC BY 4.0)."),
    "basemap.offline": (
        "Ondergrond: geen verbinding met de kaartserver van PDOK; getoond worden de "
        "omliggende gebieden en namen uit de Wijk- en Buurtkaart (Kadaster / CBS).",
        "Basemap: no connection to PDOK's map server; shown are the surrounding areas and "
        "names from the Wijk- en Buurtkaart (Kadaster / CBS)."),
    "basemap.water_top10nl": (
        "Water: de wateroppervlakken van de BRT TOP10NL (Kadaster / PDOK, CC BY 4.0) van "
        "minstens 1 ha, met de waterdelen van de Wijk- en Buurtkaart.",
        "Water: the water surfaces of the BRT TOP10NL (Kadaster / PDOK, CC BY 4.0) of at "
        "least 1 ha, with the water parts of the Wijk- en Buurtkaart."),
    "basemap.water_wbk": (
        "Water: alleen de waterdelen van de Wijk- en Buurtkaart (zee en brede wateren). "
        "Rivieren en havens, zoals de Maas, horen daarin bij de buurten en zijn hier niet "
        "als water getekend; een build van de live bronnen voegt ze toe uit de BRT TOP10NL.",
        "Water: only the water parts of the Wijk- en Buurtkaart (sea and wide waters). "
        "Rivers and harbours, such as the Maas, belong to the neighbourhoods there and are "
        "not drawn as water here; a build from the live sources adds them from the BRT "
        "TOP10NL."),
}
