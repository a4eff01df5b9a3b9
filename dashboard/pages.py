"""Where each page lives: its URL path, in one place.

The layouts register their page under these paths, the site menu links to them, and the
core builds links into them (profile, compare, projects, targets after a save).
"""

from __future__ import annotations

EXPLORER = "/"
TARGETS = "/doelen"
PROJECTS = "/projecten"
COMPARE = "/vergelijk"
INDICATORS = "/indicatoren"
DATA = "/data"
PROFILE = "/gebied"
PROFILE_TEMPLATE = PROFILE + "/<code>"
SIGNIN = "/aanmelden"
#: Where the sign-in and sign-out forms are sent (POST only; plain Flask routes).
SIGNIN_POST = "/auth/aanmelden"
SIGNOUT_POST = "/auth/afmelden"
