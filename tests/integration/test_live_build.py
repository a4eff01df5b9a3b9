"""The live path (CBS OData + PDOK clients) and the snapshot path converge: a build from a
fake CBS/PDOK server on 127.0.0.1 that serves the real recorded answers gives the same
values as the build from the snapshot files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from dashboard.pipeline.build import run_build
from dashboard.pipeline.sources.http import SourceError, make_session
from dashboard.store import Store
from tests.fakes import FakeServer, Reply

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
TABLE = "85984NED"


def _data_dir(tmp_path: Path) -> Path:
    """The project's data files, with only the 2024 KWB table (what the recording has)."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    cfg = yaml.safe_load((data / "sources.yaml").read_text())
    cfg["cbs_odata"]["kwb_tables"] = {2024: TABLE}
    (data / "sources.yaml").write_text(yaml.safe_dump(cfg))
    return data


def _serve_recording(srv: FakeServer, snapshot: Path) -> None:
    rec = json.loads((snapshot / "cbs/kwb-odata/85984NED_2024_rotterdam_buurten.json").read_text())
    rows = rec["rows"]
    page2 = f"{srv.url}/{TABLE}/TypedDataSet?$skip=50"
    srv.route(f"/{TABLE}/TypedDataSet", Reply.json({"value": rows[:50], "odata.nextLink": page2}),
              Reply.json({"value": rows[50:]}))
    srv.route(f"/{TABLE}/WijkenEnBuurten", Reply.json({"value": rec["names"]}))
    srv.route(f"/{TABLE}/DataProperties", Reply.json({"value": []}))
    fc = json.loads((snapshot / "cbs/pdok-2024/rotterdam_buurten_2024_pdok.geojson").read_text())
    srv.route("/wb-2024/collections/buurten/items", Reply.json(fc))
    srv.route("/wb-2024/collections/wijken/items", Reply.json({"features": []}))
    srv.route("/wb-2024/collections/gemeenten/items", Reply.json({"features": []}))


def test_live_build_equals_snapshot_values(snapshot_dir, store, tmp_path):
    data = _data_dir(tmp_path)
    with FakeServer() as srv:
        _serve_recording(srv, snapshot_dir)
        run_build(tmp_path / "live", snapshot=None, gemeenten=("GM0599",), data_dir=data,
                  cache_dir=tmp_path / "raw", session=make_session(retries=0),
                  odata_base=srv.url, pdok_base=srv.url + "/wb-{year}",
                  progress=lambda m: None)
        assert srv.hits(f"/{TABLE}/TypedDataSet") == 2  # followed odata.nextLink
    live = Store.open(tmp_path / "live", data_dir=data)
    for key in ("inwoners", "bijstand", "pct_huur_corporatie", "inkomen_per_inwoner"):
        a = live.values(key, 2024, level="buurt").set_index("area_code")[["value", "status"]]
        b = store.values(key, 2024, level="buurt").set_index("area_code")[["value", "status"]]
        b = b[b.index.isin(a.index)]
        assert len(a) == 91
        assert a.sort_index().equals(b.sort_index()), key
    # the PDOK answer's 88 buurten have shapes; the raw answers were cached as received
    areas = live.areas[live.areas["level"] == "buurt"]
    assert (~areas.geometry.isna()).sum() == 88
    assert len(list((tmp_path / "raw").glob("*.json"))) >= 3


def test_broken_live_answer_fails_clearly_and_keeps_previous_store(built_store, tmp_path):
    data = _data_dir(tmp_path)
    out = tmp_path / "store"
    shutil.copytree(built_store, out)
    before = sorted((p.name, p.read_bytes()) for p in out.iterdir())
    with FakeServer() as srv:
        srv.route(f"/{TABLE}/TypedDataSet", Reply(200, b'{"value": [{"ID": 1, "Wijken'))
        with pytest.raises(SourceError, match=f"CBS table {TABLE}.*JSON"):
            run_build(out, snapshot=None, gemeenten=("GM0599",), data_dir=data,
                      session=make_session(retries=0), odata_base=srv.url,
                      pdok_base=srv.url + "/wb-{year}", progress=lambda m: None)
    assert sorted((p.name, p.read_bytes()) for p in out.iterdir()) == before
