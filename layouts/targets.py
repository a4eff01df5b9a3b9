"""NPRZ targets page: per pillar where Zuid stands, the focus-wijk matrix, the status
table with its downloads, and a form to add or edit targets.

Rendered from the URL (``lang``; after a save or delete ``saved``/``deleted`` name the
target, so the reloaded page confirms it). Callbacks live in callbacks/targets.py.
"""

from __future__ import annotations

import re
from datetime import date

from dash import dcc, html

from dashboard import figures, ids, pages
from dashboard.auth.web import current_editor, signin_url
from dashboard.controls import select
from dashboard.figures import named_chart, text_equivalent
from dashboard.formatting import format_date, short_label
from dashboard.i18n import parse_lang, t
from dashboard.settings import get_settings
from dashboard.targets.figures import SPARK_CONFIG, detail_figure, sparkline
from dashboard.targets.form import (
    area_options,
    changed_lines,
    form_values,
    indicator_options,
    load_targets,
    pillar_options,
    rule_options,
    target_options,
)
from dashboard.targets.report import (
    area_series,
    by_pillar,
    card,
    detail_parts,
    evaluate,
    matrix,
)
from layouts.common import lang_switch, open_store, other_lang, site_nav

PATH = pages.TARGETS
_SLUG = re.compile(r"^[a-z][a-z0-9_]{1,47}$")


def _first(value) -> str:
    return str((value[0] if value else "") if isinstance(value, list) else (value or ""))


def _nav(lang: str) -> html.Nav:
    return site_nav(lang, "targets", [lang_switch(lang, f"?lang={other_lang(lang)}",
                                                  ids.TARGETS_LANG_SWITCH)])


def _card(data: dict, figure, changed: str | None) -> html.Article:
    facts = [part for label, value in data["facts"] for part in (html.Dt(label), html.Dd(value))]
    return html.Article([
        html.H3([short_label(data["label"], data["unit"]), " ",
                 html.Span(f"({data['unit']})", className="unit")]),
        html.P([data["area_line"]] + ([html.Br(), html.Em(data["origin"])]
                                      if data["origin"] else []), className="muted"),
        html.P(changed, className="target-changed muted") if changed else None,
        html.P(data["status_text"], className="status-badge"),
        html.Dl(facts, className="facts"),
        html.P(data["why"], className="why"),
        html.Div(dcc.Graph(figure=figure, config=SPARK_CONFIG, className="target-spark",
                           responsive=True, style={"height": "90px"}),
                 role="img", **{"aria-label": t("targets.sparkline", data["lang"],
                                                label=data["label"])}),
        html.P(data["text"], className="target-text") if data["text"] else None,
        html.Details([html.Summary(t("explorer.about_indicator", data["lang"])),
                      html.P(data["definition"]), html.P(data["source"], className="source")]),
        html.Button(t("targets.show_chart", data["lang"]), id=ids.targets_show(data["key"]),
                    n_clicks=0, className="button-secondary"),
    ], id=ids.targets_card(data["key"]), className=f"target-card status-{data['status']}",
        **{"data-status": data["status"], "data-key": data["key"]})


def _pillars(store, results, lang: str) -> html.Div:
    sections = []
    changed = changed_lines(lang)
    for pillar, items in by_pillar(results).items():
        cards = [_card(card(store, r, lang) | {"lang": lang},
                       sparkline(area_series(store, r.area, r.target.indicator), r.assessment,
                                 store.catalogue[r.target.indicator], lang),
                       changed.get(r.target.key)) for r in items]
        sections.append(html.Section([
            html.H2(t(f"targets.pillar.{pillar}", lang)),
            html.Div(cards, className="target-cards") if cards
            else html.P(t("targets.pillar_empty", lang), className="muted"),
        # Pillars share rows on a wide screen; each is as wide as its cards need.
        ], id=ids.targets_pillar(pillar), className="target-pillar",
            style={"--cards": max(len(cards), 1)}))
    return html.Div(sections, id=ids.TARGETS_PILLARS, className="target-pillars")


