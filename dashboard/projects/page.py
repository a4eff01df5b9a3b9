"""The projects page's data: URL parameters, filters, the table of projects.

Plain functions of the store and the filter values, called by the page layout (first
render) and by its callbacks, so both show the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dash import html

from dashboard import ids
from dashboard.i18n import parse_lang, t
from dashboard.projects.layer import ALL_PILLARS, period_text, pillar_text
from dashboard.projects.model import Project
from dashboard.projects.panels import swatch
from dashboard.projects.places import overlaps, placement
from dashboard.projects.registry import all_projects, filter_projects


@dataclass
class PageQuery:
    lang: str
    project: str | None = None
    area: str | None = None
    notices: list[str] = field(default_factory=list)


def _first(value) -> str | None:
    if isinstance(value, list | tuple):
        value = value[0] if value else None
    return None if value is None else str(value).strip()[:100]


def parse_query(query: dict, store, db=None) -> PageQuery:
    """``lang``, ``project`` (a key) and ``area`` (a code); unknown values get a notice."""
    lang, notice = parse_lang(_first(query.get("lang")))
    out = PageQuery(lang, notices=[notice] if notice else [])
    project, area = _first(query.get("project")), _first(query.get("area"))
    if project:
        if project in {p.key for p in all_projects(db)}:
            out.project = project
        else:
            out.notices.append(t("projects.bad_param", lang, param="project", value=project))
    if area:
        if area.upper() in store.areas.index:
            out.area = area.upper()
        else:
            out.notices.append(t("projects.bad_param", lang, param="area", value=area))
    return out


def year_options(projects: list[Project]) -> list[int]:
    """Years a period filter offers: from the earliest start to this year."""
    starts = [p.period()[0].year for p in projects if p.period()[0]]
    return list(range(min([2014, *starts]), date.today().year + 1))


def area_options(store, lang: str) -> list[dict]:
    """Areas to filter on: custom areas, gemeenten with detail, then their wijken and
    buurten, each named with its code."""
    areas = store.areas
    detailed = set(store.manifest.get("gemeenten", []))
    order = {"custom": 0, "gemeente": 1, "wijk": 2, "buurt": 3}
    rows = [(order[lvl], code) for code, lvl, gm in zip(areas["code"], areas["level"],
                                                        areas["gemeente"], strict=True)
            if lvl == "custom" or gm in detailed or (lvl == "gemeente")]
    rows.sort(key=lambda r: (r[0], store.area_name(r[1], lang)))
    return [{"label": f"{store.area_name(c, lang)} ({c})", "value": c} for _, c in rows]


def page_projects(store, *, pillars=None, year_from=None, year_to=None, area=None,
                  organisation=None, db=None) -> list[Project]:
    """Projects matching the page's filters (area: active in or overlapping it)."""
    if year_from is None and year_to is not None:
        year_from = year_to
    if year_from is not None and year_to is not None and year_to < year_from:
        year_from, year_to = year_to, year_from
    chosen = filter_projects(all_projects(db), pillars=ALL_PILLARS if pillars is None
                             else pillars, year=year_from, year_to=year_to,
                             organisation=organisation)
    if area:
        chosen = [p for p in chosen if overlaps(store, placement(store, p).codes, area)]
    return chosen


#: Rows of the projects table per page.
PAGE_SIZE = 50


