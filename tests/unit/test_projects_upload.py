"""Uploading activities: per-row validation, one transaction, idempotent re-upload."""

from __future__ import annotations

import base64
import io
from datetime import date

import pytest

from dashboard.projects.db import count_activities, read_activities
from dashboard.projects.upload import (
    MAX_BYTES,
    REQUIRED,
    import_upload,
    template_csv,
)

ED = {"editor": "test-editor"}  # test data: who uploads

HEADER = "project,name,pillar,start_date,end_date,area_codes,postcode,lat,lon,summary_nl\n"
# Test data, made up for these tests: rows 2, 4 and 7 are good; the others are not.
ROWS = [
    "Testproject,Buurtlunch,werk,2022-01-10,2022-12-31,BU05991572,,,",        # 2 good
    "Testproject,Geen pijler,sport,2022-01-10,,BU05991572,,,",                # 3 pillar
    "Testproject,Postcode,onderwijs,31-03-2023,,,3074,,",                     # 4 good
    "Testproject,Verkeerde datum,werk,2023-02-30,,BU05991572,,,",             # 5 date
    "Testproject,Onbekend gebied,werk,2023-01-01,,BU99999999,,,",             # 6 area
    "Testproject,Punt,wonen,2023-01-01,,,,51.8836,4.4871",                   # 7 good
    "Testproject,Halve coördinaat,wonen,2023-01-01,,,,51.88,",               # 8 lat/lon
    ",Zonder project,werk,2023-01-01,,BU05991572,,,",                         # 9 empty
    "Testproject,Einde voor begin,werk,2023-05-01,2023-01-01,BU05991572,,,",  # 10 end
    "Testproject,Nergens,werk,2023-01-01,,,,,",                               # 11 no place
    "Testproject,Postcode elders,werk,2023-01-01,,,9999,,",                   # 12 postcode
]
EXPECTED_BAD = {3: "pillar", 5: "date", 6: "area_codes", 8: "lat_lon", 9: "empty",
                10: "end_before_start", 11: "no_place", 12: "postcode"}


def data_url(raw: bytes, mime: str = "text/csv") -> str:
    return f"data:{mime};base64," + base64.b64encode(raw).decode()


def csv_upload(rows=ROWS) -> str:
    return data_url((HEADER + "\n".join(rows) + "\n").encode("utf-8"))


def test_mixed_file_saves_good_rows_and_reports_bad_ones_by_row(store):
    result = import_upload(csv_upload(), "activiteiten.csv", store, **ED)
    assert result.error is None
    assert (result.saved, result.duplicates) == (3, 0)
    assert {row: p.key for row, p in result.rejected} == EXPECTED_BAD
    assert count_activities() == 3
    stored = {p.name: p for p in read_activities()}
    assert set(stored) == {"Buurtlunch", "Postcode", "Punt"}
    assert stored["Postcode"].start == "2023-03-31" and stored["Postcode"].pillar == "onderwijs"
    assert stored["Punt"].points[0].lat == pytest.approx(51.8836)
    # the reasons are readable in both languages and name the value
    reason = dict(result.rejected)[3]
    assert "sport" in reason.message("nl") and "pijler" in reason.message("nl")
    assert "pillar" in reason.message("en")


def test_re_upload_adds_nothing_and_loses_nothing(store):
    first = import_upload(csv_upload(), "a.csv", store, **ED)
    again = import_upload(csv_upload(), "a.csv", store, **ED)
    assert (again.saved, again.duplicates, len(again.rejected)) == (0, first.saved, 8)
    assert count_activities() == first.saved
    # the same activity with other spacing and case is still the same activity
    same = ROWS[0].replace("Buurtlunch", "  buurtLUNCH ")
    assert import_upload(csv_upload([same]), "b.csv", store, **ED).duplicates == 1
    assert count_activities() == first.saved


def test_a_row_repeated_within_a_file_is_saved_once(store):
    result = import_upload(csv_upload([ROWS[0], ROWS[0]]), "c.csv", store, **ED)
    assert (result.saved, result.duplicates) == (1, 1)


def test_excel_upload(store):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["project", "name", "pillar", "start_date", "area_codes"])
    sheet.append(["Testproject", "Uit Excel", "werk", date(2024, 4, 1), "GM0599"])
    sheet.append(["Testproject", "Fout", "werk", "gisteren", "GM0599"])
    buffer = io.BytesIO()
    book.save(buffer)
    result = import_upload(data_url(buffer.getvalue()), "lijst.xlsx", store, **ED)
    assert result.saved == 1 and [r for r, _ in result.rejected] == [3]
    assert read_activities()[0].start == "2024-04-01"


def test_semicolon_csv_with_bom(store):
    raw = "\ufeffproject;name;pillar;start_date;area_codes\nT;Puntkomma;wonen;2024-01-01;GM0599\n"
    assert import_upload(data_url(raw.encode("utf-8")), "nl.csv", store, **ED).saved == 1


@pytest.mark.parametrize(("contents", "name", "key"), [
    (data_url(b"x" * (MAX_BYTES + 1)), "groot.csv", "file_size"),
    (data_url(b"project,name\n"), "kort.csv", "file_columns"),
    (data_url(b"\xff\xfe\x00bad"), "raar.csv", "file_encoding"),
    (data_url(b"project,name"), "lijst.pdf", "file_type"),
    ("data:text/csv;base64,@@@", "kapot.csv", "file_unreadable"),
    (data_url(b"not a workbook"), "kapot.xlsx", "file_unreadable"),
])
def test_a_bad_file_is_refused_whole_and_stored_rows_stay(store, contents, name, key):
    import_upload(csv_upload([ROWS[0]]), "eerst.csv", store, **ED)
    result = import_upload(contents, name, store, **ED)
    assert result.error is not None and result.error.key == key
    assert name in result.error.message("nl") and name in result.error.message("en")
    assert result.saved == 0 and count_activities() == 1


def test_the_template_has_every_column_and_no_data():
    lines = template_csv().strip().splitlines()
    assert len(lines) == 1
    assert set(REQUIRED) <= set(lines[0].split(","))
