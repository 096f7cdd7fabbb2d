/* Messages with your coach: send with Enter (with a real keyboard), keep the
   thread tidy, look for new messages without wasting data.
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

  // app.js moves the focus to new content after a swap. A message arriving
  // must not pull the focus (or a screen reader) away from what someone is
  // doing, and after sending, the fresh form (out of band) keeps the focus
  // so the next message can be typed at once. Capture runs before app.js.
  document.addEventListener("htmx:afterSettle", function (event) {
    var elt = requester(event);
    if (!elt || ["thread-messages", "thread-poll", "message-form"].indexOf(elt.id) === -1) { return; }
    event.stopPropagation();
    if (elt.id === "message-form") {
      var form = document.getElementById("message-form");
      // A refused message: its error summary first (app.js does this elsewhere).
      var box = (form && form.querySelector(".error-summary")) || textarea(form);
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

  /* "Anything new?" A phone on prepaid data pays for every poll, so:
     - ask after 10 s, then wait twice as long each time nothing is new, up to
       2 minutes (about 30 polls an hour instead of 360);
     - back to 10 s when something arrives, when the person types or sends;
     - none while the page is hidden or the phone is offline, and one at once
       when it is back;
     - a small request (fetch: no htmx headers, no Referer) for an answer of
       204 and a few headers when nothing is new.
     A poll that fails says nothing (the next one will come) and counts as
     "nothing new". The state to ask about is #thread-poll's data-poll: the
     answers to a poll or a send bring a fresh one (out of band). */
  var STEPS = [10, 20, 40, 80, 120];  // seconds
  var step = 0;
  var timer = null;
  var running = null;  // the poll under way: its address and its AbortController

  function pollAddress() {
    var poller = document.getElementById("thread-poll");
    return poller && poller.getAttribute("data-poll");
  }
  function canPoll() {
    return !!(window.fetch && window.htmx && pollAddress()) && !document.hidden && navigator.onLine !== false;
  }
  function wait() {
    clearTimeout(timer);
    timer = null;
    if (running || !canPoll()) { return; }
    timer = setTimeout(poll, STEPS[Math.min(step, STEPS.length - 1)] * 1000);
  }
  function quicken() {
    if (step === 0) { return; }  // typing on never puts the next poll off
    step = 0;
    wait();
  }
  function poll() {
    clearTimeout(timer);
    timer = null;
    if (running || !canPoll()) { return; }
    var address = pollAddress();
    var control = window.AbortController ? new AbortController() : null;
    running = { address: address, control: control };
    window.fetch(address, {
      credentials: "same-origin",
      referrerPolicy: "no-referrer",
      redirect: "manual",  // logged out: nothing to add here, no login page in the thread
      signal: control ? control.signal : undefined
    }).then(function (response) {
      // Basisbaan itself answered (not a gateway): pwa.js clears its notes and sends what waits.
      if (response.status === 200 || response.status === 204) {
        document.dispatchEvent(new CustomEvent("bb:reached"));
      }
      if (response.status !== 200) { return false; }
      return response.text().then(function (html) {
        // A send crossed this poll and brought a newer state: ask again soon.
        if (pollAddress() !== address) { return true; }
        window.htmx.swap("#thread-messages", html, { swapStyle: "beforeend" });
        return true;
      });
    }).catch(function () {
      return false;
    }).then(function (fresh) {
      running = null;
      step = fresh ? 0 : step + 1;
      wait();
    });
  }
  function pollNow() {
    step = 0;
    if (running) { return; }
    poll();
  }

  // A send: stop a poll under way (the send's answer brings the new state).
  document.addEventListener("submit", function (event) {
    if (event.target.id !== "message-form") { return; }
    if (running && running.control) { running.control.abort(); }
    step = 0;
    wait();
  });
  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("#message-form textarea")) { quicken(); }
  });
  // Something arrived another way (a send's answer, the outbox): ask often again.
  document.addEventListener("htmx:afterSwap", function (event) {
    var elt = event.detail && event.detail.elt;
    if (elt && elt.id === "thread-messages" && !running) { quicken(); }
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-poll-now]");
    if (!link || !canPoll()) { return; }
    event.preventDefault();
    pollNow();
  });
  document.addEventListener("visibilitychange", function () {
    if (document.hidden) { wait(); } else { pollNow(); }
  });
  window.addEventListener("online", pollNow);
  window.addEventListener("offline", wait);

  document.addEventListener("htmx:load", function (event) { showEnterHints(event.detail.elt); });
  function start() { showEnterHints(); wait(); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
