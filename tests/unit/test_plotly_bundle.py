"""The partial plotly.js bundle (frontend/plotly) has every trace type the dashboard draws,
and is built from the plotly.js version the Python plotly package ships."""

from __future__ import annotations

import json
import re
from pathlib import Path

import plotly.graph_objects as go
from plotly.basedatatypes import BaseTraceType
from plotly.offline import get_plotlyjs_version

ROOT = Path(__file__).resolve().parents[2]
FRONTEND = ROOT / "frontend" / "plotly"
#: Every trace type plotly knows, lower case as in a figure's ``type``.
TRACE_TYPES = {name.lower() for name in dir(go)
               if isinstance(getattr(go, name), type)
               and issubclass(getattr(go, name), BaseTraceType)}


def bundle_types() -> set[str]:
    """Trace types frontend/plotly/explorer.js registers (scatter comes with the core)."""
    entry = (FRONTEND / "explorer.js").read_text()
    found = set(re.findall(r"require\('plotly\.js/lib/([a-z]+)'\)", entry))
    return (found & TRACE_TYPES) | {"scatter"}


def drawn_types() -> set[str]:
    """Trace types named in the code that builds figures: ``go.Bar(``, ``"type": "bar"``,
    ``type="bar"``."""
    found = set()
    for top in ("dashboard", "layouts", "callbacks"):
        for path in (ROOT / top).rglob("*.py"):
            text = path.read_text()
            found |= {n.lower() for n in re.findall(r"\bgo\.([A-Z][A-Za-z]+)\(", text)}
            found |= set(re.findall(r"""["']?type["']?\s*[:=]\s*["']([a-z]+)["']""", text))
    return found & TRACE_TYPES


def test_the_bundle_draws_every_trace_type_the_dashboard_uses():
    drawn = drawn_types()
    assert {"bar", "scatter", "choroplethmap", "scattermap"} <= drawn  # the finder works
    assert drawn <= bundle_types(), f"add {drawn - bundle_types()} to frontend/plotly"


def test_the_bundle_is_built_from_the_plotly_js_of_the_python_package():
    version = get_plotlyjs_version()
    package = json.loads((FRONTEND / "package.json").read_text())
    lock = json.loads((FRONTEND / "package-lock.json").read_text())
    assert package["devDependencies"]["plotly.js"] == version
    assert lock["packages"]["node_modules/plotly.js"]["version"] == version
