// Two things the page's components cannot say themselves:
// - <html lang> follows the page's <main lang> when the page changes in the browser (the
//   server sets it on the first load; the menu and language links change pages without one);
// - a chart is an image with a name (role="img"), so MapLibre's map canvas inside it is no
//   Tab stop of its own (it would be announced as an unnamed English "Map").
(function () {
  let queued = false;
  function settle() {
    queued = false;
    const main = document.querySelector("main[lang]");
    if (main && document.documentElement.lang !== main.lang) {
      document.documentElement.lang = main.lang;
    }
    document.querySelectorAll('[role="img"] canvas[tabindex]').forEach(function (canvas) {
      canvas.removeAttribute("tabindex");
      canvas.removeAttribute("role");
      canvas.removeAttribute("aria-label");
    });
  }
  new MutationObserver(function () {
    if (!queued) { queued = true; window.requestAnimationFrame(settle); }
  }).observe(document.documentElement, {childList: true, subtree: true});
})();

// Mantine's option lists: an option with a "title" (an indicator's definition and licence)
// shows it as its tooltip.
window.dashMantineFunctions = Object.assign({}, window.dashMantineFunctions, {
  zuidOptionTitle: function (input) {
    return React.createElement("span", {title: input.option.title}, input.option.label);
  },
});
