// After htmx swaps a whole page in (hx-boost), move focus to the new page's main content so
// screen readers start reading it, just as after a full page load.
document.addEventListener("htmx:afterSettle", function (event) {
  if (event.detail && event.detail.boosted) {
    var target = document.getElementById("error-summary") || document.getElementById("main");
    if (target) { target.focus({ preventScroll: true }); }
  }
});

// Share links: one tap copies the link (the field stays there to select by hand without JavaScript).
function setUpCopyButtons(root) {
  if (!navigator.clipboard) { return; }
  root.querySelectorAll("button.copy-button[data-copy]").forEach(function (button) {
    if (button.dataset.ready) { return; }
    button.dataset.ready = "1";
    button.hidden = false;
    button.addEventListener("click", function () {
      var field = document.getElementById(button.dataset.copy);
      var status = button.parentElement.querySelector(".copy-status");
      navigator.clipboard.writeText(field.value).then(function () {
        status.textContent = button.dataset.copied;
      }, function () {
        field.select();
        status.textContent = button.dataset.failed;
      });
    });
  });
}
document.addEventListener("DOMContentLoaded", function () { setUpCopyButtons(document); });
document.addEventListener("htmx:afterSettle", function () { setUpCopyButtons(document); });
