"""CBS OData client against the local fake server (and one real recorded answer)."""

from __future__ import annotations

import hashlib
import json
from urllib.parse import parse_qs

import pytest

from dashboard.pipeline.sources.cbs_odata import (
    CbsODataClient,
    raw_table_from_recorded,
    region_filter,
)
from dashboard.pipeline.sources.http import SourceError, make_session
from tests.fakes import FakeServer, Reply

TABLE = "85984NED"
TDS = f"/{TABLE}/TypedDataSet"
NAMES = f"/{TABLE}/WijkenEnBuurten"
PROPS = f"/{TABLE}/DataProperties"
RECORDED = "cbs/kwb-odata/85984NED_2024_rotterdam_buurten.json"


def row(code, inwoners, boundary="1", **extra):
    """test data, built here: one TypedDataSet row with CBS-style padding."""
    return {
        "ID": 1,
        "WijkenEnBuurten": f"{code}  ",
        "Gemeentenaam_1": "Rotterdam      ",
        "IndelingswijzigingGemeenteWijkBuurt_4": boundary,
        "AantalInwoners_5": inwoners,
        "MeestVoorkomendePostcode_118": "      3011",
        **extra,
    }


# test data, built here: a gemeente, a wijk, two buurten and the country
ROWS = [
    row("GM0599", 670000),
    row("WK059901", 30000),
    row("BU05990110", 20440),
    row("BU05990111", ".", boundary="3"),
    row("NL00", 18000000, boundary=None),
]
# test data, built here: WijkenEnBuurten dimension records
NAME_RECORDS = [
    {"Key": "GM0599    ", "Title": "Rotterdam "},
    {"Key": "BU05990110", "Title": "Stadsdriehoek"},
]
# test data, built here: DataProperties records
PROPERTIES = [{"Key": "AantalInwoners_5", "Title": "Aantal inwoners ", "Type": "Topic"}]


