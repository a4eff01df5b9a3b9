"""Ids of the NPRZ targets tracker."""
