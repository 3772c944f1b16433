// Long checkbox lists (languages, areas) marked with data-combobox-label become a short list you filter by typing:
// the boxes you ticked stay in view, the others show as you type a few letters of their name (in any script, with
// or without accents). Without JavaScript the plain list of checkboxes works as before (issue 17).
(function () {
  "use strict";
  function normalise(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  document.querySelectorAll("[data-combobox-label]").forEach(function (wrapper, index) {
    var items = Array.prototype.slice.call(wrapper.querySelectorAll(".form-check"));
    if (!items.length) { return; }
    var container = items[0].parentNode;
    var input = document.createElement("input");
    input.type = "search";
    input.autocomplete = "off";
    input.className = "form-control mb-2 combobox-filter";
    input.id = "combobox_filter_" + index;
    var label = document.createElement("label");
    label.className = "form-label small";
    label.htmlFor = input.id;
    label.textContent = wrapper.getAttribute("data-combobox-label");
    var status = document.createElement("p");
    status.className = "form-text mb-1 combobox-status";
    status.id = input.id + "_status";
    status.setAttribute("aria-live", "polite");
    input.setAttribute("aria-describedby", status.id);
    container.insertBefore(label, items[0]);
    container.insertBefore(input, items[0]);
    container.insertBefore(status, items[0]);
    wrapper.classList.add("combobox-ready");
    var template = wrapper.getAttribute("data-combobox-status") || "";

    function update() {
      var query = normalise(input.value.trim());
      var shown = 0;
      items.forEach(function (item) {
        var box = item.querySelector("input");
        var text = normalise(item.textContent);
        var visible = box.checked || (query !== "" && text.indexOf(query) !== -1);
        item.hidden = !visible;
        if (visible) { shown += 1; }
      });
      var checked = items.filter(function (item) { return item.querySelector("input").checked; }).length;
      status.textContent = template.replace("{checked}", checked).replace("{shown}", shown - checked);
    }
    input.addEventListener("input", update);
    // Enter in the box ticks the only match instead of sending the form.
    input.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") { return; }
      event.preventDefault();
      var matches = items.filter(function (item) { return !item.hidden && !item.querySelector("input").checked; });
      if (matches.length === 1) {
        matches[0].querySelector("input").checked = true;
        input.value = "";
        update();
      }
    });
    container.addEventListener("change", update);
    update();
  });
})();
