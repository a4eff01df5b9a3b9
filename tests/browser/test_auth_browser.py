"""Editors in a real Chromium: signed out, nothing to edit and a forged write is refused
with nothing stored; signed in, a target is saved and shows who changed it and when."""

from __future__ import annotations

import json
import re
from datetime import datetime

import pytest

from dashboard import ids, pages
from dashboard.auth.audit import LOCAL
from dashboard.db import Database
from dashboard.i18n import t
from dashboard.targets.db import saved_targets
from tests.browser.explorer_page import IDLE, WAIT_MS
from tests.editor import EDITOR, PASSWORD, sign_in_page

pytestmark = pytest.mark.browser

#: A save of the targets form as the browser would send it (test data).
FIELDS = {"key": "werk_door_redacteur", "pillar": "werk",
          "indicator": "bijstand_per_1000_15_64", "area": "ZUID0599", "rule": "g4",
          "fixed_value": None, "baseline_year": 2015, "target_year": 2031, "text_nl": "",
          "text_en": ""}

FORGE = """async (fields) => {
    // What a hostile page or script would send: the save callback, fired by hand, with
    // whatever CSRF cookie this browser holds copied into the header.
    const token = (document.cookie.match(/(?:^|; )_csrf_token=([^;]*)/) || [])[1] || '';
    const out = (id, prop) => ({id, property: prop});
    const body = {
        output: '..__LOCATION__.href...__MESSAGE__.children..',
        outputs: [out('__LOCATION__', 'href'), out('__MESSAGE__', 'children')],
        inputs: [{...out('__SAVE__', 'n_clicks'), value: 1},
                 {...out('__DELETE__', 'n_clicks'), value: 0}],
        state: [...fields.map(([id, value]) => ({...out(id, 'value'), value})),
                {...out('__LANG__', 'data'), value: 'nl'}],
        changedPropIds: ['__SAVE__.n_clicks'],
    };
    const res = await fetch('/_dash-update-component', {method: 'POST',
        headers: {'Content-Type': 'application/json', 'X-CSRFToken': decodeURIComponent(token)},
        body: JSON.stringify(body)});
    return [res.status, await res.text()];
}"""
for _name, _value in {"LOCATION": ids.TARGETS_LOCATION, "MESSAGE": ids.TARGETS_FORM_MESSAGE,
                      "SAVE": ids.TARGETS_FORM_SAVE, "DELETE": ids.TARGETS_FORM_DELETE,
                      "LANG": ids.TARGETS_LANG}.items():
    FORGE = FORGE.replace(f"__{_name}__", _value)


@pytest.fixture(autouse=True)
def _expect_timeout():
    from playwright.sync_api import expect

    expect.set_options(timeout=WAIT_MS)
    yield
    expect.set_options(timeout=5_000)


def _forge(page) -> tuple[int, str]:
    fields = [[ids.TARGETS_FORM_FIELDS[f], v] for f, v in FIELDS.items()]
    return page.evaluate(FORGE, fields)


def test_signed_out_nothing_to_edit_and_a_forged_save_is_refused(start_server, built_store,
                                                                 page, console_errors):
    from playwright.sync_api import expect

    server = start_server(built_store)
    page.goto(server.url + "/doelen?lang=nl")
    expect(page.locator(f"#{ids.TARGETS_FORM_LOCKED}")).to_contain_text(
        t("auth.editors_only", "nl"))
    assert page.locator(f"#{ids.TARGETS_FORM}").count() == 0
    assert page.locator(f"#{ids.TARGETS_FORM_SAVE}").count() == 0
    expect(page.locator(f"#{ids.NAV_AUTH}")).to_have_text(t("auth.signin", "nl"))
    page.wait_for_function(IDLE, timeout=WAIT_MS)

    status, body = _forge(page)
    assert status == 200
    message = json.loads(body)["response"][ids.TARGETS_FORM_MESSAGE]["children"]
    assert t("auth.refused.signin", "nl") in json.dumps(message, ensure_ascii=False)
    assert ids.TARGETS_LOCATION not in json.loads(body)["response"]
    assert saved_targets(Database(server.db_url)) == []

    page.goto(server.url + "/projecten?lang=nl")
    expect(page.locator(f"#{ids.PROJECTS_UPLOAD_LOCKED}")).to_contain_text(
        t("auth.editors_only_upload", "nl"))
    assert page.locator(f"#{ids.PROJECTS_UPLOAD}").count() == 0
    page.wait_for_function(IDLE, timeout=WAIT_MS)
    assert console_errors == []


def test_sign_in_save_a_target_see_author_and_time_then_sign_out(start_server, built_store,
                                                                  page, console_errors):
    from playwright.sync_api import expect

    server = start_server(built_store)
    page.goto(server.url + "/doelen?lang=en")
    page.locator(f"#{ids.TARGETS_FORM_LOCKED} a").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("auth.title", "en"))
    page.locator(f"#{ids.AUTH_USERNAME}").fill(EDITOR)
    page.locator(f"#{ids.AUTH_PASSWORD}").fill(PASSWORD + "x")
    page.locator(f"#{ids.AUTH_SUBMIT}").click()
    expect(page.locator(f"#{ids.AUTH_MESSAGE}")).to_have_text(t("auth.error.failed", "en"))
    assert saved_targets(Database(server.db_url)) == []

    sign_in_page(page, server.url)
    expect(page).to_have_url(re.compile(r"/doelen\?lang=nl$"))
    expect(page.locator(f"#{ids.TARGETS_FORM_SAVE}")).to_be_visible()
    page.wait_for_function(IDLE, timeout=WAIT_MS)
    # The same request the forged one was, now from a signed-in page: it is saved.
    before = datetime.now(LOCAL)
    status, body = _forge(page)
    assert status == 200 and json.loads(body)["response"][ids.TARGETS_LOCATION]["href"] == \
        "/doelen?lang=nl&saved=werk_door_redacteur"
    [saved] = saved_targets(Database(server.db_url))
    assert saved.key == "werk_door_redacteur"

    page.goto(server.url + "/doelen?lang=nl&saved=werk_door_redacteur")
    card = page.locator(f"#{ids.targets_card('werk_door_redacteur')}")
    changed = card.locator(".target-changed")
    expect(changed).to_contain_text(f"Laatst gewijzigd door {EDITOR} op ")
    words = changed.inner_text()
    hour, minute = map(int, re.search(r"om (\d\d):(\d\d)$", words).groups())
    assert abs((hour * 60 + minute) - (before.hour * 60 + before.minute)) % (24 * 60) <= 2
    assert str(before.year) in words

    page.locator(f"#{ids.AUTH_SIGNOUT}").click()
    expect(page.locator(f"#{ids.NAV_AUTH}")).to_have_text(t("auth.signin", "nl"))
    expect(page.locator(f"#{ids.TARGETS_FORM_LOCKED}")).to_be_visible()
    expect(card.locator(".target-changed")).to_contain_text(EDITOR)  # reading stays open
    page.wait_for_function(IDLE, timeout=WAIT_MS)
    assert console_errors == []
    assert pages.SIGNIN == "/aanmelden"
