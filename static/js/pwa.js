/* Basisbaan as an app on the phone: the service worker, the "you are
   offline" banner, the outbox for forms written offline, wiping a person's
   copies when they log out, the home-screen prompt, read aloud, and
   notifications on/off. Every word comes from <template id="pwa-texts">
   (templates/pwa/_texts.html), which the server renders in the reader's
   language. Every page works without this file. */
(function () {
  "use strict";
  var texts = document.getElementById("pwa-texts");
  var body = document.body;
  var main = document.getElementById("main");
  var Outbox = window.BasisbaanOutbox;
  var csrfUrl = texts ? texts.getAttribute("data-csrf") : null;
  var user = body.getAttribute("data-user") || "";
  var SYNC_TAG = "bb-outbox";
  var PAGES_PREFIX = "bb-pages-";

  function piece(name) {
    var found = texts && texts.content.querySelector('[data-pwa="' + name + '"]');
    return found ? found.cloneNode(true) : null;
  }

  function remember(key, value) {
    try { if (value === null) { localStorage.removeItem(key); } else { localStorage.setItem(key, value); } } catch (error) { /* private mode */ }
  }

  function recall(key) {
    try { return localStorage.getItem(key); } catch (error) { return null; }
  }

  function swReady() {
    return "serviceWorker" in navigator ? navigator.serviceWorker.ready : Promise.reject(new Error("no worker"));
  }

  // --- the offline page -----------------------------------------------------

  if (body.hasAttribute("data-offline-page")) {
    document.querySelectorAll("[data-reload]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { location.reload(); });
    });
  }
  if (!texts) { return; }

  // --- the service worker ---------------------------------------------------

  function register() {
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.register(texts.getAttribute("data-sw")).catch(function () {});
    }
  }
  if (document.readyState === "complete") { register(); } else { window.addEventListener("load", register); }

  // --- "you are offline, this is from <time>" ------------------------------

  var banner = null;

  function when(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) { return ""; }
    try {
      return new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: "long", timeStyle: "short" }).format(date);
    } catch (error) {
      return date.toLocaleString();
    }
  }

  function showBanner() {
    var saved = body.hasAttribute("data-saved-copy");
    var offline = navigator.onLine === false;
    var fresh = (saved || offline) && piece(offline ? "offline" : "saved");
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

  // --- client ids -------------------------------------------------------------

  function newId() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 15) | 64;
    bytes[8] = (bytes[8] & 63) | 128;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  /* A fresh id whenever a form appears (see webapp/idempotency.py): a double
     tap sends the same id; a page read again next week does not reuse one. */
  function giveIds(root) {
    var forms = [].slice.call(root.querySelectorAll("form[data-outbox]"));
    if (root.matches && root.matches("form[data-outbox]")) { forms.push(root); }
    forms.forEach(function (form) {
      var field = form.querySelector("input[name=client_id]");
      if (field) { field.value = newId(); }
    });
  }

  // --- the outbox -------------------------------------------------------------

  function path(url) {
    var parsed = new URL(url, location.href);
    return parsed.pathname + parsed.search;
  }

  function showWaiting(form, item) {
    var note = piece("waiting");
    if (!note) { return; }
    note.setAttribute("data-outbox-item", item.id);
    var quoted = form.getAttribute("data-outbox-quote");
    var field = quoted && form.elements[quoted];
    if (field && field.value) {
      var quote = document.createElement("span");
      quote.className = "notice__quote";
      quote.textContent = field.value;
      note.querySelector("p").appendChild(quote);
    }
    form.parentNode.insertBefore(note, form);
    // A form that sends one thing (an interest, a vote) waits with it; a
    // form for more (messages: data-outbox="keep") is ready for the next one.
    if (form.getAttribute("data-outbox") === "keep") {
      form.reset();
      giveIds(form);
    } else {
      form.hidden = true;
    }
  }

  function askForSync() {
    swReady().then(function (registration) {
      return registration.sync && registration.sync.register(SYNC_TAG);
    }).catch(function () {});
  }

  function queue(form, submitter, formData) {
    var data = formData ? new FormData() : new FormData(form);
    if (formData) { formData.forEach(function (value, key) { data.append(key, value); }); }
    if (!formData && submitter && submitter.name) { data.append(submitter.name, submitter.value); }
    data.delete("csrf_token");
    if (!data.get("client_id")) { data.set("client_id", newId()); }
    var target = form.getAttribute("data-hx-target") || "";
    var item = {
      id: String(data.get("client_id")),
      user: user,
      url: path(form.action),
      body: new URLSearchParams(data).toString(),
      target: target.charAt(0) === "#" ? target : "",
      swap: form.getAttribute("data-hx-swap") || "innerHTML",
      page: location.pathname,
      created: Date.now()
    };
    return Outbox.put(item).then(function () {
      showWaiting(form, item);
      askForSync();
    }, function () { notSent(form); });
  }

  /* Waiting items of this page show where they were written, after a reload too. */
  function showPending() {
    if (!Outbox || !user) { return Promise.resolve(); }
    return Outbox.all().then(function (items) {
      items.forEach(function (item) {
        if (item.page !== location.pathname || String(item.user) !== user) { return; }
        if (document.querySelector('[data-outbox-item="' + item.id + '"]')) { return; }
        var form = [].slice.call(document.querySelectorAll("form[data-outbox]")).filter(function (candidate) {
          return path(candidate.action) === item.url && !candidate.hidden;
        })[0];
        if (form) { showWaiting(form, item); }
      });
    }).catch(function () {});
  }

  /* The server's answer to an item sent later: swapped in as htmx would have. */
  function settle(result) {
    var note = document.querySelector('[data-outbox-item="' + result.id + '"]');
    // Also when the note is not (yet) there: the worker may send an item
    // while this page, rendered before it arrived, is still loading.
    var here = note || result.page === location.pathname;
    var target = here && result.target && document.querySelector(result.target);
    if (result.html && target && window.htmx) {
      htmx.swap(target, result.html, { swapStyle: result.swap || "innerHTML" });
      if (note && document.contains(note)) { note.remove(); }
      return;
    }
    if (!note) { return; }
    var done = piece(result.ok ? "sent" : "refused");
    if (done) { note.replaceWith(done); } else { note.remove(); }
  }

  function flush() {
    if (!Outbox || navigator.onLine === false) { return Promise.resolve(); }
    return Outbox.flush(csrfUrl, settle).catch(function () {});
  }

  // --- "not sent": offline without an outbox --------------------------------

  function clearNotSent() {
    document.querySelectorAll("[data-pwa-not-sent]").forEach(function (note) { note.remove(); });
  }

  function notSent(element) {
    clearNotSent();
    var note = piece("not-sent");
    if (!note) { return; }
    note.setAttribute("data-pwa-not-sent", "");
    var place = element && element !== body && element.parentNode ? element : main.firstChild;
    place.parentNode.insertBefore(note, place);
  }

  function isLogout(form) {
    return path(form.action) === texts.getAttribute("data-logout");
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || form.method !== "post") { return; }
    if (navigator.onLine === false) {
      // Before htmx sees it (this listener runs first, on the way down).
      event.preventDefault();
      event.stopPropagation();
      if (form.hasAttribute("data-outbox") && Outbox && user) {
        queue(form, event.submitter);
      } else {
        notSent(form);
      }
      return;
    }
    if (isLogout(form) && !form.hasAttribute("data-flushed")) {
      // Send what is still waiting first: logging out wipes it.
      event.preventDefault();
      form.setAttribute("data-flushed", "");
      var go = function () { form.submit(); };
      Promise.race([flush(), new Promise(function (resolve) { setTimeout(resolve, 4000); })]).then(go, go);
    }
  }, true);

  document.addEventListener("htmx:sendError", function (event) {
    var element = event.detail.elt;
    var form = element && (element.tagName === "FORM" ? element : element.closest("form"));
    var config = event.detail.requestConfig || {};
    if (form && form.hasAttribute("data-outbox") && config.verb === "post" && Outbox && user) {
      queue(form, null, config.formData);
    } else {
      notSent(form || element);
    }
  });

  /* A proxy's "server unavailable" while the app restarts: worth waiting for too. */
  document.addEventListener("htmx:responseError", function (event) {
    var element = event.detail.elt;
    var form = element && (element.tagName === "FORM" ? element : element.closest("form"));
    var config = event.detail.requestConfig || {};
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    if (form && form.hasAttribute("data-outbox") && config.verb === "post" && Outbox && user &&
        [502, 503, 504].indexOf(status) !== -1) {
      queue(form, null, config.formData);
    }
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.successful) { clearNotSent(); }
  });

  document.addEventListener("htmx:load", function (event) { giveIds(event.detail.elt); });

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.type === "outbox") { settle(event.data.result); }
    });
  }

  // --- shared phones: a person's copies go when they do ---------------------

  function forgetPages() {
    remember("htmx-history-cache", null);
    if (!window.caches) { return Promise.resolve(); }
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) { return name.indexOf(PAGES_PREFIX) === 0; })
        .map(function (name) { return caches.delete(name); }));
    });
  }

  function forgetPush() {
    return swReady().then(function (registration) {
      return registration.pushManager && registration.pushManager.getSubscription();
    }).then(function (subscription) {
      return subscription && subscription.unsubscribe();
    }).catch(function () {});
  }

  function forgetPerson() {
    var jobs = [];
    var gone = body.getAttribute("data-logged-out");
    var before = recall("bb-user");
    if (gone) {
      jobs.push(forgetPages(), forgetPush());
      if (Outbox) { jobs.push(Outbox.forget(gone)); }
    } else if (before && before !== user) {
      // Someone else, or nobody: the last person's session ended.
      jobs.push(forgetPages());
      if (user) { jobs.push(forgetPush()); }
    }
    remember("bb-user", user);
    return Promise.all(jobs).then(function () {
      body.setAttribute("data-pwa-forgotten", gone || "");
    }, function () {});
  }

  // --- "put Basisbaan on your home screen" ----------------------------------

  var installEvent = null;
  var prompt = null;

  function installed() {
    return window.matchMedia && window.matchMedia("(display-mode: standalone)").matches;
  }

  function closePrompt(forGood) {
    if (forGood) { remember("bb-install", "done"); }
    if (prompt) {
      var hadFocus = prompt.contains(document.activeElement);
      prompt.remove();
      prompt = null;
      if (hadFocus) { main.focus(); }
    }
  }

  function fitPrompt() {
    if (!prompt) { return; }
    prompt.querySelector('[data-install="yes"]').hidden = !installEvent;
    prompt.querySelector('[data-install="how"]').hidden = Boolean(installEvent);
  }

  /* Once, on the second visit, never on the offline page or in the installed app. */
  function offerInstall() {
    var visits = Number(recall("bb-visits") || 0);
    try {
      if (!sessionStorage.getItem("bb-visit")) {
        sessionStorage.setItem("bb-visit", "1");
        visits += 1;
        remember("bb-visits", String(visits));
      }
    } catch (error) { return; }
    if (visits < 2 || recall("bb-install") || installed()) { return; }
    prompt = piece("install");
    if (!prompt) { return; }
    remember("bb-install", "shown");
    var heading = main.querySelector("h1");
    main.insertBefore(prompt, heading ? heading.nextSibling : main.firstChild);
    fitPrompt();
    prompt.querySelector('[data-install="no"]').addEventListener("click", function () { closePrompt(true); });
    prompt.querySelector('[data-install="yes"]').addEventListener("click", function () {
      if (!installEvent) { return; }
      installEvent.prompt();
      installEvent.userChoice.then(function () { closePrompt(true); }, function () { closePrompt(true); });
      installEvent = null;
    });
  }

  window.addEventListener("beforeinstallprompt", function (event) {
    // Our own quiet offer instead of the browser's bar on every visit.
    event.preventDefault();
    installEvent = event;
    fitPrompt();
  });
  window.addEventListener("appinstalled", function () { closePrompt(true); });

  // --- read aloud -------------------------------------------------------------

  var speech = "speechSynthesis" in window && typeof window.SpeechSynthesisUtterance === "function";
  var speechLang = document.documentElement.lang === "en" ? "en-GB" : "nl-NL";
  var reading = null;

  function sentences(text) {
    var found = [];
    text.split(/\n+/).forEach(function (line) {
      if (!line.trim()) { return; }
      if (window.Intl && Intl.Segmenter) {
        var parts = new Intl.Segmenter(speechLang, { granularity: "sentence" }).segment(line);
        Array.prototype.forEach.call(Array.from(parts), function (part) {
          if (part.segment.trim()) { found.push(part.segment.trim()); }
        });
      } else {
        (line.match(/[^.!?]+[.!?]*/g) || [line]).forEach(function (part) {
          if (part.trim()) { found.push(part.trim()); }
        });
      }
    });
    return found;
  }

  function textOf(element) {
    var parts = [element.innerText];
    (element.getAttribute("data-read-aloud") || "").split(/\s+/).forEach(function (id) {
      var more = id && document.getElementById(id);
      if (more) { parts.push(more.innerText); }
    });
    return parts.join("\n");
  }

  function voice() {
    var voices = speechSynthesis.getVoices ? speechSynthesis.getVoices() : [];
    var exact = voices.filter(function (v) { return v.lang && v.lang.replace("_", "-") === speechLang; })[0];
    return exact || voices.filter(function (v) { return v.lang && v.lang.indexOf(speechLang.slice(0, 2)) === 0; })[0] || null;
  }

  function label(button, stop) {
    if (!button.bbPlay) { button.bbPlay = [].slice.call(button.childNodes); }
    if (stop) {
      var words = piece("read-aloud-stop");
      button.replaceChildren.apply(button, [].slice.call(words.childNodes));
    } else {
      button.replaceChildren.apply(button, button.bbPlay);
    }
  }

  function stopReading() {
    if (!reading) { return; }
    var button = reading.button;
    reading = null;
    speechSynthesis.cancel();
    label(button, false);
  }

  function speakNext() {
    if (!reading) { return; }
    if (reading.index >= reading.parts.length) { stopReading(); return; }
    var utterance = new SpeechSynthesisUtterance(reading.parts[reading.index]);
    utterance.lang = speechLang;
    var chosen = voice();
    if (chosen) { utterance.voice = chosen; }
    var mine = reading;
    utterance.onend = function () {
      if (reading === mine) { mine.index += 1; speakNext(); }
    };
    utterance.onerror = function () { if (reading === mine) { stopReading(); } };
    speechSynthesis.speak(utterance);
  }

  function toggleReading(element, button) {
    var same = reading && reading.button === button;
    stopReading();
    if (same) { return; }
    var parts = sentences(textOf(element));
    if (!parts.length) { return; }
    reading = { button: button, parts: parts, index: 0 };
    label(button, true);
    speakNext();
  }

  /* Any element marked data-read-aloud gets a button after it (its value may
     name more elements, by id, to read after it). Only where the browser can
     speak: without it, or without JavaScript, there is no dead button. */
  function addReadAloud(root) {
    if (!speech) { return; }
    root.querySelectorAll("[data-read-aloud]:not([data-read-aloud-ready])").forEach(function (element) {
      var button = piece("read-aloud");
      if (!button) { return; }
      element.setAttribute("data-read-aloud-ready", "");
      element.insertAdjacentElement("afterend", button);
      button.addEventListener("click", function () { toggleReading(element, button); });
    });
  }
  window.addEventListener("pagehide", stopReading);
  document.addEventListener("htmx:load", function (event) { addReadAloud(event.detail.elt); });

  // --- notifications on this phone (settings) --------------------------------

  function keyBytes(text) {
    var raw = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4));
    return Uint8Array.from(raw, function (ch) { return ch.charCodeAt(0); });
  }

  function postJson(url, data) {
    return fetch(csrfUrl, { credentials: "same-origin", cache: "no-store" }).then(function (response) {
      return response.json();
    }).then(function (session) {
      return fetch(url, {
        method: "POST", credentials: "same-origin", body: JSON.stringify(data),
        headers: { "Content-Type": "application/json", "X-CSRFToken": session.csrf_token }
      });
    }).then(function (response) {
      if (!response.ok) { throw new Error("refused"); }
    });
  }

  function pushSettings() {
    var box = document.querySelector("[data-push-key]");
    if (!box || !("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
      return;
    }
    function show(state, failed) {
      box.querySelectorAll("[data-push-state]").forEach(function (element) {
        var name = element.getAttribute("data-push-state");
        element.hidden = !(name === state || (failed && name === "failed"));
      });
      box.querySelector('[data-push-action="on"]').hidden = state !== "off";
      box.querySelector('[data-push-action="off"]').hidden = state !== "on";
    }
    function current() {
      return swReady().then(function (registration) {
        return registration.pushManager.getSubscription();
      });
    }
    current().then(function (subscription) {
      show(subscription ? "on" : (Notification.permission === "denied" ? "blocked" : "off"));
    }).catch(function () {});
    box.querySelector('[data-push-action="on"]').addEventListener("click", function () {
      Notification.requestPermission().then(function (permission) {
        if (permission !== "granted") { show(permission === "denied" ? "blocked" : "off"); return undefined; }
        return swReady().then(function (registration) {
          return registration.pushManager.subscribe({
            userVisibleOnly: true, applicationServerKey: keyBytes(box.getAttribute("data-push-key"))
          });
        }).then(function (subscription) {
          return postJson(box.getAttribute("data-push-subscribe"), subscription.toJSON());
        }).then(function () { show("on"); });
      }).catch(function () { show("off", true); });
    });
    box.querySelector('[data-push-action="off"]').addEventListener("click", function () {
      current().then(function (subscription) {
        if (!subscription) { return undefined; }
        return postJson(box.getAttribute("data-push-unsubscribe"), { endpoint: subscription.endpoint })
          .then(function () { return subscription.unsubscribe(); });
      }).then(function () { show("off"); }).catch(function () { show("on", true); });
    });
  }

  // --- start ------------------------------------------------------------------

  giveIds(document);
  addReadAloud(document);
  showBanner();
  window.addEventListener("online", function () { clearNotSent(); showBanner(); flush(); });
  window.addEventListener("offline", showBanner);
  pushSettings();
  offerInstall();
  forgetPerson().then(showPending).then(flush);
})();
