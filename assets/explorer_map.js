// The explorer map's browser-side helpers.
// - zuidKeepAll: the search box's options come filtered from the server (names folded,
//   postcodes, addresses), so Mantine shows them all instead of filtering them again.
// - clearOverlays: hover labels and linked-hover fading are cleared whenever the view
//   changes (level, area, selection cleared, indicator), so no label of an old map stays.
window.dashMantineFunctions = Object.assign({}, window.dashMantineFunctions, {
  zuidKeepAll: function (input) { return input.options; },
});

// The view's areas (the choropleth's GeoJSON) as [[west, south], [east, north]].
function zuidBounds(geojson) {
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  function walk(c) {
    if (!Array.isArray(c) || !c.length) { return; }
    if (typeof c[0] === "number") {
      west = Math.min(west, c[0]); east = Math.max(east, c[0]);
      south = Math.min(south, c[1]); north = Math.max(north, c[1]);
      return;
    }
    c.forEach(walk);
  }
  ((geojson && geojson.features) || []).forEach(function (f) {
    walk(f.geometry && f.geometry.coordinates);
  });
  return west <= east ? [[west, south], [east, north]] : null;
}

// The server cannot know how wide the map is (1440 px or a 390 px phone), so the browser
// fits the view's areas itself, clear of the colour legend and the notes along its edges:
// once per view, never over the user's own zoom after it.
// The move is passed to Plotly as a user's move (an originalEvent), so Plotly keeps it
// across later updates of the figure (uirevision) and reports it as relayout data.
function fitView(gd, map) {
  const trace = gd.data && gd.data[0];
  const bounds = trace && zuidBounds(trace.geojson);
  const canvas = map.getCanvas();
  const width = canvas.clientWidth, height = canvas.clientHeight;
  if (!bounds || !width || !height) { return; }
  const key = JSON.stringify(bounds);
  if (gd._zuidFitted === key) { return; }
  // wait for the legend and notes to be drawn (the next afterplot): they decide the padding
  const notes = (gd.layout.annotations || []).length;
  if ((trace.showscale !== false && !gd.querySelector(".colorbar"))
      || gd.querySelectorAll(".annotation").length < notes) { return; }
  gd._zuidFitted = key;
  // The server centres a new view on its areas' bounds (figures/maps.py, bounds_view); a
  // view it centred elsewhere (on a search result) is left as it is.
  const merc = function (lat) { return Math.log(Math.tan(Math.PI / 4 + lat * Math.PI / 360)); };
  const mid = (merc(bounds[0][1]) + merc(bounds[1][1])) / 2;
  const auto = {lon: (bounds[0][0] + bounds[1][0]) / 2,
                lat: (2 * Math.atan(Math.exp(mid)) - Math.PI / 2) * 180 / Math.PI};
  const asked = gd.layout.map && gd.layout.map.center;
  if (!asked || Math.abs(asked.lon - auto.lon) > 1e-4 || Math.abs(asked.lat - auto.lat) > 1e-4) {
    return;
  }
  const box = canvas.getBoundingClientRect();
  const pad = {top: 12, bottom: 12, left: 12, right: 12};
  // a wide overlay (the legend across the top, a note) pads the edge it lies along, a
  // tall one the side it stands at
  const overlays = [gd.querySelector(".colorbar")].concat(
    Array.prototype.slice.call(gd.querySelectorAll(".annotation")));
  overlays.forEach(function (item) {
    const rect = item && item.getBoundingClientRect();
    if (!rect || !rect.width || !rect.height) { return; }
    if (rect.width >= rect.height) {
      if (rect.top + rect.height / 2 < box.top + height / 2) {
        pad.top = Math.max(pad.top, rect.bottom - box.top + 6);
      } else {
        pad.bottom = Math.max(pad.bottom, box.bottom - rect.top + 6);
      }
    } else if (rect.left + rect.width / 2 > box.left + width / 2) {
      pad.right = Math.max(pad.right, box.right - rect.left + 6);
    } else {
      pad.left = Math.max(pad.left, rect.right - box.left + 6);
    }
  });
  // never pad away more than 60 % of the map in either direction
  pad.right = Math.min(pad.right, width * 0.6 - pad.left);
  pad.bottom = Math.min(pad.bottom, height * 0.6 - pad.top);
  map.fitBounds(bounds, {padding: pad, animate: false}, {originalEvent: {type: "zuid-fit"}});
}

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
            if (map && map.getStyle() && map.getLayer(FIRST)) {
              raise(map);
              fitView(gd, map);
            }
          };
          gd.on("plotly_afterplot", gd._zuidRaise);
        }
        raise(sub.map);
        fitView(gd, sub.map);
      }
      hook(50);
      return window.dash_clientside.no_update;
    },
    // The explorer's first render holds the ranking, trend and scatter figures in a store
    // (layouts/explorer.py), placeholders in their graphs, and draws the map without its
    // names: drawing those takes longer than drawing the map, so they come once the map is
    // interactive (plotted, its click handler bound): first the names, then one chart per
    // task, so a click on the map is answered between them. A chart the server has drawn
    // anew meanwhile (a control changed) is left alone.
    drawLater: function (later, mapId) {
      if (!later) { return window.dash_clientside.no_update; }
      const started = performance.now();
      const ids = Object.keys(later);
      // {map: its MapLibre map, or null for a figure without one} once interactive
      function interactive() {
        const gd = document.querySelector("#" + mapId + " .js-plotly-plot");
        if (!gd || !gd._fullLayout || gd.classList.contains("dash-graph--pending")) {
          return null;
        }
        const map = gd._fullLayout.map;
        if (!map) { return {map: null}; }
        return map._subplot && map._subplot.map && gd._ev
          && gd._ev.listeners("plotly_click").length ? {map: map._subplot.map} : null;
      }
      function showNames(map) {
        (map ? map.getLayersOrder() : []).forEach(function (id) {
          if (id.indexOf("zuid-labels") === 0
              && map.getLayoutProperty(id, "visibility") === "none") {
            map.setLayoutProperty(id, "visibility", "visible");
          }
        });
      }
      function drawNext() {
        const id = ids.shift();
        if (!id) { return; }
        const gd = document.querySelector("#" + id + " .js-plotly-plot");
        if (!gd || !gd.layout || gd.layout.meta === "zuid-later") {
          window.dash_clientside.set_props(id, {figure: later[id]});
        }
        setTimeout(drawNext, 0);
      }
      let drawing = false;
      (function wait() {
        const ready = interactive();
        const waited = performance.now() - started;
        if (ready) { showNames(ready.map); }
        // without a map to wait for (none drawn after 15 s) the charts come anyway, and the
        // names whenever the map does (for a minute)
        if (!drawing && (ready || waited > 15000)) {
          drawing = true;
          setTimeout(drawNext, 0);
        }
        if (!ready && waited < 60000) { requestAnimationFrame(wait); }
      })();
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
