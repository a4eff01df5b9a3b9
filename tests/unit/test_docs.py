"""docs/indicators.md is generated from the catalogue; a test fails when they disagree."""

from __future__ import annotations

import subprocess
import sys

from dashboard.catalogue import load_catalogue, parse_catalogue
from dashboard.exports.docs import DOCS_FILE, render_markdown, source_lines
from dashboard.sourceconfig import load_source_config
from dashboard.yamlfile import read_yaml


def _inputs(repo_root):
    return (load_catalogue(repo_root / "data" / "indicators.yaml"),
            load_source_config(repo_root / "data" / "sources.yaml"))


def test_docs_file_matches_the_catalogue(repo_root):
    catalogue, sources = _inputs(repo_root)
    current = (repo_root / DOCS_FILE).read_text(encoding="utf-8")
    assert current == render_markdown(catalogue, sources), (
        "docs/indicators.md is out of date: run `python -m dashboard docs`")


def test_every_indicator_is_documented_with_its_fields(repo_root):
    catalogue, _ = _inputs(repo_root)
    text = (repo_root / DOCS_FILE).read_text(encoding="utf-8")
    for ind in catalogue:
        start = text.index(f"### `{ind.key}` — ")
        entry = text[start:text.find("\n### ", start + 1)]
        assert " ".join(ind.definition.en.split()) in entry
        assert " ".join(ind.definition.nl.split()) in entry
        assert f"| Licence | {ind.licence} |" in entry and ind.unit.en in entry
        if ind.caveats:
            assert " ".join(ind.caveats.en.split())[:60] in entry


def test_a_changed_catalogue_makes_the_docs_disagree(repo_root):
    catalogue, sources = _inputs(repo_root)
    raw = read_yaml(repo_root / "data" / "indicators.yaml", ValueError)
    raw["indicators"][0]["definition"]["en"] = "Something else entirely."
    changed = parse_catalogue(raw)
    assert render_markdown(changed, sources) != render_markdown(catalogue, sources)


def test_source_per_year_names_table_and_column(repo_root):
    catalogue, sources = _inputs(repo_root)
    lines = source_lines(catalogue["inwoners"], sources)
    assert "2024: CBS Kerncijfers wijken en buurten, table 85984NED, column `AantalInwoners`" \
        in lines
    derived = source_lines(catalogue["bijstand_per_1000_15_64"], sources)
    assert derived[-1] == "otherwise computed: `bijstand` / `inwoners_15_64` × 1000"


def test_cli_check_and_write(repo_root, tmp_path):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "dashboard", "docs", *args],
                              cwd=repo_root, capture_output=True, text=True, timeout=120)

    assert run("--check").returncode == 0
    stale = run("--check", "--root", str(tmp_path))
    assert stale.returncode == 1 and "out of date" in stale.stderr
    done = run("--root", str(tmp_path))
    assert done.returncode == 0
    assert (tmp_path / DOCS_FILE).read_text(encoding="utf-8") == \
        (repo_root / DOCS_FILE).read_text(encoding="utf-8")
