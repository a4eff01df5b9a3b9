"""Trend sparklines as SVG, and an area profile as a 1–2 page A4 briefing: one
self-contained HTML page that is also the source of the PDF.

The HTML opens offline: styles are inline, the map and trends are inline SVG, there are no
scripts and nothing is fetched. Every text from the data is escaped.
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import quote

from dashboard import colours as C
from dashboard.figures.common import cadence
from dashboard.formatting import format_number, format_year_ranges
from dashboard.i18n import label_or_key, t

SPARK_W, SPARK_H, PAD = 120, 30, 3
#: One palette for page, map and charts (see assets/tokens.css and dashboard/colours.py).
LINE, INK, GREY = C.BRAND, C.INK, C.MUTED_TEXT


def _segments(series: list[dict], xy) -> list[list[tuple[float, float]]]:
    """Runs of points to join: a run breaks where a value is absent, a year is skipped
    beyond the series' cadence or CBS flags a boundary change."""
    segments: list[list[tuple[float, float]]] = []
    prev = None
    step = cadence(p["year"] for p in series)
    for p in series:
        broken = prev is None or p["year"] > prev["year"] + step or \
            p.get("comparable_with_previous") is False or prev["value"] is None
        if p["value"] is not None:
            if broken:
                segments.append([])
            segments[-1].append(xy(p["year"], p["value"]))
        prev = p
    return segments


def sparkline_svg(series: list[dict], label: str = "", ends: tuple[str, str] | None = None,
                  width: int = SPARK_W, height: int = SPARK_H) -> str:
    """A small SVG line of a series (``year``, ``value`` or None, ``comparable_with_previous``).

    The line breaks where a value is absent, a year is skipped or CBS flags a boundary
    change — as the explorer's trend chart does; every value is a dot, the last one
    filled dark, and a year without a value is a short grey tick on the baseline.

    Parameters
    ----------
    series : list of dict
        The points, oldest first.
    label : str
        The SVG's title (its text alternative is given by the caller).
    ends : tuple of str, optional
        Texts for the first and last value (e.g. ``"2014: 12,3"``); written under the line
        at its start and end, which leaves room for them.
    width, height : int
        Size in px.
    """
    points = [(p["year"], p["value"]) for p in series if p["value"] is not None]
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img"><title>{escape(label)}</title>')
    if not points:
        return head + "</svg>"
    bottom = 13 if ends else 0
    years = [p["year"] for p in series]
    values = [v for _, v in points]
    x0, x1 = min(years), max(years)
    lo, hi = min(values), max(values)

    def xy(year: int, value: float) -> tuple[float, float]:
        x = PAD + (year - x0) / ((x1 - x0) or 1) * (width - 2 * PAD)
        y = height - bottom - PAD - ((value - lo) / ((hi - lo) or 1)) * \
            (height - bottom - 2 * PAD)
        return round(x, 1), round(y, 1)

    body = "".join(
        f'<polyline fill="none" stroke="{LINE}" stroke-width="1.5" points="'
        + " ".join(f"{x},{y}" for x, y in seg) + '"/>'
        for seg in _segments(series, xy) if len(seg) > 1)
    base = height - bottom - 1
    body += "".join(f'<line x1="{xy(p["year"], lo)[0]}" x2="{xy(p["year"], lo)[0]}" '
                    f'y1="{base - 4}" y2="{base}" stroke="{GREY}" stroke-width="1"/>'
                    for p in series if p["value"] is None)
    dots = [xy(y, v) for y, v in points]
    body += "".join(f'<circle cx="{x}" cy="{y}" r="1.6" fill="{LINE}"/>' for x, y in dots[:-1])
    x, y = dots[-1]
    body += f'<circle cx="{x}" cy="{y}" r="2.4" fill="{INK}"/>'
    if ends:
        style = f'font-size="9" fill="{INK}" font-family="Arial, Liberation Sans, sans-serif"'
        body += (f'<text x="{PAD}" y="{height - 2}" {style}>{escape(ends[0])}</text>'
                 f'<text x="{width - PAD}" y="{height - 2}" text-anchor="end" {style}>'
                 f"{escape(ends[1])}</text>")
    return head + body + "</svg>"


def trend_ends(row: dict, lang: str) -> tuple[str, str] | None:
    """``("2014: 12,3", "2024: 15,1")``: the first and last value of a profile row."""
    ok = [p for p in row["series"] if p["value"] is not None]
    if len(ok) < 2:
        return None
    return tuple(f"{p['year']}: {format_number(p['value'], lang, row['decimals'])}"
                 for p in (ok[0], ok[-1]))  # type: ignore[return-value]


