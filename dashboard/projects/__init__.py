"""Project activities: the model, the registry and uploads, their places on the map, panels,
page parts, "around this project" and export. Imports the store, shared modules, explorer
details and export helpers."""
