/* "Put Basisbaan on your home screen": loaded by pwa.js once, on a resident's
   second visit, unless the offer was seen before or the app is installed. It
   comes at the end of the page, never between a title and its content. The
   browser's own install button where it offers one, plain instructions
   otherwise; "No, thank you" closes it for good. */
(function () {
  "use strict";
  var pwa = window.BasisbaanPwa;
  var main = pwa.main;
  var offer = pwa.piece("install");
  if (!offer) { return; }
  pwa.store("bb-install", "shown"); // once: whatever happens, it does not come back

  function close() {
    pwa.store("bb-install", "done");
    if (!offer) { return; }
    var focused = offer.contains(document.activeElement);
    offer.remove();
    offer = null;
    if (focused) { main.focus(); }
  }
  function fit() {
    if (offer) {
      offer.querySelector('[data-install="yes"]').hidden = !pwa.installEvent();
      offer.querySelector('[data-install="how"]').hidden = Boolean(pwa.installEvent());
    }
  }

  // At the end of the page: it never comes between a page's title and what the page is for.
  main.appendChild(offer);
  fit();
  document.addEventListener("bb:installable", fit);
  window.addEventListener("appinstalled", close);
  offer.querySelector('[data-install="no"]').addEventListener("click", close);
  offer.querySelector('[data-install="yes"]').addEventListener("click", function () {
    var event = pwa.installEvent();
    if (!event) { return; }
    pwa.clearInstallEvent();
    event.prompt();
    event.userChoice.then(close, close);
  });
})();
