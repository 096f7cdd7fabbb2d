/* Small enhancements; every page works without this file. */
(function () {
  "use strict";
  if (!window.htmx) { return; }
  // The CSP forbids inline styles: htmx must not insert its own.
  htmx.config.includeIndicatorStyles = false;
  htmx.config.allowEval = false;
  htmx.config.allowScriptTags = false;
  // A history miss must load the full page, not a fragment.
  htmx.config.historyRestoreAsHxRequest = false;
  // Swap 4xx answers too: a 422 carries the form with its messages.
  htmx.config.responseHandling = [
    { code: "204", swap: false },
    { code: "[23]..", swap: true },
    { code: "(400|404|409|422|429)", swap: true, error: false },
    { code: "[45]..", swap: false, error: true }
  ];
  // After an htmx swap, move the focus to the new content only when the
  // swap replaced what had the focus, so keyboard users are not lost.
  document.addEventListener("htmx:afterSettle", function (event) {
    if (document.activeElement && document.activeElement !== document.body) { return; }
    var id = event.detail.target && event.detail.target.id;
    var fresh = id && document.getElementById(id);
    if (fresh) { fresh.setAttribute("tabindex", "-1"); fresh.focus({ preventScroll: true }); }
  });
})();
