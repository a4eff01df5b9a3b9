"""The house rules of the code layout, read from the source with ``ast`` (not kept by hand).

app.py → layouts/, callbacks/ → dashboard feature packages → store → geo/; the pipeline
writes what the store reads and the store never imports the pipeline; layouts and callbacks
never import each other or app; geo/ imports nothing of ours; no import cycle anywhere.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OURS = ("app", "dashboard", "layouts", "callbacks", "geo")
FEATURES = ("explorer", "targets", "projects", "profile", "compare", "exports", "auth")
#: Shared modules and packages of dashboard/: below the store and every feature.
SHARED = ("areas", "catalogue", "colours", "db", "formatting", "guard", "i18n", "ids", "pages",
          "settings", "sourceconfig", "texts", "yamlfile", "figures", "controls")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    found = {"app": ROOT / "app.py"}
    for top in OURS[1:]:
        for path in sorted((ROOT / top).rglob("*.py")):
            found[_module_name(path)] = path
    return found


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """Our modules that ``name`` imports, anywhere in the file (function bodies too)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base
                       for a in node.names]
        else:
            continue
        for target in targets:
            while target and target not in modules:  # an attribute of a module
                target = target.rpartition(".")[0]
            if target and target.split(".")[0] in OURS and target != name:
                out.add(target)
    return out


MODULES = _modules()
GRAPH = {name: _imports(name, path, MODULES) for name, path in MODULES.items()}


def _part(module: str) -> str:
    """The part a module belongs to: ``dashboard.<package>`` or the top folder."""
    bits = module.split(".")
    return ".".join(bits[:2]) if bits[0] == "dashboard" and len(bits) > 1 else bits[0]


def _edges():
    return [(a, b) for a, deps in GRAPH.items() for b in deps]


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        stack.pop()
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_graph_sees_the_whole_tree():
    assert {"app", "dashboard.store.reader", "dashboard.pipeline.build", "geo.boundaries",
            "layouts.explorer", "callbacks.explorer"} <= set(GRAPH)
    assert "dashboard.store.reader" in GRAPH["dashboard.store"]
    assert "layouts.common" in GRAPH["layouts.home"]


def test_no_import_cycle_between_modules():
    assert _cycle(GRAPH) is None, " → ".join(_cycle(GRAPH) or [])


def test_the_cycle_finder_finds_cycles():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_geo_imports_nothing_of_ours():
    bad = [(a, b) for a, b in _edges() if a.startswith("geo") and not b.startswith("geo")]
    assert not bad


def test_dashboard_imports_no_page_code():
    bad = [(a, b) for a, b in _edges()
           if a.startswith("dashboard") and b.split(".")[0] in ("app", "layouts", "callbacks")]
    assert not bad


@pytest.mark.parametrize(("src", "dst"), [("layouts", "callbacks"), ("callbacks", "layouts"),
                                          ("layouts", "app"), ("callbacks", "app")])
def test_layouts_and_callbacks_stay_apart(src, dst):
    bad = [(a, b) for a, b in _edges() if a.split(".")[0] == src and b.split(".")[0] == dst]
    assert not bad


def test_the_store_never_imports_the_pipeline_or_a_feature():
    bad = [(a, b) for a, b in _edges() if _part(a) == "dashboard.store"
           and _part(b) not in ("dashboard.store", "geo", *(f"dashboard.{s}" for s in SHARED))]
    assert not bad


def test_shared_modules_import_only_shared_modules_and_geo():
    shared = {f"dashboard.{s}" for s in SHARED}
    bad = [(a, b) for a, b in _edges() if _part(a) in shared
           and _part(b) not in (*shared, "geo")]
    assert not bad


def test_auth_imports_no_feature_but_the_export_helpers():
    # targets and projects record their changes through dashboard.auth, so auth must not
    # import them back.
    bad = [(a, b) for a, b in _edges() if _part(a) == "dashboard.auth"
           and _part(b) in {f"dashboard.{f}" for f in FEATURES} - {"dashboard.auth",
                                                                   "dashboard.exports"}]
    assert not bad


def test_only_the_cli_and_the_pipeline_reach_the_pipeline():
    bad = [(a, b) for a, b in _edges() if _part(b) == "dashboard.pipeline"
           and _part(a) not in ("dashboard.pipeline", "dashboard.cli")]
    assert not bad


def test_features_are_packages_whose_modules_do_not_repeat_their_name():
    top = sorted(p.name for p in (ROOT / "dashboard").glob("*.py"))
    assert len(top) <= 15, top
    assert not [n for n in top if n.startswith(("projects_", "targets_"))]
    for feature in FEATURES:
        package = ROOT / "dashboard" / feature
        assert (package / "__init__.py").is_file()
        assert not [p.name for p in package.glob(f"{feature}*.py")]


def test_every_package_says_what_it_owns():
    for init in (ROOT / "dashboard").rglob("__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc, f"{init.relative_to(ROOT)} has no docstring"


def test_no_module_is_over_350_lines():
    long = [(str(p.relative_to(ROOT)), n) for p in MODULES.values()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 350]
    assert not long
