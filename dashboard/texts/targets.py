"""Interface texts of the targets page (key -> (Dutch, English))."""

TEXTS: dict[str, tuple[str, str]] = {
    # --- page -----------------------------------------------------------------------------
    "targets.title": ("Doelen NPRZ: op koers naar 2031?", "NPRZ targets: on track for 2031?"),
    "targets.intro": (
        "Het Nationaal Programma Rotterdam Zuid (NPRZ) wil dat Zuid rond 2031 op school, werk en "
        "wonen het gemiddelde van de vier grote steden (G4) haalt; veiligheid is een verdere "
        "pijler. Per doel ziet u de waarde in het basisjaar, de laatste waarde, de doelwaarde en "
        "de waarde die nodig is om op koers te liggen. Vergelijkingscijfers (G4, Rotterdam, "
        "Rotterdam zonder Zuid) zijn berekend uit aantallen, niet overgetypt.",
        "The National Programme Rotterdam Zuid (NPRZ) aims for Zuid to reach the average of the "
        "four largest cities (G4) on school, work and housing around 2031; safety is a further "
        "pillar. Each target shows the value in the baseline year, the latest value, the target "
        "value and the value needed to be on track. Benchmarks (G4, Rotterdam, Rotterdam "
        "excluding Zuid) are computed from counts, not typed in."),
    "targets.how_to_read": ("Zo leest u een doel", "How to read a target"),
    "targets.how_rule": (
        "Doel: de regel zegt welk cijfer Zuid moet halen, bijvoorbeeld ‘gemiddelde van "
        "Rotterdam zonder Zuid halen’. De doelwaarde is dan het cijfer van Rotterdam zonder Zuid "
        "in het meest recente jaar.",
        "Target: the rule says which figure Zuid should reach, for example ‘reach the average "
        "of Rotterdam excluding Zuid’. The target value is then the figure of Rotterdam "
        "excluding Zuid in the latest year."),
    "targets.how_track": (
        "Op koers: trek een rechte lijn van de waarde in het basisjaar naar de doelwaarde in "
        "het doeljaar. Ligt de laatste waarde op of voorbij die lijn, dan is het doel op koers.",
        "On track: draw a straight line from the value in the baseline year to the target "
        "value in the target year. If the latest value is on or beyond that line, the target "
        "is on track."),
    "targets.how_partial": (
        "Deels berekend: voor een deel van de buurten is het cijfer geheim of niet "
        "gepubliceerd. Het getal telt dan alleen de buurten met een cijfer en is daardoor "
        "minder zeker.",
        "Partial: for some of the neighbourhoods the figure is secret or not published. The "
        "number then counts only the neighbourhoods with a figure, so it is less certain."),
    "targets.pillar.school": ("School", "School"),
    "targets.pillar.werk": ("Werk", "Work"),
    "targets.pillar.wonen": ("Wonen", "Housing"),
    "targets.pillar.veiligheid": ("Veiligheid", "Safety"),
    "targets.pillar_empty": ("Geen doelen in deze pijler.", "No targets in this pillar."),
    "targets.baseline": ("Basis {year}", "Baseline {year}"),
    "targets.latest": ("Laatste ({year})", "Latest ({year})"),
    "targets.latest_none": ("Laatste", "Latest"),
    "targets.target": ("Doel {year}", "Target {year}"),
    "targets.path": ("Nodig voor ‘op koers’ in {year}", "Needed to be on track in {year}"),
    "targets.path_none": ("Nodig voor ‘op koers’", "Needed to be on track"),
    "targets.rule_line": ("{area} · {rule}", "{area} · {rule}"),
    "targets.origin.user": ("toegevoegd in de app", "added in the app"),
    "targets.origin.override": ("aangepast in de app (vervangt standaarddoel)",
                                "edited in the app (replaces a default target)"),
    "targets.show_chart": ("Toon grafiek", "Show chart"),
    "targets.source_line": ("Bron: {sources}; jaren {years}; licentie {licence}.",
                            "Source: {sources}; years {years}; licence {licence}."),
    "targets.computed": ("berekend uit onderdelen", "computed from parts"),
    "targets.definition": ("Definitie: {text}", "Definition: {text}"),
    "targets.sparkline": ("Verloop van {label} met het pad naar het doel",
                          "Trend of {label} with the path to the target"),
    # --- status ---------------------------------------------------------------------------
    "targets.status.met": ("Doel gehaald", "Target met"),
    "targets.status.on_track": ("Op koers", "On track"),
    "targets.status.off_track": ("Niet op koers", "Off track"),
    "targets.status.no_data": ("Te weinig gegevens", "Not enough data"),
    "targets.cmp.up_ok": ("gelijk aan of hoger dan", "at or above"),
    "targets.cmp.down_ok": ("gelijk aan of lager dan", "at or below"),
    "targets.cmp.up_bad": ("lager dan", "below"),
    "targets.cmp.down_bad": ("hoger dan", "above"),
    "targets.why.met": ("Doel gehaald: {latest_year} ({latest}) is {cmp} de doelwaarde ({target}).",
                        "Target met: {latest_year} ({latest}) is {cmp} the target value "
                        "({target})."),
    "targets.why.past": (
        "Niet gehaald: het doeljaar {target_year} is voorbij en {latest_year} ({latest}) is "
        "{cmp} de doelwaarde ({target}).",
        "Missed: the target year {target_year} has passed and {latest_year} ({latest}) is "
        "{cmp} the target value ({target})."),
    "targets.why.on_track": (
        "Op koers: {latest_year} ({latest}) is {cmp} de {path} die de rechte lijn van "
        "{baseline_year} ({baseline}) naar {target_year} ({target}) in {latest_year} vraagt.",
        "On track: {latest_year} ({latest}) is {cmp} the {path} that the straight line from "
        "{baseline_year} ({baseline}) to {target_year} ({target}) asks for in {latest_year}."),
    "targets.why.off_track": (
        "Niet op koers: {latest_year} ({latest}) is {cmp} de {path} die de rechte lijn van "
        "{baseline_year} ({baseline}) naar {target_year} ({target}) in {latest_year} vraagt.",
        "Off track: {latest_year} ({latest}) is {cmp} the {path} that the straight line from "
        "{baseline_year} ({baseline}) to {target_year} ({target}) asks for in {latest_year}."),
    "targets.why.no_baseline": (
        "Te weinig gegevens: geen waarde in het basisjaar {baseline_year} ({state}).",
        "Not enough data: no value in the baseline year {baseline_year} ({state})."),
    "targets.why.no_later": (
        "Te weinig gegevens: na het basisjaar {baseline_year} ({baseline}) is er nog geen jaar "
        "met een waarde.",
        "Not enough data: no year with a value after the baseline year {baseline_year} "
        "({baseline}) yet."),
    "targets.why.no_target": (
        "Te weinig gegevens: de maatstaf heeft geen waarde, dus er is geen doelwaarde "
        "(basisjaar {baseline_year}).",
        "Not enough data: the benchmark has no value, so there is no target value "
        "(baseline year {baseline_year})."),
    "targets.why.gaps": ("Geen waarde in {items}.", "No value in {items}."),
    # --- rules ----------------------------------------------------------------------------
    "targets.rule.g4": ("G4-gemiddelde halen", "reach the G4 average"),
    "targets.rule.rotterdam": ("Rotterdams gemiddelde halen", "reach the Rotterdam average"),
    "targets.rule.rotterdam_excl_zuid": ("gemiddelde van Rotterdam zonder Zuid halen",
                                         "reach the average of Rotterdam excluding Zuid"),
    "targets.rule.fixed": ("vaste waarde halen", "reach a fixed value"),
    "targets.fixed_label": ("vaste waarde", "fixed value"),
    # --- detail chart ---------------------------------------------------------------------
    "targets.detail": ("Grafiek per doel", "Chart per target"),
    "targets.detail_select": ("Doel", "Target"),
    "targets.chart.measured": ("Gemeten", "Measured"),
    "targets.chart.path": ("Pad naar het doel", "Path to the target"),
    "targets.chart.target": ("Doel", "Target"),
    "targets.chart.note": (
        "Punten zijn gemeten waarden; een lijn verbindt alleen opeenvolgende jaren met een "
        "waarde. Jaren zonder waarde (geheim of niet gepubliceerd) blijven open, nooit "
        "ingevuld.",
        "Points are measured values; a line joins only consecutive years with a value. Years "
        "without a value (secret or not published) stay open, never filled in."),
    # --- matrix ---------------------------------------------------------------------------
    "targets.matrix": ("Focuswijken", "Focus neighbourhoods"),
    "targets.matrix_intro": (
        "Dezelfde doelen (maatstaf, basisjaar en doeljaar) toegepast op elk van de zeven "
        "NPRZ-focuswijken. Klik op een cel om de wijk in de verkenner te openen.",
        "The same targets (benchmark, baseline year and target year) applied to each of the "
        "seven NPRZ focus neighbourhoods. Click a cell to open the neighbourhood in the "
        "explorer."),
    "targets.matrix_wijk": ("Focuswijk", "Focus neighbourhood"),
    "targets.matrix_cell": ("{value} ({year})", "{value} ({year})"),
    # --- status table and export ----------------------------------------------------------
    "targets.table": ("Statustabel", "Status table"),
    "targets.table_caption": ("Stand van alle doelen op {date}", "All targets as of {date}"),
    "targets.col.pillar": ("Pijler", "Pillar"),
    "targets.col.target": ("Doel", "Target"),
    "targets.col.area": ("Gebied", "Area"),
    "targets.col.rule": ("Regel", "Rule"),
    "targets.col.years": ("Gebruikte jaren", "Years used"),
    "targets.col.status": ("Status", "Status"),
    "targets.export_csv": ("Download CSV", "Download CSV"),
    "targets.export_history": ("Wijzigingen van dit doel (CSV)", "Changes to this target (CSV)"),
    "targets.export_xlsx": ("Download Excel", "Download Excel"),
    # --- form -----------------------------------------------------------------------------
    "targets.form": ("Doel toevoegen of aanpassen", "Add or edit a target"),
    "targets.form_intro": (
        "Kies een bestaand doel om het aan te passen, of vul een nieuwe sleutel in. Opslaan met "
        "de sleutel van een standaarddoel vervangt dat doel; verwijderen zet het terug.",
        "Pick an existing target to edit it, or type a new key. Saving with the key of a "
        "default target replaces it; deleting restores it."),
    "targets.form.edit": ("Bestaand doel", "Existing target"),
    "targets.form.key": ("Sleutel", "Key"),
    "targets.form.pillar": ("Pijler", "Pillar"),
    "targets.form.indicator": ("Indicator", "Indicator"),
    "targets.form.area": ("Gebied", "Area"),
    "targets.form.rule": ("Regel", "Rule"),
    "targets.form.fixed_value": ("Vaste waarde", "Fixed value"),
    "targets.form.baseline_year": ("Basisjaar", "Baseline year"),
    "targets.form.target_year": ("Doeljaar", "Target year"),
    "targets.form.text_nl": ("Toelichting (Nederlands)", "Explanation (Dutch)"),
    "targets.form.text_en": ("Toelichting (Engels)", "Explanation (English)"),
    "targets.form.save": ("Opslaan", "Save"),
    "targets.form.delete": ("Verwijderen", "Delete"),
    "targets.saved": ("Doel ‘{name}’ is opgeslagen.", "Target ‘{name}’ has been saved."),
    "targets.deleted": ("Doel ‘{name}’ is verwijderd.", "Target ‘{name}’ has been deleted."),
    "targets.not_saved": ("Niet opgeslagen; er is niets veranderd.",
                          "Not saved; nothing was changed."),
    "targets.delete_none": (
        "Er is geen in de app opgeslagen doel met sleutel ‘{name}’ (standaarddoelen uit "
        "data/targets.yaml kun je hier niet verwijderen).",
        "There is no target saved in the app with key ‘{name}’ (default targets of "
        "data/targets.yaml cannot be deleted here)."),
    "targets.db_error": (
        "De database met in de app opgeslagen doelen is niet bereikbaar ({detail}); alleen de "
        "standaarddoelen worden getoond.",
        "The database of targets saved in the app cannot be reached ({detail}); only the "
        "default targets are shown."),
    "targets.config_error": (
        "De standaarddoelen konden niet worden gelezen: {detail}",
        "The default targets could not be read: {detail}"),
    "targets.save_failed": ("De database gaf een fout ({detail}).",
                            "The database reported an error ({detail})."),
    "targets.err.key": (
        "{field}: ‘{value}’ kan niet; gebruik 2-48 kleine letters, cijfers of _, beginnend met "
        "een letter.",
        "{field}: ‘{value}’ is not allowed; use 2-48 lower-case letters, digits or _, starting "
        "with a letter."),
    "targets.err.pillar": ("{field}: kies school, werk, wonen of veiligheid (niet ‘{value}’).",
                           "{field}: choose school, werk, wonen or veiligheid (not ‘{value}’)."),
    "targets.err.indicator": ("{field}: ‘{value}’ staat niet in de indicatorencatalogus.",
                              "{field}: ‘{value}’ is not in the indicator catalogue."),
    "targets.err.area": ("{field}: ‘{value}’ is geen gebied in de databank.",
                         "{field}: ‘{value}’ is not an area in the data store."),
    "targets.err.rule": ("{field}: ‘{value}’ is geen bekende regel.",
                         "{field}: ‘{value}’ is not a known rule."),
    "targets.err.benchmark_absent": ("{field}: de maatstaf {value} staat niet in de databank.",
                                     "{field}: the benchmark {value} is not in the data store."),
    "targets.err.fixed_required": (
        "{field}: de regel ‘vaste waarde’ vraagt een getal (niet ‘{value}’).",
        "{field}: the rule ‘fixed value’ needs a number (not ‘{value}’)."),
    "targets.err.fixed_not_allowed": (
        "{field}: laat leeg, tenzij de regel ‘vaste waarde’ is (ingevuld: ‘{value}’).",
        "{field}: leave empty unless the rule is ‘fixed value’ (given: ‘{value}’)."),
    "targets.err.year": ("{field}: ‘{value}’ is geen jaar tussen 2000 en 2100.",
                         "{field}: ‘{value}’ is not a year between 2000 and 2100."),
    "targets.err.year_order": ("{field}: {value} moet na het basisjaar liggen.",
                               "{field}: {value} must be after the baseline year."),
    "targets.err.baseline_no_data": (
        "{field}: het gebied heeft geen waarde in dat jaar; jaren met een waarde: {value}.",
        "{field}: the area has no value in that year; years with a value: {value}."),
    "targets.err.text_type": ("{field}: alleen gewone tekst (geen stuurtekens).",
                              "{field}: plain text only (no control characters)."),
    "targets.err.text_long": ("{field}: te lang (hoogstens {value} tekens).",
                              "{field}: too long (at most {value} characters)."),
}
