"""Projects page: the registry and uploaded activities, filters, one project "around" its
areas, and import/export. Rendered from the URL (``?project=…&area=…&lang=…``);
callbacks/projects.py updates it afterwards.
"""

from __future__ import annotations

from urllib.parse import urlencode

from dash import dcc, html

from dashboard import figures, ids, pages
from dashboard.auth.web import current_editor, signin_url
from dashboard.controls import checkbox_group, select
from dashboard.i18n import t
from dashboard.projects.around import around_outputs, indicator_options
from dashboard.projects.layer import ALL_PILLARS, find
from dashboard.projects.model import PILLARS
from dashboard.projects.page import (
    PAGE_SIZE,
    area_options,
    page_projects,
    page_table,
    paged,
    pager,
    parse_query,
    year_options,
)
from dashboard.projects.panels import pillar_options, project_panel
from dashboard.projects.registry import all_projects, organisations
from dashboard.projects.upload import MAX_BYTES
from layouts.common import lang_switch, open_store, other_lang, site_nav

PATH = pages.PROJECTS


def around_section(store, project, lang: str) -> list:
    """The "around this project" block for the page's first render."""
    options = indicator_options(store, project, lang) if project else []
    value = options[0]["value"] if options else None
    figure, source = around_outputs(store, project, value, lang)
    return [
        html.H2(t("projects.around", lang)),
        select(ids.PROJECTS_AROUND_INDICATOR, t("projects.around_indicator", lang), options,
               value),
        figures.named_chart(
            dcc.Graph(id=ids.PROJECTS_AROUND_GRAPH, figure=figure, config=figures.GRAPH_CONFIG),
            t("access.chart_name", lang, label=t("projects.around", lang)),
            text=figures.text_equivalent(figure, lang), text_id=ids.PROJECTS_AROUND_TEXT),
        html.P(t("projects.caveat", lang), className="caveat"),
        html.P(source, id=ids.PROJECTS_AROUND_SOURCE, className="source"),
    ]


def _data_section(lang: str) -> html.Section:
    return html.Section([
        html.H2(t("projects.data", lang)),
        html.P(t("projects.upload_help", lang, mb=MAX_BYTES // 2**20,
                 pillars=", ".join(PILLARS))),
        html.Div([
            html.Button(t("projects.template", lang), id=ids.PROJECTS_TEMPLATE, n_clicks=0,
                        type="button", className="button-secondary"),
            html.Button(t("projects.export_csv", lang), id=ids.PROJECTS_EXPORT_CSV,
                        n_clicks=0, type="button", className="button-secondary"),
            html.Button(t("projects.export_geojson", lang), id=ids.PROJECTS_EXPORT_GEOJSON,
                        n_clicks=0, type="button", className="button-secondary"),
            html.Button(t("projects.export_history", lang), id=ids.PROJECTS_EXPORT_HISTORY,
                        n_clicks=0, type="button", className="button-secondary"),
        ], className="button-row"),
        dcc.Download(id=ids.PROJECTS_DOWNLOAD),
        *_upload(lang),
    ], className="projects-data")


def _upload(lang: str) -> list:
    """The upload zone for an editor; for anyone else, who can upload and a way in."""
    if current_editor() is None:
        return [html.Div([
            html.P(t("auth.editors_only_upload", lang)),
            dcc.Link(t("auth.signin_to_edit", lang), className="button-secondary",
                     href=signin_url(lang, f"{PATH}?lang={lang}")),
        ], id=ids.PROJECTS_UPLOAD_LOCKED, className="upload-locked")]
    return [
        # The browser refuses files over twice the limit outright; between the two, the
        # server answers with a message naming the limit (dcc.Upload reports no refusal).
        # The label around the drop zone names its file input (axe: "label", critical).
        html.Label([html.Span(t("projects.upload_label", lang), className="upload-label"),
                    dcc.Upload(html.Div(t("projects.upload_drop", lang)), id=ids.PROJECTS_UPLOAD,
                               accept=".csv,.xlsx", max_size=2 * MAX_BYTES, multiple=False,
                               className="upload-zone")], className="upload-field"),
        html.Div(id=ids.PROJECTS_UPLOAD_RESULT, role="status"),
    ]


