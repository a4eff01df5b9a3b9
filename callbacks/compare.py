"""Compare callbacks: picking areas or indicators redraws the table, the small multiples
and the downloads (validated like the URL), and the URL follows without a reload."""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output, State

from dashboard import ids
from dashboard.compare import view as compare_view
from dashboard.compare.model import parse_compare
from dashboard.exports.toolkit import compare_toolkit
from dashboard.store import get_store


def register(app) -> None:
    """Attach the compare page's callbacks to ``app``."""

    @app.callback(Output(ids.COMPARE_TABLE, "children"), Output(ids.COMPARE_TRENDS, "children"),
                  Output(ids.COMPARE_TOOLKIT, "children"), Output(ids.COMPARE_NOTICES, "children"),
                  Output(ids.COMPARE_QUERY, "data"),
                  Input(ids.COMPARE_AREAS, "value"), Input(ids.COMPARE_INDICATORS, "value"),
                  State(ids.COMPARE_LANG, "data"), prevent_initial_call=True)
    def update(areas, indicators, lang):
        store = get_store()
        parsed = parse_compare({"areas": list(areas or []), "indicators": list(indicators or []),
                                "lang": lang}, store)
        st = parsed.state
        return (compare_view.table(store, st), compare_view.trends(store, st),
                compare_toolkit(st), [compare_view.notice(n) for n in parsed.notices],
                st.query())

    # As in the explorer: pushState, so the page router does not re-render the page.
    app.clientside_callback(
        ClientsideFunction("urlsync", "pushQuery"),
        Output(ids.COMPARE_URL_SYNC, "data"), Input(ids.COMPARE_QUERY, "data"),
        prevent_initial_call=True)
