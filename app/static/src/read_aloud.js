// "Listen": reads the page's main content aloud with the browser's speech synthesis, in the page's
// language. Progressive enhancement: the control is hidden in the HTML and shown only here, when
// the browser can speak. Where the device has no voice for the language, it says so instead of
// reading with a voice of another language. No inline script: this file is served like app.js.
(function () {
  "use strict";
  if (!("speechSynthesis" in window) || typeof window.SpeechSynthesisUtterance !== "function") { return; }
  var synth = window.speechSynthesis;

  function voicesNow(wait) {
    // getVoices() may be empty until the list has loaded ("voiceschanged"): wait a little for it.
    return new Promise(function (resolve) {
      var voices = synth.getVoices();
      if (voices.length || !wait) { resolve(voices); return; }
      var done = false;
      function finish() {
        if (done) { return; }
        done = true;
        synth.removeEventListener && synth.removeEventListener("voiceschanged", finish);
        resolve(synth.getVoices());
      }
      synth.addEventListener && synth.addEventListener("voiceschanged", finish);
      setTimeout(finish, 1500);
    });
  }

  function voiceFor(voices, langs) {
    // Exact language tag first ("sv-SE" for "sv"), then the primary language; never another language.
    var wanted = langs.map(function (l) { return l.toLowerCase(); });
    function tagOf(v) { return String(v.lang || "").replace("_", "-").toLowerCase(); }
    for (var i = 0; i < wanted.length; i++) {
      for (var j = 0; j < voices.length; j++) {
        var tag = tagOf(voices[j]);
        if (tag === wanted[i] || tag.split("-")[0] === wanted[i] && wanted[i].indexOf("-") < 0) { return voices[j]; }
      }
    }
    return null;
  }

  function mainText(control) {
    // The visible text of <main>, block by block, without the control itself.
    var main = document.getElementById("main");
    if (!main) { return []; }
    var parts = [];
    Array.prototype.forEach.call(main.children, function (child) {
      if (child === control || child.contains(control)) { return; }
      var text = (child.innerText || "").trim();
      if (text) { text.split(/\n+/).forEach(function (line) { if (line.trim()) { parts.push(line.trim()); } }); }
    });
    return parts;
  }

  function setUp(root) {
    root.querySelectorAll(".read-aloud").forEach(function (control) {
      if (control.dataset.ready) { return; }
      control.dataset.ready = "1";
      var button = control.querySelector("button");
      var status = control.querySelector(".read-aloud__status");
      var langs = (control.dataset.langs || document.documentElement.lang || "").split(/\s+/).filter(Boolean);
      var speaking = false;
      control.hidden = false;

      function reset() {
        speaking = false;
        button.textContent = control.dataset.listen;
        button.setAttribute("aria-pressed", "false");
      }
      button.addEventListener("click", function () {
        if (speaking) { synth.cancel(); reset(); status.textContent = ""; return; }
        voicesNow(true).then(function (voices) {
          var voice = voiceFor(voices, langs);
          if (!voice) { status.textContent = control.dataset.noVoice; return; }
          var parts = mainText(control);
          if (!parts.length) { return; }
          synth.cancel();
          speaking = true;
          status.textContent = "";
          button.textContent = control.dataset.stop;
          button.setAttribute("aria-pressed", "true");
          parts.forEach(function (text, i) {
            var u = new window.SpeechSynthesisUtterance(text);
            u.voice = voice;
            u.lang = voice.lang || langs[0];
            if (i === parts.length - 1) { u.onend = reset; }
            u.onerror = function () { reset(); };
            synth.speak(u);
          });
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  document.addEventListener("htmx:afterSettle", function () { setUp(document); });
  // Leaving the page (or htmx swapping in another) stops the reading.
  document.addEventListener("htmx:beforeHistorySave", function () { synth.cancel(); });
  window.addEventListener("pagehide", function () { synth.cancel(); });
}());
