/* Live count of characters and text-message segments under each alert text (same rules as
   aidhub/messaging/segments.py). The count includes what the message adds around the text (data-sms-extra). */
(function () {
  "use strict";
  var BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  var EXTENDED = "^{}\\[~]|€\f";

  function count(text) {
    text = text.replace(/\r\n/g, "\n");
    var gsm = true;
    var units = 0;
    for (var i = 0; i < text.length; i++) {
      var ch = text.charAt(i);
      if (BASIC.indexOf(ch) >= 0) { units += 1; }
      else if (EXTENDED.indexOf(ch) >= 0) { units += 2; }
      else { gsm = false; break; }
    }
    var encoding = gsm ? "GSM-7" : "UCS-2";
    if (!gsm) { units = text.length; }  // UTF-16 code units, as UCS-2 counts them
    var single = gsm ? 160 : 70;
    var multi = gsm ? 153 : 67;
    var segments = units === 0 ? 0 : (units <= single ? 1 : Math.ceil(units / multi));
    return { units: units, segments: segments, encoding: encoding };
  }

  function attach(textarea) {
    var output = document.querySelector("[data-sms-count-for='" + textarea.id + "']");
    if (!output) { return; }
    var extra = textarea.dataset.smsExtra || "";
    function update() {
      var result = textarea.value ? count(textarea.value + extra) : { units: 0, segments: 0, encoding: "GSM-7" };
      output.textContent = output.dataset.template
        .replace("{units}", result.units)
        .replace("{segments}", result.segments)
        .replace("{encoding}", result.encoding);
      output.classList.toggle("text-danger", result.segments > 2);
    }
    textarea.addEventListener("input", update);
    update();
  }

  document.querySelectorAll("textarea[data-sms-counter]").forEach(attach);
})();
