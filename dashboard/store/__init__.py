"""The store the app and the Python API query: the files the pipeline writes, opened once per
process (:func:`get_store`). Imports shared modules (catalogue, areas, settings), never the
pipeline; the pipeline imports :mod:`dashboard.store.files` to know what to write."""

from dashboard.store.checks import StoreCorrupt
from dashboard.store.files import StoreNotFound, StoreUnavailable
from dashboard.store.reader import VALUE_COLUMNS, Store
from dashboard.store.serving import get_store, serving_stale

__all__ = ["VALUE_COLUMNS", "Store", "StoreCorrupt", "StoreNotFound", "StoreUnavailable",
           "get_store", "serving_stale"]
