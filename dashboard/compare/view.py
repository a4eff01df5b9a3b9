"""The compare page's table and small multiples as components, shared by its layout (first
render) and its callback (updates), like dashboard/explorer/panels.py for the explorer."""

from __future__ import annotations

from dash import dcc, html

from dashboard import figures
from dashboard.compare.model import CompareState, compare_figures, compare_table
from dashboard.exports.toolkit import profile_href
from dashboard.i18n import t
from dashboard.store import Store


def table(store: Store, state: CompareState) -> html.Div:
    """Indicators down, areas across; every area heading links to its profile."""
    lang = state.lang
    head = [html.Th(t("compare.indicator", lang), scope="col"),
            html.Th(t("compare.year", lang), scope="col")]
    head += [html.Th(dcc.Link(store.area_name(c, lang), href=profile_href(c, lang)),
                     scope="col", className="num", **{"data-code": c}) for c in state.areas]
    body = []
    for row in compare_table(store, state):
        cells = [html.Th([row["label"], html.Span(f" ({row['unit']})", className="muted")],
                         scope="row"),
                 html.Td(str(row["year"]) if row["year"] else t("compare.no_year", lang))]
        cells += [html.Td([c["text"] + (" *" if c["partial"] else ""),
                           *([html.Br(), html.Span(c["quality_text"], className="quality-note")]
                             if c["quality_text"] else [])],
                          className="num" if c["value"] is not None else "status",
                          **{"data-code": c["code"]}) for c in row["cells"]]
        body.append(html.Tr(cells, **{"data-key": row["key"]}))
    # the explanation of * sits outside the scrolling table, so a phone shows all of it
    return html.Div([html.Div(html.Table([html.Caption(t("compare.table_caption", lang)),
                                          html.Thead(html.Tr(head)), html.Tbody(body)],
                                         className="compare-table"),
                              className="table-wrap", tabIndex="0"),
                     html.P("* " + t("partial.explained", lang), className="muted")])


def trends(store: Store, state: CompareState) -> list:
    """One small trend chart per indicator."""
    lang = state.lang
    return [html.Div([html.H3(label := store.catalogue[key].label.get(lang)),
                      figures.named_chart(dcc.Graph(figure=fig, config=figures.GRAPH_CONFIG),
                                          t("access.trend_name", lang, label=label),
                                          text=figures.text_equivalent(fig, lang))],
                     className="small-multiple", **{"data-key": key})
            for key, fig in compare_figures(store, state)]


def notice(text: str) -> html.P:
    """One notice about the request (a bad or dropped parameter)."""
    return html.P(text, className="notice")
