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
        notes = [html.Span(d[k], className=f"note {k}") for k in ("reason", "quality_text")
                 if d.get(k)]
        rows = [html.Dt(t("explorer.value", lang)),
                html.Dd([d["value_text"]]
                        + ([html.Span(" " + t("explorer.partial", lang), className="partial")]
                           if d["partial"] else []) + notes)]
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
    # the interval and the quality note stay whole; a narrow screen wraps between them
    main = r["value"].removesuffix(r.get("interval") or "").strip()
    extra = [r["interval"]] if r.get("interval") else []
    extra += [f"({r['quality']})"] if r.get("quality") else []
    return [main + (" *" if r["partial"] else ""),
            *[part for e in extra for part in (" ", html.Span(e, className="nowrap"))]]


def values_table(rows: list[dict], label: str, unit: str, year: int, lang: str) -> html.Table:
    """An accessible table of what the map shows (the alternative to the map)."""
    head = html.Thead(html.Tr([html.Th(t("explorer.area", lang), scope="col"),
                               html.Th(t("explorer.code", lang), scope="col"),
                               html.Th(f"{label} ({unit}), {year}", scope="col")]))
    body = html.Tbody([
        html.Tr([html.Td(r["name"]), html.Td(r["code"]),
                 html.Td(_value_cell(r),
                         className="num" if r["raw"] is not None else "status")],
                **{"data-code": r["code"]})
        for r in rows])
    caption = html.Caption(t("explorer.table_caption", lang, label=label, year=year,
                             n=len(rows)))
    return html.Table([caption, head, body], className="values-table")