def layout(**query) -> html.Main:
    """The projects page for a request's URL parameters."""
    store, no_store = open_store(query)
    if store is None:
        return no_store
    q = parse_query(query, store)
    lang = q.lang
    everything = all_projects()
    project = find(everything, q.project)
    years = year_options(everything)
    any_ = t("projects.any", lang)
    switch = lang_switch(lang, "?" + urlencode(
        {k: v for k, v in (("project", q.project), ("area", q.area),
                           ("lang", other_lang(lang))) if v}))
    filters = html.Div([
        checkbox_group(ids.PROJECTS_PILLARS, t("projects.pillar_filter", lang),
                       pillar_options(lang), ALL_PILLARS),
        select(ids.PROJECTS_YEAR_FROM, t("projects.year_from", lang), years, clearable=True,
               placeholder=any_),
        select(ids.PROJECTS_YEAR_TO, t("projects.year_to", lang), years, clearable=True,
               placeholder=any_),
        select(ids.PROJECTS_AREA, t("projects.area", lang), area_options(store, lang), q.area,
               clearable=True, placeholder=any_),
        select(ids.PROJECTS_ORGANISATION, t("projects.organisation", lang),
               organisations(everything), clearable=True, placeholder=any_),
    ], className="controls", role="group", **{"aria-label": t("projects.filters", lang)})
    listed = paged(page_projects(store, area=q.area), 0)
    page_no, status, no_prev, no_next = pager(listed, lang)
    return html.Main([
        dcc.Store(id=ids.PROJECTS_LANG, data=lang),
        dcc.Store(id=ids.PROJECTS_SELECTED, data=q.project),
        dcc.Store(id=ids.PROJECTS_DATA_VERSION, data=0),
        site_nav(lang, "projects", [switch]),
        html.H1(t("projects.title", lang)),
        html.P(t("projects.intro", lang), className="lead"),
        html.Div([html.P(n, className="notice") for n in q.notices], id=ids.PROJECTS_NOTICES,
                 role="status"),
        filters,
        html.Div([
            html.Section([html.H2(t("projects.list", lang)),
                          html.Div(page_table(store, listed.rows, lang, q.project,
                                              listed.total),
                                   id=ids.PROJECTS_LIST, className="table-wrap",
                                   tabIndex="0"),
                          dcc.Store(id=ids.PROJECTS_PAGE_NO, data=page_no),
                          html.Nav([
                              html.Button(t("projects.page_prev", lang, size=PAGE_SIZE),
                                          id=ids.PROJECTS_PAGE_PREV, n_clicks=0,
                                          type="button", disabled=no_prev,
                                          className="button-secondary"),
                              html.Span(status, id=ids.PROJECTS_PAGE_STATUS,
                                        role="status"),
                              html.Button(t("projects.page_next", lang, size=PAGE_SIZE),
                                          id=ids.PROJECTS_PAGE_NEXT, n_clicks=0,
                                          type="button", disabled=no_next,
                                          className="button-secondary"),
                          ], id=ids.PROJECTS_PAGER, className="pager",
                              **{"aria-label": t("projects.pager", lang)})]),
            html.Section([
                html.Div(project_panel(store, project, lang, link=False),
                         id=ids.PROJECTS_PANEL, **{"aria-live": "polite"}),
                html.Div(around_section(store, project, lang), id=ids.PROJECTS_AROUND),
            ], className="projects-detail"),
        ], className="projects-grid"),
        _data_section(lang),
    ], id=ids.PROJECTS_PAGE, lang=lang, className=f"page projects lang-{lang}")
