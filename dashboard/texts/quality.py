"""Interface texts about how far a number can be trusted: a value's ``quality`` (one short
and one long text per reason of ``dashboard.catalogue.QUALITY_REASONS``), coverage of a
year, ranks among reliable areas and how a value was computed (key -> (Dutch, English))."""

TEXTS: dict[str, tuple[str, str]] = {
    # --- a value's quality: quality.<reason> (short) and quality.<reason>_long -----------------
    "quality.label": ("Betrouwbaarheid", "Reliability"),
    "quality.ok": ("betrouwbaar", "reliable"),
    "quality.small_denominator": ("te klein aantal", "too few people"),
    "quality.small_denominator_long": (
        "Onbetrouwbaar: berekend over minder dan {minimum} {denominator}.",
        "Unreliable: based on fewer than {minimum} {denominator}."),
    "quality.rounded_zero": ("minder dan {below}", "fewer than {below}"),
    "quality.rounded_zero_long": (
        "Onbetrouwbaar: CBS rondt {count} af op een veelvoud van {rounding}, dus 0 betekent "
        "hier minder dan {below}.",
        "Unreliable: CBS rounds {count} to a multiple of {rounding}, so 0 here means fewer "
        "than {below}."),
    "quality.wide_margin": ("onzeker", "uncertain"),
    "quality.wide_margin_long": (
        "Onzeker: het 95%-betrouwbaarheidsinterval van deze schatting is breder dan {width} "
        "procentpunten.",
        "Uncertain: the 95% confidence interval of this estimate is wider than {width} "
        "percentage points."),
    # --- map, charts ---------------------------------------------------------------------
    "figure.flagged": ("onbetrouwbaar (te klein aantal of te onzeker)",
                       "unreliable (too small a number or too uncertain)"),
    "figure.no_scale": (
        "Geen kleurschaal: in {year} heeft {n} van de {total} gebieden op de kaart een "
        "betrouwbaar cijfer. Kies een ander jaar of niveau.",
        "No colour scale: in {year}, {n} of the {total} areas on the map have a reliable "
        "figure. Choose another year or level."),
    "figure.flagged_short": ("onbetrouwbaar", "unreliable"),
    "figure.gap_years": ("geen gegevens {years}", "no data {years}"),
    "figure.boundary_change": ("grenswijziging {year}", "boundary change {year}"),
    # --- ranks: only areas with a reliable figure ------------------------------------------
    "rank.base": ("Rangorde van {n} {areas} met een betrouwbaar cijfer",
                  "Ranking of {n} {areas} with a reliable figure"),
    "rank.flagged_below": ("; {n} met een onbetrouwbaar cijfer staan gearceerd onderaan",
                           "; {n} with an unreliable figure are hatched at the bottom"),
    "rank.text": ("{ordinal} van {n}", "{ordinal} of {n}"),
    "rank.first_best": ("1e = beste", "1st = best"),
    "rank.first_highest": ("1e = hoogste", "1st = highest"),
    "rank.with_base": ("{text} {areas} met een betrouwbaar cijfer ({first})",
                       "{text} {areas} with a reliable figure ({first})"),
    "rank.not_ranked": ("niet gerangschikt: het cijfer is onbetrouwbaar",
                        "not ranked: the figure is unreliable"),
    "rank.areas_buurt": ("buurten", "neighbourhoods"),
    "rank.areas_buurt_one": ("buurt", "neighbourhood"),
    "rank.areas_wijk": ("wijken", "districts"),
    "rank.areas_wijk_one": ("wijk", "district"),
    "rank.areas_gemeente": ("gemeenten", "municipalities"),
    "rank.areas_gemeente_one": ("gemeente", "municipality"),
    "rank.areas_custom": ("gebieden", "areas"),
    "rank.areas_custom_one": ("gebied", "area"),
    # --- better / worse, from the indicator's direction --------------------------------------
    "judge.better": ("beter", "better"),
    "judge.worse": ("slechter", "worse"),
    "judge.higher": ("hoger", "higher"),
    "judge.lower": ("lager", "lower"),
    "judge.same": ("gelijk", "the same"),
    # --- how a value is computed ------------------------------------------------------------
    "method.derived": (
        "Berekend door het dashboard: {num} gedeeld door {den}, maal {scale}.",
        "Computed by the dashboard: {num} divided by {den}, times {scale}."),
    "method.ratio": (
        "Samengestelde gebieden (zoals Rotterdam-Zuid): de opgetelde {num} gedeeld door de "
        "opgetelde {den} van de delen, beide van hetzelfde niveau.",
        "Combined areas (such as Rotterdam-Zuid): the summed {num} divided by the summed "
        "{den} of the parts, both from the same level."),
    "method.weighted": (
        "Samengestelde gebieden: het gemiddelde van de delen, gewogen naar {weight}.",
        "Combined areas: the mean of the parts, weighted by {weight}."),
    "method.sum": ("Samengestelde gebieden: de som van de delen.",
                   "Combined areas: the sum of the parts."),
    "method.none": ("Niet op te tellen: alleen gebieden met een eigen cijfer.",
                    "Cannot be combined: only areas with a figure of their own."),
    "partial.explained": (
        "Deels berekend: een deel van dit gebied heeft geen cijfer (geheim of ontbrekend), dus "
        "het cijfer gaat alleen over de delen die er wel een hebben.",
        "Partial: part of this area has no figure (secret or missing), so the figure covers "
        "only the parts that do."),
    "table.note": ("Toelichting", "Note"),
    # --- coverage of a year ---------------------------------------------------------------
    "coverage.sparse_year": ("{year} – weinig gegevens: {n} van {total} {areas}",
                             "{year} – sparse: {n} of {total} {areas}"),
    "coverage.sparse_title": (
        "Minder dan de helft van de gebieden op de kaart heeft in dit jaar een cijfer.",
        "Fewer than half of the areas on the map have a figure in this year."),
    # --- downloads ------------------------------------------------------------------------
    "downloads.quality_column": (
        "Kolom {column}: ok = betrouwbaar; anders de reden waarom de waarde te weinig zegt "
        "(hieronder per indicator); leeg = geen waarde.",
        "Column {column}: ok = reliable; otherwise why the value says too little (per "
        "indicator below); empty = no value."),
    "downloads.partial_column": (
        "Kolom {column}: True (waar) = een samengesteld gebied waarvan een deel geen cijfer heeft "
        "(geheim of ontbrekend); de waarde gaat alleen over de delen met een cijfer.",
        "Column {column}: true = a combined area of which a part has no figure (secret or "
        "missing); the value covers only the parts that have one."),
}
