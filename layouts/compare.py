"""Compare page ``/vergelijk``: 2–4 areas side by side for chosen indicators, as a table and
as small multiples of trends. The URL holds the state
(``/vergelijk?areas=A,B&indicators=x,y&lang=en``); the explorer links here with its
selection.
"""

from __future__ import annotations

from dash import dcc, html

from dashboard import ids, pages
from dashboard.compare import view as compare_view
from dashboard.compare.model import MAX_AREAS, area_options, parse_compare
from dashboard.controls import multi_select
from dashboard.exports.toolkit import compare_toolkit
from dashboard.i18n import t
from layouts.common import lang_switch, open_store, other_lang, site_nav

PATH = pages.COMPARE


def _indicator_options(store, lang: str) -> list[dict]:
    return [{"label": f"{t('theme.' + ind.theme, lang)} · {ind.label.get(lang)}",
             "value": ind.key} for ind in store.catalogue if store.years(ind.key)]


def layout(**query) -> html.Main:
    """The comparison for a request's URL parameters."""
    store, no_store = open_store(query)
    if store is None:
        return no_store
    parsed = parse_compare(query, store)
    st, lang = parsed.state, parsed.state.lang
    other = other_lang(lang)
    switch = lang_switch(lang, "?" + st.query().replace(f"lang={lang}", f"lang={other}"))
    controls = html.Div([
        html.Div(multi_select(ids.COMPARE_AREAS, t("compare.areas", lang),
                              area_options(store, lang), st.areas, max_values=MAX_AREAS),
                 className="control-wide"),
        html.Div(multi_select(ids.COMPARE_INDICATORS, t("compare.indicators", lang),
                              _indicator_options(store, lang), st.indicators),
                 className="control-wide"),
    ], className="controls no-print")
    return html.Main([
        dcc.Store(id=ids.COMPARE_LANG, data=lang),
        dcc.Store(id=ids.COMPARE_QUERY, data=st.query()),
        dcc.Store(id=ids.COMPARE_URL_SYNC),
        site_nav(lang, "compare", [switch]),
        html.H1(t("compare.title", lang)),
        html.P(t("compare.intro", lang), className="lead"),
        html.Div([html.P(n, className="notice") for n in parsed.notices],
                 id=ids.COMPARE_NOTICES, role="status"),
        controls,
        html.Section([html.H2(t("compare.table", lang)),
                      html.Div(compare_view.table(store, st), id=ids.COMPARE_TABLE)]),
        html.Section([html.H2(t("compare.trends", lang)),
                      html.Div(compare_view.trends(store, st), id=ids.COMPARE_TRENDS,
                               className="small-multiples")]),
        html.Section(compare_toolkit(st), id=ids.COMPARE_TOOLKIT, className="toolkit"),
    ], id=ids.COMPARE_PAGE, lang=lang, className=f"page compare lang-{lang}")
