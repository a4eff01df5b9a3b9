"""Property-based: every registered server callback, driven through the real Dash endpoint
(Flask test client) with generated values: the page's own values, plausible values of the
right type that mean nothing (unknown codes, years outside the store), wrong-typed, huge
and unicode values, and whole bodies of arbitrary JSON.

Each request must answer 200, 204 (not run) or 400 (malformed), never 500, with a bounded
answer; values the guard refuses must never reach the callback (bounded work by
construction, counted: a refused request renders nothing). The worker's memory is checked
after each callback's run. Counts of what was tried are printed at the end (-s) and given
in the README's bad-input table.
"""

from __future__ import annotations

import collections
import json
import os

import psutil
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.guard.props import ROUTER_LOCATION
from tests.conftest import TEST_SECRET
from tests.dash_client import DashClient

UPDATE = "/_dash-update-component"
EXAMPLES = int(os.environ.get("GUARD_FUZZ_EXAMPLES", "20"))
MAX_ANSWER = 5_000_000  # bytes; the largest page answer (the explorer's map) is ~1 MB
MAX_GROWTH = 400 * 2**20  # worker memory growth over all generated requests
PAGES = [("/", ""), ("/projecten", ""), ("/doelen", ""), ("/vergelijk", "?areas=GM0599,G4"),
         ("/gebied/BU05991572", "")]
TRIED: collections.Counter = collections.Counter()

SPECIAL = ["²", "٢٠٢٤", "２０２４", "30000000", "1" * 5000, "x" * 100_000, "\x00", "a\x00b",
           "GM0599\u202e", "<script>alert(1)</script>", "../../etc/passwd", "=1+1", "NaN",
           "\ud7ff\U0001F600", "-1", "2024.5", "9" * 400]
leaf = st.one_of(st.none(), st.booleans(), st.integers(-2**63, 2**63),
                 st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30))
WRONG = st.recursive(leaf, lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)
HUGE = st.one_of(st.integers(10**18, 10**400).map(lambda n: n * (-1) ** (n % 2)),
                 st.just(list(range(50_000))), st.just(["BU05991572"] * 10_000),
                 st.just({f"k{i}": i for i in range(20_000)}))
UNICODE = st.one_of(st.sampled_from(SPECIAL), st.text(min_size=1, max_size=200))
CODE = st.from_regex(r"[A-Z]{2}[0-9]{2,8}", fullmatch=True)
PLAUSIBLE = st.one_of(st.integers(1900, 2100), st.integers(0, 5), CODE,
                      st.sampled_from(["nl", "en", "fr", "inwoners", "bijstand_per_1000_15_64",
                                       "nope", "buurt", "wijk", "gemeente", "planet", "werk",
                                       "geen", "GM0599", "G4", "ZUID0599", "BU05991572"]),
                      st.lists(CODE, max_size=6),
                      st.fixed_dictionaries({"code": CODE, "add": st.booleans()}),
                      st.fixed_dictionaries({"points": st.lists(st.fixed_dictionaries(
                          {"curveNumber": st.integers(0, 5), "customdata": st.one_of(
                              CODE, st.lists(CODE, max_size=2))}), max_size=2)}))


def tagged(page_value):
    return st.one_of(st.tuples(st.just("page"), st.just(page_value)),
                     st.tuples(st.just("plausible"), PLAUSIBLE),
                     st.tuples(st.just("wrong type"), WRONG),
                     st.tuples(st.just("huge"), HUGE),
                     st.tuples(st.just("unicode"), UNICODE))


