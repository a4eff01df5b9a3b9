"""data/areas.yaml and data/sources.yaml: the shipped files load; bad ones are named."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dashboard.areas import AreasError, level_of, load_areas, parse_areas
from dashboard.settings import get_settings
from dashboard.sourceconfig import SourceConfigError, load_source_config

DATA = Path(__file__).resolve().parents[2] / "data"
FOCUS = {"Afrikaanderwijk", "Bloemhof", "Carnisse", "Feijenoord", "Hillesluis", "Oud-Charlois",
         "Tarwewijk"}


def test_shipped_areas_define_zuid_and_the_seven_focus_wijken():
    cfg = load_areas(DATA / "areas.yaml")
    areas = cfg.by_code()
    assert areas["ZUID0599"].parts == ("WK059915", "WK059910", "WK059912")
    focus = areas["FOCUS0599"]
    assert len(focus.parts) == 7 and all(level_of(p) == "buurt" for p in focus.parts)
    assert set(cfg.groups["nprz_focus"]) == set(focus.parts)
    assert cfg.default_area in areas


def test_focus_codes_are_the_named_buurten_in_the_real_file(snapshot_dir):
    import csv
    with open(snapshot_dir / "cbs/wbk-2024/kwb_buurt_2024_rijnmond.csv", encoding="utf-8") as fh:
        names = {r["buurtcode"]: r["buurtnaam"] for r in csv.DictReader(fh)}
    parts = load_areas(DATA / "areas.yaml").by_code()["FOCUS0599"].parts
    # CBS writes "Oud Charlois"; NPRZ writes "Oud-Charlois"
    assert {names[p].replace("Oud Charlois", "Oud-Charlois") for p in parts} == FOCUS


@pytest.mark.parametrize("entry, field", [
    ({"code": "X", "name": {"nl": "x"}, "parts": ["BU05991086"]}, "field name"),
    ({"code": "X", "name": {"nl": "x", "en": "x"}, "parts": ["Carnisse"]}, "field parts"),
    ({"code": "X", "name": {"nl": "x", "en": "x"}}, "field parts"),
    ({"code": "GM0599", "name": {"nl": "x", "en": "x"}, "parts": ["WK059915"]}, "field code"),
    ({"code": "X", "name": {"nl": "x", "en": "x"}, "parts_rule": {"level": "straat"}},
     "parts_rule.level"),
])
def test_bad_custom_area_is_named(entry, field):
    with pytest.raises(AreasError, match=rf"areas.yaml: entry 0 .*{field}"):
        parse_areas({"custom_areas": [entry]}, "areas.yaml")


def test_sources_config_has_every_kwb_year():
    cfg = load_source_config(DATA / "sources.yaml")
    assert cfg.kwb_tables[2014] == "82931NED" and cfg.kwb_tables[2024] == "85984NED"
    assert sorted(cfg.kwb_tables) == list(range(2014, 2025))
    assert "1" in cfg.unchanged_codes


def test_unknown_table_id_is_named(tmp_path):
    raw = yaml.safe_load((DATA / "sources.yaml").read_text())
    raw["cbs_odata"]["kwb_tables"][2025] = "not-a-table"
    (tmp_path / "sources.yaml").write_text(yaml.safe_dump(raw))
    with pytest.raises(SourceConfigError, match=r"sources.yaml: field cbs_odata.kwb_tables.*2025"):
        load_source_config(tmp_path / "sources.yaml")
    with pytest.raises(SourceConfigError, match="no KWB table id for year 2031"):
        load_source_config(DATA / "sources.yaml").table_for(2031)


def test_settings_reject_a_bad_gemeente_code():
    assert get_settings({"DASHBOARD_GEMEENTE": "gm0363"}).gemeente == "GM0363"
    with pytest.raises(ValueError, match="DASHBOARD_GEMEENTE"):
        get_settings({"DASHBOARD_GEMEENTE": "Rotterdam"})
    assert get_settings({}).debug is False
