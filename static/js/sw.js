/* The service worker, served at /sw.js (scope /) with its settings on the
   first line (webapp/pwa: version, precache, offline, outbox, csrf, icon,
   badge, notifications). The version follows every file it keeps: a new one
   takes over whole, with new caches and the old ones deleted.
   Static files: cache first. Pages: network first (a failed load is tried
   once more at once), else the last good copy, else a page that says why:
   offline when the phone says so, otherwise "cannot be reached right now".
   Pages a person opened before the worker took over are kept when the page
   names them. Background Sync sends the outbox. Pushes become notifications
   that open the right page. */
"use strict";
var CONFIG = self.BASISBAAN;
importScripts(CONFIG.outbox);

var PREFIX = "bb-";
var STATIC = "bb-static-" + CONFIG.version;
var PAGES = "bb-pages-" + CONFIG.version;
var STATIC_PATH = new URL(CONFIG.outbox, self.location.href).pathname.replace(/js\/outbox\.js$/, "");
var MAX_PAGES = 60;
var PATIENCE = 8000; // ms to wait for a slow network before showing a saved copy
var SENDING = 3000; // ms a page waits for the outbox to finish sending
var AGAIN = 400; // ms before a failed page load is tried once more
var EARLIER = 20; // pages opened before the worker took over that it keeps at most
var SYNC_TAG = "bb-outbox";
// A person's data as a download (/profile/export, /caseload/<id>/export):
// never kept, not even handled here; the browser fetches it itself.
var NEVER_KEPT = /\/export$/;

function noop() {}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(STATIC).then(function (cache) {
    return cache.addAll(CONFIG.precache).then(function () { return saveOfflinePage(cache); });
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil((async function () {
    var names = await caches.keys();
    await carryOver(names.filter(function (name) {
      return name.indexOf(PREFIX + "pages-") === 0 && name !== PAGES;
    }));
    await Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name !== STATIC && name !== PAGES;
    }).map(function (name) { return caches.delete(name); }));
    await self.clients.claim();
    await keepOpenPages();
  })());
});

// Pages saved by the old version point at old static files: fetch them again (mostly 304).
async function carryOver(oldNames) {
  var urls = [];
  for (var i = 0; i < oldNames.length; i += 1) {
    var keys = await (await caches.open(oldNames[i])).keys();
    keys.forEach(function (request) { if (urls.indexOf(request.url) === -1) { urls.push(request.url); } });
  }
  for (var j = Math.max(0, urls.length - MAX_PAGES); j < urls.length; j += 1) {
    await fetchAndKeep(urls[j]).catch(noop);
  }
}

// The page that registered the worker loaded before it: keep it too (one visit is enough).
async function keepOpenPages() {
  var windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (var i = 0; i < windows.length; i += 1) {
    var url = new URL(windows[i].url);
    if (url.origin === self.location.origin && url.pathname !== CONFIG.offline) {
      // The copy the page just got, from the HTTP cache: no second request.
      await fetchAndKeep(url.href, "force-cache").catch(noop);
    }
  }
}

function fetchAndKeep(url, cache) {
  return fetch(url, { credentials: "same-origin", cache: cache || "default" }).then(function (response) {
    return keepable(response) ? remember(url, response) : undefined;
  });
}

function keepable(response) {
  var type = response.headers.get("Content-Type") || "";
  var control = response.headers.get("Cache-Control") || "";
  var attachment = (response.headers.get("Content-Disposition") || "").indexOf("attachment") === 0;
  return response.status === 200 && response.type === "basic" && !response.redirected &&
    type.indexOf("text/html") === 0 && control.indexOf("no-store") === -1 && !attachment &&
    !NEVER_KEPT.test(new URL(response.url || self.location.href).pathname);
}

function remember(url, response) {
  return caches.open(PAGES).then(function (cache) {
    // put() replaces in one step: the page is never missing meanwhile.
    return cache.put(url, response).then(function () { return cache.keys(); }).then(function (keys) {
      // Keep the last MAX_PAGES pages (the first kept go first).
      return Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_PAGES)).map(function (key) {
        return cache.delete(key);
      }));
    });
  });
}

