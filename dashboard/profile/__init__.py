"""An area's profile as data and as an offline briefing. Imports the store, shared modules,
explorer details and projects."""