@dataclass(frozen=True)
class Paged:
    """One page of a list: its rows, its number (from 0, within range) and the total."""

    rows: list
    page: int
    total: int

    @property
    def last_page(self) -> int:
        return max(0, (self.total - 1) // PAGE_SIZE)

    def status(self, lang: str) -> str:
        first = self.page * PAGE_SIZE
        return t("projects.page_status", lang, first=first + 1 if self.total else 0,
                 last=first + len(self.rows), n=self.total)


def paged(items: list, page: int) -> Paged:
    """Page ``page`` (clamped to the pages there are) of ``items``."""
    page = min(max(0, page), max(0, (len(items) - 1) // PAGE_SIZE))
    return Paged(items[page * PAGE_SIZE:(page + 1) * PAGE_SIZE], page, len(items))


def pager(result: Paged, lang: str) -> tuple:
    """The pager's parts for a page: the page number, the status text, whether the
    previous and the next button are disabled."""
    return (result.page, result.status(lang), result.page == 0,
            result.page >= result.last_page)


def page_table(store, projects: list[Project], lang: str, selected: str | None,
               total: int | None = None) -> html.Table:
    """The table of projects: a button per name, pillar, period, where, who, source
    (``projects`` may be one page of ``total``)."""
    head = html.Thead(html.Tr([html.Th(t(k, lang), scope="col") for k in (
        "projects.name", "projects.pillar", "projects.period", "projects.areas",
        "projects.organisations", "projects.source_label")]))
    rows = []
    for p in projects:
        place = placement(store, p)
        where = ", ".join(store.area_name(c, lang) for c in place.codes[:4])
        if len(place.codes) > 4:
            where += f" (+{len(place.codes) - 4})"
        gemeenten = ", ".join(store.area_name(g, lang) for g in place.gemeenten)
        if not where:
            where = p.area_note.get(lang) if p.area_note else t("projects.no_places", lang)
        rows.append(html.Tr([
            html.Td(html.Button([swatch(p.pillar), p.name], id=ids.page_item(p.key),
                                n_clicks=0, type="button",
                                className="project-link" + (" is-selected"
                                                            if p.key == selected else ""))),
            html.Td(pillar_text(p.pillar, lang)), html.Td(period_text(p, lang)),
            html.Td([where] + ([html.Br(), html.Span(gemeenten, className="muted")]
                               if gemeenten and gemeenten != where else [])),
            html.Td("; ".join(p.organisations)), html.Td(p.source_text),
        ], **{"data-key": p.key}))
    caption = html.Caption(t("projects.table_caption", lang,
                             n=len(projects) if total is None else total))
    if not projects:
        rows = [html.Tr(html.Td(t("projects.none", lang), colSpan=6))]
    return html.Table([caption, head, html.Tbody(rows)], className="projects-table")


def upload_report(result, filename: str, lang: str) -> list:
    """What an upload did: counts saved / duplicate / rejected, and each rejected row."""
    if result.error is not None:
        return [html.P(t("projects.upload_refused", lang, reason=result.error.message(lang)),
                       className="notice")]
    out = [html.P(t("projects.upload_result", lang, file=filename or "–", saved=result.saved,
                    duplicates=result.duplicates, rejected=len(result.rejected)),
                  className="upload-summary")]
    if result.rejected:
        out.append(html.Ul([html.Li(t("projects.rejected_row", lang, row=row,
                                      reason=problem.message(lang)))
                            for row, problem in result.rejected[:200]],
                           className="upload-rejected"))
    return out


def export_file(store, which: str, lang: str, db=None) -> tuple[str, str]:
    """Text and file name of a download: the upload template, everything as CSV or
    GeoJSON, or the history of uploads as CSV (all formula-safe)."""
    from dashboard.projects.export import registry_csv, registry_geojson
    from dashboard.projects.upload import template_csv

    if which == ids.PROJECTS_TEMPLATE:
        return template_csv(), "activiteiten-sjabloon.csv"
    if which == ids.PROJECTS_EXPORT_HISTORY:
        from dashboard.auth.audit import changes, history_csv

        return history_csv(changes("upload", db=db), lang).decode("utf-8"), \
            "uploads-wijzigingen.csv"
    projects = all_projects(db)
    if which == ids.PROJECTS_EXPORT_GEOJSON:
        return registry_geojson(store, projects, lang), "projecten.geojson"
    return registry_csv(store, projects, lang), "projecten.csv"