def pages(srv, path, rows, n):
    """Script ``rows`` as ``n`` OData pages on ``path``, linked by ``$skip`` nextLinks."""
    size = -(-len(rows) // n)
    replies = []
    for i in range(n):
        page = {"value": rows[i * size : (i + 1) * size]}
        if i < n - 1:
            page["odata.nextLink"] = f"{srv.url}{path}?$skip={(i + 1) * size}"
        replies.append(Reply.json(page))
    srv.route(path, *replies)


@pytest.fixture
def srv():
    with FakeServer() as server:
        yield server


def client(srv, **kw):
    return CbsODataClient(make_session(kw.pop("retries", 0), 0), base_url=srv.url, timeout=1, **kw)


def test_region_filter():
    got = region_filter("WijkenEnBuurten", "GM0599", ("NL00",))
    assert got == (
        "startswith(WijkenEnBuurten,'GM0599') or startswith(WijkenEnBuurten,'WK0599') "
        "or startswith(WijkenEnBuurten,'BU0599') or startswith(WijkenEnBuurten,'NL00')"
    )
    for bad in ["0599", "GM599", "GM0599'", "gm0599"]:
        with pytest.raises(ValueError):
            region_filter("WijkenEnBuurten", bad)
    with pytest.raises(ValueError):
        region_filter("WijkenEnBuurten", "GM0599", ("NL00' or 1 eq 1",))


def test_typed_dataset_follows_next_links_in_order_and_strips(srv):
    pages(srv, TDS, ROWS, 3)
    rows, provs = client(srv).typed_dataset(TABLE, "GM0599")
    assert [r["WijkenEnBuurten"] for r in rows] == [
        "GM0599",
        "WK059901",
        "BU05990110",
        "BU05990111",
        "NL00",
    ]
    assert rows[0]["Gemeentenaam_1"] == "Rotterdam"
    assert rows[0]["MeestVoorkomendePostcode_118"] == "3011"
    assert len(provs) == 3 and srv.hits(TDS) == 3
    first = parse_qs(srv.requests[0].query)
    assert "startswith(WijkenEnBuurten,'BU0599')" in first["$filter"][0]
    assert srv.requests[1].query == "$skip=2"


def test_pages_forever(srv):
    srv.route(TDS, Reply.json({"value": [], "odata.nextLink": f"{srv.url}{TDS}?$skip=0"}))
    with pytest.raises(SourceError, match="pages forever") as err:
        client(srv, max_pages=5).typed_dataset(TABLE, "GM0599")
    assert f"CBS table {TABLE}" in str(err.value)
    assert srv.hits(TDS) == 5


def test_persistent_500_names_table_and_url(srv):
    srv.route(TDS, Reply(500, b"boom"))
    with pytest.raises(SourceError) as err:
        client(srv, retries=1).kwb_table(TABLE, 2024, "GM0599")
    assert f"CBS table {TABLE}" in str(err.value) and f"{srv.url}{TDS}" in str(err.value)
    assert srv.hits(TDS) == 2


def test_timeout_and_truncated_json_name_the_table(srv):
    srv.route(TDS, Reply.json({"value": ROWS}, delay=0.5))
    with pytest.raises(SourceError, match=f"CBS table {TABLE}.*no answer within"):
        CbsODataClient(make_session(0, 0), base_url=srv.url, timeout=0.2).typed_dataset(
            TABLE, "GM0599"
        )
    srv.route(TDS, Reply(200, json.dumps({"value": ROWS}).encode()[:50]))
    with pytest.raises(SourceError, match=f"CBS table {TABLE}: answer is not valid JSON"):
        client(srv).typed_dataset(TABLE, "GM0599")


def test_answer_without_value_list(srv):
    srv.route(TDS, Reply.json({"odata.error": {"message": "no"}}))
    with pytest.raises(SourceError, match="no 'value' list"):
        client(srv).typed_dataset(TABLE, "GM0599")


def test_kwb_table_records_and_meta(srv):
    pages(srv, TDS, ROWS, 2)
    srv.route(NAMES, Reply.json({"value": NAME_RECORDS}))
    srv.route(PROPS, Reply.json({"value": PROPERTIES}))
    table = client(srv).kwb_table(TABLE, 2024, "GM0599", {"AantalInwoners"}, ("NL00",))
    assert (table.source_id, table.kind, table.style, table.year) == (
        f"cbs-odata:{TABLE}",
        "kwb",
        "odata",
        2024,
    )
    by_code = {r["_code"]: r for r in table.records}
    assert [r["_level"] for r in table.records] == ["gemeente", "wijk", "buurt", "buurt", None]
    assert by_code["GM0599"]["_name"] == "Rotterdam"
    assert by_code["BU05990110"]["_name"] == "Stadsdriehoek"
    assert by_code["WK059901"]["_name"] is None
    assert by_code["BU05990111"]["_boundary"] == "3"
    assert by_code["BU05990111"]["AantalInwoners_5"] == "."
    assert by_code["NL00"]["_gemeente"] is None and by_code["NL00"]["_boundary"] is None
    assert by_code["WK059901"]["_gemeente"] == "GM0599"
    meta = table.meta
    assert meta["title"] == "Kerncijfers wijken en buurten 2024"
    assert (meta["publisher"], meta["licence"], meta["credit"]) == ("CBS", "CC-BY-4.0", "bron: CBS")
    assert meta["url"].startswith(f"{srv.url}{TDS}?") and len(meta["pages"]) == 2
    assert meta["titles"] == {"AantalInwoners_5": "Aantal inwoners"}
    assert "warnings" not in meta
    assert "startswith(Key,'GM0599')" in parse_qs(srv.requests[2].query)["$filter"][0]


def test_renamed_column_is_reported(srv):
    srv.route(TDS, Reply.json({"value": ROWS}))
    with pytest.raises(SourceError, match="missing.*Inwonertal") as err:
        client(srv).kwb_table(TABLE, 2024, "GM0599", {"AantalInwoners", "Inwonertal"})
    assert TABLE in str(err.value) and f"{srv.url}{TDS}" in str(err.value)


def test_labels_failing_is_a_warning_not_an_error(srv):
    srv.route(TDS, Reply.json({"value": ROWS}))
    table = client(srv).kwb_table(TABLE, 2024, "GM0599")
    assert all(r["_name"] is None for r in table.records)
    assert table.meta["titles"] == {}
    assert len(table.meta["warnings"]) == 2 and "HTTP 404" in table.meta["warnings"][0]


def test_no_rows_is_an_error(srv):
    srv.route(TDS, Reply.json({"value": []}))
    with pytest.raises(SourceError, match="no rows for GM0599"):
        client(srv).kwb_table(TABLE, 2024, "GM0599")


def test_live_and_recorded_agree_on_built_rows(srv):
    pages(srv, TDS, ROWS, 2)
    srv.route(NAMES, Reply.json({"value": NAME_RECORDS}))
    live = client(srv).kwb_table(TABLE, 2024, "GM0599")
    recorded = raw_table_from_recorded(
        {"rows": ROWS, "names": NAME_RECORDS},
        table=TABLE,
        year=2024,
        path="x.json",
        sha256="0" * 64,
        retrieved_at="2024-01-01T00:00:00+00:00",
    )
    assert live.records == recorded.records
    assert recorded.meta["path"] == "x.json" and recorded.source_id == live.source_id
    with pytest.raises(SourceError, match="x.json"):
        raw_table_from_recorded(
            {"value": ROWS}, table=TABLE, year=2024, path="x.json", sha256="", retrieved_at=""
        )


def test_real_recorded_answer_served_live(srv, snapshot_dir):
    path = snapshot_dir / RECORDED
    raw = path.read_bytes()
    payload = json.loads(raw)
    pages(srv, TDS, payload["rows"], 2)
    srv.route(NAMES, Reply.json({"value": payload["names"]}))
    srv.route(PROPS, Reply.json({"value": []}))
    live = client(srv).kwb_table(TABLE, 2024, "GM0599", {"AantalInwoners", "Gemeentenaam"})
    recorded = raw_table_from_recorded(
        payload,
        table=TABLE,
        year=2024,
        path=str(path),
        sha256=hashlib.sha256(raw).hexdigest(),
        retrieved_at=payload["retrievedAt"],
    )
    assert live.records == recorded.records
    recs = recorded.records
    assert len(recs) == 91 and srv.hits(TDS) == 2
    assert all(r["_level"] == "buurt" for r in recs)
    assert recs[0]["_code"] == "BU05990110" and recs[0]["_name"] == "Stadsdriehoek"
    # Value published by CBS in the recorded file.
    assert recs[0]["AantalInwoners_5"] == 20440
    assert sum(r["AantalInwoners_5"] for r in recs) == 670585
    assert sum(r["_boundary"] == "3" for r in recs) == 9
    assert all(r["Gemeentenaam_1"] == "Rotterdam" for r in recs)


def test_real_recorded_history_file_per_year(snapshot_dir):
    payload = json.loads(
        (snapshot_dir / "cbs/kwb-odata/cbs-history_2022-2023_BU05990110.json").read_text()
    )
    for year, table in [(2022, "85318NED"), (2023, "85618NED")]:
        part = payload[str(year)]
        got = raw_table_from_recorded(
            part, table=table, year=year, path="h.json", sha256="", retrieved_at=part["retrievedAt"]
        )
        assert [r["_code"] for r in got.records] == ["BU05990110"]
        assert got.records[0]["_name"] == "Stadsdriehoek"
        assert got.records[0]["_level"] == "buurt" and got.year == year
