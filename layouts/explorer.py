"""Explorer page: pick an indicator, see the areas on a map, click one, compare.

The page is rendered from the URL (Dash Pages passes its parameters), so a copied link
reproduces the view; callbacks (callbacks/explorer.py) update it afterwards.
"""

from __future__ import annotations

import dash_mantine_components as dmc
from dash import dcc, html

from dashboard import figures, ids
from dashboard.basemap.online import current_basemap
from dashboard.controls import checkbox, multi_select, radio_group, select
from dashboard.explorer import geography, views
from dashboard.explorer.panels import details_panel
from dashboard.explorer.state import LEVELS, MAX_SELECTED, area_choices, parse_state, year_options
from dashboard.exports.toolkit import explorer_toolkit
from dashboard.figures import named_chart, text_equivalent_json
from dashboard.formatting import label_with_unit
from dashboard.i18n import t
from dashboard.projects.layer import Layer
from dashboard.projects.panels import map_block
from layouts.common import lang_switch, open_store, other_lang, site_nav

GRAPH_CONFIG = figures.GRAPH_CONFIG


#: The indicator list shows at least 8 options at once, also when labels wrap to two lines.
PICKER_HEIGHT = 560


def indicator_options(store, lang: str) -> list[dict]:
    """Indicators grouped by theme (theme first in the label, so typing a theme finds them;
    the unit named once), searchable in the page's language; definition and licence in a
    tooltip."""
    out = []
    for theme, inds in store.catalogue.by_theme().items():
        theme_label = t("theme." + theme, lang)
        for ind in inds:
            if not store.years(ind.key):
                continue
            label = label_with_unit(ind.label.get(lang), ind.unit.get(lang))
            out.append({"label": f"{theme_label} · {label}", "value": ind.key,
                        "title": f"{ind.definition.get(lang)} — {ind.licence}"})
    return out


def indicator_select(cid: str, label: str, store, lang: str, value: str):
    """An indicator picker: typing filters in the page's language, at least 8 options show
    at once, and each option's tooltip gives its definition and licence."""
    return select(cid, label, indicator_options(store, lang), value,
                  maxDropdownHeight=PICKER_HEIGHT,
                  nothingFoundMessage=t("dropdown.no_options_found", lang),
                  renderOption={"function": "zuidOptionTitle"})


def _nav(lang: str, query: str) -> html.Nav:
    other = other_lang(lang)
    switch = lang_switch(lang, "?" + query.replace(f"lang={lang}", f"lang={other}"),
                         ids.EXPLORER_LANG_SWITCH)
    return site_nav(lang, "explorer", [switch])


def search_box(lang: str) -> html.Div:
    """One labelled combobox for area names, postcodes and addresses (Mantine's Select:
    keyboard usable, passes axe-core); its options come from the server as one types."""
    return html.Div(dmc.Select(
        id=ids.EXPLORER_SEARCH, label=t("search.label", lang), data=[], value=None,
        searchable=True, searchValue="", clearable=True,
        placeholder=t("search.placeholder", lang),
        nothingFoundMessage=t("search.nothing", lang), maxDropdownHeight=320,
        filter={"function": "zuidKeepAll"}, comboboxProps={"zIndex": 1000},
        className="search-box"), className="control control-search")


def basemap_note(lang: str, online: bool, water: str | None = None) -> html.P:
    """Small print saying which basemap is under the map and, offline, where its water
    comes from (``water``: :func:`dashboard.explorer.geography.water_source`)."""
    text = t("basemap.online" if online else "basemap.offline", lang)
    if not online and water:
        text = f"{text} {t(f'basemap.water_{water}', lang)}"
    return html.P(text, id=ids.EXPLORER_BASEMAP_NOTE, className="muted small-print",
                  **{"data-basemap": "pdok" if online else "offline",
                     "data-water": water or "none"})


