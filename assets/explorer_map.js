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
