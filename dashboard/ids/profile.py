"""Ids of area profiles."""
