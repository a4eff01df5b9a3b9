"""Home page: what the store holds — areas, years, indicators per theme, sources.

``layout`` reads the store when the page is requested (never at import); ``render`` is
the pure part that turns a store summary into components, so tests can call it with a
summary built by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from dash import dcc, html

from dashboard import ids
from dashboard.catalogue import THEMES
from dashboard.exports.toolkit import profile_href, store_toolkit
from dashboard.formatting import format_date, format_int, format_year_ranges
from dashboard.i18n import label_or_key, parse_lang, t
from dashboard.settings import get_settings
from dashboard.store import StoreNotFound, get_store
from layouts.common import data_page, render_no_store

LEVELS = ("gemeente", "wijk", "buurt", "custom")
COMPUTED_SOURCES = ("aggregated", "derived")  # made by the build, not published as such


def layout(lang: object = None, **query: object) -> html.Main:
    """Build the home page for a request (Dash Pages passes URL parameters as keywords).

    Parameters
    ----------
    lang : str, list or None
        The ``lang`` URL parameter; unknown values fall back to Dutch with a notice.
    **query
        Other URL parameters; kept in the language links.

    Returns
    -------
    dash.html.Main
        The page, or a bilingual "no store yet" message when no store is built.
    """
    settings = get_settings()
    lang_code, notice = parse_lang(lang, default=settings.lang_default)
    try:
        summary = get_store().summary()
    except StoreNotFound:
        return render_no_store(lang_code, notice, query)
    return render(summary, lang_code, notice, query)


def render(
    summary: Mapping, lang: str, notice: str | None = None, query: Mapping | None = None
) -> html.Main:
    """Turn a store summary into the home page.

    Parameters
    ----------
    summary : Mapping
        The dict returned by ``Store.summary()``.
    lang : str
        ``"nl"`` or ``"en"``.
    notice : str or None
        A message to show at the top (e.g. about a bad ``lang`` parameter).
    query : Mapping or None
        Other URL parameters, kept in the language links.

    Returns
    -------
    dash.html.Main
        The page.
    """
    sources = list(summary.get("sources") or [])
    body = [
        html.H1(t("home.title", lang), id=ids.HOME_TITLE),
        html.P(t("home.intro", lang), className="lead"),
        html.Div([
            html.P(t("home.built_at", lang, date=format_date(summary.get("built_at"), lang))),
            html.P(t("home.n_observations", lang,
                     n=format_int(summary.get("n_observations"), lang))),
        ], id=ids.HOME_SUMMARY),
        _section(ids.HOME_GEMEENTEN, t("home.gemeenten", lang), _gemeenten(summary, lang)),
        _section(ids.HOME_LEVELS, t("home.levels", lang), _levels(summary, lang)),
        _section(ids.HOME_YEARS, t("home.years", lang), _years(summary, lang)),
        _section(ids.HOME_INDICATORS, t("home.indicators", lang), _themes(summary, sources, lang)),
        _section(ids.HOME_COUNTS, t("home.counts", lang), _counts(summary, lang)),
        _section(ids.HOME_SOURCES, t("home.sources", lang), _sources(sources, lang)),
        html.Section([html.H2(t("downloads.store", lang)), *store_toolkit(lang)]),
    ]
    return data_page(lang, notice, query, body)


def _section(section_id: str, title: str, content: list) -> html.Section:
    heading_id = ids.heading(section_id)
    return html.Section([html.H2(title, id=heading_id), *content],
                        id=section_id, **{"aria-labelledby": heading_id})


def _table(headers: list[str], rows: list[list], cls: Mapping[int, str] | None = None) -> html.Div:
    cls = cls or {}  # CSS class per column; the first column holds the row headers
    head = html.Thead(html.Tr([html.Th(h, scope="col", className=cls.get(i))
                               for i, h in enumerate(headers)]))
    body = html.Tbody([
        html.Tr([html.Th(row[0], scope="row")]
                + [html.Td(c, className=cls.get(i)) for i, c in enumerate(row[1:], 1)])
        for row in rows])
    return html.Div(html.Table([head, body]), className="table-wrap", tabIndex="0")


def _text(value: object, lang: str) -> str:
    if isinstance(value, Mapping):
        return str(value.get(lang) or value.get("nl") or next(iter(value.values()), "–"))
    return "–" if value in (None, "") else str(value)


def _none(lang: str) -> list:
    return [html.P(t("home.none", lang), className="muted")]


def _gemeenten(summary: Mapping, lang: str) -> list:
    gemeenten = summary.get("gemeenten") or []
    if not gemeenten:
        return _none(lang)
    return [html.Ul([html.Li(dcc.Link(f"{g.get('name', '–')} ({g.get('code', '–')})",
                                      href=profile_href(str(g.get("code")), lang)))
                     for g in gemeenten])]


def _ordered(keys: Iterable[str], first: Iterable[str]) -> list[str]:
    keys = list(keys)
    return [k for k in first if k in keys] + sorted(k for k in keys if k not in first)


def _levels(summary: Mapping, lang: str) -> list:
    levels = summary.get("levels") or {}
    if not levels:
        return _none(lang)
    rows = [[label_or_key("level", lvl, lang), format_int(levels[lvl], lang)]
            for lvl in _ordered(levels, LEVELS)]
    out = [_table([t("home.level", lang), t("home.n_areas", lang)], rows, {1: "num"})]
    benchmark = summary.get("n_gemeenten_benchmark") or 0
    if benchmark > len(summary.get("gemeenten") or []):
        out.append(html.P(t("home.benchmark", lang, n=format_int(benchmark, lang)),
                          className="muted"))
    return out


def _years(summary: Mapping, lang: str) -> list:
    years = summary.get("years") or []
    if not years:
        return _none(lang)
    n = len(set(years))
    text = t("home.n_years_one" if n == 1 else "home.n_years", lang,
             ranges=format_year_ranges(years), n=format_int(n, lang))
    return [html.P(text)]


def _themes(summary: Mapping, sources: list[Mapping], lang: str) -> list:
    themes = summary.get("themes") or {}
    if not themes:
        return _none(lang)
    publisher = {s.get("id"): s.get("publisher") or s.get("id") for s in sources}
    headers = [t("home.indicator", lang), t("home.unit", lang), t("home.years", lang),
               t("home.source", lang)]
    out = []
    for theme in _ordered(themes, THEMES):
        indicators = themes[theme] or []
        heading_id = ids.heading(ids.home_theme(theme))
        rows = [
            [_text(ind.get("label"), lang), _text(ind.get("unit"), lang),
             format_year_ranges(ind.get("years") or []),
             _source_names(ind.get("sources"), publisher, lang)]
            for ind in indicators
        ]
        if rows:
            key = "home.n_indicators_one" if len(rows) == 1 else "home.n_indicators"
            content = [html.P(t(key, lang, n=format_int(len(rows), lang)), className="muted"),
                       _table(headers, rows)]
        else:
            content = [html.P(t("home.no_indicators", lang), className="muted")]
        out.append(html.Section(
            [html.H3(label_or_key("theme", theme, lang), id=heading_id), *content],
            id=ids.home_theme(theme), className="theme", **{"aria-labelledby": heading_id},
        ))
    return out


def _source_names(source_ids: Iterable | None, publisher: Mapping, lang: str) -> str:
    names, computed = [], False
    for sid in source_ids or []:
        if sid in publisher:
            names.append(str(publisher[sid]))
        elif str(sid).split(":")[0] in COMPUTED_SOURCES:
            computed = True
        else:
            names.append(str(sid))
    names = list(dict.fromkeys(names)) + ([t("home.computed", lang)] if computed else [])
    return ", ".join(names) or "–"


def _counts(summary: Mapping, lang: str) -> list:
    # A count per level and year, or per level, year and indicator (then summed).
    counts = {lvl: {str(y): sum(n.values()) if isinstance(n, Mapping) else n
                    for y, n in (per_year or {}).items()}
              for lvl, per_year in (summary.get("counts") or {}).items()}
    levels = _ordered([lvl for lvl, per_year in counts.items() if per_year], LEVELS)
    years = sorted({y for lvl in levels for y in counts[lvl]})
    if not years:
        return _none(lang)
    headers = [t("home.year", lang)] + [label_or_key("level", lvl, lang) for lvl in levels]
    rows = [[y] + [format_int(counts[lvl].get(y), lang) for lvl in levels] for y in years]
    return [html.P(t("home.counts_note", lang), className="muted"),
            _table(headers, rows, dict.fromkeys(range(1, len(headers)), "num"))]


def _sources(sources: list[Mapping], lang: str) -> list:
    if not sources:
        return _none(lang)
    headers = [t("home.source_title", lang), t("home.publisher", lang), t("home.table", lang),
               t("home.year", lang), t("home.retrieved", lang), t("home.licence", lang)]
    rows = []
    for src in sources:
        title = _text(src.get("title") or src.get("id"), lang)
        origin = str(src.get("origin") or "")
        if origin.startswith(("https://", "http://")):
            title = html.A(title, href=origin, rel="noopener")
        licence = [label_or_key("licence", str(src["licence"]), lang)] if src.get("licence") else []
        licence += [str(src["credit"])] if src.get("credit") else []
        years = src.get("years") or ([src["year"]] if src.get("year") is not None else [])
        rows.append([title, _text(src.get("publisher"), lang), _text(src.get("table"), lang),
                     format_year_ranges(years),
                     format_date(src.get("retrieved_at"), lang), " — ".join(licence) or "–"])
    return [_table(headers, rows, {4: "nowrap"})]

