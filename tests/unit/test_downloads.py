"""Every download format read back with pandas/geopandas: values equal the store's, every
file carries sources, years, retrieval date, licence and citation, and text that a
spreadsheet would run is neutralised while numbers stay numbers."""

from __future__ import annotations

import io
import json

import geopandas as gpd
import openpyxl
import pandas as pd
import pyogrio
import pytest

from dashboard.explorer.state import ExplorerState, benchmark_codes, view_codes
from dashboard.exports.downloads import (
    DownloadError,
    build_download,
    explorer_map_rows,
    explorer_rows,
    store_rows,
)
from dashboard.exports.formats import to_geojson, to_gpkg, to_xlsx
from dashboard.exports.tidy import HEADERS, TIDY_COLUMNS, provenance, to_csv
from dashboard.i18n import label_or_key, t

STATE = ExplorerState("pct_huur_corporatie", 2022, "buurt", "ZUID0599",
                      ("BU05991086", "BU05991081"), "nl", "woz_waarde")
EVIL = ['=HYPERLINK("http://example.invalid","x")', "@SUM(A1)", "+31 6", "-Oud"]


def read_csv(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), comment="#")


def store_value(store, code: str, key: str, year: int):
    obs = store.observations
    hit = obs[(obs["area_code"] == code) & (obs["indicator"] == key) & (obs["year"] == year)]
    return hit.iloc[0]


def test_explorer_rows_are_what_the_explorer_shows(store):
    rows = explorer_rows(store, STATE)
    view = set(view_codes(store, "ZUID0599", "buurt")) | set(benchmark_codes(store, STATE))
    at_year = rows[rows["year"] == 2022]
    assert set(at_year.loc[at_year["indicator"] == STATE.indicator, "area_code"]) <= view
    assert set(at_year["indicator"]) == {STATE.indicator, STATE.indicator2}
    trend = rows[(rows["indicator"] == STATE.indicator) & (rows["area_code"] == "BU05991086")]
    assert sorted(trend["year"]) == sorted(int(y) for y in store.series(
        "BU05991086", STATE.indicator)["year"])
    assert not rows.duplicated(["area_code", "year", "indicator"]).any()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_csv_values_headers_and_provenance(store, lang):
    state = ExplorerState(**{**STATE.__dict__, "lang": lang})
    data = to_csv(store, explorer_rows(store, state), lang)
    table = read_csv(data)
    names = [HEADERS[c] if lang == "nl" else c for c in TIDY_COLUMNS]
    assert list(table.columns) == names
    code_col, key_col, year_col, value_col, status_col = (
        names[TIDY_COLUMNS.index(c)] for c in ("area_code", "indicator", "year", "value",
                                                "status"))
    assert len(table) == len(explorer_rows(store, state))
    for r in table.itertuples(index=False):
        raw = dict(zip(names, r, strict=True))
        exp = store_value(store, raw[code_col], raw[key_col], int(raw[year_col]))
        assert raw[status_col] == exp["status"]
        if exp["status"] == "ok":
            assert raw[value_col] == pytest.approx(float(exp["value"]))
        else:
            assert pd.isna(raw[value_col])  # secret stays empty, never 0
    head = [line for line in data.decode().splitlines() if line.startswith("#")]
    prov = provenance(store, explorer_rows(store, state).assign(
        theme="", indicator_label="", licence=""), lang)
    assert head[0] == f"# {t('downloads.citation_label', lang)}: {prov['citation']}"
    text = "\n".join(head)
    assert "CC-BY-4.0" in text and "2022" in text
    tables = {s["table"] for s in prov["sources"] if s["table"]}
    assert tables and all(tb in text for tb in tables)
    assert all(s["retrieved"] in text for s in prov["sources"])


def _evil_rows(store) -> pd.DataFrame:
    rows = store.values("woz_waarde", 2022, areas=view_codes(store, "ZUID0599", "buurt")[:5])
    rows = rows.assign(area_name=EVIL + ["Tarwewijk"] * (len(rows) - len(EVIL)))
    rows.loc[0, "value"] = -3.5  # a negative number is a number, not a formula
    rows.loc[0, "status"] = "ok"
    return rows


def test_csv_neutralises_formulas_but_keeps_negative_numbers(store):
    table = read_csv(to_csv(store, _evil_rows(store), "en"))
    assert list(table["area_name"][:4]) == ["'" + e for e in EVIL]
    assert table["value"][0] == -3.5 and table["value"].dtype.kind == "f"


