// The explorer pushes its view into the URL itself (history.pushState), which the page
// router's dcc.Location does not see. So when the user goes back or forward while on the
// explorer, load that URL afresh: the page is rendered from the URL's parameters.
window.addEventListener("popstate", function () {
  if (document.getElementById("explorer-page")) {
    window.location.reload();
  }
});