def sparkline_src(series: list[dict], label: str = "", ends: tuple[str, str] | None = None,
                  width: int = SPARK_W, height: int = SPARK_H) -> str:
    """The sparkline as a ``data:`` URL for an ``<img>`` (no script, nothing fetched)."""
    return svg_src(sparkline_svg(series, label, ends, width, height))


def svg_src(svg: str) -> str:
    """An SVG document as a ``data:`` URL for an ``<img>``."""
    return "data:image/svg+xml;charset=utf-8," + quote(svg)


def trend_alt(row: dict, lang: str) -> str:
    """Text alternative of a sparkline: every year with its value or status."""
    parts = [f"{p['year']}: " + (format_number(p["value"], lang, row["decimals"])
                                 if p["value"] is not None else t(
                                     "status.secret" if p["status"] == "secret"
                                     else "status.missing", lang))
             for p in row["series"]]
    return t("profile.trend_alt", lang, label=row["label"], points="; ".join(parts))


# The page's palette as custom properties, as in assets/tokens.css.
_ROOT = (f":root{{--ink:{C.INK};--brand:{C.BRAND};--muted:{C.MUTED_TEXT};--border:{C.BORDER};"
         f"--better:{C.BETTER};--worse:{C.WORSE}}}")
_CSS = """
@page{size:A4;margin:12mm 13mm 14mm}
body{font-family:Arial,"Liberation Sans","Helvetica Neue",sans-serif;color:var(--ink);
font-size:9.5pt;line-height:1.35;margin:0}
h1{font-size:18pt;line-height:1.15;margin:0 0 2pt;color:var(--brand)}
h2{font-size:11.5pt;margin:9pt 0 4pt;padding-bottom:2pt;border-bottom:1.5pt solid var(--brand)}
h3{font-size:9.5pt;margin:0 0 2pt}p{margin:0 0 3pt}.muted{color:var(--muted)}
.b-head{display:flex;gap:10pt;justify-content:space-between;align-items:flex-start}
.b-head figure{margin:0;flex:0 0 auto;text-align:right}
.b-head figcaption{font-size:7.5pt;color:var(--muted);max-width:165pt;margin-left:auto}
.b-kicker{font-size:8.5pt;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.b-meta{font-size:8.5pt;color:var(--muted)}
ol.b-messages{margin:0 0 2pt;padding-left:14pt}ol.b-messages li{margin:0 0 2pt}
.b-grid{display:flex;flex-wrap:wrap;gap:6pt}
.b-card{box-sizing:border-box;width:calc(50% - 3pt);border:.75pt solid var(--border);
border-top:3pt solid var(--brand);padding:4pt 6pt 3pt;break-inside:avoid;page-break-inside:avoid}
.b-pillar{font-size:7.5pt;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);margin:0}
.b-value{margin:1pt 0}.b-value strong{font-size:14pt}.b-value .unit{color:var(--muted)}
ul.b-comp{list-style:none;margin:1pt 0 2pt;padding:0;font-size:8.5pt}
ul.b-comp li{padding-left:5pt;border-left:3pt solid var(--border);margin-bottom:1pt}
ul.b-comp li.v-better{border-left-color:var(--better)}
ul.b-comp li.v-worse{border-left-color:var(--worse)}
.v-better b{color:var(--better)}.v-worse b{color:var(--worse)}
.b-legend,.b-small{font-size:8pt;color:var(--muted)}
footer{margin-top:8pt;border-top:.75pt solid var(--border);padding-top:4pt;font-size:7.5pt;
color:var(--muted)}footer p{margin:0 0 2pt}
"""


def comparison_text(comp: dict, lang: str) -> str:
    """"ongunstiger dan Rotterdam (98,3)": a headline figure against a reference area."""
    key = "briefing.equal_to" if comp["verdict"] == "same" else "briefing.than"
    return t(key, lang, name=comp["name"], value=comp["value_text"])


def _card(row: dict, lang: str) -> str:
    ends = trend_ends(row, lang)
    comps = "".join(
        f'<li class="v-{c["verdict"]}"><b>{escape(t("briefing.word_" + c["verdict"], lang))}'
        f"</b> {escape(comparison_text(c, lang))}</li>" for c in row["comparisons"])
    partial = f" ({escape(t('profile.partial', lang))})" if row["partial"] else ""
    return (f'<article class="b-card"><p class="b-pillar">'
            f"{escape(label_or_key('theme', row['pillar'], lang))}</p>"
            f"<h3>{escape(row['short_label'])}</h3>"
            f'<p class="b-value"><strong>{escape(row["value_text"])}</strong>'
            f'{"" if row["unit"].startswith("%") else " "}'
            f'<span class="unit">{escape(row["unit"])}</span> · {row["year"]}{partial}</p>'
            f'<ul class="b-comp">{comps}</ul>'
            + ("" if comps else f'<p class="b-legend">{escape(t("briefing.no_reference", lang))}'
               "</p>")
            + (sparkline_svg(row["series"], trend_alt(row, lang), ends, 320, 42)
               if ends else "") + "</article>")


