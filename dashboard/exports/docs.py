"""Indicator documentation, generated from ``data/indicators.yaml`` and ``data/sources.yaml``.

``python -m dashboard docs`` writes ``docs/indicators.md``; the app's indicator page shows
the same entries (:func:`indicator_doc`), and a test fails when the file and the catalogue
disagree. Nothing here reads the store, so the file depends on the data/ files only.
"""

from __future__ import annotations

from pathlib import Path

from dashboard.catalogue import THEMES, Catalogue, Indicator, SourceSpec
from dashboard.i18n import label_or_key
from dashboard.sourceconfig import SourceConfig

DOCS_FILE = Path("docs") / "indicators.md"
_SOURCE_NAMES = {
    "wijkprofiel": "Gemeente Rotterdam, OBI: Wijkprofiel (index file {file}), column `{column}`",
    "wijkprofiel_series": "Gemeente Rotterdam, OBI: Wijkprofiel website series, "
                          "column `{column}`",
    "thirdparty_kwb": "CBS KWB 2022-2025 aggregated by a third party to Rotterdam wijkprofiel "
                      "areas, column `{column}`",
    "politie": "Politie (registered crime) via CBS, summed per wijkprofiel area by a third "
               "party, column `{column}`",
}


def _columns(spec: SourceSpec, year: int) -> str | None:
    # The OData key stem is what the live build reads; StatLine exports use titles.
    column = spec.column_for("odata", year) or spec.column_for("statline", year)
    if not column:
        return None
    return " + ".join(f"`{c}`" for c in ([column] if isinstance(column, str) else column))


def source_lines(ind: Indicator, sources: SourceConfig) -> list[str]:
    """Where the values of ``ind`` come from, per year and source, in order of preference.

    Returns
    -------
    list of str
        E.g. ``"2024: CBS Kerncijfers wijken en buurten, table 85984NED, column `X`"``;
        a derived indicator ends with the formula it is computed by.
    """
    lines = []
    for spec in ind.sources:
        if spec.source == "kwb":
            for year, table in sorted(sources.kwb_tables.items()):
                cols = _columns(spec, year)
                if cols:
                    lines.append(f"{year}: CBS Kerncijfers wijken en buurten, table {table}, "
                                 f"column {cols}")
        elif spec.source == "gezondheid":
            for table in sources.health_tables:
                years = ", ".join(str(y) for y in sorted(table.periods))
                lines.append(f"{years}: {table.title} ({table.publisher}; CBS third-party "
                             f"catalogue), table {table.table}, key `{spec.column}`, age "
                             f"{spec.age} (Leeftijd {table.ages.get(spec.age, '?')}), estimate "
                             f"with its 95 % interval (Marges "
                             f"{', '.join(table.margins.values())}); fetched live only")
        else:
            text = _SOURCE_NAMES[spec.source].format(file=spec.file, column=spec.column)
            span = f"{spec.years[0]}-{spec.years[1]}: " if spec.years else ""
            lines.append(span + text)
    if ind.derive:
        d = ind.derive
        scale = f" × {d.scale:g}" if d.scale != 1 else ""
        lines.append(f"otherwise computed: `{d.numerator}` / `{d.denominator}`{scale}")
    return lines


def aggregation_text(ind: Indicator) -> str:
    """How values of parts combine, in words."""
    agg = ind.aggregation
    if agg.method == "sum":
        return "sum of the parts"
    if agg.method == "ratio":
        scale = f" × {agg.scale:g}" if agg.scale != 1 else ""
        return f"sum(`{agg.numerator}`) / sum(`{agg.denominator}`){scale}"
    if agg.method == "weighted_mean":
        return f"mean of the parts weighted by `{agg.weight}`"
    if agg.reason:
        return f"not combined into larger areas: {agg.reason.en}"
    return "not aggregated (published values only)"


def indicator_doc(ind: Indicator, sources: SourceConfig,
                  catalogue: Catalogue | None = None) -> dict:
    """One indicator's documentation as plain data (both languages)."""
    return {"key": ind.key, "theme": ind.theme, "label": ind.label.model_dump(),
            "definition": ind.definition.model_dump(), "unit": ind.unit.model_dump(),
            "kind": ind.kind, "aggregation": aggregation_text(ind),
            "direction": ind.direction, "decimals": ind.decimals, "licence": ind.licence,
            "caveats": ind.caveats.model_dump() if ind.caveats else None,
            "reliability": {lang: catalogue.reliability_text(ind.key, lang)
                            for lang in ("nl", "en")} if catalogue else None,
            "sources": source_lines(ind, sources), "live_only": ind.live_only}


def _cell(text: str) -> str:
    return " ".join(str(text).replace("|", "\\|").split())


def render_markdown(catalogue: Catalogue, sources: SourceConfig) -> str:
    """The whole ``docs/indicators.md`` text."""
    out = ["# Indicators", "",
           "Generated from `data/indicators.yaml` and `data/sources.yaml` by "
           "`python -m dashboard docs`; do not edit by hand (a test compares them).", "",
           f"{len(catalogue)} indicators. Values that CBS keeps secret are status `secret`, "
           "never 0; combined areas are computed as the aggregation says.", ""]
    for theme in THEMES:
        inds = catalogue.by_theme()[theme]
        if not inds:
            continue
        out += [f"## {label_or_key('theme', theme, 'en')} ({theme})", ""]
        for ind in inds:
            doc = indicator_doc(ind, sources, catalogue)
            out += [f"### `{ind.key}` — {_cell(ind.label.en)}", "",
                    "| | |", "|---|---|",
                    f"| Label (nl) | {_cell(ind.label.nl)} |",
                    f"| Definition | {_cell(ind.definition.en)} |",
                    f"| Definitie | {_cell(ind.definition.nl)} |",
                    f"| Unit | {_cell(ind.unit.en)} ({_cell(ind.unit.nl)}) |",
                    f"| Kind | {ind.kind} |",
                    f"| Aggregation | {_cell(doc['aggregation'])} |",
                    f"| Direction | {ind.direction} |",
                    f"| Licence | {ind.licence} |"]
            if ind.caveats:
                out += [f"| Caveats | {_cell(ind.caveats.en)} |",
                        f"| Kanttekeningen | {_cell(ind.caveats.nl)} |"]
            if ind.reliability:
                out += [f"| Reliability | {_cell(doc['reliability']['en'])} |",
                        f"| Betrouwbaarheid | {_cell(doc['reliability']['nl'])} |"]
            out += ["", "Source per year, in order of preference:", ""]
            out += [f"- {_cell(line)}" for line in doc["sources"]]
            out.append("")
    return "\n".join(out)


def write_docs(root: Path, catalogue: Catalogue, sources: SourceConfig) -> Path:
    """Write ``docs/indicators.md`` under ``root``; returns its path."""
    path = root / DOCS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".md.tmp")
    tmp.write_text(render_markdown(catalogue, sources), encoding="utf-8")
    tmp.replace(path)
    return path