def _matrix(data: dict, lang: str) -> html.Table:
    head = html.Tr([html.Th(t("targets.matrix_wijk", lang), scope="col")]
                   + [html.Th([short_label(c["label"], c["unit"]), html.Br(),
                               html.Span(c["unit"], className="unit")],
                              scope="col") for c in data["columns"]])
    rows = []
    for row in data["rows"]:
        cells = [html.Th(row["name"], scope="row")]
        for c in row["cells"]:
            text = t("targets.matrix_cell", lang, value=c["value"], year=c["year"]) \
                if c["year"] else c["value"]
            cells.append(html.Td(html.A([text, html.Br(),
                                         html.Span(t(f"targets.status.{c['status']}", lang),
                                                   className="cell-status")],
                                        href=c["href"], title=c["why"]),
                                 className=f"status-{c['status']}",
                                 **{"data-status": c["status"], "data-code": row["code"]}))
        rows.append(html.Tr(cells))
    return html.Table([html.Thead(head), html.Tbody(rows)], className="target-matrix")


def _status_table(store, results, lang: str) -> html.Table:
    head = html.Tr([html.Th(t(f"targets.col.{c}", lang), scope="col")
                    for c in ("pillar", "target", "area", "rule", "years", "status")])
    rows = []
    for r in results:
        a = r.assessment
        years = ", ".join(str(y) for y in sorted({a.baseline_year, a.latest_year or 0,
                                                  r.benchmark.year or 0} - {0}))
        rows.append(html.Tr([
            html.Td(t(f"targets.pillar.{r.target.pillar}", lang)),
            html.Td(f"{store.catalogue[r.target.indicator].label.get(lang)} ({r.target.key})"),
            html.Td(store.area_name(r.area, lang)),
            html.Td(t(f"targets.rule.{r.target.rule}", lang)),
            html.Td(years), html.Td(t(f"targets.status.{a.status}", lang),
                                    className=f"status-{a.status}")]))
    return html.Table([html.Caption(t("targets.table_caption", lang,
                                      date=format_date(date.today(), lang))),
                       html.Thead(head), html.Tbody(rows)], className="table")


def _locked(lang: str) -> html.Section:
    """What a signed-out visitor sees instead of the form: who can edit, and a way in."""
    return html.Section([
        html.H2(t("targets.form", lang)),
        html.P(t("auth.editors_only", lang)),
        dcc.Link(t("auth.signin_to_edit", lang), className="button-primary",
                 href=signin_url(lang, f"{PATH}?lang={lang}")),
    ], id=ids.TARGETS_FORM_LOCKED, className="target-form")


def _form(store, targets, lang: str) -> html.Section:
    if current_editor() is None:
        return _locked(lang)
    values = form_values(None)
    F = ids.TARGETS_FORM_FIELDS

    def field(name, component):
        return html.Div([html.Label(t(f"targets.form.{name}", lang), htmlFor=F[name]),
                         component], className="control")

    def choice(name, options):
        return select(F[name], t(f"targets.form.{name}", lang), options, clearable=True)

    return html.Section([
        html.H2(t("targets.form", lang)),
        html.P(t("targets.form_intro", lang), className="muted"),
        select(ids.TARGETS_FORM_EDIT, t("targets.form.edit", lang),
               target_options(targets, store, lang), clearable=True),
        html.Div([
            field("key", dcc.Input(id=F["key"], type="text", maxLength=48, debounce=False,
                                   value=values["key"])),
            choice("pillar", pillar_options(lang)),
            choice("indicator", indicator_options(store, lang)),
            choice("area", area_options(store, lang)),
            choice("rule", rule_options(lang)),
            field("fixed_value", dcc.Input(id=F["fixed_value"], type="number")),
            field("baseline_year", dcc.Input(id=F["baseline_year"], type="number", step=1)),
            field("target_year", dcc.Input(id=F["target_year"], type="number", step=1)),
            field("text_nl", dcc.Textarea(id=F["text_nl"], maxLength=1000)),
            field("text_en", dcc.Textarea(id=F["text_en"], maxLength=1000)),
        ], className="form-grid"),
        html.Div([html.Button(t("targets.form.save", lang), id=ids.TARGETS_FORM_SAVE,
                              n_clicks=0, className="button-primary"),
                  html.Button(t("targets.form.delete", lang), id=ids.TARGETS_FORM_DELETE,
                              n_clicks=0, className="button-secondary")], className="buttons"),
        html.Div(id=ids.TARGETS_FORM_MESSAGE, role="alert"),
    ], id=ids.TARGETS_FORM, className="target-form")


