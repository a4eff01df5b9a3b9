// Remember whether Shift, Ctrl or Cmd was held on the last mouse press, so a click on the
// map, a bar or a point can add to the selection instead of replacing it (Plotly's
// clickData does not carry the keyboard state).
(function () {
  function remember(event) {
    window.zuidAddModifier = Boolean(event.shiftKey || event.ctrlKey || event.metaKey);
  }
  document.addEventListener("mousedown", remember, true);
  document.addEventListener("pointerdown", remember, true);
})();
