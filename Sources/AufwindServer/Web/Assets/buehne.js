/* The live stage: Server-Sent Events (or polling) with the server as the clock authority.
   The countdown is derived from the server's remaining time and the time elapsed on this
   device since the state arrived, so a wrong device clock does not matter; every state
   (at least every 5 s) resynchronises. Without JavaScript the page refreshes itself. */
(function () {
  "use strict";
  var root = document.getElementById("buehne");
  if (!root) { return; }
  var state = JSON.parse(root.getAttribute("data-state") || "{}");
  var received = Date.now();
  var stageBody = document.body.classList.contains("stage");
  function remaining() {
    if (!state.running) { return state.remainingMs; }
    return state.remainingMs - (Date.now() - received);
  }
  function format(ms) {
    var seconds = Math.ceil(ms / 1000);
    var sign = seconds < 0 ? "-" : "";
    seconds = Math.abs(seconds);
    var rest = seconds % 60;
    return sign + Math.floor(seconds / 60) + ":" + (rest < 10 ? "0" : "") + rest;
  }
  function signal(ms) { return ms <= 0 ? "vorbei" : (ms <= 20000 ? "bald" : "normal"); }
  function status(ms) {
    if (!state.total) { return ""; }
    var position = state.total ? "Pitch " + state.position + " von " + state.total : "";
    if (state.stage === "laeuft") { return position + (ms <= 0 ? " · Zeit ist um" : (ms <= 20000 ? " · noch 20 Sekunden" : "")); }
    if (state.stage === "pausiert") { return position + " · pausiert"; }
    if (state.stage === "beendet") { return "Ende des Blocks"; }
    return position + " · bereit";
  }
  function text(id, value) { var node = document.getElementById(id); if (node && node.textContent !== value) { node.textContent = value; } }
  function render() {
    var ms = remaining();
    text("countdown", format(ms));
    text("status", status(ms));
    var current = state.current ? (stageBody ? state.current.presenter + ": " + state.current.title : "Jetzt: " + state.current.presenter + " – " + state.current.title)
      : (!state.total ? "Noch keine Pitches in diesem Block" : (state.stage === "beendet" ? "Alle Pitches sind vorbei"
        : (stageBody ? "Gleich geht es los" : "Kein Pitch auf der Bühne")));
    text("aktuell", current);
    text("naechster", state.next ? "Danach: " + state.next.presenter + " – " + state.next.title : "");
    var target = stageBody ? document.body : root;
    ["normal", "bald", "vorbei"].forEach(function (name) { target.classList.toggle("signal-" + name, name === signal(ms)); });
  }
  function apply(next) { state = next; received = Date.now(); render(); }
  var live = root.getAttribute("data-live");
  var polling = false;
  function poll(every) {
    if (polling) return;
    polling = true;
    setInterval(function () {
      fetch(live.replace(/\/live$/, "/zustand"), { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(apply);
    }, every);
  }
  if (window.EventSource) {
    var source = new EventSource(live);
    source.addEventListener("zustand", function (event) { apply(JSON.parse(event.data)); });
    // Refused (too many live views from this address: 429) or gone for good: ask now and then instead.
    source.addEventListener("error", function () { if (source.readyState === EventSource.CLOSED) poll(5000); });
  } else {
    poll(2000);
  }
  setInterval(render, 200);
  render();
})();
