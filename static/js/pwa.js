/* The app on the phone: service worker, the connection banner, outbox,
   pages opened before the worker took over, wiping a person's copies at
   logout (what waits in the outbox stays, for that person only); loads the home-screen offer (install.js) and read aloud
   (read-aloud.js) only where needed. Every word comes
   from <template id="pwa-texts"> (templates/pwa/_texts.html), rendered in the
   reader's language. Pages work without this file. */
(function () {
  "use strict";
  var texts = document.getElementById("pwa-texts");
  var body = document.body;
  var main = document.getElementById("main");
  var Outbox = window.BasisbaanOutbox;
  var user = body.getAttribute("data-user") || "";
  var worker = "serviceWorker" in navigator;

  function piece(name) {
    var found = texts && texts.content.querySelector('[data-pwa="' + name + '"]');
    return found ? found.cloneNode(true) : null;
  }
  function store(key, value) {
    try { if (value === null) { localStorage.removeItem(key); } else { localStorage.setItem(key, value); } } catch (e) { /* private mode */ }
  }
  function stored(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }
  function ready() { return worker ? navigator.serviceWorker.ready : Promise.reject(new Error("no worker")); }
  function formOf(element) { return element && (element.tagName === "FORM" ? element : element.closest("form")); }
  function path(url) { var u = new URL(url, location.href); return u.pathname + u.search; }

  if (!texts) { return; }

  // The static files are immutable, so the worker may take its imports from the HTTP cache.
  function register() {
    if (worker) { navigator.serviceWorker.register(texts.getAttribute("data-sw"), { updateViaCache: "all" }).catch(function () {}); }
  }
  if (document.readyState === "complete") { register(); } else { window.addEventListener("load", register); }

  /* --- the connection: "you are offline" or "cannot reach Basisbaan", never a false alarm ---
     "ok": Basisbaan answered; "offline": the phone says it has no network;
     "unreachable": it has one, but Basisbaan did not answer (a saved copy
     shown, or a page part the person asked for failed). Only the person's
     own requests raise it, never a request in the background (the message
     poll); any answer from the server, the `online` event followed by an
     answer, or the outbox sent clears it, without a reload. */
  var connection = navigator.onLine === false ? "offline" : body.hasAttribute("data-saved-copy") ? "unreachable" : "ok";
  var GATEWAY = [502, 503, 504];  // a proxy's answer while the app cannot be reached
  var banner = null;
  function when(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) { return ""; }
    try {
      // British English: the day before the month ("2 December 2026"), as on every page.
      var lang = document.documentElement.lang === "en" ? "en-GB" : document.documentElement.lang;
      return new Intl.DateTimeFormat(lang, { dateStyle: "long", timeStyle: "short" }).format(date);
    } catch (e) { return date.toLocaleString(); }
  }
  function showBanner() {
    var offline = navigator.onLine === false || connection === "offline";
    var fresh = (offline || connection === "unreachable") && piece(offline ? "offline" : "saved");
    if (fresh) {
      var line = fresh.querySelector("p");
      line.textContent = line.textContent.replace("{time}", when(body.getAttribute("data-rendered")));
      fresh.setAttribute("data-pwa-banner", "");
      if (banner) { banner.replaceWith(fresh); } else { main.insertBefore(fresh, main.firstChild); }
      banner = fresh;
    } else if (banner) {
      banner.remove();
      banner = null;
    }
  }

  // --- client ids (webapp/idempotency.py): fresh when a form appears ---
  function newId() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join("-");
  }
  function giveIds(root) {
    var forms = [].slice.call(root.querySelectorAll("form[data-outbox]"));
    if (root.matches && root.matches("form[data-outbox]")) { forms.push(root); }
    forms.forEach(function (form) {
      var field = form.querySelector("input[name=client_id]");
      if (field) { field.value = newId(); }
    });
  }

  // --- the outbox: form[data-outbox] written offline waits in IndexedDB ---
  function showWaiting(form, item) {
    var note = piece("waiting");
    if (!note) { return; }
    note.setAttribute("data-outbox-item", item.id);
    // From the item, not the form: after a reload the form is empty again.
    var name = form.getAttribute("data-outbox-quote");
    var said = name ? new URLSearchParams(item.body).get(name) : "";
    if (said) {
      var quote = document.createElement("span");
      quote.className = "notice__quote";
      quote.textContent = said;
      note.querySelector("p").appendChild(quote);
    }
    form.parentNode.insertBefore(note, form);
    // data-outbox="keep" (messages): the form stays for the next one.
    if (form.getAttribute("data-outbox") === "keep") { form.reset(); giveIds(form); } else { form.hidden = true; }
  }

  function queue(form, submitter, formData) {
    var data = new FormData(formData ? undefined : form);
    if (formData) { formData.forEach(function (value, key) { data.append(key, value); }); }
    if (!formData && submitter && submitter.name) { data.append(submitter.name, submitter.value); }
    data.delete("csrf_token");
    if (!data.get("client_id")) { data.set("client_id", newId()); }
    var target = form.getAttribute("data-hx-target") || "";
    var item = {
      id: String(data.get("client_id")), user: user, url: path(form.action),
      body: new URLSearchParams(data).toString(), target: target.charAt(0) === "#" ? target : "",
      swap: form.getAttribute("data-hx-swap") || "innerHTML", page: location.pathname, created: Date.now()
    };
    return Outbox.put(item).then(function () {
      clearNotSent();  // safe in the outbox: only "waiting to be sent"
      showWaiting(form, item);
      ready().then(function (r) { return r.sync && r.sync.register("bb-outbox"); }).catch(function () {});
      later();  // also without Background Sync
    }, function () { notSent(form); });
  }

  function showPending() {
    if (!Outbox || !user) { return Promise.resolve(); }
    return Outbox.all().then(function (items) {
      items.forEach(function (item) {
        if (item.page !== location.pathname || String(item.user) !== user) { return; }
        if (document.querySelector('[data-outbox-item="' + item.id + '"]')) { return; }
        var form = [].slice.call(document.querySelectorAll("form[data-outbox]")).filter(function (f) {
          return path(f.action) === item.url && !f.hidden;
        })[0];
        if (form) { showWaiting(form, item); }
      });
    }).catch(function () {});
  }

  /* A form kept for the next one (data-outbox="keep") may hold the next
     message by now: the fresh copy the server sends along (out of band)
     must not wipe it. */
  function keepTyping(html) {
    var parsed = document.createElement("template");
    parsed.innerHTML = html;
    var dropped = false;
    parsed.content.querySelectorAll('form[data-outbox="keep"][data-hx-swap-oob][id]').forEach(function (fresh) {
      if (document.getElementById(fresh.id)) { fresh.remove(); dropped = true; }
    });
    return dropped ? parsed.innerHTML : html;
  }

  /* The server's answer to an item sent later, swapped in as htmx would have
     (HX-Retarget and HX-Reswap too); also when its note is not there yet (the
     worker sent it while this page loaded). */
  function settle(result) {
    if (result.held) { sentAfterReturn(); }
    var note = document.querySelector('[data-outbox-item="' + result.id + '"]');
    var where = result.retarget || result.target;
    var target = (note || result.page === location.pathname) && where && document.querySelector(where);
    if (result.html && target && window.htmx) {
      htmx.swap(target, result.ok ? keepTyping(result.html) : result.html,
        { swapStyle: result.reswap || result.swap || "innerHTML" });
      if (note && document.contains(note)) { note.remove(); }
    } else if (note) {
      note.replaceWith(piece(result.ok ? "sent" : "refused") || "");
    }
  }

  /* Sent now, written before this person's last session ended: say so once
     at the top of the page ("3 things waited ..."), counting up. */
  var heldSent = 0;
  var heldNote = null;
  function sentAfterReturn() {
    heldSent += 1;
    var fresh = piece(heldSent === 1 ? "held-sent-one" : "held-sent-many");
    if (!fresh) { return; }
    var line = fresh.querySelector("p");
    line.textContent = line.textContent.replace("{count}", String(heldSent));
    fresh.setAttribute("data-pwa-held-sent", String(heldSent));
    if (heldNote && document.contains(heldNote)) { heldNote.replaceWith(fresh); } else { main.insertBefore(fresh, main.firstChild); }
    heldNote = fresh;
  }

  /* Send what waits. One flush from this page at a time; asked again
     meanwhile, it runs once more after it (the outbox may have grown). */
  var flushing = null;
  var flushAgain = false;
  var refusedUntil = 0;  // the server answered "not now" (429, 500 ...): not after every answer
  function flush() {
    if (!Outbox || navigator.onLine === false) { return Promise.resolve(); }
    if (flushing) { flushAgain = true; return flushing; }
    flushing = Outbox.flush(texts.getAttribute("data-csrf"), settle).then(function (state) {
      if (state.unreachable) { setConnection("unreachable"); } else if (state.reached) { setConnection("ok"); }
      if (state.failed) { later(); }
      refusedUntil = state.failed && !state.unreachable ? Date.now() + Math.max(delay, (state.wait || 0) * 1000) : 0;
      if (state.notice) { tooMany(state.notice); }
    }, function () {}).then(function () {
      flushing = null;
      if (flushAgain) { flushAgain = false; return flush(); }
    });
    return flushing;
  }

  /* Over a limit (429): the item stays in the outbox; the server's notice
     ("try again in N minutes") shows above its "waiting" note. */
  function tooMany(notice) {
    var note = document.querySelector('[data-outbox-item="' + notice.id + '"]');
    if (!note || !notice.html) { return; }
    document.querySelectorAll("[data-too-many]").forEach(function (old) { old.remove(); });
    note.insertAdjacentHTML("beforebegin", notice.html);
  }

  // This person's items still waiting (someone else's wait for them to log in).
  function waiting() {
    if (!Outbox || !user) { return Promise.resolve(0); }
    return Outbox.all().then(function (items) {
      return items.filter(function (item) { return String(item.user) === user; }).length;
    }, function () { return 0; });
  }

  /* Basisbaan answered: send what waits now. An answer lost after the
     server saved it left its item here; the server answers the repeat with
     the first result, and the item is marked sent like any other. */
  function flushIfWaiting() {
    if (Date.now() < refusedUntil) { return Promise.resolve(); }
    return waiting().then(function (count) { return count ? flush() : undefined; });
  }

  function setConnection(state) {
    var was = connection;
    connection = navigator.onLine === false ? "offline" : state;
    if (connection !== was) { showBanner(); }
    if (connection === "ok") {
      if (was !== "ok") { clearNotSent(); }
      waiting().then(function (count) { if (!count) { calm(); } });
    } else if (connection === "unreachable") {
      later();
    }
  }

  /* Is Basisbaan there? Send what waits (that tells), or ask for a token
     (a few hundred bytes). Never while the phone says it is offline. */
  function check() {
    if (navigator.onLine === false) { setConnection("offline"); return Promise.resolve(); }
    return waiting().then(function (count) {
      if (count && Date.now() < refusedUntil) { later(); return undefined; }  // a 429 said when
      if (count) { return flush(); }
      if (connection === "ok") { return undefined; }
      return fetch(texts.getAttribute("data-csrf"), {
        credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" }
      }).then(function (response) {
        setConnection(GATEWAY.indexOf(response.status) === -1 ? "ok" : "unreachable");
      }, function () { setConnection("unreachable"); });
    });
  }

  /* While Basisbaan cannot be reached or something waits: look again after
     5 s, then ever longer (at most 2 minutes); not while the page is hidden
     or the phone is offline (coming back starts it again). */
  var FIRST_LOOK = 5000;
  var LAST_LOOK = 120000;
  var timer = null;
  var delay = FIRST_LOOK;
  function later() {
    if (timer) { return; }
    timer = setTimeout(function () {
      timer = null;
      delay = Math.min(delay * 2, LAST_LOOK);
      if (!document.hidden && navigator.onLine !== false) { check(); }
    }, delay);
  }
  function calm() {
    clearTimeout(timer);
    timer = null;
    delay = FIRST_LOOK;
  }

  function clearNotSent() {
    document.querySelectorAll("[data-pwa-not-sent]").forEach(function (note) { note.remove(); });
  }
  // Not sent: "you are offline" only when the phone says so.
  function notSent(element) {
    clearNotSent();
    var note = piece(navigator.onLine === false ? "not-sent" : "not-reached");
    var place = element && element !== body && element.parentNode ? element : main.firstChild;
    if (!note) { return; }
    note.setAttribute("data-pwa-not-sent", "");
    place.parentNode.insertBefore(note, place);
  }
  function outboxForm(element, config) {
    var form = formOf(element);
    return form && form.hasAttribute("data-outbox") && config.verb === "post" && Outbox && user ? form : null;
  }

  // Capture: this runs before htmx sees the submit.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || form.method !== "post") { return; }
    if (navigator.onLine === false) {
      event.preventDefault();
      event.stopPropagation();
      if (outboxForm(form, { verb: "post" })) { queue(form, event.submitter); } else { notSent(form); }
    } else if (path(form.action) === texts.getAttribute("data-logout") && !form.hasAttribute("data-flushed")) {
      // Send what still waits first: what cannot go now waits for this person's return.
      event.preventDefault();
      form.setAttribute("data-flushed", "");
      var go = function () { form.submit(); };
      Promise.race([flush(), new Promise(function (resolve) { setTimeout(resolve, 4000); })]).then(go, go);
    }
  }, true);

  /* The phone says online, but the request died: a form for the outbox
     waits there; another form says it was not sent. Reading something
     (a GET) sent nothing: never "not sent"; when the person asked for it,
     the banner says Basisbaan cannot be reached; a request in the background
     (the message poll: no event, or one made by a script) says nothing. */
  document.addEventListener("htmx:sendError", function (event) {
    var config = event.detail.requestConfig || {};
    var form = outboxForm(event.detail.elt, config);
    if (form) {
      queue(form, null, config.formData);
    } else if (!config.verb || config.verb === "get") {
      if (config.triggeringEvent && config.triggeringEvent.isTrusted) { setConnection("unreachable"); }
    } else {
      notSent(formOf(event.detail.elt) || event.detail.elt);
    }
  });
  /* A proxy's "unavailable" while the app restarts, or Basisbaan's own "not
     saved, try again" (a locked database, a full disk): worth waiting for
     too. Another form gets Basisbaan's notice above it; what was typed stays. */
  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    var form = outboxForm(event.detail.elt, event.detail.requestConfig || {});
    if (form && [502, 503, 504].indexOf(xhr.status) !== -1) {
      queue(form, null, event.detail.requestConfig.formData);
    } else if (xhr.getResponseHeader("Basisbaan-Not-Saved")) {
      notSaved(formOf(event.detail.elt) || event.detail.elt, xhr.responseText);
    }
  });
  function notSaved(element, html) {
    var parsed = document.createElement("template");
    parsed.innerHTML = html;
    var note = parsed.content.querySelector("[data-not-saved]");
    var place = element && element !== body && element.parentNode ? element : main.firstChild;
    if (!note) { return; }
    clearNotSent();
    note.setAttribute("data-pwa-not-sent", "");
    place.parentNode.insertBefore(note, place);
  }
  // Any answer from Basisbaan itself (not a gateway's "unavailable") means it can be reached.
  function reached(successful) {
    if (successful) { clearNotSent(); }
    setConnection("ok");
    flushIfWaiting();
  }
  document.addEventListener("htmx:afterRequest", function (event) {
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    if (!status || GATEWAY.indexOf(status) !== -1) { return; }
    reached(event.detail.successful);
  });
  // The message poll is a bare fetch (no htmx events): coaching.js says when it was answered.
  document.addEventListener("bb:reached", function () { reached(true); });
  document.addEventListener("htmx:load", function (event) { giveIds(event.detail.elt); addReadAloud(event.detail.elt); });
  if (worker) {
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.type === "outbox") { settle(event.data.result); setConnection("ok"); }
      if (event.data && event.data.type === "kept-earlier") { forgetEarlier(event.data.paths); }
    });
    navigator.serviceWorker.addEventListener("controllerchange", handOver);
  }

  /* --- pages opened before the worker took over (the first visit) ---
     The worker keeps every page it serves, but the first pages load before
     it controls them: list them for this tab (sessionStorage, this person's
     only) and hand the list over once it controls the page. It fetches and
     keeps them by its own rules (never a page marked no-store). */
  var EARLIER = "bb-earlier";
  function earlier() {
    try {
      var list = JSON.parse(sessionStorage.getItem(EARLIER) || "[]");
      return Array.isArray(list) ? list.filter(function (entry) { return entry && entry.user === user; }) : [];
    } catch (e) { return []; }
  }
  function keepEarlier(list) {
    try {
      if (list.length) { sessionStorage.setItem(EARLIER, JSON.stringify(list.slice(-20))); } else { sessionStorage.removeItem(EARLIER); }
    } catch (e) { /* private mode */ }
  }
  function noteEarlier() {
    if (!worker || navigator.serviceWorker.controller || body.hasAttribute("data-offline-page")) { return; }
    var here = location.pathname + location.search;
    var list = earlier().filter(function (entry) { return entry.path !== here; });
    list.push({ path: here, user: user });
    keepEarlier(list);
  }
  function handOver() {
    var controller = navigator.serviceWorker.controller;
    var list = earlier();
    if (controller && list.length) {
      controller.postMessage({ type: "keep-earlier", paths: list.map(function (entry) { return entry.path; }) });
    }
  }
  function forgetEarlier(paths) {
    keepEarlier(earlier().filter(function (entry) { return (paths || []).indexOf(entry.path) === -1; }));
  }

  // --- shared phones: a person's copies go when they do ---
  function forgetPages() {
    store("htmx-history-cache", null);
    return window.caches ? caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return n.indexOf("bb-pages-") === 0; }).map(function (n) { return caches.delete(n); }));
    }) : Promise.resolve();
  }
  function forgetPush() {
    return ready().then(function (r) { return r.pushManager && r.pushManager.getSubscription(); })
      .then(function (s) { return s && s.unsubscribe(); }).catch(function () {});
  }
  /* Their outbox stays, held for them: sent only once the same person is
     logged in again (outbox.js sends only the items of whoever /csrf names). */
  function forgetPerson() {
    var jobs = [];
    var gone = body.getAttribute("data-logged-out");
    var before = stored("bb-user");
    if (gone) {
      jobs.push(forgetPages(), forgetPush(), Outbox ? Outbox.hold(gone) : null);
    } else if (before && before !== user) {
      // Someone else, or nobody: the last person's session ended.
      jobs.push(forgetPages(), user ? forgetPush() : null, Outbox ? Outbox.hold(before) : null);
    }
    store("bb-user", user);
    return Promise.all(jobs).then(function () { body.setAttribute("data-pwa-forgotten", gone || ""); }, function () {});
  }

  // --- on demand: the home-screen offer (second visit) and read aloud (where marked) ---
  var installEvent = null;
  window.addEventListener("beforeinstallprompt", function (event) {
    event.preventDefault(); // our own quiet offer, once, not the browser's bar on every visit
    installEvent = event;
    document.dispatchEvent(new CustomEvent("bb:installable"));
  });
  var loaded = {};
  function load(name) {
    if (!loaded[name]) {
      loaded[name] = true;
      var script = document.createElement("script");
      script.src = texts.getAttribute("data-js-" + name);
      document.head.appendChild(script);
    }
  }
  function firstVisitOfSession() {
    var visits = Number(stored("bb-visits") || 0);
    try {
      if (!sessionStorage.getItem("bb-visit")) {
        sessionStorage.setItem("bb-visit", "1");
        store("bb-visits", String(visits += 1));
      }
    } catch (e) { return 0; }
    return visits;
  }
  function addReadAloud(root) {
    if ("speechSynthesis" in window && root.querySelector("[data-read-aloud]:not([data-read-aloud-ready])")) {
      if (window.BasisbaanReadAloud) { window.BasisbaanReadAloud(root); } else { load("read-aloud"); }
    }
  }
  window.BasisbaanPwa = { piece: piece, store: store, main: main, installEvent: function () { return installEvent; },
    clearInstallEvent: function () { installEvent = null; } };

  // Back after logging out must not show the last person's page from memory.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && (stored("bb-user") || "") !== user) { location.reload(); }
  });
  giveIds(document);
  addReadAloud(document);
  showBanner();
  window.addEventListener("online", function () { clearNotSent(); calm(); check(); });
  window.addEventListener("offline", function () { setConnection("offline"); });
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden && timer === null) { check(); }
  });
  if (connection === "unreachable") { later(); }
  if (worker) { keepEarlier(earlier()); noteEarlier(); handOver(); }  // only this person's
  var installed = window.matchMedia && matchMedia("(display-mode: standalone)").matches;
  if (firstVisitOfSession() >= 2 && body.hasAttribute("data-install-offer") && !stored("bb-install") && !installed) { load("install"); }
  forgetPerson().then(showPending).then(flush);
})();
