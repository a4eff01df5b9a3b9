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
