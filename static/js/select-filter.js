// Adds a search box above long selects marked with data-filter-label, hiding options that do not match.
// Without JavaScript the plain select still works (browsers jump to options as you type).
(function () {
  "use strict";
  function normalise(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  document.querySelectorAll("select[data-filter-label]").forEach(function (select) {
    var input = document.createElement("input");
    input.type = "search";
    input.className = "form-control mb-2";
    input.id = select.id + "_filter";
    input.setAttribute("aria-controls", select.id);
    var label = document.createElement("label");
    label.className = "form-label small";
    label.htmlFor = input.id;
    label.textContent = select.getAttribute("data-filter-label");
    select.parentNode.insertBefore(label, select);
    select.parentNode.insertBefore(input, select);
    input.addEventListener("input", function () {
      var query = normalise(input.value.trim());
      var firstMatch = null;
      Array.prototype.forEach.call(select.options, function (option) {
        var match = !query || normalise(option.text).indexOf(query) !== -1;
        option.hidden = !match;
        if (match && !firstMatch) { firstMatch = option; }
      });
      if (query && firstMatch) { select.value = firstMatch.value; }
    });
  });
})();
