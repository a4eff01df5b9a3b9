// Hover linking between the explorer's views, entirely in the browser: hovering an area on
// the map, a bar or a point dims the other areas in the ranking and the scatter plot, so
// the same area stands out everywhere. Nothing is sent to the server.
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  zuid: {
    linkHover: function (mapHover, barHover, scatterHover, barId, scatterId) {
      const ctx = window.dash_clientside.callback_context;
      const trig = ctx.triggered.length ? ctx.triggered[0] : null;
      let code = null;
      if (trig && trig.value && trig.value.points && trig.value.points.length) {
        const p = trig.value.points[0];
        code = p.location || p.customdata;
        if (Array.isArray(code)) { code = code[0]; }
      }
      [barId, scatterId].forEach(function (id) {
        const gd = document.querySelector("#" + id + " .js-plotly-plot");
        if (!gd || !gd.data || !window.Plotly) { return; }
        const idx = [], opac = [];
        gd.data.forEach(function (trace, i) {
          if (!Array.isArray(trace.customdata)) { return; }
          idx.push(i);
          opac.push(trace.customdata.map(function (c) {
            return code === null || c === code ? 1 : 0.35;
          }));
        });
        if (idx.length) { window.Plotly.restyle(gd, {"marker.opacity": opac}, idx); }
      });
      return code;
    },
  },
});
