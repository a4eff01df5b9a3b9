"""CBS secrecy and missing markers become a status, never a number."""

from __future__ import annotations

import pytest

from dashboard.pipeline.sources.markers import (
    MISSING_CODES,
    MISSING_MARKERS,
    SECRET_CODES,
    SECRET_MARKERS,
    classify,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # test data, built here: each marker form CBS uses
        (None, (None, "blank")),
        ("", (None, "blank")),
        ("   ", (None, "blank")),
        (float("nan"), (None, "blank")),
        (".", (None, "secret")),
        ("  .  ", (None, "secret")),
        ("x", (None, "secret")),
        (-99997, (None, "secret")),
        (-99997.0, (None, "secret")),
        ("-99997", (None, "secret")),
        ("-99997.0", (None, "secret")),
        (-99999999, (None, "secret")),
        ("-99999999", (None, "secret")),
        ("?", (None, "missing")),
        (-99995, (None, "missing")),
        ("-99998", (None, "missing")),
        ("n.v.t.", (None, "missing")),
        ("abc", (None, "missing")),
        (True, (None, "missing")),
    ],
)
def test_markers(raw, expected):
    assert classify(raw) == expected


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        # test data, built here: published numbers in the shapes they arrive in
        (0, 0.0),
        (20440, 20440.0),
        (1.5, 1.5),
        ("  12,5 ", 12.5),
        ("12.5", 12.5),
        ("-3", -3.0),
        ("      3011", 3011.0),
        ("1.234,5", 1234.5),
        (",5", 0.5),
    ],
)
def test_numbers(raw, value):
    got, status = classify(raw)
    assert status == "ok"
    assert got == pytest.approx(value)
    assert isinstance(got, float)


def test_a_marker_never_becomes_zero():
    for raw in [".", "x", "?", -99997, -99995, -99998, -99999999, None, ""]:
        value, status = classify(raw)
        assert value is None and status != "ok"


def test_constants_mirror_sources_yaml(repo_root):
    yaml = pytest.importorskip("yaml")
    markers = yaml.safe_load((repo_root / "data" / "sources.yaml").read_text())["markers"]

    def split(items):
        texts = {m for m in items if m and not m.lstrip("-").isdigit()}
        codes = {float(m) for m in items if m.lstrip("-").isdigit()}
        return texts, codes

    assert split(markers["secret"]) == (set(SECRET_MARKERS), set(SECRET_CODES))
    assert split(markers["missing"]) == (set(MISSING_MARKERS), set(MISSING_CODES))
