// "New claim from selection" on the review article page: the selected words and where they start in the
// article body go into the new-claim form, which htmx replaces with the extractor's prefilled proposal.
(function () {
  "use strict";

  function selectionInBody(body) {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) { return null; }
    var range = selection.getRangeAt(0);
    if (!body.contains(range.startContainer) || !body.contains(range.endContainer)) { return null; }
    var before = document.createRange();
    before.setStart(body, 0);
    before.setEnd(range.startContainer, range.startOffset);
    var text = range.toString();
    var start = before.toString().length;
    // the stored span has no surrounding blanks
    var lead = text.length - text.replace(/^\s+/, "").length;
    return { text: text.trim(), start: start + lead };
  }

  document.addEventListener("DOMContentLoaded", function () {
    var body = document.getElementById("article-body");
    var button = document.getElementById("claim-from-selection");
    if (!body || !button) { return; }
    var current = null;

    function update() {
      current = selectionInBody(body);
      button.hidden = !(current && current.text);
    }
    document.addEventListener("selectionchange", update);

    button.addEventListener("click", function () {
      if (!current) { return; }
      var form = document.getElementById("new-claim-prepare");
      if (!form) {
        // a proposal is already open: start over from the empty form
        window.location.href = body.dataset.newClaimUrl + "?text=" + encodeURIComponent(current.text) +
          "&start=" + current.start;
        return;
      }
      form.querySelector("textarea[name=text]").value = current.text;
      form.querySelector("input[name=start]").value = String(current.start);
      form.requestSubmit();
    });

    document.addEventListener("htmx:afterSwap", function () {
      var form = document.getElementById("new-claim-form");
      if (form) {
        var first = form.querySelector("select, input:not([type=hidden]), textarea");
        if (first) { first.focus(); }
      }
    });
  });
})();
