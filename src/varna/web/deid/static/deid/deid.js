/* "Avidentifiera en fallbeskrivning": Copy and Print buttons for the confirmed text.

   Progressive enhancement only. Without JavaScript the buttons stay hidden and the page tells
   the person to select and copy the text and to print with the browser's own command; with it,
   the buttons appear and that advice goes away. Served from this site, as the
   Content-Security-Policy requires (script-src 'self'); no inline code anywhere. */
(function () {
  "use strict";

  var status = document.getElementById("deid-copy-status");

  function say(message) {
    if (status) {
      status.textContent = message;
    }
  }

  function selectAll(field) {
    field.focus();
    field.select();
    field.setSelectionRange(0, field.value.length);
  }

  function copyBySelection(field) {
    selectAll(field);
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  var copy = document.querySelector("[data-deid-copy]");
  var field = copy ? document.getElementById(copy.getAttribute("data-deid-copy")) : null;
  if (copy && field) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      var done = copy.getAttribute("data-deid-done");
      var failed = copy.getAttribute("data-deid-failed");
      say("");
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(
          function () { say(done); },
          function () { say(copyBySelection(field) ? done : failed); }
        );
      } else {
        say(copyBySelection(field) ? done : failed);
      }
    });
  }

  var print = document.querySelector("[data-deid-print]");
  if (print && typeof window.print === "function") {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }

  if (copy && print) {
    Array.prototype.forEach.call(document.querySelectorAll("[data-deid-nojs]"), function (hint) {
      hint.hidden = true;
    });
  }
}());
