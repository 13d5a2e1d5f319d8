// Keys of the editors' suggestions queue: j/k move, c confirm, d dismiss, r change relation, o/O open, u undo.
// Focus moves to the current suggestion (an <article> with a label), so screen readers follow it; after
// a decision htmx swaps the queue and the item now at the same place gets the focus.
(function () {
  "use strict";
  var index = 0;

  function queue() { return document.getElementById("queue"); }
  function items() { return Array.prototype.slice.call(document.querySelectorAll("#queue .suggestion")); }
  function announce(text) {
    var live = document.getElementById("queue-announce");
    if (live) { live.textContent = text; }
  }

  function focusAt(i) {
    var all = items();
    if (!all.length) {
      var empty = document.getElementById("queue-empty");
      if (empty) { empty.focus(); }
      return;
    }
    index = Math.max(0, Math.min(i, all.length - 1));
    all.forEach(function (el, k) { el.classList.toggle("current", k === index); });
    all[index].focus();
    all[index].scrollIntoView({ block: "nearest" });
  }

  function press(item, selector) {
    var button = item && item.querySelector(selector);
    if (button) { button.click(); }
  }

  function cycleRelation(item) {
    var select = item && item.querySelector("select.relation-choice");
    if (!select) { return; }
    select.selectedIndex = (select.selectedIndex + 1) % select.options.length;
    announce("Relation: " + select.options[select.selectedIndex].text + ". Press c to confirm.");
  }

  document.addEventListener("keydown", function (event) {
    if (!queue() || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) { return; }
    var item = items()[index];
    switch (event.key) {
      case "j": focusAt(index + 1); break;
      case "k": focusAt(index - 1); break;
      case "c": press(item, "button.confirm"); break;
      case "d": press(item, "button.dismiss"); break;
      case "r": cycleRelation(item); break;
      case "o": press(item, "a.open-left"); break;
      case "O": press(item, "a.open-right"); break;
      case "u": press(document, "#undo-button"); break;
      default: return;
    }
    event.preventDefault();
  });

  document.addEventListener("focusin", function (event) {
    var item = event.target.closest && event.target.closest("#queue .suggestion");
    if (item) {
      index = items().indexOf(item);
      items().forEach(function (el, k) { el.classList.toggle("current", k === index); });
    }
  });

  document.addEventListener("htmx:afterSwap", function () { if (queue()) { focusAt(index); } });
  document.addEventListener("DOMContentLoaded", function () { if (queue()) { focusAt(0); } });
})();
