"""Small component builders shared by a page's layout and its callbacks (like the figure
builders, they know no page layout: they turn plain data into components)."""

from __future__ import annotations

from dash import dcc, html

from dashboard.exports.toolkit import profile_href
from dashboard.i18n import t


def details_panel(items: list[dict], lang: str) -> list:
    """The details of each selected area: value, rank, differences, definition, source."""
    if not items:
        return [html.P(t("explorer.details_empty", lang), className="muted")]
    out = []
    for d in items:
        notes = [html.Br(), html.Span(d["reason"], className="note reason")] if d.get(
            "reason") else []
        rows = [html.Dt(t("explorer.value", lang)),
                html.Dd([d["value_text"]]
                        + ([html.Span(" " + t("explorer.partial", lang), className="partial")]
                           if d["partial"] else [])
                        + ([html.Br(), html.Span(d["quality_text"], className="quality-note")]
                           if d.get("quality_text") else []) + notes)]
        if d["rank_text"]:
            rows += [html.Dt(t("explorer.rank", lang)), html.Dd(d["rank_text"])]
        for label, diff in d["differences"]:
            rows += [html.Dt(t("explorer.diff_with", lang, name=label)), html.Dd(diff)]
        out.append(html.Article([
            html.H3(d["name"]),
            html.P(d["label"], className="muted"),
            html.Dl(rows, className="facts"),
            html.P(dcc.Link(t("profile.link", lang, name=d["name"]),
                            href=profile_href(d["code"], lang)), className="profile-link"),
        ], className="detail-card", **{"data-code": d["code"]}))
    first = items[0]
    out.append(html.Details([
        html.Summary(t("explorer.about_indicator", lang)),
        html.P(first["definition"]),
        *([html.P(first["caveats"], className="caveat")] if first["caveats"] else []),
        html.P(first["source"], className="source"),
    ], open=True))
    return out


def _value_cell(r: dict) -> list:
    # the interval stays whole; a narrow screen wraps between it and the value
    main = r["value"].removesuffix(r.get("interval") or "").strip()
    return [main + (" *" if r["partial"] else ""),
            *([" ", html.Span(r["interval"], className="nowrap")] if r.get("interval") else [])]


def values_table(rows: list[dict], label: str, unit: str, year: int, lang: str) -> html.Table:
    """An accessible table of what the map shows (the alternative to the map)."""
    head = html.Thead(html.Tr([html.Th(t("explorer.area", lang), scope="col"),
                               html.Th(t("explorer.code", lang), scope="col"),
                               html.Th(f"{label} ({unit}), {year}", scope="col"),
                               html.Th(t("table.note", lang), scope="col")]))
    body = html.Tbody([
        html.Tr([html.Td(r["name"]), html.Td(r["code"]),
                 html.Td(_value_cell(r),
                         className="num" if r["raw"] is not None else "status"),
                 html.Td(" ".join(filter(None, [r.get("note", ""), t("partial.explained", lang)
                                                if r["partial"] else ""])),
                         className="quality-note")],
                **{"data-code": r["code"]})
        for r in rows])
    caption = html.Caption(t("explorer.table_caption", lang, label=label, year=year,
                             n=len(rows)))
    return html.Table([caption, head, body], className="values-table")