// Two pages for a page never saved: "you are offline" and "cannot be reached right now".
function saveOfflinePage(cache) {
  return Promise.all([CONFIG.offline, CONFIG.unreachable].map(function (url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      return response.ok ? cache.put(url, response) : undefined;
    }).catch(noop);
  }));
}

// The offline page speaks the reader's language: fetch it again after a switch.
function checkOfflinePage(language) {
  if (!language) { return Promise.resolve(); }
  return caches.open(STATIC).then(function (cache) {
    return cache.match(CONFIG.offline).then(function (current) {
      if (current && current.headers.get("Content-Language") === language) { return undefined; }
      return saveOfflinePage(cache);
    });
  });
}

function savedCopy(url) {
  return caches.open(PAGES).then(function (cache) {
    return cache.match(url, { ignoreVary: true });
  }).then(function (response) {
    if (!response) { return null; }
    // pwa.js then says it is a saved copy, and from when.
    return response.text().then(function (html) {
      var headers = new Headers(response.headers);
      headers.delete("Content-Length");
      return new Response(html.replace("<body ", "<body data-saved-copy "), {
        status: 200, statusText: "OK", headers: headers
      });
    });
  });
}

// Offline only when the phone says so; else Basisbaan cannot be reached right now.
function offline() { return self.navigator.onLine === false; }

function escapeAttribute(text) {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/* The page for a page this phone never saved. Its "Try again" is a link to
   the page asked for (it works without JavaScript too). */
function offlinePage(url) {
  var which = offline() ? CONFIG.offline : CONFIG.unreachable;
  return caches.open(STATIC).then(function (cache) {
    return cache.match(which).then(function (response) {
      return response || cache.match(CONFIG.offline);
    });
  }).then(function (response) {
    if (!response) { return Response.error(); }
    if (!url) { return response; }
    var again = new URL(url);
    return response.text().then(function (html) {
      var headers = new Headers(response.headers);
      headers.delete("Content-Length");
      html = html.replace(/href="[^"]*"(?= data-retry)/, 'href="' + escapeAttribute(again.pathname + again.search) + '"');
      return new Response(html, { status: 200, statusText: "OK", headers: headers });
    });
  });
}

function wait(ms) { return new Promise(function (resolve) { setTimeout(resolve, ms); }); }

/* A page load that failed while the phone says it is online is tried once
   more, quickly: one lost request on a weak line is no reason for a note. */
function fetchPage(request) {
  return fetch(request).catch(function (error) {
    if (offline()) { throw error; }
    return wait(AGAIN).then(function () { return fetch(request); });
  });
}

function page(event) {
  var request = event.request;
  var kept = Promise.resolve();
  // A reload while the worker sends the outbox would show the page from before the send.
  var settled = self.BasisbaanOutbox.settled(SENDING);
  var network = settled.then(function () { return fetchPage(request); }).then(function (response) {
    if (keepable(response)) {
      kept = remember(request.url, response.clone()).then(function () {
        return checkOfflinePage(response.headers.get("Content-Language"));
      });
    }
    return response;
  });
  event.waitUntil(network.then(function () { return kept; }).catch(noop));
  var answered = false;
  network.then(function () { answered = true; }, function () { answered = true; });
  var slow = settled.then(function () {
    return new Promise(function (resolve) { setTimeout(resolve, PATIENCE); });
  }).then(function () {
    if (answered) { return network; }
    return savedCopy(request.url).then(function (copy) { return copy || network; });
  });
  return Promise.race([network, slow]).catch(function () {
    return savedCopy(request.url).then(function (copy) { return copy || offlinePage(request.url); });
  });
}

function fromStatic(request) {
  return caches.match(request, { ignoreVary: true }).then(function (cached) {
    if (cached) { return cached; }
    return fetch(request).then(function (response) {
      if (response.ok && new URL(request.url).searchParams.has("v")) {
        var copy = response.clone();
        caches.open(STATIC).then(function (cache) { return cache.put(request, copy); }).catch(noop);
      }
      return response;
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || NEVER_KEPT.test(url.pathname)) { return; }
  if (request.method === "GET" && url.pathname.indexOf(STATIC_PATH) === 0) {
    event.respondWith(fromStatic(request));
  } else if (request.mode === "navigate" && request.method === "GET") {
    event.respondWith(page(event));
  } else if (request.mode === "navigate") {
    // A form posted while the connection only seemed to work.
    var from = request.referrer && request.referrer.indexOf(self.location.origin + "/") === 0 ? request.referrer : "";
    event.respondWith(fetch(request).catch(function () { return offlinePage(from); }));
  }
});

// --- pages opened before the worker took over -----------------------------------

/* The first pages of the first visit load before the worker controls them:
   the page names them (pwa.js keeps the list in sessionStorage) and the
   worker keeps them by the same rules as any page. Only a page the browser
   kept in its HTTP cache (never one marked no-store, such as the log-in
   page: nothing is fetched for those), and then revalidated, mostly a 304:
   the server answers for whoever is logged in now, never from another
   person's copy. */
function inHttpCache(url) {
  return fetch(url, { credentials: "same-origin", cache: "only-if-cached", mode: "same-origin" })
    .then(function (response) { return response.ok; }, function () { return false; });
}

function keepEarlier(paths) {
  var list = (Array.isArray(paths) ? paths : []).slice(-EARLIER);
  return caches.open(PAGES).then(function (cache) {
    return list.reduce(function (previous, path) {
      return previous.then(function () {
        var url;
        try { url = new URL(path, self.location.origin); } catch (error) { return undefined; }
        if (url.origin !== self.location.origin || url.pathname.indexOf(STATIC_PATH) === 0 || NEVER_KEPT.test(url.pathname) ||
            url.pathname === CONFIG.offline || url.pathname === CONFIG.unreachable) { return undefined; }
        return cache.match(url.href, { ignoreVary: true }).then(function (have) {
          return have ? false : inHttpCache(url.href);
        }).then(function (wanted) {
          return wanted ? fetchAndKeep(url.href, "no-cache").catch(noop) : undefined;
        });
      });
    }, Promise.resolve());
  });
}

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type !== "keep-earlier" || !event.source) { return; }
  var source = event.source;
  event.waitUntil(keepEarlier(data.paths).then(function () {
    source.postMessage({ type: "kept-earlier", paths: data.paths });
  }).catch(noop));
});

