"""Area profile page ``/gebied/<code>``: key figures per theme with differences, rank and
trend, Wijkprofiel indices, projects and notes — printable as an A4 briefing
(assets/profile.css) and downloadable as an offline HTML file.
"""

from __future__ import annotations

from urllib.parse import urlencode

from dash import dcc, html

from dashboard import ids, pages
from dashboard.compare.model import area_options
from dashboard.controls import select
from dashboard.exports.downloads import profile_briefing
from dashboard.exports.toolkit import compare_href, profile_href, profile_toolkit
from dashboard.i18n import label_or_key, parse_lang, t
from dashboard.profile.briefing import (
    briefing_facts,
    comparison_text,
    notes,
    source_lines,
    sparkline_src,
    svg_src,
    trend_alt,
    trend_ends,
)
from layouts.common import lang_switch, open_store, other_lang, site_nav

PATH_TEMPLATE = pages.PROFILE_TEMPLATE


def _nav(lang: str, code: str | None) -> html.Nav:
    other = other_lang(lang)
    href = profile_href(code, other) if code else "?" + urlencode({"lang": other})
    return site_nav(lang, None, [lang_switch(lang, href)])


def _picker(store, lang: str, code: str | None) -> html.Div:
    return html.Div([
        select(ids.PROFILE_PICKER, t("profile.choose", lang), area_options(store, lang), code),
        html.A(t("profile.open", lang), id=ids.PROFILE_OPEN,
               href=profile_href(code, lang) if code else None, className="button-link"),
        html.Button(t("profile.print", lang), id=ids.PROFILE_PRINT, n_clicks=0,
                    className="button-secondary"),
    ], className="control profile-picker no-print")


def _area_link(item: dict | None, lang: str):
    if not item:
        return None
    return dcc.Link(item["name"], href=profile_href(item["code"], lang))


def _figure_table(rows: list[dict], benches: list[dict], lang: str) -> html.Div:
    # no column that is empty in every row: a reference area without any difference
    # (no value in the rows' years) is left out of this table
    benches = [b for b in benches if any(d["code"] == b["code"] and d["diff_text"]
                                         for r in rows for d in r["differences"])]
    head = [html.Th(t("profile.indicator", lang), scope="col"),
            html.Th(t("profile.year", lang), scope="col"),
            html.Th(t("profile.value", lang), scope="col", className="num")]
    head += [html.Th([t("profile.diff_head", lang) + " ",
                      dcc.Link(b["name"], href=profile_href(b["code"], lang))],
                     scope="col", className="num",
                     title=t("profile.diff_with", lang, name=b["name"])) for b in benches]
    head += [html.Th(t("profile.rank", lang), scope="col", className="num"),
             html.Th(t("profile.trend", lang), scope="col")]
    body = []
    for r in rows:
        diffs = {d["code"]: d for d in r["differences"]}
        cells = [html.Th([r["label"], html.Span(f" ({r['unit']})", className="muted")],
                         scope="row"),
                 html.Td(str(r["year"])),
                 html.Td([r["value_text"], *([html.Span(" *", title=t("partial.explained",
                                                                       lang))]
                                            if r["partial"] else []),
                          *([html.Br(), html.Span(r["quality_text"], className="quality-note")]
                            if r.get("quality_text") else [])], className="num")]
        for b in benches:
            d = diffs.get(b["code"])
            text = (f"{d['diff_text']} {d['judgement']}" if d["diff_text"] else "–") \
                if d else "–"  # counts and unreliable values: no difference
            title = f"{b['name']}: {d['value_text']}" if d else None
            cells.append(html.Td(text + (" *" if d and d["partial"] else ""), className="num",
                                 title=title))
        cells.append(html.Td(r["rank_short"] or (t("rank.not_ranked", lang)
                                                 if r.get("quality_text") else "–"),
                             title=r["rank_text"] or None, className="num"))
        cells.append(html.Td(html.Img(src=sparkline_src(r["series"]),
                                      alt=trend_alt(r, lang), className="sparkline")))
        body.append(html.Tr(cells, **{"data-key": r["key"]}))
    return html.Div(html.Table([html.Thead(html.Tr(head)), html.Tbody(body)],
                               className="profile-table"), className="table-wrap", tabIndex="0")


