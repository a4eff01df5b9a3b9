// Pages whose view lives in the URL (the explorer, compare) push it there themselves with
// history.pushState: a Dash Location update would make the page router render the whole
// page again (geometry included). The router's dcc.Location does not see those entries, so
// when the user goes back or forward on such a page, load that URL afresh: the page is
// rendered from the URL's parameters.
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  urlsync: {
    pushQuery: function (query) {
      if (!query) { return window.dash_clientside.no_update; }
      const target = "?" + query;
      if (window.location.search !== target) {
        window.history.pushState({}, "", window.location.pathname + target);
      }
      return query;
    },
  },
});

window.addEventListener("popstate", function () {
  if (document.getElementById("explorer-page") || document.getElementById("compare-page")) {
    window.location.reload();
  }
});
