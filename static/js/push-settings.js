/* Notifications on this phone (templates/pwa/_push_settings.html): shows
   the state and turns Web Push on or off. Without this file, or where the
   browser has no push, the section says the in-app list still works. */
(function () {
  "use strict";
  var box = document.querySelector("[data-push-key]");
  if (!box || !("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
    return;
  }
  var on = box.querySelector('[data-push-action="on"]');
  var off = box.querySelector('[data-push-action="off"]');

  function show(state, failed) {
    box.querySelectorAll("[data-push-state]").forEach(function (element) {
      var name = element.getAttribute("data-push-state");
      element.hidden = !(name === state || (failed && name === "failed"));
    });
    on.hidden = state !== "off";
    off.hidden = state !== "on";
  }

  function current() {
    return navigator.serviceWorker.ready.then(function (r) { return r.pushManager.getSubscription(); });
  }

  function key(text) {
    var raw = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4));
    return Uint8Array.from(raw, function (ch) { return ch.charCodeAt(0); });
  }

  // JSON with a fresh token: the page may have been open all day.
  function post(url, data) {
    return fetch(box.getAttribute("data-push-csrf"), { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (session) {
        return fetch(url, {
          method: "POST", credentials: "same-origin", body: JSON.stringify(data),
          headers: { "Content-Type": "application/json", "X-CSRFToken": session.csrf_token }
        });
      }).then(function (response) { if (!response.ok) { throw new Error("refused"); } });
  }

  current().then(function (subscription) {
    show(subscription ? "on" : Notification.permission === "denied" ? "blocked" : "off");
  }).catch(function () {});

  on.addEventListener("click", function () {
    Notification.requestPermission().then(function (permission) {
      if (permission !== "granted") { show(permission === "denied" ? "blocked" : "off"); return undefined; }
      return navigator.serviceWorker.ready.then(function (r) {
        return r.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key(box.getAttribute("data-push-key")) });
      }).then(function (subscription) {
        return post(box.getAttribute("data-push-subscribe"), subscription.toJSON());
      }).then(function () { show("on"); });
    }).catch(function () { show("off", true); });
  });

  off.addEventListener("click", function () {
    current().then(function (subscription) {
      return subscription && post(box.getAttribute("data-push-unsubscribe"), { endpoint: subscription.endpoint })
        .then(function () { return subscription.unsubscribe(); });
    }).then(function () { show("off"); }).catch(function () { show("on", true); });
  });
})();
