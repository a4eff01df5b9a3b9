"""Comparing 2–4 areas: the model and its view. Imports the store, shared modules and the
toolkit block."""
