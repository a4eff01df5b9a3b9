""""Around this project": how the indicators of a project's pillar developed in its areas,
beside Rotterdam-Zuid and Rotterdam, with the project's start year marked.

It shows what happened, not the project's effect; the page says so next to the chart.
Values are the store's own (rates of combined areas from counts and denominators).
"""

from __future__ import annotations

import plotly.graph_objects as go

from dashboard import figures
from dashboard.explorer.details import source_line
from dashboard.figures.common import escape
from dashboard.formatting import label_with_unit
from dashboard.i18n import t
from dashboard.projects.model import Project
from dashboard.projects.places import placement

#: Reference areas drawn beside a project's own (when the store has them).
BESIDE = ("ZUID0599", "GM0599")
MAX_AREAS = 4


def around_areas(store, p: Project) -> tuple[list[str], list[str]]:
    """The project's areas to chart (at most four) and the reference areas beside them."""
    own = [c for c in placement(store, p).codes if c in store.areas.index][:MAX_AREAS]
    beside = [c for c in BESIDE if c in store.areas.index and c not in own]
    return own, beside


def _usable_years(store, code: str, indicator: str) -> int:
    series = store.series(code, indicator)
    return int(((series["status"] == "ok") & series["value"].notna()).sum())


def pillar_indicators(store, p: Project) -> list[str]:
    """Indicators of the project's pillar (catalogue theme) with at least two years of
    figures for one of its areas; rates and shares first (areas of different size compare
    on them, not on counts), else in catalogue order. None without a pillar."""
    if not p.pillar:
        return []
    own, _ = around_areas(store, p)
    found = [ind for ind in store.catalogue.by_theme().get(p.pillar, [])
             if any(_usable_years(store, c, ind.key) >= 2 for c in own)]
    return [ind.key for ind in sorted(found, key=lambda ind: ind.kind == "count")]


def indicator_options(store, p: Project, lang: str) -> list[dict]:
    """Dropdown options for :func:`pillar_indicators` (label and unit)."""
    return [{"label": label_with_unit(store.catalogue[k].label.get(lang),
                                      store.catalogue[k].unit.get(lang)),
             "value": k} for k in pillar_indicators(store, p)]


def around_figure(store, p: Project, indicator: str, lang: str) -> go.Figure:
    """Trend lines of ``indicator`` for the project's areas (solid) and Rotterdam-Zuid and
    Rotterdam (dashed), with a vertical line at the project's start year.

    Parameters
    ----------
    store : dashboard.store.Store
    p : Project
    indicator : str
        A key of :func:`pillar_indicators`.
    lang : str

    Returns
    -------
    plotly.graph_objects.Figure
        Traces as :func:`dashboard.figures.trend_figure`; the start marked as a shape
        whose label is the escaped project name.
    """
    own, beside = around_areas(store, p)
    ind = store.catalogue[indicator]
    series = {c: store.series(c, indicator) for c in own}
    names = {c: store.area_name(c, lang) for c in own}
    refs = {store.area_name(c, lang): store.series(c, indicator) for c in beside}
    fig = figures.as_figure(figures.trend_figure(series, ind, lang, refs, names))
    start = p.period()[0]
    if start is not None and fig.data:
        fig.add_vline(x=start.year, line={"color": "#333333", "width": 1.5, "dash": "dot"},
                      annotation={"text": escape(t("projects.start_mark", lang, name=p.name)),
                                  "font": {"size": 11}, "showarrow": False},
                      annotation_position="top left")
    return fig


def around_source(store, indicator: str, lang: str) -> str:
    """Where the chart's numbers come from (for the newest year with figures)."""
    years = store.years(indicator)
    return source_line(store, indicator, years[-1], lang) if years else ""


def around_outputs(store, p: Project | None, indicator: str | None, lang: str
                   ) -> tuple[go.Figure, str]:
    """The chart and its source line, or an empty chart saying why there is none."""
    if p is None:
        return figures.empty_figure(t("projects.choose_list", lang)), ""
    if indicator not in pillar_indicators(store, p):
        key = "projects.around_no_pillar" if not p.pillar else "projects.around_none"
        return figures.empty_figure(t(key, lang)), ""
    return around_figure(store, p, indicator, lang), around_source(store, indicator, lang)
