"""Trend sparklines as SVG, and an area profile as one self-contained HTML file.

The HTML opens offline: styles are inline, trends are inline SVG, there are no scripts and
nothing is fetched. Every text from the data is escaped.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from dashboard.formatting import format_year_ranges
from dashboard.i18n import label_or_key, t

SPARK_W, SPARK_H, PAD = 120, 30, 3
_CSS = """
body{font-family:system-ui,Arial,sans-serif;color:#1a1a1a;margin:1.5rem;line-height:1.4}
h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.15rem;border-bottom:2px solid #00652e;
margin:1.2rem 0 .4rem}table{border-collapse:collapse;width:100%;font-size:.85rem}
th,td{border-bottom:1px solid #c8c8c8;padding:.2rem .35rem;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}.muted{color:#4a4a4a}
.source{font-size:.75rem;color:#4a4a4a}section{break-inside:avoid}
@page{size:A4;margin:14mm}@media print{body{margin:0}}
"""


def sparkline_svg(series: list[dict], label: str = "") -> str:
    """A small SVG line of a series (``year``, ``value`` or None, ``comparable_with_previous``).

    The line breaks where a value is absent, a year is skipped or CBS flags a boundary
    change — as the explorer's trend chart does; every value is a dot, the last one
    filled dark.
    """
    points = [(p["year"], p["value"]) for p in series if p["value"] is not None]
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{SPARK_W}" height="{SPARK_H}" '
            f'viewBox="0 0 {SPARK_W} {SPARK_H}" role="img"><title>{escape(label)}</title>')
    if not points:
        return head + "</svg>"
    years = [y for y, _ in points]
    values = [v for _, v in points]
    x0, x1 = min(years), max(years)
    lo, hi = min(values), max(values)

    def xy(year: int, value: float) -> tuple[float, float]:
        x = PAD + (year - x0) / ((x1 - x0) or 1) * (SPARK_W - 2 * PAD)
        y = SPARK_H - PAD - ((value - lo) / ((hi - lo) or 1)) * (SPARK_H - 2 * PAD)
        return round(x, 1), round(y, 1)

    segments: list[list[tuple[float, float]]] = []
    prev = None
    for p in series:
        broken = prev is None or p["year"] != prev["year"] + 1 or \
            p.get("comparable_with_previous") is False or prev["value"] is None
        if p["value"] is not None:
            if broken:
                segments.append([])
            segments[-1].append(xy(p["year"], p["value"]))
        prev = p
    body = "".join(
        '<polyline fill="none" stroke="#0b57a4" stroke-width="1.5" points="'
        + " ".join(f"{x},{y}" for x, y in seg) + '"/>' for seg in segments if len(seg) > 1)
    dots = [xy(y, v) for y, v in points]
    body += "".join(f'<circle cx="{x}" cy="{y}" r="1.6" fill="#0b57a4"/>' for x, y in dots[:-1])
    x, y = dots[-1]
    body += f'<circle cx="{x}" cy="{y}" r="2.4" fill="#1a1a1a"/>'
    return head + body + "</svg>"


def sparkline_src(series: list[dict], label: str = "") -> str:
    """The sparkline as a ``data:`` URL for an ``<img>`` (no script, nothing fetched)."""
    return "data:image/svg+xml;charset=utf-8," + quote(sparkline_svg(series, label))


def trend_alt(row: dict, lang: str) -> str:
    """Text alternative of a sparkline: every year with its value or status."""
    from dashboard.formatting import format_number

    parts = [f"{p['year']}: " + (format_number(p["value"], lang, row["decimals"])
                                 if p["value"] is not None else t(
                                     "status.secret" if p["status"] == "secret"
                                     else "status.missing", lang))
             for p in row["series"]]
    return t("profile.trend_alt", lang, label=row["label"], points="; ".join(parts))


def _figure_table(rows: list[dict], benches: list[dict], lang: str) -> str:
    head = "".join(f"<th>{escape(c)}</th>" for c in [
        t("profile.indicator", lang), t("profile.year", lang), t("profile.value", lang),
        *[t("profile.diff_with", lang, name=b["name"]) for b in benches],
        t("profile.rank", lang), t("profile.trend", lang)])
    body = []
    for r in rows:
        diffs = {d["code"]: d for d in r["differences"]}
        cells = [f"<td>{escape(r['label'])} <span class=muted>({escape(r['unit'])})</span></td>",
                 f"<td>{r['year']}</td>",
                 f"<td class=num>{escape(r['value_text'])}"
                 + (f" <span class=muted>({t('profile.partial', lang)})</span>"
                    if r["partial"] else "") + "</td>"]
        cells += [f"<td class=num>{escape(diffs[b['code']]['diff_text'] if b['code'] in diffs else '–')}</td>"  # noqa: E501
                  for b in benches]
        cells.append(f"<td class=num>{r['rank']}/{r['n']}</td>" if r["rank"] else "<td></td>")
        cells.append(f"<td>{sparkline_svg(r['series'], trend_alt(r, lang))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def profile_html(data: dict, lang: str, citation: str) -> str:
    """The profile of :func:`dashboard.profile.model.profile_data` as a standalone HTML page."""
    out = [f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">',
           f"<title>{escape(t('profile.heading', lang, name=data['name']))}</title>",
           f"<style>{_CSS}</style></head><body>",
           f"<h1>{escape(t('profile.heading', lang, name=data['name']))}</h1>",
           f"<p class=muted>{escape(t('profile.code', lang, code=data['code']))} · "
           f"{escape(t('profile.level', lang, level=label_or_key('level', data['level'], lang)))}"
           "</p>"]
    if data["description"]:
        out.append(f"<p>{escape(data['description'])}</p>")
    out.append(f"<p class=muted>{escape(data['peers_text'])}</p>")
    for theme, rows in data["themes"].items():
        out.append(f"<section><h2>{escape(label_or_key('theme', theme, lang))}</h2>"
                   + _figure_table(rows, data["benchmarks"], lang) + "</section>")
    if data["indices"]:
        out.append(f"<section><h2>{escape(t('profile.indices', lang))}</h2>"
                   + _figure_table(data["indices"], data["benchmarks"], lang) + "</section>")
    if data["projects"]:
        items = "".join(f"<li><strong>{escape(str(p.get('name', '')))}</strong> "
                        f"{escape(str(p.get('summary') or ''))}</li>" for p in data["projects"])
        out.append(f"<section><h2>{escape(t('profile.projects', lang))}</h2><ul>{items}</ul>"
                   "</section>")
    out.append(f"<section><h2>{escape(t('profile.notes', lang))}</h2><ul>")
    out += [f"<li>{escape(n)}</li>" for n in notes(data, lang)]
    out.append("</ul></section>")
    out.append(f"<p class=source>{escape(citation)}</p>")
    sources = sorted({r["source"] for rows in data["themes"].values() for r in rows}
                     | {r["source"] for r in data["indices"]})
    out += [f"<p class=source>{escape(s)}</p>" for s in sources]
    out.append("</body></html>")
    return "\n".join(out)


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
