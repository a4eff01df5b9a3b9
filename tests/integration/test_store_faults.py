"""The store is damaged while the app runs (every way issue 15 tried): pages, downloads and
uploads keep answering from the last good store, every page says the data is older; a good
store swapped in is served again. With no good store at all: the bilingual maintenance page
with HTTP 503, and no server path anywhere.
"""

from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard import ids
from tests.dash_client import DashClient, texts
from tests.editor import sign_in

pytestmark = pytest.mark.slow
UPLOADED = ": 1 opgeslagen, 0 al aanwezig (dubbel), 0 afgewezen."


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _bad_json(path: Path) -> None:
    path.write_text("{not json", encoding="utf-8")


def _json_list(path: Path) -> None:
    path.write_text("[]", encoding="utf-8")


def _wrong_types(path: Path) -> None:
    manifest = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**manifest, "built_at": 20240101, "gemeenten": "GM0599",
                                "counts": []}), encoding="utf-8")


def _year_as_text(path: Path) -> None:
    frame = pd.read_parquet(path)
    frame.assign(year=frame["year"].astype(str)).to_parquet(path)


def _garbage(path: Path) -> None:
    path.write_bytes(b"PAR1" + b"\x00" * 1000 + b"PAR1")


DAMAGE = {
    # the observations are queried lazily: the served store queries its own copy of them
    "truncated observations": ("observations.parquet", _truncate),
    "truncated areas": ("areas.parquet", _truncate),
    "manifest bad json": ("manifest.json", _bad_json),
    "manifest []": ("manifest.json", _json_list),
    "manifest wrong types": ("manifest.json", _wrong_types),
    "observations year as text": ("observations.parquet", _year_as_text),
    "corrupt pc4": ("pc4.parquet", _garbage),
    "observations removed": ("observations.parquet", Path.unlink),
    "corrupt water": ("water.parquet", _garbage),
}


@pytest.fixture
def live(built_store, tmp_path, monkeypatch):
    """The app serving a copy of the real store (which the test may damage)."""
    out = tmp_path / "store"
    shutil.copytree(built_store, out)
    monkeypatch.setenv("DASHBOARD_STORE", str(out))
    monkeypatch.delenv("DASHBOARD_DEBUG", raising=False)
    from app import create_app

    client = create_app().server.test_client()
    return out, DashClient(client, headers=sign_in(client))


def _upload(driver: DashClient, postcode: str) -> str:
    """Upload one activity placed by a postcode (needs the store's pc4 areas)."""
    csv = ("project,name,pillar,start_date,postcode\n"
           f"Fault test,Activity at {postcode},werk,2024-01-01,{postcode}\n")
    contents = "data:text/csv;base64," + base64.b64encode(csv.encode()).decode()
    driver.render("/projecten")
    driver.props[(ids.PROJECTS_UPLOAD, "filename")] = "activities.csv"
    calls = driver.change(ids.PROJECTS_UPLOAD, "contents", contents)
    return " ".join(texts(calls[0].response["response"][ids.PROJECTS_UPLOAD_RESULT]["children"]))


def _stale_notice(content) -> list[str]:
    return [t for t in texts(content) if "could not be loaded" in t or "niet worden geladen" in t]


@pytest.mark.parametrize("damage", [v if not isinstance(v, tuple) else v for v in DAMAGE.values()],
                         ids=list(DAMAGE))
def test_a_damaged_store_leaves_the_last_good_one_serving(live, damage):
    store_dir, driver = live
    postcode = str(pd.read_parquet(store_dir / "pc4.parquet", columns=["code"])["code"].iloc[0])
    client = driver.client
    good_csv = client.get("/download/explorer.csv?indicator=inwoners&level=wijk").data
    assert _stale_notice(driver.render("/data")) == []

    name, harm = damage
    harm(store_dir / name)

    for path in ("/", "/data", "/projecten", "/doelen", "/vergelijk", "/gebied/BU05991572"):
        assert client.get(path).status_code == 200, path
    for path in ("/", "/data"):
        assert _stale_notice(driver.render(path, "?lang=en")), path
    assert client.get("/download/explorer.csv?indicator=inwoners&level=wijk").data == good_csv
    assert client.get("/download/store.csv").status_code == 200
    assert UPLOADED in _upload(driver, postcode)


