// The explorer map's browser-side helpers.
// - zuidKeepAll: the search box's options come filtered from the server (names folded,
//   postcodes, addresses), so Mantine shows them all instead of filtering them again.
// - clearOverlays: hover labels and linked-hover fading are cleared whenever the view
//   changes (level, area, selection cleared, indicator), so no label of an old map stays.
window.dashMantineFunctions = Object.assign({}, window.dashMantineFunctions, {
  zuidKeepAll: function (input) { return input.options; },
});

window.dash_clientside = Object.assign({}, window.dash_clientside, {
  zuidmap: {
    // Names stay on top of the areas: after every (re)plot, the style's label layers are
    // moved above the layers Plotly has added for its traces.
    raiseLabels: function (figure, graphId) {
      const FIRST = "zuid-labels-gemeente";
      function raise(map) {
        // only when a trace lies above a name: moving layers restyles the map, so an
        // unconditional move after every plot would plot again and again
        const ids = map.getStyle().layers.map(function (layer) { return layer.id; });
        const labels = ids.filter(function (id) { return id.indexOf("zuid-labels") === 0; });
        let lastTrace = -1;
        ids.forEach(function (id, i) {
          if (id.indexOf("plotly-trace-layer") === 0) { lastTrace = i; }
        });
        if (!labels.length || ids.indexOf(labels[0]) > lastTrace) { return; }
        labels.forEach(function (id) { map.moveLayer(id); });
      }
      function hook(tries) {
        const gd = document.querySelector("#" + graphId + " .js-plotly-plot");
        const sub = gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
        if (!sub || !sub.map || !sub.map.getStyle() || !sub.map.getLayer(FIRST)) {
          if (tries > 0) { setTimeout(function () { hook(tries - 1); }, 200); }
          return;
        }
        if (!gd._zuidRaise) {
          gd._zuidRaise = function () {
            const map = gd._fullLayout.map && gd._fullLayout.map._subplot
              && gd._fullLayout.map._subplot.map;
            if (map && map.getStyle() && map.getLayer(FIRST)) { raise(map); }
          };
          gd.on("plotly_afterplot", gd._zuidRaise);
        }
        raise(sub.map);
      }
      hook(50);
      return window.dash_clientside.no_update;
    },
    clearOverlays: function () {
      // the last three arguments are the graphs' ids (States), the others the triggers
      const graphIds = Array.prototype.slice.call(arguments, -3);
      graphIds.forEach(function (id) {
        const gd = document.querySelector("#" + id + " .js-plotly-plot");
        if (!gd || !window.Plotly) { return; }
        window.Plotly.Fx.unhover(gd);
        gd._hoverdata = undefined;
        const layer = gd._fullLayout && gd._fullLayout._hoverlayer;
        if (layer) { layer.selectAll("g.hovertext").remove(); }
      });
      return null;
    },
  },
});

// Hovering or focusing a project in the explorer's list outlines its areas on the map:
// the list's block names the store to write the project's key to (data-hover-store).
(function () {
  let sent = null, timer = null;
  function track(event) {
    if (!window.dash_clientside || !window.dash_clientside.set_props) { return; }
    const block = event.target.closest && event.target.closest("[data-hover-store]");
    if (!block) { return; }
    const item = event.target.closest(".project-item[data-key]");
    const key = item && (event.type === "mouseover" || event.type === "focusin")
      ? item.getAttribute("data-key") : null;
    // moving between the parts of one item fires out-then-over: send only what settles
    clearTimeout(timer);
    timer = setTimeout(function () {
      if (key === sent) { return; }
      sent = key;
      window.dash_clientside.set_props(block.getAttribute("data-hover-store"), {data: key});
    }, 120);
  }
  ["mouseover", "mouseout", "focusin", "focusout"].forEach(function (type) {
    document.addEventListener(type, track, true);
  });
})();
