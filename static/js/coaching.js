/* Messages with your coach: send with Enter (with a real keyboard), keep the
   thread tidy, rest when hidden.
   The thread works without this file: a plain form and a reload. */
(function () {
  "use strict";

  function textarea(form) { return form && form.querySelector("textarea"); }

  // Enter sends only with a mouse or touchpad and, so, a physical keyboard:
  // a phone has no Shift and Enter, so there Enter makes a new line and the
  // button sends (a half-written message never goes out by accident).
  var finePointer = window.matchMedia ? window.matchMedia("(hover: hover) and (pointer: fine)") : null;
  function enterSends() { return !!(finePointer && finePointer.matches); }

  function showEnterHints(root) {
    var show = enterSends();
    (root || document).querySelectorAll(".message-form__enter").forEach(function (hint) {
      hint.hidden = !show;
    });
  }
  if (finePointer && finePointer.addEventListener) {
    finePointer.addEventListener("change", function () { showEnterHints(); });
  }

  // Enter sends; Shift and Enter make a new line; typing with an input method
  // (isComposing) is left alone.
  document.addEventListener("keydown", function (event) {
    var box = event.target;
    if (!enterSends()) { return; }
    if (event.key !== "Enter" || event.shiftKey || event.isComposing || event.altKey ||
        event.ctrlKey || event.metaKey) { return; }
    if (!box.matches || !box.matches("#message-form textarea")) { return; }
    event.preventDefault();
    if (box.value.trim() === "") { return; }
    var form = box.form;
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  });

  function requester(event) {
    var detail = event.detail || {};
    return detail.elt || (detail.requestConfig && detail.requestConfig.elt) || null;
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    var elt = requester(event);
    if (elt && elt.id === "thread-poll" && document.hidden) {
      event.preventDefault();  // nobody is looking: no data spent
    }
  });

  // app.js moves the focus to new content after a swap. A message arriving
  // must not pull the focus (or a screen reader) away from what someone is
  // doing, and after sending, the fresh form (out of band) keeps the focus
  // so the next message can be typed at once. Capture runs before app.js.
  document.addEventListener("htmx:afterSettle", function (event) {
    var elt = requester(event);
    if (!elt || (elt.id !== "thread-poll" && elt.id !== "message-form")) { return; }
    event.stopPropagation();
    if (elt.id === "message-form") {
      var box = textarea(document.getElementById("message-form"));
      if (box && document.activeElement !== box) { box.focus({ preventScroll: true }); }
    }
  }, true);

  // A poll and a send that cross can both bring the same message: keep one.
  document.addEventListener("htmx:afterSwap", function () {
    var list = document.getElementById("thread-messages");
    if (!list) { return; }
    var seen = {};
    Array.prototype.slice.call(list.children).forEach(function (item) {
      if (seen[item.id]) { item.remove(); } else { seen[item.id] = true; }
    });
  });

  document.addEventListener("visibilitychange", function () {
    var poller = document.getElementById("thread-poll");
    if (!document.hidden && poller && window.htmx) { window.htmx.trigger(poller, "bb-poll"); }
  });

  document.addEventListener("htmx:load", function (event) { showEnterHints(event.detail.elt); });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { showEnterHints(); });
  } else {
    showEnterHints();
  }
})();
