"""Component ids: one source of truth, kebab-case, page-prefixed, never literal elsewhere."""

from __future__ import annotations

import re

import pytest

from dashboard import ids
from dashboard.catalogue import THEMES

KEBAB = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
# An id written as a string literal: id="…", id='…', or Input("…", …) and friends.
LITERAL_ID = re.compile(
    r"""(\bid\s*=\s*[rfbu]?["'])|(\b(Input|Output|State)\(\s*[rfbu]?["'])"""
)


def test_ids_are_unique():
    values = list(ids.all_ids().values())
    assert len(values) == len(set(values))
    assert "home-page" in values  # all_ids really finds the constants


@pytest.mark.parametrize(("name", "value"), sorted(ids.all_ids().items()))
def test_ids_are_kebab_case_and_page_prefixed(name, value):
    assert KEBAB.match(value), f"{name}={value!r} is not kebab-case"
    assert value.split("-")[0] in ids.PAGES, f"{name}={value!r} has no page prefix"
    assert name.lower().replace("_", "-") == value, f"{name} does not match its value"


def test_builders():
    assert ids.home_theme("werk") == "home-theme-werk"
    assert ids.home_theme("Sociale Veiligheid") == "home-theme-sociale-veiligheid"
    assert ids.heading(ids.HOME_LEVELS) == "home-levels-heading"
    built = [ids.home_theme(theme) for theme in THEMES]
    built += [ids.heading(i) for i in [*built, *ids.all_ids().values()]]
    assert all(KEBAB.match(i) and i.split("-")[0] in ids.PAGES for i in built)
    assert len(set(built)) == len(built)
    assert not set(built) & set(ids.all_ids().values())
    with pytest.raises(ValueError):
        ids.home_theme("***")


def test_no_literal_ids_in_layouts_or_callbacks(repo_root):
    offenders = []
    for folder in ("layouts", "callbacks"):
        for path in sorted((repo_root / folder).rglob("*.py")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if LITERAL_ID.search(line):
                    offenders.append(f"{path.relative_to(repo_root)}:{number}: {line.strip()}")
    assert not offenders, "ids must come from dashboard/ids/:\n" + "\n".join(offenders)


def test_the_literal_id_check_catches_literals():
    assert LITERAL_ID.search('html.Div(id="home-x")')
    assert LITERAL_ID.search("Input('home-x', 'value')")
    assert not LITERAL_ID.search("html.Div(id=ids.HOME_PAGE)")


def test_no_id_name_is_defined_by_two_page_modules():
    import importlib
    import pkgutil

    import dashboard.ids as package

    seen: dict[str, str] = {}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"dashboard.ids.{info.name}")
        for name in vars(module):
            if name.isupper() and not name.startswith("_"):
                assert name not in seen, f"{name} is in both {seen[name]} and {info.name}"
                seen[name] = info.name
    assert set(seen) <= set(ids.all_ids()) | {n for n in seen if not isinstance(
        getattr(ids, n, None), str)}
    assert "EXPLORER_MAP" in seen