def _projects(items: list[dict] | None, lang: str) -> list:
    if items is None:
        return [html.P(t("profile.projects_unavailable", lang), className="muted")]
    if not items:
        return [html.P(t("profile.no_projects", lang), className="muted")]
    out = []
    for p in items:
        period = " – ".join(str(x) for x in (p.get("start"), p.get("end")) if x)
        who = ", ".join(str(o) for o in p.get("organisations") or [])
        out.append(html.Li([html.Strong(str(p.get("name") or "")),
                            html.Span(f" ({period})" if period else ""),
                            html.P(str(p.get("summary") or "")),
                            # Sources by what they are, never by their seed file name.
                            html.P(" · ".join(x for x in (who, t(
                                "profile.project_source", lang, name=str(p.get("name") or ""))
                                if p.get("source") else "") if x), className="muted")]))
    return [html.Ul(out, className="project-list")]


def _card(row: dict, lang: str) -> html.Article:
    ends = trend_ends(row, lang)
    comps = [html.Li([html.B(t("briefing.word_" + c["verdict"], lang)), " ",
                      comparison_text(c, lang)], className=f"v-{c['verdict']}")
             for c in row["comparisons"]]
    return html.Article([
        html.P(label_or_key("theme", row["pillar"], lang), className="b-pillar"),
        html.H3(row["short_label"]),
        html.P([html.Strong(row["value_text"]),
                ("" if row["unit"].startswith("%") else " "),
                html.Span(row["unit"], className="unit"), f" · {row['year']}",
                *([f" ({t('profile.partial', lang)})"] if row["partial"] else [])],
               className="b-value"),
        html.Ul(comps, className="b-comp") if comps else
        html.P(t("briefing.no_reference", lang), className="muted"),
        *([html.Img(src=sparkline_src(row["series"], "", ends, 320, 42),
                    alt=trend_alt(row, lang), className="b-trend")] if ends else []),
    ], className="b-card", **{"data-key": row["key"]})


def _briefing(data: dict, summary: dict, prov: dict, lang: str) -> html.Section:
    """The 1–2 page summary on top of the page: what prints and what the PDF holds."""
    top = [html.Div([html.P(summary["date_text"], className="b-meta"),
                     *([html.H2(t("briefing.messages", lang)),
                        html.Ol([html.Li(m) for m in summary["messages"]],
                                className="b-messages"),
                        html.P(t("briefing.messages_note", lang), className="muted small")]
                       if summary["messages"] else [])], className="b-text"),
           html.Figure([html.Img(src=svg_src(summary["map_svg"]),
                                 alt=t("briefing.map_caption", lang, name=data["name"]),
                                 className="locator"),
                        html.Figcaption(t("briefing.map_caption", lang, name=data["name"]))],
                       className="b-map")]
    body = [html.Div(top, className="b-top")]
    if summary["headlines"]:
        body += [html.H2(t("briefing.headlines", lang)),
                 html.P(t("briefing.legend", lang), className="muted small"),
                 html.Div([_card(r, lang) for r in summary["headlines"]], className="b-grid")]
    body.append(html.Footer([html.P(line) for line in source_lines(prov, lang)]
                            + [html.P([html.B(t("downloads.citation_label", lang) + ": "),
                                       prov["citation"]])], className="b-foot print-only"))
    return html.Section(body, id=ids.PROFILE_BRIEFING, className="briefing")


