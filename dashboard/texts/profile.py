"""Interface texts of the profile page, and of the downloads and "reproduce this view"
snippets that every data page offers (key -> (Dutch, English))."""

TEXTS: dict[str, tuple[str, str]] = {
    "profile.title": ("Gebiedsprofiel", "Area profile"),
    "profile.heading": ("Gebiedsprofiel: {name}", "Area profile: {name}"),
    "profile.unknown": (
        "Er is geen gebied met code ‘{code}’ in de databank. Kies hieronder een gebied.",
        "There is no area with code ‘{code}’ in the data store. Choose an area below."),
    "profile.choose": ("Kies een gebied", "Choose an area"),
    "profile.open": ("Profiel openen", "Open profile"),
    "profile.level": ("Niveau: {level}", "Level: {level}"),
    "profile.code": ("Code: {code}", "Code: {code}"),
    "profile.part_of": ("Ligt in", "Part of"),
    "profile.focus": ("NPRZ-focuswijk", "NPRZ focus neighbourhood"),
    "profile.key_figures": ("Kerncijfers per thema", "Key figures per theme"),
    "profile.indicator": ("Indicator", "Indicator"),
    "profile.year": ("Jaar", "Year"),
    "profile.value": ("Waarde", "Value"),
    "profile.diff_with": ("Verschil met {name}", "Difference with {name}"),
    "profile.rank": ("Positie", "Rank"),
    "profile.trend": ("Ontwikkeling", "Trend"),
    "profile.trend_alt": ("Ontwikkeling van {label}: {points}",
                          "Trend of {label}: {points}"),
    "profile.peers_buurt": (
        "Positie onder de buurten (Rotterdam: wijken) van dezelfde gemeente met een "
        "betrouwbaar cijfer in dat jaar; 1e = beste, of hoogste waar hoger niet beter of "
        "slechter is. Verschillen zeggen of dit gebied beter of slechter scoort.",
        "Rank among the buurten (Rotterdam: neighbourhoods) of the same municipality with a "
        "reliable figure that year; 1st = best, or highest where higher is neither better "
        "nor worse. Differences say whether this area does better or worse."),
    "profile.peers_wijk": (
        "Positie onder de wijken (Rotterdam: gebieden) van dezelfde gemeente met een "
        "betrouwbaar cijfer in dat jaar; 1e = beste, of hoogste waar hoger niet beter of "
        "slechter is. Verschillen zeggen of dit gebied beter of slechter scoort.",
        "Rank among the wijken (Rotterdam: districts) of the same municipality with a "
        "reliable figure that year; 1st = best, or highest where higher is neither better "
        "nor worse. Differences say whether this area does better or worse."),
    "profile.peers_gemeente": (
        "Positie onder alle gemeenten met een cijfer in dat jaar; 1e = beste, of hoogste waar "
        "hoger niet beter of slechter is.",
        "Rank among all municipalities with a figure that year; 1st = best, or highest where "
        "higher is neither better nor worse."),
    "profile.peers_custom": (
        "Positie van dit samengestelde gebied als het een gemeente was, onder alle gemeenten "
        "met een cijfer in dat jaar; 1e = beste, of hoogste waar hoger niet beter of slechter "
        "is.",
        "Rank of this combined area placed among all municipalities with a figure that year, "
        "as if it were one; 1st = best, or highest where higher is neither better nor worse."),
    "profile.diff_head": ("Verschil met", "Difference with"),
    "profile.counts_note": ("Bij aantallen geen verschil: gebieden verschillen in omvang.",
                            "No difference for counts: areas differ in size."),
    "profile.partial": ("deels berekend", "partial"),
    "profile.indices": ("Wijkprofiel-indexen", "Wijkprofiel indices"),
    "profile.indices_note": (
        "Indexen van de gemeente Rotterdam (Wijkprofiel); 100 = gemiddelde van Rotterdam in "
        "2014.",
        "Indices of the City of Rotterdam (Wijkprofiel); 100 = the Rotterdam average of 2014."),
    "profile.projects": ("Projecten in dit gebied", "Projects in this area"),
    "profile.project_source": ("Bron: openbare webpagina over {name}",
                               "Source: public web page about {name}"),
    "profile.no_projects": ("Geen projecten bekend voor dit gebied.",
                            "No projects known for this area."),
    "profile.projects_unavailable": ("Het projectenoverzicht is nog niet beschikbaar.",
                                     "The projects overview is not available yet."),
    "profile.notes": ("Opmerkingen bij de cijfers", "Notes on the figures"),
    "profile.secret_note": ("Geheim (niet gepubliceerd door CBS) in: {items}",
                            "Secret (not published by CBS) in: {items}"),
    "profile.boundary_note": (
        "CBS meldt een grenswijziging van dit gebied in {years}; cijfers van vóór en na zijn "
        "niet zonder meer vergelijkbaar (de lijnen zijn daar onderbroken).",
        "CBS reports a boundary change of this area in {years}; figures before and after are "
        "not directly comparable (the lines break there)."),
    "profile.no_notes": ("Geen geheime waarden of grenswijzigingen.",
                         "No secret values or boundary changes."),
    "profile.no_figures": ("Voor dit gebied zijn geen cijfers in de databank.",
                           "The data store has no figures for this area."),
    "profile.print": ("Afdrukken (A4)", "Print (A4)"),
    "profile.briefing_intro": (
        "Gebiedsprofiel uit het Wijkdashboard; databank gebouwd op {built}.",
        "Area profile from the Neighbourhood dashboard; data store built on {built}."),
    "profile.link": ("Profiel van {name}", "Profile of {name}"),
    "profile.link_short": ("profiel", "profile"),
    "profile.in_explorer": ("Bekijk in de verkenner", "View in the explorer"),
    "profile.compare_with": ("Vergelijk met de referentiegebieden",
                             "Compare with the reference areas"),
    # --- the briefing (top of the page, print, HTML and PDF) --------------------------------
    "briefing.no_reference": ("Geen vergelijkingscijfer van Zuid of de gemeente.",
                              "No figure for Zuid or the municipality to compare with."),
    "briefing.in_gemeente": ("gemeente {name}", "municipality of {name}"),
    "briefing.date": ("Meest recente cijfers: {year} · databank van {date}",
                      "Latest figures: {year} · data store of {date}"),
    "briefing.map_caption": ("{name} (blauw) tussen de gebieden eromheen",
                             "{name} (blue) among the surrounding areas"),
    "briefing.messages": ("Wat opvalt", "What stands out"),
    "briefing.messages_note": (
        "Afgeleid uit de cijfers van dit profiel. Ze beschrijven verschillen en veranderingen, "
        "geen oorzaken.",
        "Derived from the figures in this profile. They describe differences and changes, "
        "not their causes."),
    "briefing.msg_worse": (
        "De grootste achterstand op {name}: {label}, {value}, tegenover {ref} in {name} "
        "({year}).",
        "The widest unfavourable gap with {name}: {label}, {value}, against {ref} in {name} "
        "({year})."),
    "briefing.msg_better": (
        "Het grootste voordeel ten opzichte van {name}: {label}, {value}, tegenover {ref} in "
        "{name} ({year}).",
        "The widest favourable gap with {name}: {label}, {value}, against {ref} in {name} "
        "({year})."),
    "briefing.msg_worse_next": (
        "Ook ver achter op {name}: {label}, {value}, tegenover {ref} in {name} ({year}).",
        "Also well behind {name}: {label}, {value}, against {ref} in {name} ({year})."),
    "briefing.msg_change": (
        "De grootste verandering: {label} ging van {a} in {y0} naar {b} in {y1}.",
        "The largest change: {label} went from {a} in {y0} to {b} in {y1}."),
    "briefing.msg_change_ref": ("In {name} was dat van {a} naar {b}.",
                                "In {name} it went from {a} to {b}."),
    "briefing.headlines": ("Kerncijfers", "Headline figures"),
    "briefing.legend": (
        "Gunstiger of ongunstiger volgt uit de richting van de indicator (bijvoorbeeld: minder "
        "bijstand is gunstiger). Lijntjes: ontwikkeling per jaar, onderbroken waar een cijfer "
        "ontbreekt of een grens veranderde.",
        "Better or worse follows from the indicator's direction (for example: fewer people "
        "on benefits is better). Lines: the trend per year, broken where a figure is missing "
        "or a boundary changed."),
    "briefing.word_better": ("gunstiger", "better"),
    "briefing.word_worse": ("ongunstiger", "worse"),
    "briefing.word_same": ("gelijk", "equal"),
    "briefing.word_higher": ("hoger", "higher"),
    "briefing.word_lower": ("lager", "lower"),
    "briefing.than": ("dan {name} ({value})", "than {name} ({value})"),
    "briefing.equal_to": ("aan {name} ({value})", "to {name} ({value})"),
    "briefing.full_tables": (
        "Alle cijfers, met positie en ontwikkeling per thema, staan op de webpagina van dit "
        "profiel.",
        "Every figure, with rank and trend per theme, is on this profile's web page."),
    "downloads.pdf": ("Profiel als pdf (A4)", "Profile as PDF (A4)"),
    # --- downloads (every data page) ----------------------------------------------------------
    "downloads.heading": ("Downloaden en zelf narekenen", "Download and reproduce"),
    "downloads.view": ("Wat u ziet", "What you see"),
    "downloads.store": ("De hele databank", "The whole data store"),
    "downloads.store_intro": (
        "Alle cijfers van de databank, in lange vorm (één rij per gebied, jaar en indicator), "
        "met bronnen, licentie en een bronvermelding in elk bestand.",
        "Every figure of the data store in long form (one row per area, year and indicator), "
        "with sources, licence and a citation line in every file."),
    "downloads.csv": ("CSV", "CSV"),
    "downloads.xlsx": ("Excel", "Excel"),
    "downloads.geojson": ("GeoJSON", "GeoJSON"),
    "downloads.gpkg": ("GeoPackage", "GeoPackage"),
    "downloads.html": ("Profiel als HTML (werkt offline)", "Profile as HTML (works offline)"),
    "downloads.csv_note": (
        "CSV-regels die met # beginnen beschrijven de bronnen; lees in met "
        "pandas.read_csv(…, comment=\"#\").",
        "CSV lines starting with # describe the sources; read with "
        "pandas.read_csv(…, comment=\"#\")."),
    "downloads.citation": (
        "Wijkdashboard Rotterdam-Zuid, databank van {built}. Bronnen: {credits}; "
        "opgehaald {retrieved}.",
        "Neighbourhood dashboard Rotterdam-Zuid, data store of {built}. Sources: {credits}; "
        "retrieved {retrieved}."),
    "downloads.citation_label": ("Bronvermelding", "Citation"),
    "downloads.licence_label": ("Licentie", "Licence"),
    "downloads.retrieved_label": ("Opgehaald", "Retrieved"),
    "downloads.years_label": ("Jaren", "Years"),
    "downloads.source_label": ("Bron", "Source"),
    "downloads.table": ("tabel", "table"),
    "downloads.sheet_definitions": ("Definities", "Definitions"),
    "downloads.sheet_sources": ("Bronnen", "Sources"),
    "downloads.sheet_about": ("Over dit bestand", "About this file"),
    "downloads.about_column": ("Over dit bestand", "About this file"),
    "downloads.bad_request": ("Ongeldige downloadlink: {problems}",
                              "Invalid download link: {problems}"),
    "downloads.compare_selected": ("Vergelijk de geselecteerde gebieden",
                                   "Compare the selected areas"),
    "downloads.profile_selected": ("Profiel van {name}", "Profile of {name}"),
    "downloads.select_hint": (
        "Selecteer gebieden op de kaart om ze te vergelijken of hun profiel te openen.",
        "Select areas on the map to compare them or open their profile."),
    "downloads.snippet": ("Reproduceer deze weergave in Python",
                          "Reproduce this view in Python"),
    "downloads.snippet_intro": (
        "Dezelfde tabel met de Python-API van dit project (of rechtstreeks van CBS):",
        "The same table with this project's Python API (or straight from CBS):"),
}
