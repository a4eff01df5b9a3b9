"""Indicator documentation page ``/indicatoren``: every indicator with definition, unit,
source per year, licence and caveats — the same entries as ``docs/indicators.md``
(dashboard/exports/docs.py), plus the years the built store holds when there is one.
"""

from __future__ import annotations

from urllib.parse import urlencode

from dash import dcc, html

from dashboard import ids, pages
from dashboard.catalogue import THEMES, load_catalogue
from dashboard.exports.docs import indicator_doc
from dashboard.formatting import format_year_ranges
from dashboard.i18n import label_or_key, parse_lang, t
from dashboard.settings import get_settings
from dashboard.sourceconfig import load_source_config
from dashboard.store import StoreNotFound, get_store
from layouts.common import lang_switch, other_lang, site_nav

PATH = pages.INDICATORS


def _entry(doc: dict, years: list[int] | None, lang: str) -> html.Article:
    def row(key: str, value) -> list:
        return [html.Dt(t(f"indicators.{key}", lang)), html.Dd(value)]

    facts = [*row("key", html.Code(doc["key"])), *row("definition", doc["definition"][lang]),
             *row("unit", doc["unit"][lang]), *row("kind", doc["kind"]),
             *row("aggregation", doc["aggregation"]), *row("direction", doc["direction"]),
             *row("licence", doc["licence"])]
    if doc["caveats"]:
        facts += row("caveats", doc["caveats"][lang])
    if doc.get("reliability") and doc["reliability"][lang]:
        facts += [html.Dt(t("quality.label", lang)), html.Dd(doc["reliability"][lang])]
    if doc["live_only"] and not years:
        # never a number the store does not hold: say where the values would come from
        facts += row("years", html.Span(t("indicators.live_only", lang), className="live-only"))
    elif years is not None:
        facts += row("years", format_year_ranges(years) or "–")
    return html.Article([
        html.H3(doc["label"][lang]),
        html.Dl(facts, className="facts"),
        html.H4(t("indicators.sources", lang)),
        html.Ul([html.Li(line) for line in doc["sources"]], className="source-lines"),
        *([dcc.Link(t("indicators.explore", lang),
                    href="/?" + urlencode({"indicator": doc["key"], "lang": lang}))]
          if years else []),
    ], id=ids.indicators_entry(doc["key"]), className="indicator-doc")


def layout(**query) -> html.Main:
    """The documentation of every indicator in the catalogue."""
    lang, notice = parse_lang(query.get("lang"))
    settings = get_settings()
    catalogue = load_catalogue(settings.data_dir / "indicators.yaml")
    sources = load_source_config(settings.data_dir / "sources.yaml")
    try:
        store = get_store()
    except StoreNotFound:
        store = None  # the documentation does not need the data
    switch = lang_switch(lang, "?" + urlencode({"lang": other_lang(lang)}))
    by_theme = catalogue.by_theme()
    contents = html.Nav(html.Ul([
        html.Li([label_or_key("theme", theme, lang), html.Ul([
            html.Li(html.A(ind.label.get(lang), href="#" + ids.indicators_entry(ind.key)))
            for ind in by_theme[theme]])]) for theme in THEMES if by_theme[theme]]),
        id=ids.INDICATORS_CONTENTS, **{"aria-label": t("indicators.contents", lang)})
    sections = [html.Section([
        html.H2(label_or_key("theme", theme, lang)),
        *[_entry(indicator_doc(ind, sources, catalogue),
                 store.years(ind.key) if store else None, lang)
          for ind in by_theme[theme]]]) for theme in THEMES if by_theme[theme]]
    return html.Main([
        site_nav(lang, "indicators", [switch]),
        *([html.P(notice, className="notice", role="status")] if notice else []),
        html.H1(t("indicators.title", lang)),
        html.P(t("indicators.intro", lang), className="lead"),
        contents, *sections,
    ], id=ids.INDICATORS_PAGE, lang=lang, className=f"page indicators lang-{lang}")
