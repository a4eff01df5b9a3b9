"""The explorer page's logic: its state (URL and controls), linked views, details and panels.
Imports the store, shared modules, the projects layer and the toolkit block; knows no page
layout."""
