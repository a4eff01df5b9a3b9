"""NPRZ targets: the model and rules, status, database records, form, report, export and
figures. Imports the store, shared modules, explorer state (links) and export helpers."""