def render(store, code: str, lang: str) -> list:
    """The profile body of one area (no navigation)."""
    data, summary, prov, _ = profile_briefing(store, code, lang)
    facts = [html.Span(briefing_facts(data, lang))]
    part_of = [x for x in (_area_link(data["parent"], lang), _area_link(
        data["gemeente"] if data["gemeente"] != data["parent"] else None, lang)) if x]
    if part_of:
        facts.append(html.Span([t("profile.part_of", lang) + ": ",
                                *[c for i, link in enumerate(part_of)
                                  for c in ([", "] if i else []) + [link]]]))
    if "nprz_focus" in data["groups"]:
        facts.append(html.Strong(t("profile.focus", lang), className="badge"))
    benches = data["benchmarks"]
    body = [html.H1(t("profile.heading", lang, name=data["name"])),
            html.P(facts, className="profile-facts")]
    if data["description"]:
        body.append(html.P(data["description"]))
    if data["themes"] or data["indices"]:
        body.append(_briefing(data, summary, prov, lang))
    body.append(html.P([
        dcc.Link(t("profile.in_explorer", lang), href="/?" + urlencode(
            {"sel": data["code"], "lang": lang})), " · ",
        dcc.Link(t("profile.compare_with", lang), href=compare_href(
            [data["code"], *[b["code"] for b in benches]][:4], [], lang)),
    ], className="no-print"))
    if not data["themes"] and not data["indices"]:
        body.append(html.P(t("profile.no_figures", lang), className="notice"))
    sections = [html.H2(t("profile.key_figures", lang)),
                html.P([data["peers_text"], " ", t("profile.counts_note", lang), " * ",
                        t("partial.explained", lang)], className="muted")]
    for theme, rows in data["themes"].items():
        sections.append(html.Section([html.H3(label_or_key("theme", theme, lang)),
                                      _figure_table(rows, benches, lang)],
                                     className="profile-theme"))
    body.append(html.Div(sections, id=ids.PROFILE_FIGURES, className="no-print"))
    if data["indices"]:
        body.append(html.Section([html.H2(t("profile.indices", lang)),
                                  html.P(t("profile.indices_note", lang), className="muted"),
                                  _figure_table(data["indices"], benches, lang)],
                                 id=ids.PROFILE_INDICES, className="profile-theme no-print"))
    body.append(html.Section([html.H2(t("profile.projects", lang)),
                              *_projects(data["projects"], lang)], id=ids.PROFILE_PROJECTS,
                             className="no-print"))
    body.append(html.Section([html.H2(t("profile.notes", lang)),
                              html.Ul([html.Li(n) for n in notes(data, lang)])],
                             id=ids.PROFILE_NOTES))
    sources = sorted({r["source"] for rows in data["themes"].values() for r in rows}
                     | {r["source"] for r in data["indices"]})
    body.append(html.Details([html.Summary(t("explorer.about_indicator", lang)),
                              *[html.P(s, className="source") for s in sources]],
                             open=True, className="profile-sources no-print"))
    body.append(html.Section(profile_toolkit(data["code"], lang), id=ids.PROFILE_TOOLKIT,
                             className="toolkit no-print"))
    return body


def layout(code: str | None = None, **query) -> html.Main:
    """The profile of area ``code`` (a code or a name), with a picker for another area."""
    lang, notice = parse_lang(query.get("lang"))
    store, no_store = open_store(query)
    if store is None:
        return no_store
    top = [_nav(lang, None)]
    found = None
    if code:
        try:
            found = store.area(str(code)[:60])["code"]
        except KeyError:
            notice = t("profile.unknown", lang, code=str(code)[:60])
    if found:
        top = [_nav(lang, found)]
    body = [dcc.Store(id=ids.PROFILE_LANG, data=lang)]
    body += [html.P(notice, className="notice", role="status")] if notice else []
    content = render(store, found, lang) if found else [html.H1(t("profile.title", lang))]
    # The picker sits under the heading and the area's facts.
    body += [*content[:2], _picker(store, lang, found), *content[2:]]
    return html.Main([*top, *body], id=ids.PROFILE_PAGE, lang=lang,
                     className=f"page profile lang-{lang}")
