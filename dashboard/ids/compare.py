"""Ids of comparing areas side by side and the indicator documentation page (``indicators-…``)."""
