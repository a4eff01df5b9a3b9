"""The targets page in a real Chromium against the real server: see the pillars, add a
target through the form (first with a mistake), reload, and find it again."""

from __future__ import annotations

import re

import pytest

from dashboard import ids
from dashboard.i18n import t
from dashboard.targets.form import area_options, indicator_options, rule_options
from dashboard.targets.model import load_default_targets
from dashboard.targets.report import evaluate
from tests.browser.controls import choose
from tests.browser.explorer_page import IDLE, WAIT_MS
from tests.editor import sign_in_page

pytestmark = pytest.mark.browser



@pytest.fixture(autouse=True)
def _expect_timeout():
    from playwright.sync_api import expect

    expect.set_options(timeout=WAIT_MS)
    yield
    expect.set_options(timeout=5_000)


def label(options: list[dict], value: str) -> str:
    return next(o["label"] for o in options if o["value"] == value)


def test_add_a_target_and_see_it_after_a_reload(start_server, built_store, store, repo_root,
                                                page, console_errors):
    from playwright.sync_api import expect

    server = start_server(built_store)
    sign_in_page(page, server.url)
    page.goto(server.url + "/doelen?lang=nl")
    for pillar in ("school", "werk", "wonen", "veiligheid"):
        section = page.locator(f"#{ids.targets_pillar(pillar)}")
        expect(section.get_by_role("heading", level=2)).to_have_text(
            t(f"targets.pillar.{pillar}", "nl"))
    defaults = load_default_targets(repo_root / "data" / "targets.yaml", store.catalogue)
    expect(page.locator(".target-card")).to_have_count(len(defaults))
    expect(page.locator(".target-matrix tbody tr")).to_have_count(7)
    page.wait_for_function(IDLE, timeout=WAIT_MS)

    # "show chart" on a card puts that target in the detail chart
    bijstand = next(x for x in defaults if x.key == "werk_bijstand")
    page.locator(f"#{ids.targets_card('werk_bijstand')} button").click()
    expect(page.locator(f"#{ids.TARGETS_DETAIL_SELECT}")).to_have_value(
        re.compile(r"\(werk_bijstand\)"))
    expect(page.locator(f"#{ids.TARGETS_DETAIL_WHY}")).to_have_text(
        evaluate(store, bijstand).explanation(store, "nl"))
    expect(page.locator(f"#{ids.TARGETS_DETAIL_GRAPH} .legendtext")).to_have_text(
        ["Rotterdam-Zuid: gemeten", t("targets.chart.path", "nl"), "Doel 2031",
         store.area_name("ROTNZ0599", "nl")])

    F = ids.TARGETS_FORM_FIELDS
    page.locator(f"#{F['key']}").fill("focus_koop_tarwewijk")
    choose(page, F["pillar"], "Wonen", t("targets.pillar.wonen", "nl"))
    choose(page, F["indicator"], "Koopwoningen",
         label(indicator_options(store, "nl"), "pct_koopwoningen"))
    choose(page, F["area"], "Tarwewijk", label(area_options(store, "nl"), "BU05991571"))
    choose(page, F["rule"], "Rotterdams", label(rule_options("nl"), "rotterdam"))
    page.locator(f"#{F['baseline_year']}").fill("2019")  # no figure in 2019: refused
    page.locator(f"#{F['target_year']}").fill("2031")
    page.locator(f"#{F['text_nl']}").fill("Eigen doel voor de Tarwewijk <b>niet vet</b>")
    page.locator(f"#{ids.TARGETS_FORM_SAVE}").click()
    message = page.locator(f"#{ids.TARGETS_FORM_MESSAGE}")
    expect(message).to_contain_text(t("targets.form.baseline_year", "nl") + ":")
    expect(message).to_contain_text(t("targets.not_saved", "nl"))
    expect(page).to_have_url(re.compile(r"/doelen\?lang=nl$"))

    page.locator(f"#{F['baseline_year']}").fill("2014")
    page.locator(f"#{ids.TARGETS_FORM_SAVE}").click()
    expect(page).to_have_url(re.compile(r"saved=focus_koop_tarwewijk"))
    card = page.locator(f"#{ids.targets_card('focus_koop_tarwewijk')}")
    expect(card).to_be_visible()
    expect(page.locator(f"#{ids.TARGETS_NOTICES}")).to_contain_text("focus_koop_tarwewijk")

    page.goto(server.url + "/doelen?lang=nl")  # a fresh load: the target is in the database
    expect(card).to_be_visible()
    expect(card).to_contain_text("Tarwewijk")
    expect(card).to_contain_text("<b>niet vet</b>")  # shown as text, never as markup
    expect(page.locator(f"#{ids.targets_pillar('wonen')} .target-card")).to_have_count(
        sum(x.pillar == "wonen" for x in defaults) + 1)
    page.wait_for_function(IDLE, timeout=WAIT_MS)
    assert console_errors == []