def layout(**query) -> html.Main:
    """The explorer for a request's URL parameters."""
    store, no_store = open_store(query)
    if store is None:
        return no_store
    parsed = parse_state(query, store)
    st, lang = parsed.state, parsed.state.lang
    basemap = current_basemap()
    controls = html.Div([
        search_box(lang),
        indicator_select(ids.EXPLORER_INDICATOR, t("explorer.indicator", lang), store, lang,
                         st.indicator),
        select(ids.EXPLORER_YEAR, t("explorer.year", lang),
               year_options(store, st.indicator, st.level, st.area, lang), st.year),
        radio_group(ids.EXPLORER_LEVEL, t("explorer.level", lang),
                    [{"label": t(f"explorer.level_{lvl}", lang), "value": lvl}
                     for lvl in LEVELS], st.level),
        select(ids.EXPLORER_AREA, t("explorer.area_of_interest", lang),
               [{"label": store.area_name(c, lang), "value": c} for c in area_choices(store)],
               st.area),
        radio_group(ids.EXPLORER_SCALE, t("explorer.scale", lang),
                    [{"label": t("explorer.scale_classes", lang), "value": "classes"},
                     {"label": t("explorer.scale_continuous", lang), "value": "continuous"}],
                    "classes" if st.classed else "continuous"),
        multi_select(ids.EXPLORER_PICK, t("explorer.pick", lang), views.pick_options(store, st),
                     st.selected, max_values=MAX_SELECTED,
                     description=t("explorer.pick_help", lang)),
        html.Div([checkbox(ids.EXPLORER_ADD, t("explorer.add_mode", lang)),
                  html.Button(t("explorer.clear", lang), id=ids.EXPLORER_CLEAR, n_clicks=0,
                              className="button-secondary")], className="control"),
    ], className="controls", role="group", **{"aria-label": t("explorer.controls", lang)})
    notices = html.Div([html.P(n, className="notice") for n in parsed.notices],
                       id=ids.EXPLORER_NOTICES, role="status")
    names = views.chart_names(store, st)
    bar, trend, scatter = views.bar(store, st), views.trend(store, st), views.scatter(store, st)
    # The map is what a visitor waits for: the charts and the map's names are drawn once
    # it is interactive (assets/explorer_map.js, drawLater), so drawing them does not hold
    # it up. The values table is not: put in the page later, its few hundred components
    # took Dash 2-3 s at national scale, against 0.4 s in the first render.
    later = {ids.EXPLORER_BAR: bar, ids.EXPLORER_TREND: trend, ids.EXPLORER_SCATTER: scatter}
    return html.Main([
        dcc.Store(id=ids.EXPLORER_LANG, data=lang),
        dcc.Store(id=ids.EXPLORER_SELECTION, data=list(st.selected)),
        dcc.Store(id=ids.EXPLORER_CLICK),
        dcc.Store(id=ids.EXPLORER_HOVER),
        dcc.Store(id=ids.EXPLORER_QUERY, data=st.query()),
        dcc.Store(id=ids.EXPLORER_URL_SYNC),
        dcc.Store(id=ids.EXPLORER_FOCUS),
        dcc.Store(id=ids.EXPLORER_LATER, data=later),
        _nav(lang, st.query()),
        html.H1(t("explorer.title", lang)),
        notices,
        controls,
        html.P(id=ids.EXPLORER_SEARCH_STATUS, role="status", className="search-status"),
        html.Div([
            html.Section([
                named_chart(dcc.Graph(id=ids.EXPLORER_MAP, clear_on_unhover=True,
                                      figure=views.map_first(store, st, Layer(), basemap),
                                      config=GRAPH_CONFIG, className="map"),
                            names["map"], ids.EXPLORER_MAP_CHART, describedby=ids.EXPLORER_TABLE),
                html.P(t("explorer.map_note", lang), id=ids.EXPLORER_LEGEND_NOTE,
                       className="muted"),
                basemap_note(lang, basemap.online, geography.water_source(store)),
            ], className="map-panel", **{"aria-label": t("explorer.map", lang)}),
            html.Aside([
                html.H2(t("explorer.details", lang)),
                html.Div(details_panel(views.details_data(store, st), lang),
                         id=ids.EXPLORER_DETAILS, **{"aria-live": "polite"}),
                html.H2(t("explorer.ranking", lang)),
                named_chart(dcc.Graph(id=ids.EXPLORER_BAR, clear_on_unhover=True,
                                      figure=figures.placeholder(bar), config=GRAPH_CONFIG),
                            names["bar"], ids.EXPLORER_BAR_CHART, describedby=ids.EXPLORER_TABLE),
                map_block(store, st),
            ], className="side-panel"),
        ], className="explorer-grid"),
        html.Div([
            html.Section([html.H2(t("explorer.trend", lang)),
                          named_chart(dcc.Graph(id=ids.EXPLORER_TREND,
                                                figure=figures.placeholder(trend),
                                                config=GRAPH_CONFIG),
                                      names["trend"], ids.EXPLORER_TREND_CHART,
                                      text_equivalent_json(trend, lang), ids.EXPLORER_TREND_TEXT)]),
            html.Section([html.H2(t("explorer.scatter", lang)),
                          indicator_select(ids.EXPLORER_INDICATOR2,
                                           t("explorer.indicator2", lang), store, lang,
                                           st.indicator2),
                          named_chart(dcc.Graph(id=ids.EXPLORER_SCATTER, clear_on_unhover=True,
                                                figure=figures.placeholder(scatter),
                                                config=GRAPH_CONFIG),
                                      names["scatter"], ids.EXPLORER_SCATTER_CHART,
                                      text_equivalent_json(scatter, lang),
                                      ids.EXPLORER_SCATTER_TEXT)]),
        ], className="chart-grid"),
        html.Section([
            html.H2(t("explorer.table", lang)),
            radio_group(ids.EXPLORER_TABLE_SORT, t("explorer.sort", lang),
                        [{"label": t("explorer.sort_value", lang), "value": "value"},
                         {"label": t("explorer.sort_name", lang), "value": "name"}], "value"),
            html.Div(views.table_json(store, st),
                     id=ids.EXPLORER_TABLE, className="table-wrap", tabIndex="0"),
        ], className="table-panel"),
        html.Section(explorer_toolkit(store, st), id=ids.EXPLORER_TOOLKIT, className="toolkit"),
        html.P(views.source_text(store, st), id=ids.EXPLORER_SOURCE, className="source"),
    ], id=ids.EXPLORER_PAGE, lang=lang, className=f"page explorer lang-{lang}")
