"""What a user meets on the real snapshot: unreliable areas out of the classes and ranks
with their reason, sparse years apart, no one-value colour scale, methods stated, trend
breaks on the chart, profile and compare judged by direction."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.explorer import views
from dashboard.explorer.details import details, table_rows
from dashboard.explorer.state import ExplorerState, parse_state, year_options
from dashboard.profile.model import profile_data

KEY = "bijstand_per_1000_15_64"
KRALINGSE_BOS, CHARLOIS_ZUIDRAND, AFRIKAANDERWIJK = "BU05990843", "BU05991570", "BU05991086"


def _state(**kw):
    base = {"indicator": KEY, "year": 2024, "level": "buurt", "area": "GM0599"}
    return ExplorerState(**(base | kw))


def test_flagged_buurten_are_out_of_the_map_classes_and_the_ranking(store):
    updates = views.map_updates(store, _state())
    shown = updates["data[0].locations"]
    assert KRALINGSE_BOS not in shown and CHARLOIS_ZUIDRAND not in shown
    assert AFRIKAANDERWIJK in shown
    assert {KRALINGSE_BOS, CHARLOIS_ZUIDRAND} <= set(updates["layout.meta"]["flagged"])
    # class breaks from reliable values only: Charlois Zuidrand's rounded 0 is not the minimum
    breaks, z = updates["layout.meta"]["breaks"], updates["data[0].z"]
    assert breaks[0] == min(z) > 0 and breaks[-1] == max(z)
    at = updates["data[1].locations"].index(KRALINGSE_BOS)
    assert "minder dan 100 inwoners 15-64 jaar" in updates["data[1].hovertext"][at]
    bar = views.bar(store, _state())
    ranked, weak = list(bar.data[0].customdata), list(bar.data[1].customdata)
    assert KRALINGSE_BOS in weak and CHARLOIS_ZUIDRAND in weak
    assert AFRIKAANDERWIJK in ranked and not set(weak) & set(ranked)
    assert f"Rangorde van {len(ranked)} buurten met een betrouwbaar cijfer" in \
        bar.layout.xaxis.title.text.replace("<br>", " ")  # wrapped to fit the panel


def test_details_and_table_say_the_reason_and_rank_only_reliable_areas(store):
    state = _state(selected=(KRALINGSE_BOS, AFRIKAANDERWIJK))
    kb, afr = (details(store, state, c) for c in state.selected)
    assert kb["rank_text"] == "niet gerangschikt: het cijfer is onbetrouwbaar"
    assert "minder dan 100 inwoners 15-64 jaar" in kb["quality_text"] and not kb["differences"]
    n_reliable = store.coverage_of(KEY, 2024, views.view_codes(store, "GM0599", "buurt"))
    assert afr["rank_text"].endswith(
        f"van {n_reliable.n_reliable} buurten met een betrouwbaar cijfer (1e = beste)")
    assert afr["quality_text"] == "" and "slechter" in afr["differences"][0][1]
    rows = {r["code"]: r for r in table_rows(store, _state(lang="en"))}
    assert "fewer than 5" in rows[CHARLOIS_ZUIDRAND]["note"]
    assert rows[AFRIKAANDERWIJK]["note"] == ""


def test_year_options_put_sparse_years_apart_with_their_coverage(store):
    options = year_options(store, KEY, "buurt", "GM0599", "nl")
    labels = {o["value"]: o["label"] for o in options}
    ordinary = [o["value"] for o in options if o["label"] == str(o["value"])]
    assert 2024 in ordinary and 2022 not in ordinary and 2023 not in ordinary
    for year in (2022, 2023):
        assert labels[year].startswith(f"{year} – weinig gegevens: ")
        assert labels[year].endswith("van 91 buurten")
    assert [o["value"] for o in options][: len(ordinary)] == ordinary  # sparse ones after
    assert parse_state({"level": "buurt", "area": "GM0599"}, store).state.year == 2024


@pytest.mark.parametrize("key", [KEY, "inwoners", "pct_huur_corporatie", "woz_waarde",
                                 "inkomen_per_inwoner"])
def test_the_gemeente_level_never_draws_a_one_value_colour_scale(store, key):
    for option in year_options(store, key, "gemeente", "ZUID0599", "nl"):
        updates = views.map_updates(store, _state(indicator=key, year=option["value"],
                                                  level="gemeente", area="ZUID0599"))
        distinct = set(updates["data[0].z"])
        if len(distinct) < 2:
            assert updates["data[0].showscale"] is False
            assert any("Geen kleurschaal" in a["text"] for a in updates["layout.annotations"])
        else:
            assert updates["data[0].showscale"] is True


def test_a_combined_rate_takes_numerator_and_denominator_from_the_same_level(store):
    buurten = views.view_codes(store, "ZUID0599", "buurt")
    num = store.values("bijstand", 2024, areas=buurten)["value"].sum()
    den = store.values("inwoners_15_64", 2024, areas=buurten)["value"].sum()
    zuid = store.values(KEY, 2024, areas=["ZUID0599"]).iloc[0]
    assert zuid["value"] == pytest.approx(num / den * 1000)
    source = views.source_text(store, _state(area="ZUID0599"))
    assert "beide van hetzelfde niveau" in source and "gedeeld door" in source


def test_trend_chart_marks_years_without_data_and_says_so_on_the_chart(store):
    fig = views.trend(store, _state(area="ZUID0599", selected=(AFRIKAANDERWIJK,)))
    texts = [a.text for a in fig.layout.annotations]
    assert any(text.startswith("geen gegevens 2018") or text == "geen gegevens 2018–2023"
               for text in texts), texts
    spans = [s for s in fig.layout.shapes if s.type == "rect"]
    assert spans and spans[0].x0 < 2019 < spans[0].x1


def test_profile_judges_by_direction_and_ranks_only_reliable_peers(store):
    data = profile_data(store, AFRIKAANDERWIJK, "nl")
    row = next(r for r in data["themes"]["werk"] if r["key"] == KEY)
    assert row["year"] == 2024 and row["quality_text"] == ""
    assert row["rank_short"].endswith(f"van {row['n']}") and "1e = beste" in row["rank_text"]
    zuid = next(d for d in row["differences"] if d["code"] == "ZUID0599")
    assert zuid["judgement"] == ("slechter" if row["value"] > zuid["value"] else "beter")
    small = profile_data(store, KRALINGSE_BOS, "en")
    weak = next(r for r in small["themes"]["werk"] if r["key"] == KEY)
    assert weak["rank"] is None and "fewer than 100" in weak["quality_text"]
    assert all(d["diff_text"] == "" for d in weak["differences"])
    assert "1 = hoogste" not in data["peers_text"]


def test_every_year_of_the_profile_table_is_beside_its_value(store):
    data = profile_data(store, "ZUID0599", "nl")
    rows = [r for rows in data["themes"].values() for r in rows]
    assert rows and all(isinstance(r["year"], int) for r in rows)
    years = pd.Series([r["year"] for r in rows])
    assert years.nunique() > 1  # mixed years exist, hence a year per row


def test_the_kept_values_table_is_what_dash_sends_of_the_components(store):
    import json

    from dash._utils import to_json

    from dashboard.explorer import views
    from dashboard.explorer.panels import values_table

    for lang, sort in (("nl", "value"), ("en", "name")):
        state = _state(lang=lang)
        ind = store.catalogue[state.indicator]
        built = values_table(views.table_data(store, state, sort), ind.label.get(lang),
                             ind.unit.get(lang), state.year, lang)
        assert json.loads(to_json(views.table_json(store, state, sort))) == \
            json.loads(to_json(built))


def test_coverage_of_every_year_at_once_is_coverage_of_each_year(store):
    from dashboard.explorer.state import view_codes

    compared = 0
    for area, level in (("GM0599", "buurt"), ("GM0599", "wijk"), ("ZUID0599", "buurt")):
        codes = view_codes(store, area, level)
        for ind in store.catalogue:
            years = store.years(ind.key)
            assert store.coverage_by_year(ind.key, codes) == \
                [store.coverage_of(ind.key, y, codes) for y in years], (ind.key, area, level)
            compared += len(years)
    assert compared > 500  # real years of real indicators, not empty lists
