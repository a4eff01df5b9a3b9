"""Interface texts for accessibility: the skip link, page titles, chart names and their text
equivalents, and the keyboard selection of areas (key -> (Dutch, English))."""

TEXTS: dict[str, tuple[str, str]] = {
    "access.skip": ("Naar de inhoud", "Skip to content"),
    "access.title": ("{page} · Wijkdashboard Rotterdam-Zuid",
                     "{page} · Rotterdam-Zuid neighbourhood dashboard"),
    "access.as_text": ("Grafiek als tekst", "Chart as text"),
    "access.map_name": ("Kaart: {label}, {year}, per gebied. Dezelfde cijfers staan in de "
                        "tabel onder de grafieken.",
                        "Map: {label}, {year}, by area. The table below the charts shows "
                        "the same figures."),
    "access.bar_name": ("Rangorde: {label}, {year}. Dezelfde cijfers staan in de tabel onder "
                        "de grafieken.",
                        "Ranking: {label}, {year}. The table below the charts shows the same "
                        "figures."),
    "access.trend_name": ("Lijngrafiek: {label} door de jaren", "Line chart: {label} over the "
                          "years"),
    "access.scatter_name": ("Spreidingsdiagram: {label} tegen {label2}",
                            "Scatter plot: {label} against {label2}"),
    "access.chart_name": ("Grafiek: {label}", "Chart: {label}"),
    "explorer.pick": ("Geselecteerde gebieden (max. 4)", "Selected areas (max 4)"),
    "explorer.pick_help": ("Typ een naam om een gebied te kiezen; Backspace haalt het laatste "
                           "weg.", "Type a name to choose an area; Backspace removes the last."),
    "explorer.sort": ("Volgorde", "Order"),
    "projects.upload_label": ("Bestand met activiteiten (CSV of Excel)",
                              "File of activities (CSV or Excel)"),
    "access.no_points": ("Geen punten in deze grafiek.", "No points in this chart."),
}
