"""Components for projects, shared by the explorer's projects layer and the projects page
(like dashboard/explorer/panels.py: plain data in, components out, no page layout).

All project text goes into components as text, which Dash escapes; nothing here renders
HTML from data.
"""

from __future__ import annotations

from urllib.parse import urlencode

from dash import dcc, html

from dashboard import ids, pages
from dashboard.controls import checkbox_group
from dashboard.i18n import t
from dashboard.projects.layer import ALL_PILLARS, period_text, pillar_text
from dashboard.projects.model import PILLAR_COLOURS, Project
from dashboard.projects.places import overlaps, placement


def swatch(pillar: str | None) -> html.Span:
    colour = PILLAR_COLOURS.get(pillar or "geen", PILLAR_COLOURS["geen"])
    return html.Span(className="pillar-swatch", style={"backgroundColor": colour},
                     **{"aria-hidden": "true"})


def pillar_options(lang: str) -> list[dict]:
    """Checklist options: a colour swatch (as on the map) and the pillar's name."""
    return [{"label": html.Span([swatch(p if p != "geen" else None), pillar_text(
        None if p == "geen" else p, lang)], className="pillar-option"), "value": p}
        for p in ALL_PILLARS]


def _where(store, p: Project, lang: str) -> str:
    place = placement(store, p)
    if not place.codes:
        return p.area_note.get(lang) if p.area_note else t("projects.no_places", lang)
    names = [store.area_name(c, lang) for c in place.codes[:3]]
    more = f" (+{len(place.codes) - 3})" if len(place.codes) > 3 else ""
    gemeenten = [store.area_name(g, lang) for g in place.gemeenten]
    gm = f" · {', '.join(gemeenten)}" if gemeenten and gemeenten != names else ""
    return ", ".join(names) + more + gm


#: Projects listed per group beside the map: thousands of uploaded activities would make
#: every answer that shows the list as many components (the projects page pages them all).
MAX_LISTED = 50


def list_item(store, p: Project, lang: str, selected: str | None, item_id: dict) -> html.Li:
    """One project: a button with its name, then pillar, period and where."""
    meta = f"{pillar_text(p.pillar, lang)} · {period_text(p, lang)} · {_where(store, p, lang)}"
    return html.Li([
        html.Button([swatch(p.pillar), p.name], id=item_id, n_clicks=0, type="button",
                    className="project-link" + (" is-selected" if p.key == selected else ""),
                    **{"aria-pressed": "true" if p.key == selected else "false"}),
        html.Div(meta, className="project-meta muted"),
    ], className="project-item", **{"data-key": p.key})


def map_list(store, projects: list[Project], area: str, selected_areas, year, lang: str,
             selected: str | None) -> list:
    """The explorer's list: projects in the selected areas (or the area of interest),
    then those elsewhere with their gemeente, then those without an area."""
    focus = list(selected_areas) or [area]
    here, elsewhere, unmapped = [], [], []
    for p in projects:
        codes = placement(store, p).codes
        if not codes:
            unmapped.append(p)
        elif any(overlaps(store, codes, c) for c in focus):
            here.append(p)
        else:
            elsewhere.append(p)
    names = ", ".join(store.area_name(c, lang) for c in focus)
    heading = t("projects.in_selected" if selected_areas else "projects.in_area", lang,
                areas=names, area=names, year=year)
    groups = [(heading, here), (t("projects.elsewhere", lang, year=year), elsewhere),
              (t("projects.unmapped", lang), unmapped)]
    out = []
    for title, items in groups:
        if not items and title != heading:
            continue
        out.append(html.H3(title, className="projects-group"))
        shown = items[:MAX_LISTED]
        out.append(html.Ul([list_item(store, p, lang, selected, ids.map_item(p.key))
                            for p in shown], className="project-list")
                   if items else html.P(t("projects.none", lang), className="muted"))
        if len(items) > len(shown):
            out.append(html.P(dcc.Link(t("projects.more", lang, n=len(items) - len(shown)),
                                       href=f"{pages.PROJECTS}?{urlencode({'lang': lang})}"),
                              className="muted"))
    return out


