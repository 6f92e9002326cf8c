// dateline web: small enhancements only; every page works without this file.
"use strict";
(function () {
  // Article page: clicking a highlighted item (or its entry in the side panel) marks all its parts.
  function focusRef(ref) {
    document.querySelectorAll(".focus").forEach(function (el) { el.classList.remove("focus"); });
    if (!ref) { return; }
    var items = document.querySelectorAll("[data-ref]");
    var panelItem = null;
    items.forEach(function (el) {
      if (el.getAttribute("data-ref") === ref) {
        el.classList.add("focus");
        if (el.tagName === "LI") { panelItem = el; }
      }
    });
    if (panelItem) { panelItem.scrollIntoView({ block: "nearest" }); }
  }

  var text = document.getElementById("text");
  if (text) {
    text.addEventListener("click", function (event) {
      var el = event.target.closest("[data-ref]");
      focusRef(el ? el.getAttribute("data-ref") : null);
    });
    document.querySelectorAll(".panel li[data-ref]").forEach(function (li) {
      li.addEventListener("mouseenter", function () { focusRef(li.getAttribute("data-ref")); });
    });
    // the legend switches a kind of highlight off and on
    document.querySelectorAll("#legend .k").forEach(function (key) {
      var kind = Array.prototype.find.call(key.classList, function (c) {
        return ["ev", "q", "ent", "pl", "dt", "ct"].indexOf(c) >= 0;
      });
      if (!kind) { return; }
      key.setAttribute("role", "button");
      key.setAttribute("tabindex", "0");
      key.addEventListener("click", function () {
        document.body.classList.toggle("hide-" + kind);
        key.classList.toggle("off");
      });
    });
  }
})();
