"""Download routes on the Flask server: attachments, validation, values."""

from __future__ import annotations

import io

import pandas as pd
import pytest

pytestmark = pytest.mark.slow


@pytest.fixture()
def client(built_store, monkeypatch):
    monkeypatch.setenv("DASHBOARD_STORE", str(built_store))
    from app import create_app

    return create_app().server.test_client()


@pytest.mark.parametrize(("url", "media", "name"), [
    ("/download/explorer.csv?indicator=woz_waarde&year=2022&level=wijk&area=GM0599",
     "text/csv", "wijkdashboard-explorer-woz_waarde-2022-wijk-GM0599.csv"),
    ("/download/explorer.xlsx", "spreadsheetml", ".xlsx"),
    ("/download/explorer.geojson?level=wijk&area=GM0599", "application/geo+json", ".geojson"),
    ("/download/explorer.gpkg", "geopackage", ".gpkg"),
    ("/download/compare.csv?areas=BU05991086,NL01", "text/csv", "BU05991086-NL01.csv"),
    ("/download/compare.xlsx?areas=BU05991086,NL01", "spreadsheetml", ".xlsx"),
    ("/download/profile/BU05991086.html?lang=en", "text/html", "profile-BU05991086.html"),
    ("/download/profile/ZUID0599.csv", "text/csv", "profile-ZUID0599.csv"),
])
def test_downloads_are_attachments(client, url, media, name):
    res = client.get(url)
    assert res.status_code == 200, res.get_data(as_text=True)[:300]
    assert media in res.headers["Content-Type"]
    disposition = res.headers["Content-Disposition"]
    assert disposition.startswith("attachment; filename=") and name in disposition
    assert len(res.data) > 500


def test_explorer_csv_values_equal_the_store(client, store):
    key = "pct_huur_corporatie"
    obs = store.observations
    wijk_ok = obs[(obs["indicator"] == key) & (obs["status"] == "ok")
                  & obs["area_code"].str.startswith("WK")]
    year = int(wijk_ok["year"].max())
    res = client.get(f"/download/explorer.csv?indicator={key}&year={year}&level=wijk"
                     "&area=GM0599&lang=en")
    table = pd.read_csv(io.BytesIO(res.data), comment="#")
    mine = table[(table["indicator"] == key) & (table["year"] == year)]
    wijken = mine[mine["level"] == "wijk"].set_index("area_code")
    expected = obs[(obs["indicator"] == key) & (obs["year"] == year)].set_index("area_code")
    assert len(wijken) == len(wijk_ok[wijk_ok["year"] == year]) + (
        expected.loc[expected.index.str.startswith("WK"), "status"] != "ok").sum()
    for code, row in wijken.iterrows():
        assert row["status"] == expected.at[code, "status"]
        if row["status"] == "ok":
            assert row["value"] == pytest.approx(expected.at[code, "value"])
        else:
            assert pd.isna(row["value"])


@pytest.mark.parametrize(("url", "needle"), [
    ("/download/explorer.csv?indicator=%3Cscript%3E", "‘<script>’"),
    ("/download/explorer.csv?year=1850", "‘1850’"),
    ("/download/explorer.pdf", "explorer.pdf"),
    ("/download/compare.csv?areas=GM0599,BU00000000", "‘BU00000000’"),
    ("/download/profile/NOPE.html", "‘NOPE’"),
    ("/download/store.csv?lang=de", "‘de’"),
])
def test_bad_parameters_get_a_400_naming_them(client, url, needle):
    res = client.get(url)
    assert res.status_code == 400
    assert res.headers["Content-Type"].startswith("text/plain")
    assert needle in res.get_data(as_text=True)
