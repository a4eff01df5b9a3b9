"""The indicator documentation page shows every catalogue entry, as docs/indicators.md."""

from __future__ import annotations

import pytest

from dashboard import ids
from dashboard.exports.docs import source_lines
from dashboard.sourceconfig import load_source_config
from tests.dash_client import texts, walk

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_indicator_has_an_entry(dash_client, store, repo_root, lang):
    content = dash_client.render("/indicatoren", f"?lang={lang}")
    entries = {n["props"]["id"]: n for n in walk(content)
               if str(n["props"].get("id", "")).startswith("indicators-entry-")}
    sources = load_source_config(repo_root / "data" / "sources.yaml")
    assert len(entries) == len(store.catalogue)
    for ind in store.catalogue:
        entry = " ".join(texts(entries[ids.indicators_entry(ind.key)]))
        assert ind.label.get(lang) in entry and ind.definition.get(lang) in entry
        assert ind.licence in entry
        assert all(line in entry for line in source_lines(ind, sources))
