"""The project registry (data/projects.yaml): validation, periods, filters, areas."""

from __future__ import annotations

import re
import unicodedata

import pytest
import yaml

from dashboard.projects.model import ProjectsError, parse_projects, period_bounds
from dashboard.projects.registry import filter_projects, load_projects, projects_for_area

SEEDS = "seeds"
# Every programme the seed pages (and their README) name, with the page it is on.
SEED_PROGRAMMES = {
    "Expertisecentrum Maatschappelijke Innovatie": "000_0cddcffabd0dd577.txt",
    "BRIDGE": "000_0cddcffabd0dd577.txt",
    "Mentoren op Zuid": "000_0cddcffabd0dd577.txt",
    "Nieuw in 010": "000_0cddcffabd0dd577.txt",
    "Mama's Garden": "000_0cddcffabd0dd577.txt",
    "Ouders op Zuid": "000_0cddcffabd0dd577.txt",
    "Samenwerking W&T met de gemeente Rotterdam": "001_e8ec093d8c4c9678.txt",
    "Techniek op Zuid": "001_e8ec093d8c4c9678.txt",
    "makerspace": "001_e8ec093d8c4c9678.txt",
    "Bruggenbouwers in stad en buurt": "002_a56c2b4309cf4a35.txt",
    "KNAP'RZ": "003_8b11259e8df29c64.txt",
    "Samen voor Zuid": "003_8b11259e8df29c64.txt",
    "InnoSI": "004_489263b2be8292fc.txt",
}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return " ".join(text.casefold().split())


@pytest.fixture(scope="module")
def seeds_dir(repo_root):
    path = repo_root.parent / "shared" / SEEDS
    if not path.is_dir():
        pytest.fail(f"seed pages not found at {path}")
    return path


@pytest.fixture(scope="module")
def registry(repo_root):
    return load_projects(repo_root / "data" / "projects.yaml")


def test_every_seed_programme_is_in_the_registry_with_its_source(registry, seeds_dir):
    for programme, source in SEED_PROGRAMMES.items():
        hits = [p for p in registry if fold(programme) in fold(p.name)]
        assert hits, f"{programme} is missing"
        assert all(p.source == source for p in hits), programme


def test_each_entry_names_a_real_seed_page_that_mentions_it(registry, seeds_dir):
    used = set()
    for p in registry:
        page = seeds_dir / p.source
        assert page.is_file(), f"{p.key}: no seed page {p.source}"
        used.add(p.source)
        text = fold(page.read_text(encoding="utf-8"))
        # the page names the programme (its name, or the name before a colon or bracket)
        short = fold(re.split(r"[:(]", p.name)[0]).strip()
        assert short in text or short.replace("'", "’") in text, p.key
    assert used == {f.name for f in seeds_dir.glob("*.txt")}


def test_periods_are_only_what_the_pages_say(registry, seeds_dir):
    for p in registry:
        text = (seeds_dir / p.source).read_text(encoding="utf-8")
        for value in (p.start, p.end):
            if value:
                assert value[:4] in text, f"{p.key}: year {value[:4]} not on its page"
    by_key = {p.key: p for p in registry}
    assert (by_key["knaprz"].start, by_key["knaprz"].end) == ("2019", "2023")
    assert (by_key["innosi"].start, by_key["innosi"].end) == ("2015-05", "2017-10")
    assert by_key["bridge"].start == "2017" and by_key["bridge"].end is None
    # pages that give no period have none: nothing guessed
    for key in ("mentoren-op-zuid", "ouders-op-zuid", "bruggenbouwers", "samen-voor-zuid"):
        assert by_key[key].start is None and by_key[key].end is None


def test_innosi_has_no_guessed_place(registry, seeds_dir):
    innosi = next(p for p in registry if p.key == "innosi")
    page = (seeds_dir / innosi.source).read_text(encoding="utf-8")
    assert "Utrecht" not in page  # so the registry must not say Utrecht either
    assert innosi.areas == () and "Utrecht" not in innosi.model_dump_json()
    assert innosi.area_note and "Groene Sticht" in innosi.area_note.nl


def test_registry_areas_exist_in_the_store(registry, store):
    for p in registry:
        for code in p.areas:
            assert code in store.areas.index, f"{p.key}: unknown area {code}"
    by_key = {p.key: p for p in registry}
    assert store.area(by_key["bruggenbouwers"].areas[0])["name"] == "Amsterdam"


@pytest.mark.parametrize(("entry", "field"), [
    ({"key": "Bad Key"}, "key"),
    ({"start": "2019-13"}, "start"),
    ({"start": "mei 2015"}, "start"),
    ({"pillar": "sport"}, "pillar"),
    ({"areas": ["<script>"]}, "areas"),
    ({"colour": "red"}, "colour"),
    ({"start": "2020", "end": "2019"}, "end"),
])
def test_a_bad_entry_is_refused_naming_entry_and_field(entry, field):
    good = {"key": "x", "name": "X", "summary": {"nl": "a", "en": "b"}, "source": "s.txt"}
    raw = {"projects": [good | {"key": "ok"}, good | entry]}
    with pytest.raises(ProjectsError) as err:
        parse_projects(raw, "projects.yaml")
    assert "projects.yaml: entry 1" in str(err.value) and field in str(err.value)


def test_duplicate_keys_are_refused():
    entry = {"key": "x", "name": "X", "summary": {"nl": "a", "en": "b"}, "source": "s.txt"}
    with pytest.raises(ProjectsError, match="entry 1 .*duplicate key"):
        parse_projects({"projects": [entry, entry]})


