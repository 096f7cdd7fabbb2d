/* The outbox: forms written offline wait in IndexedDB until they can be sent.
   Used by the pages (pwa.js) and the service worker (sw.js). An item is one
   post: { id (its client_id), user, url, body (without CSRF token), target,
   swap, page, created, held }. An item waits for the person who wrote it:
   when their session ends (logging out, an idle session) it stays, held,
   and is sent once that same person is logged in again; never for anyone
   else. */
(function (scope) {
  "use strict";
  var DB_NAME = "basisbaan";
  var STORE = "outbox";
  var LOCK = "basisbaan-outbox";
  // Worth another try later; any other answer is final.
  var RETRY = [0, 401, 408, 425, 429];
  // A gateway's answer while the app cannot be reached (restarting, overloaded).
  var GATEWAY = [502, 503, 504];
  // Basisbaan's own "not saved, try again" (a locked database, a full disk;
  // webapp/main/routes.py): it answered, so it is not unreachable.
  var NOT_SAVED = "Basisbaan-Not-Saved";

  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore(STORE, { keyPath: "id" });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function run(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var request = work(tx.objectStore(STORE));
        tx.oncomplete = function () { db.close(); resolve(request ? request.result : undefined); };
        tx.onerror = tx.onabort = function () { db.close(); reject(tx.error); };
      });
    });
  }

  function all() {
    return run("readonly", function (store) { return store.getAll(); }).then(function (items) {
      return (items || []).sort(function (a, b) { return a.created - b.created; });
    });
  }

  function put(item) {
    return run("readwrite", function (store) { return store.put(item); });
  }

  function remove(id) {
    return run("readwrite", function (store) { return store.delete(id); });
  }

  /* One person's session ended: their items stay, held for them (pwa.js
     tells them when these are sent after they are back). */
  function hold(user) {
    return all().then(function (items) {
      return run("readwrite", function (store) {
        items.forEach(function (item) {
          if (String(item.user) === String(user) && !item.held) { item.held = true; store.put(item); }
        });
      });
    });
  }

  /* Background Sync, the `online` event and a page load may all flush at
     once: one at a time, and each reads the outbox again inside the lock. */
  function locked(work) {
    if (scope.navigator && navigator.locks && navigator.locks.request) {
      return navigator.locks.request(LOCK, work);
    }
    return work();
  }

  /* Resolves when no flush is running (or after wait ms at most): a page
     asked for meanwhile must show what was just sent, not the form again. */
  function settled(wait) {
    if (!(scope.navigator && navigator.locks && navigator.locks.request)) { return Promise.resolve(); }
    var free = navigator.locks.request(LOCK, function () {}).catch(function () {});
    return Promise.race([free, new Promise(function (resolve) { setTimeout(resolve, wait); })]);
  }

  function who(csrfUrl) {
    return fetch(csrfUrl, {
      credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" }
    }).then(function (response) {
      if (!response.ok) {
        var error = new Error("no token");
        error.unreachable = GATEWAY.indexOf(response.status) !== -1;
        throw error;
      }
      return response.json();
    }, function (error) {
      error.unreachable = true;  // no answer at all
      throw error;
    });
  }

  /* Send the items of whoever is logged in now, oldest first, with a fresh
     CSRF token (written in the evening, sent next morning). report(result)
     hears each final answer { id, status, ok, html, target, swap, retarget,
     reswap, page } (retarget and reswap: the server's HX-Retarget and
     HX-Reswap, which htmx would have followed).
     Resolves { sent, left, failed, reached, unreachable, wait, notice };
     failed: try again later (wait: not before so many seconds, notice: the
     server's words why); reached: the server answered (so the connection works);
     unreachable: a request got no answer, or only a gateway's. Someone
     else's items wait until that person logs in again. */
  function flush(csrfUrl, report) {
    return locked(function () {
      return all().then(function (items) {
        if (!items.length) { return { sent: 0, left: 0, failed: false, reached: false, unreachable: false }; }
        return who(csrfUrl).then(function (session) {
          var mine = items.filter(function (item) {
            return session.user !== null && String(item.user) === String(session.user);
          });
          var state = { sent: 0, left: items.length, failed: false, reached: true, unreachable: false };
          return mine.reduce(function (previous, item) {
            return previous.then(function (go) {
              return go && send(item, session.csrf_token).then(function (result) {
                if (result.later) {
                  state.failed = true;
                  state.unreachable = result.unreachable;
                  state.wait = result.wait;
                  state.notice = result.notice;
                  return false;
                }
                state.sent += 1;
                state.left -= 1;
                return remove(item.id).then(function () {
                  if (report) { report(result); }
                  return true;
                });
              });
            });
          }, Promise.resolve(true)).then(function () { return state; });
        }, function (error) {
          return { sent: 0, left: items.length, failed: true, reached: !error.unreachable, unreachable: !!error.unreachable };
        });
      });
    });
  }

  // The final answer, or { later, unreachable } to keep the item for later.
  function send(item, token) {
    var body = new URLSearchParams(item.body);
    body.set("csrf_token", token);
    // Basisbaan-Outbox: "not logged in" is a 401 then, not a redirect to the
    // login page this request could not tell from "sent" (webapp/auth/routes.py).
    var headers = { "Content-Type": "application/x-www-form-urlencoded", "Basisbaan-Outbox": "1" };
    if (item.target) { headers["HX-Request"] = "true"; }
    return fetch(item.url, {
      method: "POST", body: body.toString(), headers: headers, credentials: "same-origin",
      // Without htmx the answer is a redirect nobody needs to follow.
      redirect: item.target ? "follow" : "manual"
    }).then(function (response) {
      var status = response.type === "opaqueredirect" ? 303 : response.status;
      if (status === 429) { return tooMany(item, response); }
      if (RETRY.indexOf(status) !== -1 || status >= 500) {
        var ours = response.headers.get(NOT_SAVED) !== null;
        return { later: true, unreachable: !ours && (status === 0 || GATEWAY.indexOf(status) !== -1) };
      }
      var type = response.headers.get("Content-Type") || "";
      var text = item.target && type.indexOf("text/html") === 0
        ? response.text() : Promise.resolve("");
      return text.then(function (html) {
        return {
          id: item.id, status: status, ok: status < 400, html: html, target: item.target, swap: item.swap,
          retarget: html && response.headers.get("HX-Retarget") || "",
          reswap: html && response.headers.get("HX-Reswap") || "", page: item.page, held: !!item.held
        };
      });
    }, function () { return { later: true, unreachable: true }; });
  }

  /* Over a limit (429): the item waits at least Retry-After seconds, and the
     page shows the server's notice ("try again in N minutes") beside it. */
  function tooMany(item, response) {
    var wait = parseInt(response.headers.get("Retry-After"), 10);
    var type = response.headers.get("Content-Type") || "";
    var text = item.target && type.indexOf("text/html") === 0 ? response.text() : Promise.resolve("");
    return text.then(function (html) {
      return { later: true, unreachable: false, wait: wait > 0 ? wait : 60, notice: { id: item.id, html: html } };
    }, function () { return { later: true, unreachable: false, wait: wait > 0 ? wait : 60 }; });
  }

  scope.BasisbaanOutbox = { all: all, put: put, remove: remove, hold: hold, flush: flush, settled: settled };
})(self);
