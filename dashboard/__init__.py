"""Rotterdam-Zuid indicator dashboard: the core package.

For notebooks::

    from dashboard import load_store
    data = load_store()
    data.values("bijstand_per_1000_15_64", 2024, level="buurt", within="ZUID0599")

``load_store`` and ``StoreData`` are imported on first use, so ``import dashboard`` stays
fast and loads neither pandas nor geopandas.
"""

from __future__ import annotations

__all__ = ["load_store", "StoreData"]


def __getattr__(name: str):
    if name in __all__:
        from dashboard import api

        return getattr(api, name)
    raise AttributeError(f"module 'dashboard' has no attribute {name!r}")
