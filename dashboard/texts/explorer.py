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
        "omliggende gebieden, water en namen uit de Wijk- en Buurtkaart (Kadaster / CBS).",
        "Basemap: no connection to PDOK's map server; shown are the surrounding areas, "
        "water and names from the Wijk- en Buurtkaart (Kadaster / CBS)."),
}
