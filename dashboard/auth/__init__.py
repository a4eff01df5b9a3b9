"""Editors and the audit trail: accounts (argon2 password hashes, managed from the command
line), sign-in sessions in a signed cookie with CSRF protection and throttling, the guard
every write callback passes, and the record of who changed what and when.

Reading the dashboard needs no account; writing (targets, activities) needs an editor.
Imports only shared modules (db, settings, i18n, formatting, pages) and export helpers;
the features (targets, projects) import this package, never the other way round.
"""
