"""Uploads are bounded before they are parsed (issue 15): a zip bomb disguised as .xlsx, a
workbook of a million rows, a sheet that claims a huge size, a slow file, a NUL byte in a
name, and a database at its cap. Each is refused with a reason in Dutch and English, and
the work done is counted, not timed."""

from __future__ import annotations

import base64
import io
import zipfile
from datetime import date

import pytest

from bench.hostile import SHARED_STRINGS_TYPE
from dashboard.projects import workbook
from dashboard.projects.db import count_activities
from dashboard.projects.upload import MAX_BYTES, MAX_ROWS, import_upload

HEADER = ["project", "name", "pillar", "start_date", "area_codes"]


def data_url(raw: bytes) -> str:
    return "data:application/octet-stream;base64," + base64.b64encode(raw).decode()


def workbook_bytes(rows: list[list]) -> bytes:
    """A real .xlsx made with openpyxl (test data)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def with_member(xlsx: bytes, name: str, content: bytes) -> bytes:
    """``xlsx`` with one member replaced (or added), deflated."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for info in src.infolist():
            if info.filename != name:
                data = src.read(info.filename)
                if info.filename == "[Content_Types].xml" and name.endswith("Strings.xml"):
                    data = data.replace(b"</Types>", SHARED_STRINGS_TYPE + b"</Types>")
                dst.writestr(info, data)
        dst.writestr(name, content)
    return out.getvalue()


@pytest.fixture
def parses(monkeypatch):
    """Counts how often openpyxl is asked to parse a workbook."""
    import openpyxl

    calls = []
    real = openpyxl.load_workbook

    def counting(*args, **kwargs):
        calls.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", counting)
    return calls


def test_a_zip_bomb_is_refused_from_its_directory_before_parsing(store, parses):
    # 100 MB of one shared string, deflated to about 100 KB: the case of issue 15.
    strings = (b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
               b'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>'
               + b"A" * (100 * 2**20) + b"</t></si></sst>")
    bomb = with_member(workbook_bytes([]), "xl/sharedStrings.xml", strings)
    assert len(bomb) < 300_000 < MAX_BYTES
    result = import_upload(data_url(bomb), "bom.xlsx", store, editor="redacteur")
    assert result.error is not None and result.error.key == "file_packed"
    assert "uitgepakt te groot" in result.error.message("nl")
    assert "too large unpacked" in result.error.message("en")
    assert parses == [] and count_activities() == 0


def test_too_many_zip_members_are_refused(store, parses):
    xlsx = workbook_bytes([])
    for i in range(workbook.MAX_MEMBERS):
        xlsx = with_member(xlsx, f"xl/media/x{i}.bin", b"x")
    result = import_upload(data_url(xlsx), "veel.xlsx", store, editor="redacteur")
    assert result.error.key == "file_packed" and parses == []


def _sheet_of_rows(n: int, empty: bool = False) -> bytes:
    row = (b'<row r="%d"/>' if empty else
           b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c></row>')
    body = b"".join(row % ((i,) if empty else (i, i)) for i in range(2, n + 2))
    return (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData>'
            b'<row r="1"><c r="A1" t="inlineStr"><is><t>project</t></is></c></row>'
            + body + b"</sheetData></worksheet>")


def test_a_million_rows_are_refused_unread(store, parses):
    # rows without numbers (allowed) compress like the 634 KB file of issue 15
    rows = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 10**6
    sheet = _sheet_of_rows(0).replace(b"</sheetData>", rows + b"</sheetData>")
    xlsx = with_member(workbook_bytes([]), "xl/worksheets/sheet1.xml", sheet)
    assert len(xlsx) < MAX_BYTES
    result = import_upload(data_url(xlsx), "miljoen.xlsx", store, editor="redacteur")
    assert result.error.key == "file_packed" and parses == []


def test_rows_are_read_at_most_the_limit_plus_one(monkeypatch):
    xlsx = with_member(workbook_bytes([]), "xl/worksheets/sheet1.xml", _sheet_of_rows(500))
    seen = []
    real = workbook._text
    monkeypatch.setattr(workbook, "_text", lambda v: seen.append(v) or real(v))
    with pytest.raises(workbook.Refused) as err:
        workbook.read_rows(xlsx, max_rows=100)
    assert err.value.key == "file_rows"
    # the header, then 101 one-cell rows: the sheet's other 399 rows and its claimed
    # 16,384 columns are never read
    assert len(seen) == 1 + 101


def test_empty_rows_count_towards_the_reading_bound(monkeypatch):
    xlsx = with_member(workbook_bytes([]), "xl/worksheets/sheet1.xml",
                       _sheet_of_rows(2000, empty=True))
    with pytest.raises(workbook.Refused) as err:
        workbook.read_rows(xlsx, max_rows=100)
    assert err.value.key == "file_rows"


def test_more_rows_than_the_limit_are_refused_with_the_limit(store):
    rows = [["P", f"Activiteit {i}", "werk", date(2024, 1, 1), "GM0599"]
            for i in range(MAX_ROWS + 1)]
    result = import_upload(data_url(workbook_bytes(rows)), "groot.xlsx", store, editor="redacteur")
    assert result.error.key == "file_rows"
    assert f"meer dan {MAX_ROWS} rijen" in result.error.message("nl")
    assert count_activities() == 0


def test_reading_stops_at_the_time_budget():
    ticks = iter(range(0, 10**6, 30))  # each look at the clock: 30 "seconds" later
    xlsx = with_member(workbook_bytes([]), "xl/worksheets/sheet1.xml", _sheet_of_rows(600))
    with pytest.raises(workbook.Refused) as err:
        workbook.read_rows(xlsx, max_rows=5000, budget=40, clock=lambda: next(ticks))
    assert err.value.key == "file_slow" and err.value.params == {"seconds": 40}


def test_a_good_workbook_still_uploads(store):
    rows = [["Testproject", "Uit Excel", "werk", date(2024, 4, 1), "GM0599"]]
    result = import_upload(data_url(workbook_bytes(rows)), "goed.xlsx", store, editor="redacteur")
    assert result.saved == 1


def test_a_nul_byte_in_a_name_rejects_the_row(store):
    csv = "project,name,pillar,start_date,area_codes\nP,Naam\x00met nul,werk,2024-01-01,GM0599\n"
    result = import_upload(data_url(csv.encode()), "nul.csv", store, editor="redacteur")
    assert result.saved == 0 and count_activities() == 0
    [(row, problem)] = result.rejected
    assert row == 2 and problem.key == "control" and problem.params["field"] == "name"
    assert "stuurteken" in problem.message("nl") and "control character" in problem.message("en")


def test_the_database_cap_refuses_an_upload_that_would_pass_it(store, monkeypatch):
    monkeypatch.setenv("DASHBOARD_MAX_ACTIVITIES", "2")
    csv = "project,name,pillar,start_date,area_codes\n" + "".join(
        f"P,Activiteit {i},werk,2024-01-01,GM0599\n" for i in range(3))
    result = import_upload(data_url(csv.encode()), "drie.csv", store, editor="redacteur")
    assert result.error.key == "store_full" and count_activities() == 0
    assert "hoogstens 2" in result.error.message("nl") and "at most 2" in result.error.message("en")
    two = "project,name,pillar,start_date,area_codes\n" + "".join(
        f"P,Activiteit {i},werk,2024-01-01,GM0599\n" for i in range(2))
    assert import_upload(data_url(two.encode()), "twee.csv", store, editor="redacteur").saved == 2
