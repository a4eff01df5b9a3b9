"""Ids of project activities (page and map overlay)."""
