// After htmx swaps a whole page in (hx-boost), move focus to the new page's main content so
// screen readers start reading it, just as after a full page load.
document.addEventListener("htmx:afterSettle", function (event) {
  if (event.detail && event.detail.boosted) {
    var target = document.getElementById("error-summary") || document.getElementById("main");
    if (target) { target.focus({ preventScroll: true }); }
  }
});