@pytest.fixture(scope="module")
def app_client(built_store, tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("DASHBOARD_STORE", str(built_store))
    mp.setenv("DASHBOARD_DB_URL", f"sqlite:///{tmp_path_factory.mktemp('db') / 'f.sqlite'}")
    mp.delenv("DASHBOARD_DEBUG", raising=False)
    # module-scoped: set up before the per-test autouse fixture that gives the secret
    mp.setenv("DASHBOARD_SECRET_KEY", TEST_SECRET)
    from app import create_app

    app = create_app()
    driver = DashClient(app.server.test_client())
    props: dict = {}
    for path, search in PAGES:
        driver.render(path, search)
        props.update(driver.props)
    yield app, driver.client, props, driver.deps
    mp.undo()


def server_deps():
    """Outputs of the app's server callbacks (read from the app itself, so a new callback
    is fuzzed without editing this file)."""
    with pytest.MonkeyPatch.context() as mp:  # collection runs before any fixture
        mp.setenv("DASHBOARD_SECRET_KEY", TEST_SECRET)
        from app import create_app  # app.py builds an app on import

        app = create_app()
    app.server.test_client().get("/")  # registers the page router's callback
    return sorted(o for o, cb in app.callback_map.items() if "callback" in cb)


def _rss() -> int:
    return psutil.Process().memory_info().rss


def _post(client, body: dict | bytes):
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return client.post(UPDATE, data=data, content_type="application/json")


def _check(response) -> None:
    body = response.get_data()
    assert response.status_code in (200, 204, 400), body[:300]
    assert len(body) < MAX_ANSWER
    assert b"Traceback" not in body


@pytest.mark.slow
@pytest.mark.parametrize("output", server_deps())
def test_every_callback_survives_generated_values(app_client, output):
    app, client, props, deps = app_client
    dep = next(d for d in deps if d["output"] == output)
    start = _rss()

    def page_value(part):
        return props.get((part["id"], part["property"]))

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def run(data):
        kinds = set()
        # Either every part generated, or one part generated and the rest the page's own
        # (so the callback runs and a single odd value meets the page's own checks).
        parts = dep["inputs"] + dep["state"]
        odd = data.draw(st.sampled_from([None, *range(len(parts))]))

        def part(p):
            if odd is not None and p is not parts[odd] and not p["id"].startswith("{"):
                kinds.add("page")
                return {"id": p["id"], "property": p["property"], "value": page_value(p)}
            if p["id"].startswith("{"):  # pattern-matching: a generated list of components
                pattern = json.loads(p["id"])
                values = data.draw(st.lists(tagged(None), max_size=3))
                kinds.update(k for k, _ in values)
                return [{"id": {**pattern, "key": f"k{i}"}, "property": p["property"],
                         "value": v} for i, (_, v) in enumerate(values)]
            kind, value = data.draw(tagged(page_value(p)))
            kinds.add(kind)
            return {"id": p["id"], "property": p["property"], "value": value}

        changed = data.draw(st.sampled_from(dep["inputs"]))
        outputs = [{"id": o.split(".")[0], "property": o.split(".")[1]}
                   for o in output.strip(".").split("...")]
        body = {"output": output, "outputs": outputs if len(outputs) > 1 else outputs[0],
                "inputs": [part(p) for p in dep["inputs"]],
                "state": [part(p) for p in dep["state"]],
                "changedPropIds": [f"{changed['id']}.{changed['property']}"]}
        response = _post(client, body)
        _check(response)
        TRIED.update(kinds)
        TRIED["requests"] += 1
        TRIED[f"answered {response.status_code}"] += 1
        if "huge" in kinds:
            # nothing the guard refuses is ever worked on: the callback did not run
            assert response.status_code == 204

    run()
    assert _rss() - start < MAX_GROWTH


JSON = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20)),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.sampled_from(["output", "outputs", "inputs", "state",
                                                       "changedPropIds", "id", "property",
                                                       "value", "x"]), inner, max_size=5),
                    max_leaves=25)


@pytest.mark.slow
@settings(max_examples=EXAMPLES * 10, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
@given(body=JSON)
def test_arbitrary_json_bodies_are_refused_cleanly(app_client, body):
    _, client, _, _ = app_client
    response = _post(client, body)
    _check(response)
    TRIED["arbitrary bodies"] += 1
    TRIED[f"body answered {response.status_code}"] += 1


def test_router_location_is_typed():
    from dashboard.guard.props import PROPS

    assert (ROUTER_LOCATION, "pathname") in PROPS and (ROUTER_LOCATION, "search") in PROPS


def teardown_module(_module):
    if TRIED:
        print("\nguard fuzz, tried:", json.dumps(dict(sorted(TRIED.items())), indent=1))
