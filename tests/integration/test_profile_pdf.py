"""The profile as a PDF briefing: downloaded from the route, read back with pypdf."""

from __future__ import annotations

import io

import pytest

pytestmark = pytest.mark.slow

CODE = "BU05991086"  # Afrikaanderwijk


@pytest.fixture()
def client(built_store, monkeypatch):
    monkeypatch.setenv("DASHBOARD_STORE", str(built_store))
    from app import create_app

    return create_app().server.test_client()


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_profile_pdf_is_a_one_or_two_page_briefing(client, store, lang):
    from pypdf import PdfReader

    from dashboard.exports.downloads import rows_for
    from dashboard.exports.tidy import finish_rows, provenance
    from dashboard.profile.model import profile_data, profile_keys
    from dashboard.profile.summary import briefing_summary

    res = client.get(f"/download/profile/{CODE}.pdf?lang={lang}")
    assert res.status_code == 200, res.get_data(as_text=True)[:300]
    assert res.headers["Content-Type"] == "application/pdf"
    assert f'filename="wijkdashboard-profile-{CODE}.pdf"' in res.headers["Content-Disposition"]
    reader = PdfReader(io.BytesIO(res.data))
    assert 1 <= len(reader.pages) <= 2
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    text = _words(" ".join(page.extract_text() for page in reader.pages))

    data = profile_data(store, CODE, lang)
    summary = briefing_summary(store, data, lang)
    rows = rows_for(store, profile_keys(data), [CODE, *[b["code"] for b in data["benchmarks"]]],
                    lang)
    citation = provenance(store, finish_rows(store, rows, lang), lang)["citation"]
    assert "Afrikaanderwijk" in text
    assert str(summary["data_year"]) in text
    assert _words(citation) in text
    # The headline figures with their values, and the three key messages.
    assert 6 <= len(summary["headlines"]) <= 8
    for row in summary["headlines"]:
        assert row["value_text"] in text
    assert len(summary["messages"]) == 3
    assert _words(summary["messages"][0]) in text
    assert ".txt" not in text  # sources by title and publisher, never a file name


def test_profile_pdf_of_an_unknown_area_is_a_400(client):
    res = client.get("/download/profile/XX0000.pdf")
    assert res.status_code == 400 and "XX0000" in res.get_data(as_text=True)
