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

/* A refused form: the focus goes to its messages (the error summary, or the
   page's error notice), so they are seen and read out first; the page (or the
   form's address, #...-errors) already shows them on the first screen. The
   same for an error summary an htmx answer brings. */
(function () {
  "use strict";
  function focusNew(selector) {
    var fresh = Array.prototype.filter.call(document.querySelectorAll(selector), function (box) {
      return !box.hasAttribute("data-seen") && box.getClientRects().length;
    });
    fresh.forEach(function (box) { box.setAttribute("data-seen", ""); });
    if (!fresh.length) { return; }
    if (!fresh[0].hasAttribute("tabindex")) { fresh[0].setAttribute("tabindex", "-1"); }
    fresh[0].focus();
  }
  // A form's address ends in #<its messages>-errors; after it is accepted, the
  // redirect keeps that fragment (a browser keeps one the redirect does not
  // replace). Nothing is refused on this page: drop it from the address bar.
  var hash = location.hash;
  if (/-errors$/.test(hash) && !document.getElementById(hash.slice(1))) {
    history.replaceState(history.state, "", location.pathname + location.search);
  }
  // The title starts with "Error:" while a form's messages show: base.html
  // does it for a page, this for what an htmx answer brings or takes away.
  function markTitle() {
    var title = document.querySelector("title[data-error-prefix]");
    if (!title) { return; }
    var prefix = title.getAttribute("data-error-prefix") + " ";
    var shown = Array.prototype.some.call(document.querySelectorAll(".error-summary, main .notice--error[role=alert]"), function (box) {
      return box.getClientRects().length;
    });
    var marked = document.title.indexOf(prefix) === 0;
    if (shown && !marked) { document.title = prefix + document.title; }
    if (!shown && marked) { document.title = document.title.slice(prefix.length); }
  }
  focusNew(".error-summary, main .notice--error[role=alert]");
  document.addEventListener("htmx:afterSettle", function () { focusNew(".error-summary"); });
  // Capture: coaching.js stops a message form's settle from reaching the above.
  document.addEventListener("htmx:afterSettle", markTitle, true);
})();

/* Over a limit (429): htmx puts a notice before the form that was sent and
   leaves the form as it is, text included (webapp/main/routes.py too_many).
   One notice at a time; it goes once a form is accepted. On the page
   without htmx, "Back to where you were" goes back in the history, where
   the browser kept the typed text. */
(function () {
  "use strict";
  function clear() {
    document.querySelectorAll("[data-too-many]").forEach(function (note) { note.remove(); });
  }
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.xhr && event.detail.xhr.status === 429) { clear(); }
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    var sent = (event.detail.requestConfig || {}).verb === "post";
    if (sent && status >= 200 && status < 400) { clear(); }
  });
  document.querySelectorAll("a[data-history-back]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var from = document.referrer && new URL(document.referrer);
      if (history.length > 1 && from && from.origin === location.origin) {
        event.preventDefault();
        history.back();
      }
    });
  });
})();

/* Sign-up: a username made from the name, and a button to show the password. */
(function () {
  "use strict";
  // The same rule as webapp/domain/usernames.py (suggestion): keep them in step.
  function suggestion(name) {
    var bare = (name || "").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    var base = bare.replace(/[^a-z0-9]+/g, ".").replace(/^\.+|\.+$/g, "").slice(0, 30).replace(/\.+$/, "");
    if (base.length < 2) { return ""; }
    return base.length >= 3 ? base : base + "1";
  }

  document.querySelectorAll("[data-username-from]").forEach(function (box) {
    var username = box.querySelector("input");
    var name = document.getElementById(box.getAttribute("data-username-from"));
    if (!username || !name) { return; }
    // Only while the person has not typed a username of their own.
    var own = username.value !== "" && username.value !== suggestion(name.value);
    username.addEventListener("input", function () { own = username.value !== ""; });
    name.addEventListener("input", function () {
      if (!own) { username.value = suggestion(name.value); }
    });
  });

  document.querySelectorAll("[data-show-password]").forEach(function (box) {
    var input = box.querySelector("input[type=password]");
    if (!input) { return; }
    var show = box.getAttribute("data-show-label");
    var hide = box.getAttribute("data-hide-label");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "link-button show-password";
    button.textContent = show;
    button.setAttribute("aria-controls", input.id);
    button.addEventListener("click", function () {
      var hidden = input.type === "password";
      input.type = hidden ? "text" : "password";
      button.textContent = hidden ? hide : show;
    });
    input.insertAdjacentElement("afterend", button);
  });
})();
