"""The files of a store folder, as the pipeline writes them and the store reads them."""

from __future__ import annotations

STORE_VERSION = 1
OBS_FILE, AREAS_FILE, FLAGS_FILE, MANIFEST_FILE = (
    "observations.parquet", "areas.parquet", "boundary_changes.parquet", "manifest.json")
#: Postcode-4 areas (snapshot builds only; optional).
PC4_FILE = "pc4.parquet"


class StoreNotFound(FileNotFoundError):
    """No (complete) store at the path; the message says how to build one."""