def layout(**query) -> html.Main:
    """The targets page for a request's URL parameters."""
    lang, notice = parse_lang(query.get("lang"))
    notices = [notice] if notice else []
    store, no_store = open_store(query)
    if store is None:
        return no_store
    targets, db_notices = load_targets(store, get_settings().data_dir, lang)
    notices += db_notices
    for param in ("saved", "deleted"):
        key = _first(query.get(param))
        if _SLUG.match(key):
            notices.append(t(f"targets.{param}", lang, name=key))
    results = [evaluate(store, target) for target in targets]
    first = results[0] if results else None
    detail = detail_figure(**detail_parts(store, first, lang)) if first else {}
    return html.Main([
        dcc.Store(id=ids.TARGETS_LANG, data=lang),
        dcc.Location(id=ids.TARGETS_LOCATION, refresh=True),
        _nav(lang),
        html.H1(t("targets.title", lang)),
        html.P(t("targets.intro", lang), className="lead"),
        html.Details([html.Summary(t("targets.how_to_read", lang)),
                      html.Ul([html.Li(t(k, lang)) for k in (
                          "targets.how_rule", "targets.how_track", "targets.how_partial")])],
                     open=True, className="how-to-read"),
        html.Div([html.P(n, className="notice") for n in notices], id=ids.TARGETS_NOTICES,
                 role="status"),
        _pillars(store, results, lang),
        html.Section([
            html.H2(t("targets.detail", lang)),
            select(ids.TARGETS_DETAIL_SELECT, t("targets.detail_select", lang),
                   target_options(targets, store, lang), first.target.key if first else None),
            named_chart(dcc.Graph(id=ids.TARGETS_DETAIL_GRAPH, figure=detail,
                                  config=figures.GRAPH_CONFIG),
                        t("access.chart_name", lang, label=t("targets.detail", lang)),
                        text=text_equivalent(detail, lang), text_id=ids.TARGETS_DETAIL_TEXT),
            html.P(first.explanation(store, lang) if first else "", id=ids.TARGETS_DETAIL_WHY,
                   className="why"),
            html.P(t("targets.chart.note", lang), className="muted"),
            html.Button(t("targets.export_history", lang), id=ids.TARGETS_EXPORT_HISTORY,
                        n_clicks=0, className="button-secondary"),
        ], id=ids.TARGETS_DETAIL),
        html.Section([
            html.H2(t("targets.matrix", lang)),
            html.P(t("targets.matrix_intro", lang), className="muted"),
            html.Div(_matrix(matrix(store, targets, lang), lang), className="table-scroll",
                     tabIndex="0"),
        ], id=ids.TARGETS_MATRIX),
        html.Section([
            html.H2(t("targets.table", lang)),
            html.Div(_status_table(store, results, lang), className="table-scroll", tabIndex="0"),
            html.Div([html.Button(t("targets.export_csv", lang), id=ids.TARGETS_EXPORT_CSV,
                                  n_clicks=0, className="button-secondary"),
                      html.Button(t("targets.export_xlsx", lang), id=ids.TARGETS_EXPORT_XLSX,
                                  n_clicks=0, className="button-secondary")],
                     className="buttons"),
            dcc.Download(id=ids.TARGETS_DOWNLOAD),
        ], id=ids.TARGETS_TABLE),
        _form(store, targets, lang),
    ], id=ids.TARGETS_PAGE, lang=lang, className=f"page targets lang-{lang}")
