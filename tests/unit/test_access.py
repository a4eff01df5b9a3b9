"""Accessibility helpers: charts' text equivalents, the keyboard selection, Mantine data."""

from __future__ import annotations

import plotly.graph_objects as go

from dashboard.controls import choice_data, multi_select, radio_group, select
from dashboard.explorer.state import MAX_SELECTED, picked_codes
from dashboard.figures import figure_lines, named_chart, text_equivalent
from dashboard.figures.common import GRAPH_CONFIG, empty_figure


def test_a_chart_reads_as_its_points_hover_texts():
    # test data, built here
    fig = go.Figure([
        go.Scatter(name="Carnisse", x=[2019, 2020], y=[52.1, 50.0],
                   hovertext=["<b>Carnisse</b><br>2019: 52,1%", "<b>Carnisse</b><br>2020: 50,0%"]),
        go.Scatter(name="Doelpad", x=[2031], y=[40], hovertext=["2031: 40,0%"]),
        go.Scatter(name="Zuid", x=[2019, None], y=[48.5, None]),
    ])
    fig.add_annotation(text="Geen waarde: <b>Tarwewijk</b> (2021)")
    assert figure_lines(fig) == ["Carnisse, 2019: 52,1%", "Carnisse, 2020: 50,0%",
                                 "Doelpad, 2031: 40,0%", "Zuid, 2019: 48.5",
                                 "Geen waarde: Tarwewijk (2021)"]
    # a figure as Dash sends it (a dict) reads the same; entities come back as text
    as_dict = go.Figure(go.Bar(name="values", hovertext=["<b>A &amp; B</b><br>3"])).to_dict()
    assert figure_lines(as_dict) == ["A & B, 3"]


def test_an_empty_chart_says_why_and_a_named_chart_is_an_image():
    fig = empty_figure("Klik op een gebied")
    details = text_equivalent(fig, "nl")
    assert [li.children for li in details[1].children] == ["Klik op een gebied"]
    assert text_equivalent(go.Figure(), "en")[1].children[0].children == "No points in this chart."
    block = named_chart("graph", "Kaart: x", "explorer-map-chart", describedby="explorer-table")
    image = block.children[0]
    assert image.role == "img" and getattr(image, "aria-label") == "Kaart: x"
    assert getattr(image, "aria-describedby") == "explorer-table" and len(block.children) == 1
    with_text = named_chart("graph", "Trend", text=details, text_id="explorer-trend-text")
    assert getattr(with_text.children[0], "aria-describedby") == "explorer-trend-text"
    assert with_text.children[1].id == "explorer-trend-text"
    # nothing focusable inside an image: no mode bar
    assert GRAPH_CONFIG["displayModeBar"] is False


def test_the_keyboard_selection_takes_known_codes_once_and_at_most_four():
    known = {"A", "B", "C", "D", "E"}
    assert picked_codes(["B", "A", "B", "X", 7, None], known) == ["B", "A"]
    assert picked_codes(["A", "B", "C", "D", "E"], known) == ["A", "B", "C", "D"]
    assert len(picked_codes(list("ABCDE"), known)) == MAX_SELECTED
    assert picked_codes("A", known) == [] and picked_codes(None, known) == []


def test_controls_carry_their_label_and_string_values():
    assert choice_data([2016, {"label": "Twee", "value": 2, "search": "x"},
                        {"label": "Drie", "value": 3, "title": "Definitie"}]) == [
        {"value": "2016", "label": "2016"}, {"value": "2", "label": "Twee"},
        {"value": "3", "label": "Drie", "title": "Definitie"}]
    year = select("explorer-year", "Jaar", [2015, 2016], 2016)
    assert (year.label, year.value, year.searchable, year.selectFirstOptionOnChange) == (
        "Jaar", "2016", True, True)
    assert select("x-y", "Gebied", [], None, clearable=True).allowDeselect is True
    pick = multi_select("explorer-pick", "Gebieden", ["A"], ("A",), max_values=4)
    assert (pick.value, pick.maxValues) == (["A"], 4)
    group = radio_group("explorer-level", "Niveau", [{"label": "Buurt", "value": "buurt"}],
                        "buurt")
    assert group.label == "Niveau" and group.value == "buurt"


def test_kept_text_equivalents_are_what_dash_sends_of_the_components():
    import json

    from dash._utils import to_json

    from dashboard.figures import text_equivalent_json

    # test data, built here: names with markup and entities must arrive as text
    fig = go.Figure([go.Bar(name="values", hovertext=["<b>A &amp; B</b><br>3", "<b>C</b><br>4"])])
    for lang in ("nl", "en"):
        sent = json.loads(to_json(text_equivalent(fig, lang)))
        assert json.loads(to_json(text_equivalent_json(fig, lang))) == sent
        assert [li["props"]["children"] for li in sent[1]["props"]["children"]] == ["A & B, 3",
                                                                                    "C, 4"]
    assert text_equivalent_json(fig, "nl") is text_equivalent_json(fig.to_dict(), "nl")


def test_a_long_empty_chart_message_wraps_and_reads_as_one_sentence():
    message = "Klik op een gebied op de kaart om de ontwikkeling door de jaren te zien."
    fig = empty_figure(message)
    text = fig["layout"]["annotations"][0]["text"]
    assert "<br>" in text and all(len(line) <= 36 for line in text.split("<br>"))
    assert figure_lines(fig) == [message]
