"""Interface texts of the projects page and the explorer's projects layer (key -> (Dutch,
English))."""

TEXTS: dict[str, tuple[str, str]] = {
    "projects.title": ("Projecten en activiteiten", "Projects and activities"),
    "projects.intro": (
        "Programma's op en rond Rotterdam-Zuid uit openbare projectpagina's, en activiteiten "
        "die medewerkers hebben geüpload. Kies een project om zijn gebieden en de "
        "ontwikkeling van de indicatoren van zijn pijler te zien.",
        "Programmes on and around Rotterdam-Zuid from public project pages, and activities "
        "uploaded by staff. Choose a project to see its areas and how the indicators of "
        "its pillar developed."),
    "projects.pillar_onderwijs": ("Onderwijs", "Education"),
    "projects.pillar_werk": ("Werk", "Work"),
    "projects.pillar_wonen": ("Wonen", "Housing"),
    "projects.pillar_gezondheid": ("Welzijn & gezondheid", "Wellbeing & health"),
    "projects.pillar_geen": ("Zonder pijler", "No pillar"),
    "projects.since": ("vanaf {start}", "from {start}"),
    "projects.until": ("tot en met {end}", "until {end}"),
    "projects.period_unknown": ("periode onbekend", "period unknown"),
    "projects.source": ("Bron: {source}", "Source: {source}"),
    "projects.layer": ("Projecten", "Projects"),
    "projects.pillars": ("Pijlers op de kaart", "Pillars on the map"),
    "projects.pillar_filter": ("Pijler", "Pillar"),
    "projects.in_area": ("Actief in {area} in {year}", "Active in {area} in {year}"),
    "projects.in_selected": ("Actief in {areas} in {year}", "Active in {areas} in {year}"),
    "projects.elsewhere": ("Elders in {year}", "Elsewhere in {year}"),
    "projects.unmapped": ("Zonder gebied op de kaart", "Without an area on the map"),
    "projects.none": ("Geen projecten voor deze keuze.", "No projects for this choice."),
    "projects.more": ("En nog {n} meer; alle projecten staan op de pagina Projecten.",
                      "And {n} more; every project is on the Projects page."),
    "projects.count": ("{n} projecten", "{n} projects"),
    "projects.pillar": ("Pijler", "Pillar"),
    "projects.period": ("Periode", "Period"),
    "projects.organisations": ("Organisaties", "Organisations"),
    "projects.areas": ("Gebieden", "Areas"),
    "projects.gemeente": ("Gemeente", "Municipality"),
    "projects.target_group": ("Doelgroep", "Target group"),
    "projects.summary": ("Wat", "What"),
    "projects.source_label": ("Bron", "Source"),
    "projects.uploaded": ("geüploade activiteit van {project}", "uploaded activity of {project}"),
    "projects.unplaced": ("Niet op de kaart te plaatsen: {items}", "Cannot be placed: {items}"),
    "projects.no_places": ("Geen gebied op de kaart", "No area on the map"),
    "projects.choose": ("Kies een project in de lijst of op de kaart.",
                        "Choose a project in the list or on the map."),
    "projects.choose_list": ("Kies een project in de lijst.", "Choose a project in the list."),
    "projects.clear": ("Project sluiten", "Close project"),
    "projects.around_link": ("Rondom dit project: ontwikkeling van de indicatoren",
                             "Around this project: how the indicators developed"),
    "projects.around": ("Rondom dit project", "Around this project"),
    "projects.around_indicator": ("Indicator van de pijler van dit project",
                                  "Indicator of this project's pillar"),
    "projects.around_none": (
        "Geen indicator van deze pijler heeft cijfers voor de gebieden van dit project.",
        "No indicator of this pillar has figures for this project's areas."),
    "projects.around_no_pillar": (
        "De bron noemt geen pijler voor dit project, dus er is geen set indicatoren om te "
        "tonen.",
        "The source names no pillar for this project, so there is no set of indicators to "
        "show."),
    "projects.start_mark": ("start {name}", "start {name}"),
    "projects.caveat": (
        "Dit laat zien hoe de cijfers zich in deze gebieden ontwikkelden, niet wat het "
        "project heeft bewerkstelligd: veel andere dingen veranderden tegelijk, en de "
        "gebieden zijn groter dan het bereik van het project.",
        "This shows how the figures developed in these areas, not what the project "
        "achieved: many other things changed at the same time, and the areas are larger "
        "than the project's reach."),
    "projects.filters": ("Filters", "Filters"),
    "projects.year_from": ("Actief vanaf jaar", "Active from year"),
    "projects.year_to": ("tot en met jaar", "up to year"),
    "projects.area": ("Gebied", "Area"),
    "projects.organisation": ("Organisatie", "Organisation"),
    "projects.any": ("Alle", "All"),
    "projects.list": ("Lijst", "List"),
    "projects.name": ("Naam", "Name"),
    "projects.table_caption": ("{n} projecten en activiteiten", "{n} projects and activities"),
    "projects.pager": ("Bladeren door de lijst", "Pages of the list"),
    "projects.page_prev": ("Vorige {size}", "Previous {size}"),
    "projects.page_next": ("Volgende {size}", "Next {size}"),
    "projects.page_status": ("{first}–{last} van {n}", "{first}–{last} of {n}"),
    "projects.bad_param": (
        "De link bevat een onbekende waarde voor ‘{param}’ (‘{value}’); die is genegeerd.",
        "The link has an unknown value for ‘{param}’ (‘{value}’); it was ignored."),
    # --- import and export ----------------------------------------------------------
    "projects.data": ("Importeren en exporteren", "Import and export"),
    "projects.upload_help": (
        "Upload activiteiten als CSV (UTF-8, komma of puntkomma) of Excel (.xlsx), "
        "hoogstens {mb} MB, met de kolommen van het sjabloon. Verplicht: project, name, "
        "pillar ({pillars}) en start_date (2024-05-31 of 31-05-2024), en een plaats: "
        "area_codes (CBS-codes, met komma's), een postcode (4 cijfers) of lat en lon. "
        "Een rij die al is opgeslagen wordt niet nog eens toegevoegd.",
        "Upload activities as CSV (UTF-8, comma or semicolon) or Excel (.xlsx), at most "
        "{mb} MB, with the template's columns. Required: project, name, pillar ({pillars}) "
        "and start_date (2024-05-31 or 31-05-2024), and a place: area_codes (CBS codes, "
        "comma separated), a postcode (4 digits) or lat and lon. A row already stored is "
        "not added again."),
    "projects.upload_drop": ("Sleep een bestand hierheen of klik om te kiezen",
                             "Drag a file here or click to choose"),
    "projects.template": ("Sjabloon (CSV)", "Template (CSV)"),
    "projects.export_csv": ("Alles als CSV", "Everything as CSV"),
    "projects.export_history": ("Wie uploadde wat (CSV)", "Who uploaded what (CSV)"),
    "projects.export_geojson": ("Alles als GeoJSON", "Everything as GeoJSON"),
    "projects.upload_result": (
        "{file}: {saved} opgeslagen, {duplicates} al aanwezig (dubbel), {rejected} afgewezen.",
        "{file}: {saved} saved, {duplicates} already present (duplicates), "
        "{rejected} rejected."),
    "projects.upload_refused": ("Niets opgeslagen: {reason}", "Nothing saved: {reason}"),
    "projects.rejected_row": ("Rij {row}: {reason}", "Row {row}: {reason}"),
    "projects.err_file_type": ("‘{file}’: alleen .csv- en .xlsx-bestanden",
                               "‘{file}’: only .csv and .xlsx files"),
    "projects.err_file_size": ("‘{file}’ is groter dan {mb} MB", "‘{file}’ is larger than {mb} MB"),
    "projects.err_file_unreadable": ("‘{file}’ is niet als tabel te lezen",
                                     "‘{file}’ cannot be read as a table"),
    "projects.err_file_encoding": ("‘{file}’ is geen UTF-8-tekst", "‘{file}’ is not UTF-8 text"),
    "projects.err_file_columns": ("‘{file}’ mist de kolom(men) {columns}",
                                  "‘{file}’ lacks the column(s) {columns}"),
    "projects.err_file_rows": ("‘{file}’ heeft meer dan {max} rijen; hoogstens {max}",
                               "‘{file}’ has more than {max} rows; at most {max}"),
    "projects.err_file_packed": (
        "‘{file}’ is uitgepakt te groot (meer dan {mb} MB of {members} onderdelen); "
        "sla het op als gewoon Excel-bestand of als CSV",
        "‘{file}’ is too large unpacked (over {mb} MB or {members} parts); save it as a "
        "plain Excel file or as CSV"),
    "projects.err_store_full": (
        "‘{file}’: {n} activiteiten passen niet meer; de database houdt er hoogstens {max}",
        "‘{file}’: {n} activities no longer fit; the database keeps at most {max}"),
    "projects.err_file_slow": (
        "‘{file}’ kostte meer dan {seconds} seconden om te lezen; splits het bestand",
        "‘{file}’ took more than {seconds} seconds to read; split the file"),
    "projects.err_control": ("‘{field}’ bevat een stuurteken (zoals een NUL-byte)",
                             "‘{field}’ contains a control character (such as a NUL byte)"),
    "projects.err_empty": ("‘{field}’ is leeg", "‘{field}’ is empty"),
    "projects.err_long": ("‘{field}’ is langer dan {n} tekens",
                          "‘{field}’ is longer than {n} characters"),
    "projects.err_pillar": ("pijler ‘{value}’ is niet een van {allowed}",
                            "pillar ‘{value}’ is not one of {allowed}"),
    "projects.err_date": ("datum ‘{value}’ is niet als 2024-05-31 of 31-05-2024",
                          "date ‘{value}’ is not like 2024-05-31 or 31-05-2024"),
    "projects.err_end_before_start": ("end_date ligt vóór start_date",
                                      "end_date is before start_date"),
    "projects.err_area_codes": ("onbekende gebiedscode(s) {codes}",
                                "unknown area code(s) {codes}"),
    "projects.err_postcode": ("postcode ‘{value}’ is geen postcodegebied van deze kaart",
                              "postcode ‘{value}’ is not a postcode area of this map"),
    "projects.err_lat_lon": ("geef lat én lon, of geen van beide",
                             "give both lat and lon, or neither"),
    "projects.err_number": ("{field} ‘{value}’ is geen getal", "{field} ‘{value}’ is not a number"),
    "projects.err_range": ("{field} ‘{value}’ ligt buiten {lo} … {hi} (Nederland)",
                           "{field} ‘{value}’ is outside {lo} … {hi} (the Netherlands)"),
    "projects.err_no_place": ("geen plaats: geef area_codes, een postcode, of lat en lon",
                              "no place: give area_codes, a postcode, or lat and lon"),
}