def _fact(label_key: str, value, lang: str) -> list:
    return [html.Dt(t(label_key, lang)), html.Dd(value)] if value else []


def project_panel(store, p: Project | None, lang: str, link: bool = True) -> list:
    """Everything known about one project, with where it comes from."""
    if p is None:  # without a link it is the projects page itself, which has no map
        return [html.P(t("projects.choose" if link else "projects.choose_list", lang),
                       className="muted")]
    place = placement(store, p)
    areas = ", ".join(f"{store.area_name(c, lang)} ({c})" for c in place.codes)
    rows = (_fact("projects.pillar", pillar_text(p.pillar, lang), lang)
            + _fact("projects.period", period_text(p, lang), lang)
            + _fact("projects.organisations", "; ".join(p.organisations), lang)
            + _fact("projects.areas", areas or (p.area_note.get(lang) if p.area_note else
                                                t("projects.no_places", lang)), lang)
            + _fact("projects.gemeente", ", ".join(store.area_name(g, lang)
                                                   for g in place.gemeenten), lang)
            + _fact("projects.target_group", p.target_group.get(lang) if p.target_group
                    else None, lang)
            + _fact("projects.source_label",
                    html.Span(p.source_text, **{"data-source-file": p.source}), lang))
    body = [html.H3([swatch(p.pillar), p.name])]
    if p.origin == "upload":
        body.append(html.P(t("projects.uploaded", lang, project=p.project or "–"),
                           className="muted"))
    body += [html.P(p.summary.get(lang)), html.Dl(rows, className="facts")]
    if place.unplaced:
        body.append(html.P(t("projects.unplaced", lang, items=", ".join(place.unplaced)),
                           className="caveat"))
    if link:
        query = urlencode({"project": p.key, "lang": lang})
        body.append(dcc.Link(t("projects.around_link", lang), href=f"{pages.PROJECTS}?{query}",
                             className="project-around-link"))
    return [html.Article(body, className="project-card", **{"data-key": p.key})]


def map_block(store, state, db=None) -> html.Section:
    """The explorer's projects block: pillar toggles, the list, the chosen project."""
    from dashboard.projects.layer import Layer, map_projects

    lang = state.lang
    projects = map_projects(store, state.year, Layer(), db)
    return html.Section([
        html.H2(t("projects.layer", lang)),
        dcc.Store(id=ids.PROJECTS_MAP_SELECTED),
        dcc.Store(id=ids.PROJECTS_MAP_HOVER),
        checkbox_group(ids.PROJECTS_MAP_PILLARS, t("projects.pillars", lang),
                       pillar_options(lang), ALL_PILLARS),
        html.Div(project_panel(store, None, lang), id=ids.PROJECTS_MAP_PANEL,
                 **{"aria-live": "polite"}),
        html.Button(t("projects.clear", lang), id=ids.PROJECTS_MAP_CLEAR, n_clicks=0,
                    type="button", className="button-secondary"),
        html.Div(map_list(store, projects, state.area, state.selected, state.year, lang, None),
                 id=ids.PROJECTS_MAP_LIST),
    ], id=ids.PROJECTS_MAP_BLOCK, className="projects-block",
        # assets/explorer_map.js writes the hovered or focused project's key here
        **{"data-hover-store": ids.PROJECTS_MAP_HOVER})


def clicked_project(click) -> str | None:
    """The project key of a click on the map's projects trace, else None."""
    from dashboard.projects.layer import TRACE

    points = (click or {}).get("points") or []
    if not points or points[0].get("curveNumber") != TRACE:
        return None
    key = points[0].get("customdata")
    key = key[0] if isinstance(key, list) and key else key
    return key if isinstance(key, str) else None


def map_outputs(store, state, layer, db=None) -> tuple[list, list]:
    """The explorer's project list and panel for a state and layer (the callback's work)."""
    from dashboard.projects.layer import find, map_projects
    from dashboard.projects.registry import all_projects

    projects = map_projects(store, state.year, layer, db)
    listing = map_list(store, projects, state.area, state.selected, state.year, state.lang,
                       layer.selected)
    return listing, project_panel(store, find(all_projects(db), layer.selected), state.lang)
