"""Unreliable values on the map and in the ranking: drawn apart, out of the classes and
the ranks, with their reason (hand-built test data)."""

from __future__ import annotations

import pandas as pd

from dashboard import colours as C
from dashboard import figures as F
from dashboard.catalogue import Indicator


def _ind():
    # test data, built here
    return Indicator(key="rate", label={"nl": "Bijstand", "en": "Assistance"},
                     definition={"nl": "d", "en": "d"}, theme="werk",
                     unit={"nl": "per 1.000", "en": "per 1,000"}, kind="rate",
                     aggregation={"method": "sum"}, direction="higher_worse", decimals=1,
                     licence="CC BY 4.0", sources=[{"source": "kwb", "columns": {"odata": "X"}}])


def _rows(rows):
    """rows: (code, name, value, status, quality, note). test data, built here."""
    return pd.DataFrame([{
        "area_code": c, "area_name": n, "level": "buurt", "year": 2024, "indicator": "rate",
        "value": v, "status": s, "partial": False, "method": "derived", "source": "derived",
        "quality": q, "quality_note": note, "unit": "per 1.000"} for c, n, v, s, q, note in rows])


ROWS = _rows([
    ("B1", "Afrikaanderwijk", 135.4, "ok", "ok", ""),
    ("B2", "Feijenoord", 157.1, "ok", "ok", ""),
    ("B3", "Carnisse", 55.7, "ok", "ok", ""),
    ("B4", "Kralingse Bos", 166.7, "ok", "small_denominator",
     "Onbetrouwbaar: berekend over minder dan 100 inwoners 15-64 jaar."),
    ("B5", "Charlois Zuidrand", 0.0, "ok", "rounded_zero", "Onbetrouwbaar: 0 = minder dan 5."),
    ("B6", "Waalhaven", None, "secret", None, ""),
])


def test_unreliable_areas_are_outlined_apart_with_their_reason_and_out_of_the_classes():
    out = F.map_values(ROWS, _ind(), "nl", names={c: c for c in ROWS["area_code"]})
    assert out["data[0].locations"] == ["B1", "B2", "B3"]
    assert out["layout.meta"]["flagged"] == ["B4", "B5"]
    assert min(out["layout.meta"]["breaks"]) == 55.7 and max(out["layout.meta"]["breaks"]) == 157.1
    where = dict(zip(out["data[1].locations"], range(9), strict=False))
    b4 = where["B4"]
    assert "minder dan 100 inwoners" in out["data[1].hovertext"][b4]
    assert "Kralingse Bos" in out["data[1].hovertext"][b4]
    assert out["data[1].z"][b4] == 0.5 and out["data[1].marker.line.color"][b4] == C.FLAGGED_LINE
    assert out["data[1].marker.line.width"][b4] > out["data[1].marker.line.width"][where["B6"]]
    assert "onbetrouwbaar" in out["layout.annotations"][0]["text"]


def test_one_reliable_value_gives_no_colour_scale_but_a_sentence():
    lonely = ROWS[ROWS["area_code"].isin(["B1", "B4", "B6"])]
    names = {f"G{i}": f"G{i}" for i in range(340)} | {"B1": "B1", "B4": "B4", "B6": "B6"}
    out = F.map_values(lonely, _ind(), "en", names=names)
    assert out["data[0].showscale"] is False and out["layout.meta"]["scaled"] is False
    texts = " ".join(a["text"] for a in out["layout.annotations"])
    assert "No colour scale: in 2024, 1 of the 343 areas" in texts
    assert F.map_values(ROWS, _ind(), "en")["data[0].showscale"] is True


def test_ranking_counts_only_reliable_areas_and_says_its_base():
    fig = F.ranking_bar(ROWS, _ind(), "nl", {}, selected=["B4"])
    bars, weak, gaps = fig.data
    assert list(bars.customdata) == ["B2", "B1", "B3"]        # highest (worst) first
    assert list(weak.customdata) == ["B4", "B5"] and list(weak.y) == [3, 4]
    assert weak.marker.pattern.shape == "/"
    assert "minder dan 100" in weak.hovertext[0]
    assert list(gaps.customdata) == ["B6"] and list(gaps.y) == [5]
    title = fig.layout.xaxis.title.text.replace("<br>", " ")  # wrapped to fit the panel
    assert "Rangorde van 3 buurten met een betrouwbaar cijfer" in title
    assert "2 met een onbetrouwbaar cijfer" in title
