/* Proof-of-work check for public forms (see aidhub/core/antibot.py). No third party, no inline script.
   Finds a number n such that SHA-256(challenge + ":" + n) starts with `difficulty` zero bits. */
(function () {
  "use strict";

  function leadingZeroBits(bytes) {
    var bits = 0;
    for (var i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0) { bits += 8; continue; }
      return bits + Math.clz32(bytes[i]) - 24;
    }
    return bits;
  }

  function solve(challenge, difficulty) {
    var encoder = new TextEncoder();
    var batch = 512;
    function tryFrom(start) {
      var digests = [];
      for (var n = start; n < start + batch; n++) {
        digests.push(crypto.subtle.digest("SHA-256", encoder.encode(challenge + ":" + n)));
      }
      return Promise.all(digests).then(function (results) {
        for (var i = 0; i < results.length; i++) {
          if (leadingZeroBits(new Uint8Array(results[i])) >= difficulty) { return String(start + i); }
        }
        return tryFrom(start + batch);
      });
    }
    return tryFrom(0);
  }

  function start(box) {
    if (!window.crypto || !window.crypto.subtle || !window.TextEncoder || !window.Promise) { return; }
    var form = box.closest("form");
    var challenge = box.querySelector("input[name$='_challenge']").value;
    var solution = box.querySelector("input[name$='_solution']");
    var status = box.querySelector(".antibot-status");
    var fallback = box.querySelector(".antibot-fallback");
    var done = false;
    var waiting = false;
    fallback.hidden = true;
    status.hidden = false;
    status.textContent = box.dataset.textWorking;
    form.addEventListener("submit", function (event) {
      if (!done) { event.preventDefault(); waiting = true; }
    });
    solve(challenge, parseInt(box.dataset.difficulty, 10)).then(function (found) {
      solution.value = found;
      done = true;
      status.textContent = box.dataset.textReady;
      if (waiting) { form.requestSubmit ? form.requestSubmit() : form.submit(); }
    }).catch(function () {
      // Let the person answer the question instead.
      status.hidden = true;
      fallback.hidden = false;
    });
  }

  document.querySelectorAll("[data-antibot]").forEach(start);
})();
