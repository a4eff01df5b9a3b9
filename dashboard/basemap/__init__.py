"""Online map services of PDOK, used when they answer and never waited on for long: the
BRT-Achtergrondkaart basemap (:mod:`.online`) and the Locatieserver address search
(:mod:`.locatieserver`). Imports only shared modules (settings)."""
