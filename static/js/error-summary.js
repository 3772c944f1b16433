/* Issue 16: after a form comes back with errors, the list of problems at the top of the page (or, without one,
   the page's error message) takes the focus, so that a screen reader reads it first; each of its links moves
   the focus to the answer to check. Without JavaScript the links still lead there. */
(function () {
  "use strict";
  if (window.__aidhubErrorSummary) { return; }
  window.__aidhubErrorSummary = true;

  var FIELDS = "input:not([type=hidden]), select, textarea, button";

  function focusField(target) {
    var field = target.matches(FIELDS) ? target : target.querySelector(FIELDS);
    var visible = field && field.checkVisibility ? field.checkVisibility() : !!field;
    var label = field && field.id ? document.querySelector("label[for='" + field.id + "']") : null;
    var legend = target.closest("fieldset") && target.closest("fieldset").querySelector("legend");
    (legend || label || target).scrollIntoView({ block: "start" });
    if (field && visible) { field.focus({ preventScroll: true }); }
    else { target.setAttribute("tabindex", "-1"); target.focus({ preventScroll: true }); }
  }

  var summary = document.querySelector("[data-error-summary]") || document.querySelector("[data-error-message]");
  if (!summary) { return; }
  summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    if (!link) { return; }
    var target = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
    if (!target) { return; }
    event.preventDefault();
    focusField(target);
  });
})();
