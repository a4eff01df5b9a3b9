"""The store the app and the Python API query: the files the pipeline writes, opened once per
process (:func:`get_store`). Imports shared modules (catalogue, areas, settings), never the
pipeline; the pipeline imports :mod:`dashboard.store.files` to know what to write."""

from dashboard.store.files import StoreNotFound
from dashboard.store.reader import VALUE_COLUMNS, Store, get_store

__all__ = ["VALUE_COLUMNS", "Store", "StoreNotFound", "get_store"]
