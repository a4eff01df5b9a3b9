"""Interface strings and the ``lang`` URL parameter."""

from __future__ import annotations

import string

import pytest

from dashboard.i18n import keys, label_or_key, normalise_lang, parse_lang, t


def test_translates_to_both_languages():
    assert t("home.title", "nl") == "Wat staat er in de databank"
    assert t("home.title", "en") == "What the data store holds"


@pytest.mark.parametrize("lang", ["de", "", None, "EN", "xx"])
def test_unknown_language_falls_back_to_dutch(lang):
    assert t("home.sources", lang) == "Bronnen"


def test_placeholders_are_filled():
    assert t("home.built_at", "en", date="14 September 2026") == \
        "Data store built on 14 September 2026."
    assert t("home.n_indicators", "nl", n="1.234") == "1.234 indicatoren"


def test_unknown_key_fails_loudly():
    with pytest.raises(KeyError):
        t("home.does-not-exist", "nl")


@pytest.mark.parametrize("key", keys())
def test_every_text_has_both_languages_with_the_same_placeholders(key):
    def fields(text):
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    nl, en = t(key, "nl"), t(key, "en")
    assert nl.strip() and en.strip()
    # Formatting with dummy values must work in both languages.
    nl_fields, en_fields = fields(nl), fields(en)
    assert nl_fields == en_fields, key


def test_label_or_key_for_data_names():
    assert label_or_key("theme", "werk", "en") == "Work and income"
    assert label_or_key("theme", "werk", "nl") == "Werk en inkomen"
    assert label_or_key("level", "buurt", "en") == "Neighbourhood"
    # A theme the table does not know yet shows under its own key.
    assert label_or_key("theme", "klimaat", "en") == "klimaat"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "nl"),
        ("", "nl"),
        ("nl", "nl"),
        ("en", "en"),
        ("EN", "en"),
        (" en ", "en"),
        (["en", "nl"], "en"),
    ],
)
def test_parse_lang_accepts(value, expected):
    assert parse_lang(value) == (expected, None)


@pytest.mark.parametrize("value", ["xx", "de", "english", "<b>en</b>", ["fr"]])
def test_parse_lang_rejects_with_a_bilingual_notice(value):
    lang, notice = parse_lang(value)
    assert lang == "nl"
    shown = value[0] if isinstance(value, list) else value
    assert f"‘{shown}’" in notice
    assert "Nederlands" in notice and "Dutch" in notice


def test_parse_lang_notice_is_short_for_long_values():
    _, notice = parse_lang("x" * 500)
    assert "x" * 20 in notice and "x" * 21 not in notice


def test_parse_lang_default():
    assert parse_lang(None, default="en") == ("en", None)
    lang, notice = parse_lang("xx", default="en")
    assert lang == "en"
    assert "in het Engels" in notice and "shown in English" in notice
    assert normalise_lang("fr") == "nl"
