/* Proof-of-work check for public forms (see aidhub/lib/antibot.py). No third party, no inline script.
   The work itself runs in a Web Worker (static/js/antibot-worker.js), started once the page is idle, so the
   page stays quick to answer on a slow phone. Without workers, the person answers the small sum instead. */
(function () {
  "use strict";

  var script = document.currentScript;
  var workerUrl = script && script.dataset.worker;

  function whenIdle(callback) {
    if (window.requestIdleCallback) { window.requestIdleCallback(callback, { timeout: 2000 }); }
    else { window.setTimeout(callback, 200); }
  }

  function solveInWorker(challenge, difficulty) {
    return new Promise(function (resolve, reject) {
      var worker = new Worker(workerUrl);
      worker.onmessage = function (event) {
        worker.terminate();
        if (event.data && event.data.found) { resolve(event.data.found); } else { reject(new Error("failed")); }
      };
      worker.onerror = function (event) { worker.terminate(); event.preventDefault(); reject(new Error("failed")); };
      worker.postMessage({ challenge: challenge, difficulty: difficulty });
    });
  }

  function start(box) {
    if (box.dataset.antibotStarted) { return; }
    box.dataset.antibotStarted = "1";
    if (!workerUrl || !window.Worker || !window.Promise) { return; }
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
    solveInWorker(challenge, parseInt(box.dataset.difficulty, 10)).then(function (found) {
      solution.value = found;
      done = true;
      status.textContent = box.dataset.textReady;
      if (waiting) { form.requestSubmit ? form.requestSubmit() : form.submit(); }
    }).catch(function () {
      // Let the person answer the question instead.
      done = true;
      status.hidden = true;
      fallback.hidden = false;
    });
  }

  whenIdle(function () { document.querySelectorAll("[data-antibot]").forEach(start); });
})();