// --- the outbox ---------------------------------------------------------------

function tellPages(result) {
  return self.clients.matchAll({ type: "window" }).then(function (windows) {
    windows.forEach(function (client) { client.postMessage({ type: "outbox", result: result }); });
  });
}

self.addEventListener("sync", function (event) {
  if (event.tag !== SYNC_TAG) { return; }
  event.waitUntil(self.BasisbaanOutbox.flush(CONFIG.csrf, tellPages).then(function (state) {
    // Rejecting makes the browser try again later.
    if (state.failed) { throw new Error("outbox not sent yet"); }
  }));
});

// --- push ---------------------------------------------------------------------------

self.addEventListener("push", function (event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (error) { data = {}; }
  event.waitUntil(self.registration.showNotification(data.title || "Basisbaan", {
    body: data.body || "",
    lang: data.lang || "",
    tag: data.tag || "basisbaan",
    renotify: true,
    icon: CONFIG.icon,
    badge: CONFIG.badge,
    data: { url: data.url, id: data.id }
  }));
});

function openPage(href) {
  return self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (windows) {
    for (var i = 0; i < windows.length; i += 1) {
      if (windows[i].url === href && "focus" in windows[i]) { return windows[i].focus(); }
    }
    return self.clients.openWindow(href);
  });
}

// Opening the push counts as reading the notification.
function markRead(id) {
  if (typeof id !== "number") { return Promise.resolve(); }
  return fetch(CONFIG.csrf, { credentials: "same-origin", cache: "no-store" }).then(function (response) {
    return response.json();
  }).then(function (session) {
    var body = new URLSearchParams({ csrf_token: session.csrf_token });
    return fetch(CONFIG.notifications + "/" + id + "/open", {
      method: "POST", body: body, credentials: "same-origin", redirect: "manual"
    });
  }).catch(noop);
}

self.addEventListener("notificationclick", function (event) {
  var data = event.notification.data || {};
  event.notification.close();
  var url = new URL(data.url || CONFIG.notifications, self.location.origin);
  if (url.origin !== self.location.origin) { url = new URL(CONFIG.notifications, self.location.origin); }
  event.waitUntil(Promise.all([openPage(url.href), markRead(data.id)]));
});
