/* Drag-and-drop in the planning grid: a drop posts the same form the fallback uses. The grid
   works with its forms alone; this only enhances. */
(function () {
  "use strict";
  var grid = document.getElementById("planungsraster");
  if (!grid) { return; }
  var url = grid.getAttribute("data-move");
  var tokenField = document.querySelector('input[name="_csrf"]');
  var token = tokenField ? tokenField.value : "";
  document.querySelectorAll('.card[draggable="true"]').forEach(function (card) {
    card.addEventListener("dragstart", function (event) {
      event.dataTransfer.setData("text/plain", card.getAttribute("data-session"));
      event.dataTransfer.effectAllowed = "move";
    });
  });
  function showErrors(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var list = doc.querySelector(".error-list");
    var main = document.getElementById("inhalt");
    var old = main.querySelector(".error-list");
    if (old) { old.remove(); }
    if (list && main) { main.insertBefore(document.importNode(list, true), main.children[1] || null); }
  }
  document.querySelectorAll("[data-cell]").forEach(function (cell) {
    cell.addEventListener("dragover", function (event) { event.preventDefault(); cell.classList.add("drop-target"); });
    cell.addEventListener("dragleave", function () { cell.classList.remove("drop-target"); });
    cell.addEventListener("drop", function (event) {
      event.preventDefault();
      cell.classList.remove("drop-target");
      var body = new URLSearchParams();
      body.set("session", event.dataTransfer.getData("text/plain"));
      body.set("zelle", cell.getAttribute("data-cell"));
      body.set("_csrf", token);
      fetch(url, { method: "POST", body: body, credentials: "same-origin" }).then(function (response) {
        if (response.ok && response.redirected) { window.location.reload(); return; }
        return response.text().then(showErrors);
      });
    });
  });
})();
