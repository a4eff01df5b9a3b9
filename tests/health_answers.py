"""Hand-built answers in the shape of CBS's third-party OData table 50120NED
(Gezondheidsmonitor per wijk en buurt), for tests served from a fake on 127.0.0.1.

LABELLED TEST DATA: the keys are the table's real keys (from data/sources.yaml, confirmed
from CBS metadata); every number is made up by this module and means nothing.
"""

from __future__ import annotations

from dashboard.sourceconfig import HealthTable
from tests.fakes import Reply

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