@pytest.fixture
def good_copy(built_store, tmp_path) -> Path:
    out = tmp_path / "good"
    shutil.copytree(built_store, out)
    return out


def test_a_good_store_swapped_in_after_a_bad_one_is_served(live, good_copy):
    store_dir, driver = live
    driver.render("/data")
    _bad_json(store_dir / "manifest.json")
    assert _stale_notice(driver.render("/data"))
    _swap_in(good_copy, store_dir, "2030-06-01T12:00:00+00:00")
    content = driver.render("/data", "?lang=en")
    assert _stale_notice(content) == []
    assert "Data as of 1 June 2030" in texts(content)


@pytest.mark.parametrize("state", ["empty folder", "manifest bad json", "truncated obs"])
def test_with_no_good_store_the_maintenance_page_answers_503(tmp_path, built_store,
                                                             monkeypatch, state):
    out = tmp_path / "store"
    if state == "empty folder":
        out.mkdir()
    else:
        shutil.copytree(built_store, out)
        if state == "manifest bad json":
            _bad_json(out / "manifest.json")
        else:
            _truncate(out / "observations.parquet")
    monkeypatch.setenv("DASHBOARD_STORE", str(out))
    monkeypatch.delenv("DASHBOARD_DEBUG", raising=False)
    from app import create_app

    client = create_app().server.test_client()
    for path in ("/", "/data", "/projecten", "/gebied/BU05991572"):
        assert client.get(path).status_code == 503, path
    driver = DashClient(client)
    deps = client.get("/_dash-dependencies").get_json()
    router = next(d for d in deps if "_pages_content" in d["output"])
    driver.deps = deps
    driver.props[(router["inputs"][0]["id"], "pathname")] = "/"
    driver.props[(router["inputs"][0]["id"], "search")] = "?lang=en"
    call = driver._post(router, changed=[f"{router['inputs'][0]['id']}.pathname"])
    shown = json.dumps(call.response, ensure_ascii=False)
    assert "Data temporarily unavailable" in shown and "Gegevens tijdelijk" in shown
    assert "nav-current" not in shown  # no menu item is open: any page may have been asked
    download = client.get("/download/explorer.csv")
    assert download.status_code == 503
    for body in (shown, download.get_data(as_text=True), client.get("/").get_data(as_text=True)):
        assert str(tmp_path) not in body and "Traceback" not in body
    assert "temporarily unavailable" in download.get_data(as_text=True)


def _swap_in(good_copy: Path, store_dir: Path, built_at: str) -> None:
    """A new build of the store arrives in the served folder."""
    manifest = json.loads((good_copy / "manifest.json").read_text())
    manifest["built_at"] = built_at
    (good_copy / "manifest.json").write_text(json.dumps(manifest))
    shutil.copytree(good_copy, store_dir, dirs_exist_ok=True)


def test_replaced_stores_take_their_private_copies_with_them(live, good_copy):
    """The served store queries its own copy of the observations (so damage in place never
    reaches it); a replaced store's copy is removed when the next store replaces it, so at
    most two are kept however often a build is swapped in."""
    from dashboard.store import get_store

    store_dir, driver = live
    driver.render("/")
    copies = [get_store(store_dir)._served_copy.path]
    assert copies[0].is_file() and store_dir not in copies[0].parents
    for month in (6, 7, 8):
        _swap_in(good_copy, store_dir, f"2030-0{month}-01T12:00:00+00:00")
        assert "Data as of 1 " in " ".join(texts(driver.render("/data", "?lang=en")))
        copies.append(get_store(store_dir)._served_copy.path)
    assert len(set(copies)) == 4
    assert [c.is_file() for c in copies] == [False, False, True, True]
    csv = driver.client.get("/download/explorer.csv?indicator=inwoners&level=wijk")
    assert csv.status_code == 200 and b"inwoners" in csv.data
