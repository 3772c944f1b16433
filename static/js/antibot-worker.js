/* The proof of work of the public forms, off the main thread (started by static/js/antibot.js).
   Receives {challenge, difficulty}; answers {found: "n"} for the first n whose SHA-256(challenge + ":" + n)
   starts with `difficulty` zero bits, or {failed: true} when this browser cannot hash. */
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
  var batch = 256;
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

self.onmessage = function (event) {
  if (!self.crypto || !self.crypto.subtle || !self.TextEncoder) { self.postMessage({ failed: true }); return; }
  solve(event.data.challenge, event.data.difficulty).then(function (found) {
    self.postMessage({ found: found });
  }, function () {
    self.postMessage({ failed: true });
  });
};
