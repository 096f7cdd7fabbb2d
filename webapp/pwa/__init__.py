"""Basisbaan as an app on a cheap phone: install, offline, push, low data.

- ``/sw.js``: the service worker (``static/js/sw.js`` with its settings on top);
- ``/manifest.webmanifest``: the web app manifest, in the reader's language;
- ``/offline``: what the service worker shows for a page never seen before
  while the phone is offline; ``/unreachable`` the same while the phone has a
  network but Basisbaan does not answer;
- ``/csrf``: a fresh CSRF token and who is logged in, for the outbox;
- ``/push/subscriptions`` (and ``/delete``): notifications on this phone
  (sent by ``webapp.pwa.push``);
- every HTML page gets an ETag and answers 304 when nothing changed.
"""

from flask import Blueprint

bp = Blueprint("pwa", __name__)