def test_xlsx_sheets_numbers_and_no_formulas(store):
    data = to_xlsx(store, explorer_rows(store, STATE), "nl")
    sheets = pd.read_excel(io.BytesIO(data), sheet_name=None)
    themes = {store.catalogue[STATE.indicator].theme, store.catalogue[STATE.indicator2].theme}
    expected = [label_or_key("theme", th, "nl") for th in ("werk", "onderwijs", "wonen",
                                                           "gezondheid", "veiligheid", "context")
                if th in themes]
    assert list(sheets) == expected + [t("downloads.sheet_definitions", "nl"),
                                       t("downloads.sheet_sources", "nl"),
                                       t("downloads.sheet_about", "nl")]
    wonen = sheets[label_or_key("theme", "wonen", "nl")]
    assert len(wonen) == len(explorer_rows(store, STATE))
    for r in wonen.itertuples(index=False):
        exp = store_value(store, r.gebiedscode, r.indicator, int(r.jaar))
        assert r.status == exp["status"]
        if exp["status"] == "ok":
            assert r.waarde == pytest.approx(float(exp["value"]))
    defs = sheets[t("downloads.sheet_definitions", "nl")].set_index("indicator")
    assert defs.at[STATE.indicator, "definition"] == \
        store.catalogue[STATE.indicator].definition.nl
    about = sheets[t("downloads.sheet_about", "nl")].iloc[:, 0]
    assert about[0].startswith(t("downloads.citation_label", "nl"))
    srcs = sheets[t("downloads.sheet_sources", "nl")]
    assert {"table", "retrieved", "licence"} <= set(srcs.columns) and len(srcs)


def test_xlsx_formula_safety_cell_types(store):
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(store, _evil_rows(store), "en")))
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    sheet = book[label_or_key("theme", "wonen", "en")]
    header = [c.value for c in sheet[1]]
    first = {h: c for h, c in zip(header, sheet[2], strict=True)}
    assert first["area_name"].value == "'" + EVIL[0]
    assert first["value"].value == -3.5 and first["value"].data_type == "n"


def test_geojson_areas_with_values_and_metadata(store):
    rows = explorer_map_rows(store, STATE)
    data = to_geojson(store, rows, "en")
    gdf = gpd.read_file(io.BytesIO(data))
    assert sorted(gdf["area_code"]) == sorted(rows["area_code"])
    assert gdf.geometry.notna().all() and gdf.crs.to_epsg() == 4326
    for r in gdf.itertuples():
        exp = store_value(store, r.area_code, STATE.indicator, 2022)
        assert r.status == exp["status"]
        if exp["status"] == "ok":
            assert r.value == pytest.approx(float(exp["value"]))
        else:
            assert r.value is None or pd.isna(r.value)
    meta = json.loads(data)["metadata"]
    assert meta["citation"] and meta["licences"] == ["CC-BY-4.0"] and meta["years"] == [2022]
    assert {s["table"] for s in meta["sources"]} >= {"85318NED"}


def test_geopackage_layers_values_and_citation(store):
    rows = explorer_map_rows(store, STATE)
    data = to_gpkg(store, rows, "nl")
    path = store.path.parent / "h7-test.gpkg"
    path.write_bytes(data)
    try:
        layers = [name for name, _ in pyogrio.list_layers(path)]
        assert layers == ["values", "observations", "definitions", "about"]
        values = gpd.read_file(path, layer="values")
        assert sorted(values["area_code"]) == sorted(rows["area_code"])
        ok = values[values["status"] == "ok"].set_index("area_code")["value"]
        expected = rows[rows["status"] == "ok"].set_index("area_code")["value"]
        assert ok.sort_index().to_list() == pytest.approx(expected.sort_index().to_list())
        about = pyogrio.read_dataframe(path, layer="about")
        assert about["line"][0].startswith(t("downloads.citation_label", "nl"))
    finally:
        path.unlink()


def test_whole_store_csv_has_every_observation(store):
    data, name = build_download(store, "store", "csv", {"lang": ["en"]})
    assert name == "wijkdashboard-store-en.csv"
    table = read_csv(data)
    assert len(table) == len(store.observations)
    obs = store.observations.set_index(["area_code", "indicator", "year"])
    sample = table.sample(200, random_state=1)
    for r in sample.itertuples(index=False):
        exp = obs.loc[(r.area_code, r.indicator, r.year)]
        assert r.status == exp["status"]
        if exp["status"] == "ok":
            assert r.value == pytest.approx(float(exp["value"]))
    assert len(store_rows(store, "en")) == len(store.observations)


def test_profile_html_is_self_contained(store):
    data, name = build_download(store, "profile", "html", {"lang": ["en"]}, "BU05991086")
    html = data.decode()
    assert name == "wijkdashboard-profile-BU05991086.html"
    assert "<script" not in html.lower() and "<link" not in html.lower()
    assert 'src="http' not in html and "url(" not in html and "@import" not in html
    assert "<svg" in html and "Area profile: Afrikaanderwijk" in html
    assert "CC-BY-4.0" in html and "Sources:" in html


@pytest.mark.parametrize(("kind", "fmt", "args", "code", "needle"), [
    ("explorer", "csv", {"indicator": ["nope"]}, None, "‘nope’"),
    ("explorer", "exe", {}, None, "explorer.exe"),
    ("compare", "csv", {"areas": ["BU05991086,ZZ"]}, None, "‘ZZ’"),
    ("profile", "html", {}, "XX0000", "‘XX0000’"),
    ("store", "csv", {"lang": ["xx"]}, None, "‘xx’"),
])
def test_bad_requests_name_what_is_wrong(store, kind, fmt, args, code, needle):
    with pytest.raises(DownloadError, match=needle):
        build_download(store, kind, fmt, args, code)
