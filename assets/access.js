// Three things the page's components cannot do themselves:
// - <html lang> follows the page's <main lang> when the page changes in the browser (the
//   server sets it on the first load; the menu and language links change pages without one);
// - a chart is an image with a name (role="img"), so MapLibre's map canvas inside it is no
//   Tab stop of its own (it would be announced as an unnamed English "Map");
// - the skip link moves the focus to the content (a bare "#…" link only scrolls there, and
//   would change the URL that Dash's page router watches).
(function () {
  document.addEventListener("click", function (event) {
    const link = event.target.closest && event.target.closest("a.skip-link");
    const target = link && document.getElementById(link.hash.slice(1));
    if (target) {
      event.preventDefault();
      target.focus();
      target.scrollIntoView();
    }
  });
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
