"""The indicator catalogue: it loads, is complete, and names only columns that exist.

Column checks read the headers of the real files in the offline snapshot
(``../shared/snapshot``); nothing from it is copied into the repository.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
import yaml

from dashboard.catalogue import KEY_RE, CatalogueError, load_catalogue
from dashboard.sourceconfig import load_source_config

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE_PATH = ROOT / "data" / "indicators.yaml"
SOURCES_PATH = ROOT / "data" / "sources.yaml"

STATLINE_YEARS = range(2014, 2019)
WIJKPROFIEL_EDITIONS = (2014, 2016, 2018)
WBK_FILES = ("kwb_buurt_2024_rijnmond.csv", "kwb_wijk_2024_randstad.csv",
             "kwb_gemeente_2024_nl.csv")
FLAT_FILES = {
    "wijkprofiel_series": "rotterdam/wijkprofiel/wijkprofiel_indices_2014-2026_zuid.csv",
    "thirdparty_kwb": "third-party/kwb_2022-2025_zuid_per_wijkprofielwijk.csv",
    "politie": "third-party/politie_misdrijven_totaal_2018-2025_zuid.csv",
}

#: OData key stems of older KWB tables that the recorded rows (2022-2024) lack. Each is
#: allowed only in a spec limited to years before 2022; names as in 83765NED (2017) and
#: 84583NED (2019).
ODATA_STEMS_OLDER_TABLES = {
    "GemiddeldeWoningwaarde": "WOZ; renamed GemiddeldeWOZWaardeVanWoningen by 2022",
    "Actieven1575Jaar": "share active 15-75, KWB up to 2018",
    "TotaalDiefstalUitWoningSchuurED": "crime rate, KWB 2016-2018",
    "VernielingMisdrijfTegenOpenbareOrde": "crime rate, KWB 2016-2018",
    "GeweldsEnSeksueleMisdrijven": "crime rate, KWB 2016-2018",
}

_SUFFIX = re.compile(r"_\d+$")
SOURCE_RANK = {"kwb": 0, "wijkprofiel": 1, "wijkprofiel_series": 1, "thirdparty_kwb": 2,
               "politie": 2, "gezondheid": 2}


# ------------------------------------------------------------------ helpers


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return next(csv.reader(fh))


def _names(spec: object) -> list[str]:
    """Every column name in a column spec (string, list, or per-year mapping)."""
    if spec is None:
        return []
    if isinstance(spec, str):
        return [spec]
    if isinstance(spec, list):
        return [n for item in spec for n in _names(item)]
    if isinstance(spec, dict):
        return [n for value in spec.values() for n in _names(value)]
    raise TypeError(f"unexpected column spec {spec!r}")


def _applies(spec, year: int) -> bool:
    return spec.years is None or spec.years[0] <= year <= spec.years[1]


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(CATALOGUE_PATH)


@pytest.fixture(scope="module")
def statline_headers(snapshot_dir: Path) -> dict[int, set[str]]:
    folder = snapshot_dir / "cbs" / "kwb-statline"
    return {y: set(_header(folder / f"kwb_{y}_rotterdam.csv")) for y in STATLINE_YEARS}


@pytest.fixture(scope="module")
def odata_keys(snapshot_dir: Path) -> dict[int, set[str]]:
    """Full OData keys of the recorded KWB rows, per year."""
    folder = snapshot_dir / "cbs" / "kwb-odata"
    recorded = json.loads((folder / "85984NED_2024_rotterdam_buurten.json").read_text("utf-8"))
    history = json.loads((folder / "cbs-history_2022-2023_BU05990110.json").read_text("utf-8"))
    tables = {2024: recorded["rows"], 2022: history["2022"]["rows"],
              2023: history["2023"]["rows"]}
    return {year: {key for row in rows for key in row} for year, rows in tables.items()}


@pytest.fixture(scope="module")
def wbk_headers(snapshot_dir: Path) -> dict[str, set[str]]:
    folder = snapshot_dir / "cbs" / "wbk-2024"
    return {name: set(_header(folder / name)) for name in WBK_FILES}


def _stem_counts(keys: set[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for key in keys:
        stem = _SUFFIX.sub("", key)
        counts[stem] = counts.get(stem, 0) + 1
    return counts


def _odata_problem(name: str, year: int, odata_keys: dict[int, set[str]]) -> str | None:
    """Why an OData column name is not valid for a year, or ``None`` if it is."""
    if year in odata_keys:
        keys = odata_keys[year]
        if _SUFFIX.search(name):  # a year-specific full key
            return None if name in keys else f"full key {name!r} not in the {year} rows"
        count = _stem_counts(keys).get(name, 0)
        if count == 0:
            return f"stem {name!r} not in the recorded {year} rows"
        if count > 1:
            return f"stem {name!r} is ambiguous in {year} (use the full key)"
        return None
    known = set().union(*(_stem_counts(k) for k in odata_keys.values()))
    if name in known or name in ODATA_STEMS_OLDER_TABLES:
        return None
    return f"stem {name!r} ({year}) occurs in no recorded OData table"


# ------------------------------------------------------------------ content


def test_catalogue_has_at_least_30_indicators(catalogue):
    assert len(catalogue) >= 30


def test_keys_are_unique_and_slug_safe(catalogue):
    keys = [ind.key for ind in catalogue]
    assert len(keys) == len(set(keys))
    bad = [k for k in keys if not KEY_RE.match(k)]
    assert bad == []


def test_every_theme_is_covered(catalogue):
    counts = {theme: len(inds) for theme, inds in catalogue.by_theme().items()}
    for theme in ("werk", "onderwijs", "wonen", "gezondheid"):
        assert counts[theme] >= 4, counts
    for theme in ("veiligheid", "context"):
        assert counts[theme] >= 1, counts


def test_required_indicators_present(catalogue):
    for key in ("inwoners", "inwoners_15_64", "bijstand", "bijstand_per_1000_15_64",
                "ao_per_1000_15_64", "nettoarbeidsparticipatie", "pct_opleiding_laag",
                "woz_waarde", "pct_huur_corporatie", "wmo_per_1000", "pct_jeugdzorg",
                "sociale_index", "veiligheidsindex", "misdrijven_totaal", "fysieke_index"):
        assert key in catalogue, key


def test_every_referenced_key_is_a_count(catalogue):
    problems = []
    for ind in catalogue:
        for ref in sorted(ind.referenced_keys()):
            if ref not in catalogue:
                problems.append(f"{ind.key}: unknown {ref}")
            elif catalogue[ref].kind != "count":
                problems.append(f"{ind.key}: {ref} is a {catalogue[ref].kind}, not a count")
    assert problems == []


def test_aggregation_fits_the_kind(catalogue):
    problems = []
    for ind in catalogue:
        method = ind.aggregation.method
        if ind.kind == "count" and method != "sum":
            problems.append(f"{ind.key}: a count must be summed, not {method}")
        if ind.kind != "count" and method == "sum":
            problems.append(f"{ind.key}: a {ind.kind} cannot be summed")
        if ind.kind == "index" and method != "none":
            problems.append(f"{ind.key}: an index cannot be aggregated")
        if method == "ratio" and ind.aggregation.scale not in (100, 1000):
            problems.append(f"{ind.key}: ratio scale {ind.aggregation.scale}")
    assert problems == []


def test_derivation_matches_ratio_aggregation(catalogue):
    for ind in catalogue:
        if ind.derive and ind.aggregation.method == "ratio":
            agg = ind.aggregation
            assert (agg.numerator, agg.denominator, agg.scale) == (
                ind.derive.numerator, ind.derive.denominator, ind.derive.scale), ind.key


def test_derived_bijstand_rate_warns_it_is_an_approximation(catalogue):
    ind = catalogue["bijstand_per_1000_15_64"]
    assert ind.derive is not None
    assert (ind.derive.numerator, ind.derive.denominator, ind.derive.scale) == (
        "bijstand", "inwoners_15_64", 1000)
    assert "approximation" in ind.caveats.en and "benadering" in ind.caveats.nl.lower()
    assert "2014" in ind.caveats.en


def test_sources_are_ordered_official_municipal_thirdparty(catalogue):
    for ind in catalogue:
        ranks = [SOURCE_RANK[spec.source] for spec in ind.sources]
        assert ranks == sorted(ranks), ind.key


def test_licences_match_the_sources(catalogue):
    for ind in catalogue:
        kinds = {spec.source for spec in ind.sources}
        if kinds & {"wijkprofiel", "wijkprofiel_series"}:
            assert ind.licence == "unstated (Gemeente Rotterdam, OBI)", ind.key
        else:
            assert ind.licence == "CC-BY-4.0", ind.key


def test_year_ranges_are_ordered(catalogue):
    for ind in catalogue:
        for spec in ind.sources:
            if spec.years:
                assert spec.years[0] <= spec.years[1], ind.key


def test_2014_age_groups_are_not_read_as_counts(catalogue):
    # StatLine/OData 2014 publish the age groups as percentages.
    for key in ("inwoners_0_15", "inwoners_15_64", "inwoners_65plus"):
        spec = catalogue[key].sources[0]
        assert spec.column_for("statline", 2014) is None
        assert spec.column_for("odata", 2014) is None
        assert spec.column_for("statline", 2015)


# ------------------------------------------------------------------ columns exist


def test_statline_columns_exist(catalogue, statline_headers):
    problems = []
    for ind in catalogue:
        for spec in ind.sources:
            if spec.source != "kwb" or "statline" not in (spec.columns or {}):
                continue
            used = False
            for year in STATLINE_YEARS:
                if not _applies(spec, year):
                    continue
                for name in _names(spec.column_for("statline", year)):
                    used = True
                    if name not in statline_headers[year]:
                        problems.append(f"{ind.key}: {name!r} not in kwb_{year}_rotterdam.csv")
            if not used:
                problems.append(f"{ind.key}: statline spec names no column for 2014-2018")
    assert problems == []


def test_odata_columns_exist(catalogue, odata_keys):
    tables = yaml.safe_load(SOURCES_PATH.read_text("utf-8"))["cbs_odata"]["kwb_tables"]
    problems = []
    for ind in catalogue:
        for spec in ind.sources:
            if spec.source != "kwb":
                continue
            if "odata" not in (spec.columns or {}):
                problems.append(f"{ind.key}: kwb spec without an odata column")
                continue
            for year in sorted(tables):
                for name in _names(spec.column_for("odata", year)):
                    problem = _odata_problem(name, year, odata_keys)
                    if problem:
                        problems.append(f"{ind.key}: {problem}")
                    if name in ODATA_STEMS_OLDER_TABLES and year >= 2022:
                        problems.append(f"{ind.key}: older-table stem {name!r} used for {year}")
    assert problems == []


def test_wbk_columns_exist(catalogue, wbk_headers):
    problems = []
    for ind in catalogue:
        for spec in ind.sources:
            if spec.source != "kwb":
                continue
            for name in _names((spec.columns or {}).get("wbk")):
                missing = [f for f, header in wbk_headers.items() if name not in header]
                if missing:
                    problems.append(f"{ind.key}: {name!r} not in {missing}")
    assert problems == []


def test_wijkprofiel_columns_exist(catalogue, snapshot_dir):
    folder = snapshot_dir / "rotterdam" / "wijkprofiel"
    problems = []
    for ind in catalogue:
        for spec in ind.sources:
            if spec.source != "wijkprofiel":
                continue
            found = []
            for year in WIJKPROFIEL_EDITIONS:
                path = folder / f"wijkprofiel_{year}_{spec.file}.csv"
                if _applies(spec, year) and path.is_file() and spec.column in _header(path):
                    found.append(year)
            if not found:
                problems.append(f"{ind.key}: {spec.column!r} in no {spec.file} edition")
    assert problems == []


def test_municipal_and_thirdparty_columns_exist_and_have_values(catalogue, snapshot_dir):
    problems = []
    for ind in catalogue:
        for spec in ind.sources:
            if spec.source not in FLAT_FILES:
                continue
            path = snapshot_dir / FLAT_FILES[spec.source]
            with path.open(encoding="utf-8-sig", newline="") as fh:
                rows = list(csv.DictReader(fh))
            if spec.column not in rows[0]:
                problems.append(f"{ind.key}: {spec.column!r} not in {path.name}")
            elif not any((row[spec.column] or "").strip() for row in rows):
                problems.append(f"{ind.key}: {spec.column!r} is empty in {path.name}")
    assert problems == []


def test_gezondheid_columns_are_declared_keys_of_the_table():
    """The Gezondheidsmonitor tables are fetched live only: no snapshot file holds them, so
    their columns cannot be checked against real files here. What is checked instead is
    the declared metadata: every key stem and age group the catalogue names must be among
    the keys ``sources.yaml`` records for the table, which were confirmed from CBS's own
    metadata (see the comment there) and are checked again against the live metadata on
    every fetch (tests/unit/test_gezondheid.py)."""
    cfg = load_source_config(SOURCES_PATH)
    assert cfg.health_tables, "no Gezondheidsmonitor table in sources.yaml"
    problems = []
    specs = [(ind.key, spec) for ind in load_catalogue(CATALOGUE_PATH) for spec in ind.sources
             if spec.source == "gezondheid"]
    assert len({key for key, _ in specs}) >= 10
    for key, spec in specs:
        for table in cfg.health_tables:
            stems = {_SUFFIX.sub("", k) for k in table.keys}
            if spec.column not in stems:
                problems.append(f"{key}: {spec.column!r} not a declared key of {table.table}")
            if spec.age not in table.ages:
                problems.append(f"{key}: age {spec.age!r} not declared for {table.table}")
    assert problems == []


# ------------------------------------------------------------------ invalid catalogues

# Labelled test data: a minimal valid pair of entries, broken one way per case below.


def _entry(key: str, **changes) -> dict:
    entry = {
        "key": key,
        "label": {"nl": "Inwoners", "en": "Residents"},
        "definition": {"nl": "Aantal inwoners.", "en": "Number of residents."},
        "theme": "context",
        "unit": {"nl": "aantal", "en": "number"},
        "kind": "count",
        "aggregation": {"method": "sum"},
        "direction": "neutral",
        "licence": "CC-BY-4.0",
        "sources": [{"source": "kwb", "columns": {"odata": "AantalInwoners"}}],
    }
    entry.update(changes)
    return {k: v for k, v in entry.items() if v is not None}


def _write(tmp_path: Path, entries: list[dict]) -> Path:
    path = tmp_path / "indicators.yaml"
    path.write_text(yaml.safe_dump({"indicators": entries}, allow_unicode=True), "utf-8")
    return path


def test_minimal_test_catalogue_is_valid(tmp_path):
    cat = load_catalogue(_write(tmp_path, [_entry("inwoners"), _entry("huishoudens")]))
    assert [ind.key for ind in cat] == ["inwoners", "huishoudens"]


BROKEN = {
    "missing label": (
        [_entry("inwoners"), _entry("huishoudens", label=None)],
        ["entry 1 ('huishoudens')", "field label"],
    ),
    "duplicate key": (
        [_entry("inwoners"), _entry("inwoners")],
        ["entry 1 ('inwoners')", "field key", "duplicate"],
    ),
    "unknown aggregation method": (
        [_entry("inwoners", aggregation={"method": "mean"})],
        ["entry 0 ('inwoners')", "field aggregation.method"],
    ),
    "reference to an unknown indicator": (
        [_entry("inwoners"),
         _entry("pct_x", kind="share",
                aggregation={"method": "weighted_mean", "weight": "inwonerz"})],
        ["entry 1 ('pct_x')", "field aggregation.weight", "'inwonerz'"],
    ),
    "ratio without denominator": (
        [_entry("inwoners"),
         _entry("pct_x", kind="share", aggregation={"method": "ratio", "numerator": "inwoners"})],
        ["entry 1 ('pct_x')", "field aggregation", "denominator"],
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_invalid_catalogue_names_file_entry_and_field(tmp_path, case):
    entries, expected = BROKEN[case]
    path = _write(tmp_path, entries)
    with pytest.raises(CatalogueError) as err:
        load_catalogue(path)
    message = str(err.value)
    assert message.startswith(str(path)), message
    for part in expected:
        assert part in message, message


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(CatalogueError, match="cannot read"):
        load_catalogue(tmp_path / "absent.yaml")
