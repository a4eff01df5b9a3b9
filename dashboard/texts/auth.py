"""Interface texts of signing in and out, refused writes and the change history."""

TEXTS: dict[str, tuple[str, str]] = {
    # --- the menu -------------------------------------------------------------------------
    "auth.signin": ("Aanmelden", "Sign in"),
    "auth.signout": ("Afmelden", "Sign out"),
    "auth.signed_in_as": ("Aangemeld als {name}", "Signed in as {name}"),
    # --- the sign-in page -----------------------------------------------------------------
    "auth.title": ("Aanmelden als redacteur", "Sign in as an editor"),
    "auth.intro": (
        "Iedereen kan het dashboard bekijken. Doelen toevoegen, wijzigen of verwijderen en "
        "activiteiten uploaden kan alleen een redacteur. Een beheerder maakt uw account aan.",
        "Anyone can view the dashboard. Only an editor can add, change or delete targets and "
        "upload activities. An administrator creates your account."),
    "auth.username": ("Gebruikersnaam", "User name"),
    "auth.password": ("Wachtwoord", "Password"),
    "auth.submit": ("Aanmelden", "Sign in"),
    "auth.already": ("U bent aangemeld als {name}.", "You are signed in as {name}."),
    "auth.back": ("Terug naar de doelen", "Back to the targets"),
    "auth.error.failed": ("Onbekende gebruikersnaam of onjuist wachtwoord. Probeer het opnieuw.",
                          "Unknown user name or wrong password. Please try again."),
    "auth.error.csrf": (
        "Het formulier was verlopen of kwam niet van deze site. Probeer het nog eens.",
        "The form had expired or did not come from this site. Please try again."),
    "auth.error.throttled": (
        "Te veel aanmeldpogingen vanaf dit adres. Wacht een minuut en probeer het opnieuw.",
        "Too many sign-in attempts from this address. Wait a minute and try again."),
    "auth.signed_out": ("U bent afgemeld.", "You have signed out."),
    # --- refused writes -------------------------------------------------------------------
    "auth.refused.signin": (
        "Niet opgeslagen: alleen een aangemelde redacteur kan dit wijzigen. Meld u aan en "
        "probeer het opnieuw.",
        "Not saved: only a signed-in editor can change this. Sign in and try again."),
    "auth.refused.csrf": (
        "Niet opgeslagen: deze wijziging kwam niet van een geldige pagina van deze site. Laad "
        "de pagina opnieuw en probeer het nog eens.",
        "Not saved: this change did not come from a valid page of this site. Reload the page "
        "and try again."),
    "auth.editors_only": (
        "Alleen een aangemelde redacteur kan doelen toevoegen, wijzigen of verwijderen.",
        "Only a signed-in editor can add, change or delete targets."),
    "auth.editors_only_upload": (
        "Alleen een aangemelde redacteur kan activiteiten uploaden.",
        "Only a signed-in editor can upload activities."),
    "auth.signin_to_edit": ("Aanmelden om te wijzigen", "Sign in to make changes"),
    # --- change history -------------------------------------------------------------------
    "auth.changed_by": ("Laatst gewijzigd door {name} op {date} om {time}",
                        "Last changed by {name} on {date} at {time}"),
    "auth.action.add": ("toegevoegd", "added"),
    "auth.action.update": ("gewijzigd", "changed"),
    "auth.action.delete": ("verwijderd", "deleted"),
    "auth.action.upload": ("geüpload", "uploaded"),
    "auth.col.at": ("tijdstip", "at"),
    "auth.col.editor": ("redacteur", "editor"),
    "auth.col.action": ("actie", "action"),
    "auth.col.entity": ("soort", "kind"),
    "auth.col.key": ("sleutel", "key"),
    "auth.col.field": ("veld", "field"),
    "auth.col.before": ("voor", "before"),
    "auth.col.after": ("na", "after"),
}
