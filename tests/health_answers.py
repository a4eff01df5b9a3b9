"""Hand-built answers in the shape of CBS's third-party OData table 50120NED
(Gezondheidsmonitor per wijk en buurt), for tests served from a fake on 127.0.0.1.

LABELLED TEST DATA: the keys are the table's real keys (from data/sources.yaml, confirmed
from CBS metadata); every number is made up by this module and means nothing.

:func:`build_live_store` builds a whole store from a fake of the live APIs: the recorded
KWB 2024 answer and PDOK buurten are read from the snapshot at test time (never copied
here), the health answers are the made-up ones of this module.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import geopandas as gpd
import yaml

from dashboard.pipeline.build import run_build
from dashboard.pipeline.sources.http import make_session
from dashboard.sourceconfig import HealthTable, load_source_config
from tests.fakes import FakeServer, Reply

ROOT = Path(__file__).resolve().parents[1]
TABLE = "85984NED"
HEALTH = load_source_config(ROOT / "data" / "sources.yaml").health_tables[0]

TEST_DATA_NOTE = "test data, not real figures"


def metadata(cfg: HealthTable) -> dict[str, list[dict]]:
    """The DataProperties and dimension answers (``value`` lists), keyed by entity."""
    props = [{"Key": k, "Title": k, "Type": "Topic"} for k in cfg.keys]
    return {
        "DataProperties": [{"Key": "Marges", "Type": "Dimension"}, *props],
        "Perioden": [{"Key": p, "Title": str(y)} for y, p in cfg.periods.items()],
        "Leeftijd": [{"Key": k, "Title": a} for a, k in cfg.ages.items()],
        "Marges": [{"Key": k, "Title": b} for b, k in cfg.margins.items()],
    }


def rows(cfg: HealthTable, values: dict[tuple[str, int, str], float | None],
         width: float = 8.0) -> list[dict]:
    """TypedDataSet rows: per (area code, year, age label) an estimate and its bounds.

    Every key of ``cfg.keys`` gets the same made-up estimate ``v`` (lower ``v - width/2``,
    upper ``v + width/2``); ``None`` is a blank cell. Codes are space-padded as CBS does.
    """
    out, n = [], 0
    for (code, year, age), v in values.items():
        for bound, key in cfg.margins.items():
            shift = {"value": 0.0, "lower": -width / 2, "upper": width / 2}[bound]
            n += 1
            row = {"ID": n, "Marges": key, "Leeftijd": cfg.ages[age],
                   "WijkenEnBuurten": f"{code:<10}", "Perioden": cfg.periods[year]}
            row.update({k: None if v is None else v + shift for k in cfg.keys})
            out.append(row)
    return out


def serve(srv, cfg: HealthTable, data_rows: list[dict], prefix: str = "",
          names: list[dict] | None = None) -> None:
    """Route the table's metadata, region names and rows on a :class:`FakeServer`."""
    base = f"{prefix}/{cfg.table}"
    for entity, value in metadata(cfg).items():
        srv.route(f"{base}/{entity}", Reply.json({"value": value}))
    srv.route(f"{base}/WijkenEnBuurten", Reply.json({"value": names or []}))
    srv.route(f"{base}/TypedDataSet", Reply.json({"value": data_rows}))


def data_dir(tmp_path: Path) -> Path:
    """The project's data files, with only the 2024 KWB table (what the recording has)."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    cfg = yaml.safe_load((data / "sources.yaml").read_text())
    cfg["cbs_odata"]["kwb_tables"] = {2024: TABLE}
    (data / "sources.yaml").write_text(yaml.safe_dump(cfg))
    return data


def health_values(buurten: list[str]) -> dict:
    """Labelled test data: made-up estimates for the gemeente, a Zuid wijk and 3 buurten."""
    a, b, c = buurten[:3]
    return {("GM0599", 2022, "18+"): 47.0, ("WK059915", 2022, "18+"): 55.0,
            (a, 2022, "18+"): 72.0, (a, 2020, "18+"): 70.0, (a, 2022, "65+"): 41.0,
            (b, 2022, "18+"): 30.0, (c, 2022, "18+"): None}


def serve_recording(srv: FakeServer, snapshot: Path, widths: float = 8.0,
                    gemeente_shape: bool = False, prefix: str = "/dataderden") -> list[str]:
    """Serve the recorded KWB 2024 answer, its PDOK buurten and hand-built health answers
    (and, with ``gemeente_shape``, the gemeente as the union of its buurten, for the map).
    The health table is served under ``prefix`` (the third-party catalogue's root).

    Returns the Charlois buurt codes the health answers use, in code order."""
    rec = json.loads((snapshot / "cbs/kwb-odata/85984NED_2024_rotterdam_buurten.json").read_text())
    kwb = rec["rows"]
    buurten = sorted({r["WijkenEnBuurten"].strip() for r in kwb
                      if r["WijkenEnBuurten"].strip().startswith("BU059915")})
    serve(srv, HEALTH, rows(HEALTH, health_values(buurten), widths), prefix=prefix)
    page2 = f"{srv.url}/{TABLE}/TypedDataSet?$skip=50"
    srv.route(f"/{TABLE}/TypedDataSet", Reply.json({"value": kwb[:50], "odata.nextLink": page2}),
              Reply.json({"value": kwb[50:]}))
    srv.route(f"/{TABLE}/WijkenEnBuurten", Reply.json({"value": rec["names"]}))
    srv.route(f"/{TABLE}/DataProperties", Reply.json({"value": []}))
    fc = json.loads((snapshot / "cbs/pdok-2024/rotterdam_buurten_2024_pdok.geojson").read_text())
    srv.route("/wb-2024/collections/buurten/items", Reply.json(fc))
    srv.route("/wb-2024/collections/wijken/items", Reply.json({"features": []}))
    srv.route("/wb-2024/collections/gemeenten/items", Reply.json(
        {"features": [] if not gemeente_shape else [_gemeente_feature(fc)]}))
    return buurten


def _gemeente_feature(fc: dict) -> dict:
    shapes = gpd.GeoDataFrame.from_features(fc["features"], crs="EPSG:4326").geometry
    union = shapes.make_valid().union_all()
    return {"type": "Feature", "properties": {"gemeentecode": "GM0599",
                                              "gemeentenaam": "Rotterdam"},
            "geometry": json.loads(gpd.GeoSeries([union]).to_json())["features"][0]["geometry"]}


def build_live_store(snapshot: Path, tmp_path: Path, widths: float = 8.0,
                     gemeente_shape: bool = False) -> tuple[Path, Path, list[str]]:
    """Build a store from the fake live APIs; returns (store folder, data folder, buurten).

    Only ``odata_base`` is given, so the third-party table is fetched from the same fake
    (what the build does when a mirror or test server stands in for CBS)."""
    data = data_dir(tmp_path)
    with FakeServer() as srv:
        buurten = serve_recording(srv, snapshot, widths, gemeente_shape, prefix="")
        run_build(tmp_path / "live", snapshot=None, gemeenten=("GM0599",), data_dir=data,
                  session=make_session(retries=0), odata_base=srv.url,
                  pdok_base=srv.url + "/wb-{year}", progress=lambda m: None)
    return tmp_path / "live", data, buurten