def briefing_facts(data: dict, lang: str) -> str:
    """"Buurt · gemeente Rotterdam · code BU05991086": the area's level, gemeente, code."""
    parts = [label_or_key("level", data["level"], lang)]
    if data["gemeente"]:
        parts.append(t("briefing.in_gemeente", lang, name=data["gemeente"]["name"]))
    return " · ".join([*parts, t("profile.code", lang, code=data["code"])])


def briefing_html(data: dict, summary: dict, prov: dict, lang: str) -> str:
    """The profile as a 1–2 page A4 briefing: one self-contained HTML page (inline styles
    and SVG, no scripts, nothing fetched), also the source of the PDF.

    Parameters
    ----------
    data : dict
        :func:`dashboard.profile.model.profile_data`.
    summary : dict
        :func:`dashboard.profile.summary.briefing_summary` (headlines, messages, map,
        data year, date).
    prov : dict
        :func:`dashboard.exports.tidy.provenance` of the profile's rows.
    lang : str
        ``"nl"`` or ``"en"``.
    """
    title = escape(t("profile.heading", lang, name=data["name"]))
    out = [f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">',
           f"<title>{title}</title><style>{_ROOT}{_CSS}</style></head><body>",
           '<header class="b-head"><div>',
           f'<p class="b-kicker">{escape(t("app.title", lang))}</p><h1>{title}</h1>',
           f'<p class="b-meta">{escape(briefing_facts(data, lang))}</p>',
           f'<p class="b-meta">{escape(summary["date_text"])}</p>']
    if data["description"]:
        out.append(f"<p>{escape(data['description'])}</p>")
    out.append(f'</div><figure>{summary["map_svg"]}<figcaption>'
               f"{escape(t('briefing.map_caption', lang, name=data['name']))}"
               "</figcaption></figure></header>")
    if summary["messages"]:
        out.append(f"<h2>{escape(t('briefing.messages', lang))}</h2><ol class=b-messages>"
                   + "".join(f"<li>{escape(m)}</li>" for m in summary["messages"])
                   + f"</ol><p class=b-small>{escape(t('briefing.messages_note', lang))}</p>")
    if summary["headlines"]:
        out.append(f"<h2>{escape(t('briefing.headlines', lang))}</h2>"
                   f"<p class=b-legend>{escape(t('briefing.legend', lang))}</p>"
                   "<div class=b-grid>"
                   + "".join(_card(r, lang) for r in summary["headlines"]) + "</div>")
    out.append(f"<h2>{escape(t('profile.notes', lang))}</h2><ul>"
               + "".join(f"<li>{escape(n)}</li>" for n in notes(data, lang)) + "</ul>")
    out.append("<footer>"
               + "".join(f"<p>{escape(s)}</p>" for s in source_lines(prov, lang))
               + f"<p><b>{escape(t('downloads.citation_label', lang))}:</b> "
               f"{escape(prov['citation'])}</p>"
               f"<p>{escape(t('briefing.full_tables', lang))}</p></footer>")
    out.append("</body></html>")
    return "\n".join(out)


def source_lines(prov: dict, lang: str) -> list[str]:
    """One line per series of sources (the same title but for its year): title, publisher,
    tables, years, licence — never a file name."""
    groups: dict[tuple, dict] = {}
    for s in prov["sources"]:
        title = re.sub(r"\s*\b(19|20)\d{2}\b", "", str(s["title"] or s["id"])).strip(" ,")
        g = groups.setdefault((title, s["publisher"], s["licence"]),
                              {"tables": [], "years": set()})
        if s.get("table") and s["table"] not in g["tables"]:
            g["tables"].append(s["table"])
        g["years"] |= set(s["years"] or [])
    out = []
    for (title, publisher, licence), g in groups.items():
        tables = f", {t('downloads.table', lang)} {', '.join(g['tables'])}" \
            if g["tables"] else ""
        years = f"; {format_year_ranges(sorted(g['years']))}" if g["years"] else ""
        out.append(f"{title} ({publisher}{tables}{years}; {licence})")
    return out


def notes(data: dict, lang: str) -> list[str]:
    """The notes under a profile: secret values, boundary changes (or that there are none)."""
    out = []
    if data["secret"]:
        items = "; ".join(f"{label} ({format_year_ranges(years)})"
                          for label, years in data["secret"])
        out.append(t("profile.secret_note", lang, items=items))
    if data["boundary_years"]:
        out.append(t("profile.boundary_note", lang,
                     years=format_year_ranges(data["boundary_years"])))
    return out or [t("profile.no_notes", lang)]
