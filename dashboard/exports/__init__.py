"""Downloads and the student toolkit: tidy tables with provenance, file formats, snippets,
the indicator docs. Imports the store and the feature packages whose views it exports."""
