"""The build: fetch or read sources, extract, derive and aggregate, make geometries and
write the store atomically. Imports shared modules, the store's file layout and geo/; nothing
imports it but the CLI."""