def test_period_bounds():
    assert [d.isoformat() for d in period_bounds("2019")] == ["2019-01-01", "2019-12-31"]
    assert [d.isoformat() for d in period_bounds("2024-02")] == ["2024-02-01", "2024-02-29"]
    assert period_bounds("2017-10-03")[0] == period_bounds("2017-10-03")[1]
    assert period_bounds("2019-02-30") is None


def test_year_filter(registry):
    by_key = {p.key: p for p in registry}
    assert [y for y in range(2014, 2026) if by_key["knaprz"].active_in(y)] == list(
        range(2019, 2024))
    assert [y for y in range(2014, 2026) if by_key["innosi"].active_in(y)] == [2015, 2016, 2017]
    assert by_key["bridge"].active_in(2030) and not by_key["bridge"].active_in(2016)
    assert by_key["ouders-op-zuid"].active_in(1990)  # unknown period: never hidden
    keys_2024 = {p.key for p in filter_projects(registry, year=2024)}
    assert "knaprz" not in keys_2024 and "innosi" not in keys_2024 and "bridge" in keys_2024
    span = {p.key for p in filter_projects(registry, year=2016, year_to=2019)}
    assert {"knaprz", "innosi", "bridge", "wt-pact"} <= span


def test_pillar_and_organisation_filters(registry, repo_root):
    raw = yaml.safe_load((repo_root / "data" / "projects.yaml").read_text(encoding="utf-8"))
    werk = {e["key"] for e in raw["projects"] if e.get("pillar") == "werk"}
    assert {p.key for p in filter_projects(registry, pillars=["werk"])} == werk
    none = {e["key"] for e in raw["projects"] if not e.get("pillar")}
    assert {p.key for p in filter_projects(registry, pillars=["geen"])} == none
    emcemo = filter_projects(registry, organisation="emcemo")
    assert [p.key for p in emcemo] == ["bruggenbouwers"]


def _expected(raw: dict, year: int, wanted: set[str]) -> list[str]:
    """Keys of YAML entries with an area in ``wanted`` and active in ``year`` (by hand)."""
    out = []
    for e in raw["projects"]:
        start, end = e.get("start"), e.get("end")
        active = start is None or (int(str(start)[:4]) <= year
                                   and (end is None or int(str(end)[:4]) >= year))
        if active and set(e.get("areas", [])) & wanted:
            out.append(e["key"])
    return out


def test_projects_for_area_follows_containment_and_year(store, repo_root):
    raw = yaml.safe_load((repo_root / "data" / "projects.yaml").read_text(encoding="utf-8"))
    carnisse = store.area("Carnisse")["code"]
    assert store.area(carnisse)["parent"] in {"WK059915", "WK059910", "WK059912"}
    for year in (2016, 2021, 2024):
        got = [d["key"] for d in projects_for_area(store, carnisse, year)]
        assert got == _expected(raw, year, {"ZUID0599", "GM0599", carnisse}), year
    # a wijk north of the river is in Rotterdam but not in Rotterdam-Zuid
    centrum = store.area("Rotterdam Centrum")["code"]
    assert [d["key"] for d in projects_for_area(store, centrum, 2021)] == \
        _expected(raw, 2021, {"GM0599"})
    amsterdam = projects_for_area(store, "GM0363", lang="en")
    assert [d["key"] for d in amsterdam] == ["bruggenbouwers"]
    assert amsterdam[0]["gemeenten"] == ["GM0363"]
    assert amsterdam[0]["summary"].startswith("Integrated approach")
    keys = {"key", "name", "pillar", "organisations", "start", "end", "summary", "source"}
    assert keys <= set(amsterdam[0])


def test_projects_for_area_includes_uploaded_activities(store):
    from dashboard.projects.db import save_activities

    row = {"project": "Test-data", "name": "Testactiviteit", "pillar": "werk",
           "start_date": __import__("datetime").date(2022, 3, 1), "postcode": None,
           "area_codes": "BU05991572", "lat": None, "lon": None}
    assert save_activities([row], editor="test-editor") == (1, 0)
    here = [d for d in projects_for_area(store, "BU05991572", 2022)
            if d["origin"] == "upload"]
    assert [d["name"] for d in here] == ["Testactiviteit"]
    assert projects_for_area(store, "BU05991572", 2021)[-1]["origin"] == "registry"
    # the gemeente contains the buurt, so the activity counts there too
    assert "Testactiviteit" in [d["name"] for d in projects_for_area(store, "GM0599", 2022)]


def test_organisation_names_are_whole(registry):
    # a comma inside a YAML flow list would split one name in two
    for p in registry:
        for name in p.organisations:
            assert name.count("(") == name.count(")"), (p.key, name)
    knap = next(p for p in registry if p.key == "knaprz")
    assert knap.organisations == ("Kenniswerkplaats Stedelijke Arbeidsmarkt (HR, EUR en SEOR)",)


@pytest.mark.parametrize(("key", "lang", "text"), [
    ("knaprz", "nl", "2019 – 2023"),
    ("innosi", "nl", "mei 2015 – oktober 2017"),
    ("innosi", "en", "May 2015 – October 2017"),
    ("wt-pact", "nl", "vanaf 3 oktober 2017"),
    ("bridge", "en", "from 2017"),
    ("bruggenbouwers", "en", "period unknown"),
])
def test_periods_are_written_as_precisely_as_known(registry, key, lang, text):
    from dashboard.projects.layer import period_text

    assert period_text(next(p for p in registry if p.key == key), lang) == text
