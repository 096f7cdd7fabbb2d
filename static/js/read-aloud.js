/* Read aloud: a button after every [data-read-aloud] element (its value may
   name more elements, by id, to read after it), each in its own language
   (its lang attribute or the page's: nl-NL or en-GB; a proposal may be
   written in the other language), one sentence at a time, stopped by the
   same button. data-read-aloud-button names another button to use (one
   that says what it reads, where a page has more than one).
   Loaded by pwa.js only where such an element is and the browser can speak,
   so nobody sees a button that does nothing. */
(function () {
  "use strict";
  var pwa = window.BasisbaanPwa;
  var reading = null;

  function langOf(element) {
    var marked = element.closest("[lang]");
    var code = (marked ? marked.getAttribute("lang") : document.documentElement.lang) || "";
    return code.toLowerCase().indexOf("en") === 0 ? "en-GB" : "nl-NL";
  }
  function sentences(text, lang) {
    var found = [];
    text.split(/\n+/).forEach(function (line) {
      var parts = window.Intl && Intl.Segmenter
        ? Array.from(new Intl.Segmenter(lang, { granularity: "sentence" }).segment(line), function (s) { return s.segment; })
        : line.match(/[^.!?]+[.!?]*/g) || [];
      parts.forEach(function (part) { if (part.trim()) { found.push(part.trim()); } });
    });
    return found;
  }
  // Each sentence with its language: { text, lang }.
  function partsOf(element) {
    var found = [];
    [element].concat((element.getAttribute("data-read-aloud") || "").split(/\s+/).map(function (id) {
      return id && document.getElementById(id);
    })).filter(Boolean).forEach(function (e) {
      var lang = langOf(e);
      sentences(e.innerText, lang).forEach(function (text) { found.push({ text: text, lang: lang }); });
    });
    return found;
  }
  function voice(lang) {
    var voices = speechSynthesis.getVoices ? speechSynthesis.getVoices() : [];
    return voices.filter(function (v) { return v.lang && v.lang.replace("_", "-") === lang; })[0] ||
      voices.filter(function (v) { return v.lang && v.lang.indexOf(lang.slice(0, 2)) === 0; })[0] || null;
  }
  // "Read aloud: message from Sanne, 2 December, 14:05": where a page has many
  // buttons, each is named for what it reads (data-read-aloud-about), after
  // the words it shows (so a voice command with those words finds it too).
  function name(button) {
    if (button.bbAbout) { button.setAttribute("aria-label", button.textContent.trim() + ": " + button.bbAbout); }
  }
  function label(button, stop) {
    button.bbPlay = button.bbPlay || [].slice.call(button.childNodes);
    button.replaceChildren.apply(button, stop ? [].slice.call(pwa.piece("read-aloud-stop").childNodes) : button.bbPlay);
    name(button);
  }
  function stop() {
    if (reading) {
      var button = reading.button;
      reading = null;
      speechSynthesis.cancel();
      label(button, false);
    }
  }
  // One sentence at a time: quick to stop, and long texts do not stall.
  function next() {
    var mine = reading;
    if (!mine) { return; }
    if (mine.index >= mine.parts.length) { stop(); return; }
    var part = mine.parts[mine.index];
    var utterance = new SpeechSynthesisUtterance(part.text);
    utterance.lang = part.lang;
    utterance.voice = voice(part.lang);
    utterance.onend = function () { if (reading === mine) { mine.index += 1; next(); } };
    utterance.onerror = function () { if (reading === mine) { stop(); } };
    speechSynthesis.speak(utterance);
  }
  function toggle(element, button) {
    var same = reading && reading.button === button;
    stop();
    var parts = same ? [] : partsOf(element);
    if (parts.length) {
      reading = { button: button, parts: parts, index: 0 };
      label(button, true);
      next();
    }
  }
  function add(root) {
    if (typeof window.SpeechSynthesisUtterance !== "function") { return; }
    root.querySelectorAll("[data-read-aloud]:not([data-read-aloud-ready])").forEach(function (element) {
      var button = pwa.piece(element.getAttribute("data-read-aloud-button") || "read-aloud");
      element.setAttribute("data-read-aloud-ready", "");
      button.bbAbout = element.getAttribute("data-read-aloud-about");
      name(button);
      element.insertAdjacentElement("afterend", button);
      button.addEventListener("click", function () { toggle(element, button); });
    });
  }
  window.addEventListener("pagehide", stop);
  window.BasisbaanReadAloud = add;
  add(document);
})();
