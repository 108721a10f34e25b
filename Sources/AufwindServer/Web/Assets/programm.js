/* Votes and "Mein Programm" without reloading: a toggle form (form.toggle) is sent with fetch
   and switches in place from the server's answer; without JavaScript, or when the request
   fails, it is the plain form it always was. On the public programme, visitors who are not
   signed in can mark sessions in this browser (localStorage); without storage nothing changes. */
(function () {
  "use strict";
  var live = document.getElementById("umschalt-status");

  function say(text) {
    if (!live) { return; }
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 60);
  }

  function show(form, on) {
    var value = form.querySelector(".toggle-value");
    var button = form.querySelector("button");
    var mark = form.querySelector(".toggle-mark");
    var state = form.querySelector(".toggle-state");
    if (value) { value.value = on ? "nein" : "ja"; }
    if (button) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.classList.toggle("secondary", on);
    }
    if (mark) { mark.textContent = on ? "\u2605" : "\u2606"; }
    if (state) { state.textContent = on ? state.getAttribute("data-an") : ""; }
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("toggle") || !window.fetch || !window.URLSearchParams || !window.FormData) { return; }
    event.preventDefault();
    if (form.getAttribute("data-busy") === "1") { return; }
    form.setAttribute("data-busy", "1");
    fetch(form.action, {
      method: "POST", body: new URLSearchParams(new FormData(form)), credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    }).then(function (answer) {
      form.removeAttribute("data-busy");
      var on = answer.an === true;
      document.querySelectorAll('form.toggle[data-toggle="' + form.getAttribute("data-toggle") + '"]').forEach(function (other) { show(other, on); });
      var subject = form.querySelector("button .visually-hidden");
      var state = form.querySelector(".toggle-state");
      say((subject ? subject.textContent.replace(/^: /, "") + ": " : "") + (on ? state.getAttribute("data-an") : state.getAttribute("data-aus")));
    }).catch(function () {
      form.removeAttribute("data-busy");
      form.submit();
    });
  });

  var page = document.querySelector("[data-merkliste]");
  if (!page) { return; }
  var storage, marked, key = "aufwind-merkliste:" + page.getAttribute("data-merkliste");
  try {
    storage = window.localStorage;
    marked = JSON.parse(storage.getItem(key) || "[]");
    if (!Array.isArray(marked)) { marked = []; }
  } catch (error) {
    return;
  }
  var sessions = page.querySelectorAll("[data-session]");
  if (!sessions.length) { return; }
  var painters = {};
  var filter = document.createElement("button");
  filter.type = "button";
  filter.className = "secondary";
  filter.setAttribute("aria-pressed", "false");

  function count() { filter.textContent = "Nur Gemerkte zeigen (" + marked.length + ")"; }
  function save() { try { storage.setItem(key, JSON.stringify(marked)); } catch (error) { /* full or off: kept for this visit */ } }

  sessions.forEach(function (element) {
    var id = element.getAttribute("data-session");
    var link = element.querySelector("a");
    var title = link ? link.textContent : "";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "toggle-button local-mark";
    function paint() {
      var on = marked.indexOf(id) >= 0;
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.classList.toggle("secondary", on);
      button.textContent = (on ? "\u2605" : "\u2606") + " Merken";
      var hidden = document.createElement("span");
      hidden.className = "visually-hidden";
      hidden.textContent = ": " + title;
      button.appendChild(hidden);
      element.classList.toggle("gemerkt", on);
    }
    (painters[id] = painters[id] || []).push(paint);
    button.addEventListener("click", function () {
      var at = marked.indexOf(id);
      if (at >= 0) { marked.splice(at, 1); } else { marked.push(id); }
      save();
      painters[id].forEach(function (repaint) { repaint(); });
      count();
      say(title + (at >= 0 ? ": nicht mehr gemerkt" : ": gemerkt (in diesem Browser)"));
    });
    element.appendChild(button);
    paint();
  });
  var note = document.createElement("p");
  note.className = "local-note no-print";
  note.textContent = "Sessions merken: Ihre Auswahl bleibt nur in diesem Browser. ";
  note.appendChild(filter);
  filter.addEventListener("click", function () {
    var on = filter.getAttribute("aria-pressed") !== "true";
    filter.setAttribute("aria-pressed", on ? "true" : "false");
    page.classList.toggle("nur-gemerkte", on);
  });
  count();
  var switcher = page.querySelector(".view-switch");
  page.insertBefore(note, switcher ? switcher.nextSibling : page.firstChild);
})();
