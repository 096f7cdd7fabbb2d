"""The pages of the app on the phone: service worker, manifest, offline page, CSRF
token, push subscriptions; and the ETag every page gets (see ``webapp.pwa``)."""

import functools
import hashlib
import json
import os
import re
from datetime import UTC, datetime

from flask import (
    current_app,
    get_flashed_messages,
    make_response,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from webapp.assets import minified_source
from webapp.db import get_db
from webapp.domain import push as push_rules
from webapp.i18n import current_choice
from webapp.pwa import bp, changes, push
from webapp.templating import static_url
from webapp.web import form_lives_on

# What the service worker keeps from its first start: everything a page
# needs to show (a test checks that every stylesheet and script a page links
# is here). The offline page is kept next to them.
PRECACHE = (
    "css/app.css",
    "js/htmx-2.0.11.min.js",
    "js/app.js",
    "js/outbox.js",
    "js/pwa.js",
    "icons.svg",
    "favicon.svg",
)
ICONS = {
    "any": ("icons/icon-192.png", "icons/icon-512.png"),
    "maskable": ("icons/maskable-192.png", "icons/maskable-512.png"),
}
THEME_COLOUR = "#0b5a66"
BACKGROUND_COLOUR = "#f7f4ee"

# The parts of a page that change on every rendering without changing what
# the reader sees: CSRF tokens (a new signature each time; an older one stays
# valid because WTF_CSRF_TIME_LIMIT is None), the page's time stamp, and the
# client ids the coaching forms render (a fresh UUID each time, for people
# without JavaScript; a page's script gives every outbox form a new one anyway).
_VOLATILE = re.compile(
    rb'(name="csrf_token" value=|data-rendered=|name="(?:[\w-]+-)?client_id" type="hidden" value=)"[^"]*"'
)
# Pages are compared as text; the ETag covers these types.
_CONDITIONAL_TYPES = ("text/html", "application/manifest+json", "text/javascript")


@bp.record_once
def _setup(state):
    """VAPID keys exist before gunicorn forks (``--preload``), like the secret key."""
    push.init_app(state.app)


# --- the service worker ------------------------------------------------------


def _file_digest(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def _service_worker_source():
    """The worker's code with its settings on top; its version changes with any file it keeps.

    Made once per mount point; in debug mode every time, so an edited file shows at once.
    """
    if current_app.debug:
        return _make_service_worker_source()
    return _remembered_service_worker_source(request.script_root)


@functools.lru_cache(maxsize=8)
def _remembered_service_worker_source(_script_root):
    return _make_service_worker_source()


def _make_service_worker_source():
    static = current_app.static_folder
    offline_template = os.path.join(current_app.template_folder, "pwa", "offline.html")
    files = [os.path.join(static, name) for name in (*PRECACHE, "js/sw.js")] + [offline_template]
    version = hashlib.sha256("".join(_file_digest(path) for path in files).encode()).hexdigest()[:12]
    settings = {
        "version": version,
        "precache": [static_url(name) for name in PRECACHE],
        "offline": url_for("pwa.offline"),
        "unreachable": url_for("pwa.unreachable"),
        "outbox": static_url("js/outbox.js"),
        "csrf": url_for("pwa.csrf"),
        "icon": static_url(ICONS["any"][0]),
        "badge": static_url("icons/badge-96.png"),
        "notifications": url_for("notifications.index"),
    }
    code = minified_source("js/sw.js")
    return f"self.BASISBAAN = {json.dumps(settings, separators=(',', ':'))};\n{code}"


@bp.get("/sw.js")
def service_worker():
    response = make_response(_service_worker_source())
    response.mimetype = "text/javascript"
    response.headers["Cache-Control"] = "no-cache"
    return response


# --- install ------------------------------------------------------------------


@bp.get("/manifest.webmanifest")
def manifest():
    lang, _plain = current_choice()
    icons = [
        {"src": static_url(path), "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
        for purpose, paths in ICONS.items()
        for path, size in zip(paths, (192, 512), strict=True)
    ]
    shortcut_icon = [{"src": static_url(ICONS["any"][0]), "sizes": "192x192", "type": "image/png"}]
    shortcuts = [
        (_("Jobs"), _("Find a job"), "/jobs"),
        (_("Messages"), _("Messages from your coach"), "/messages"),
        (_("Proposals"), _("Proposals in your neighbourhood"), "/proposals"),
    ]
    data = {
        "id": "/",
        "name": "Basisbaan",
        "short_name": "Basisbaan",
        "description": _("Find paid work that helps your neighbourhood and fits you."),
        "lang": lang,
        "dir": "ltr",
        "start_url": url_for("main.home"),
        "scope": "/",
        "display": "standalone",
        "orientation": "any",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": icons,
        "shortcuts": [
            {"name": name, "short_name": name, "description": description, "url": url, "icons": shortcut_icon}
            for name, description, url in shortcuts
        ],
    }
    response = make_response(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    response.mimetype = "application/manifest+json"
    return response


# --- offline ------------------------------------------------------------------


@bp.get("/offline")
def offline():
    # A page on its own (no menu, no account, no token): the service worker
    # keeps one copy for everybody who uses this phone.
    return render_template("pwa/offline.html", reason="offline")


@bp.get("/unreachable")
def unreachable():
    # The same, for a phone that has a network while Basisbaan does not answer.
    return render_template("pwa/offline.html", reason="unreachable")


@bp.get("/csrf")
def csrf():
    """A fresh token and who is logged in: the outbox sends only that person's items."""
    response = make_response(
        {"csrf_token": generate_csrf(), "user": current_user.id if current_user.is_authenticated else None}
    )
    response.headers["Cache-Control"] = "no-store"
    return response


# --- push: notifications on this phone --------------------------------------------


def _answer(status, text):
    return {"ok": status < 400, "message": text}, status


@bp.post("/push/subscriptions")
@form_lives_on("settings.index")
@login_required
def subscribe():
    data = request.get_json(silent=True)
    keys = data.get("keys") if isinstance(data, dict) else None
    endpoint = data.get("endpoint") if isinstance(data, dict) else None
    if not isinstance(keys, dict):
        return _answer(400, _("This did not work. Load the page again and try once more."))
    config = current_app.config
    problem = push_rules.endpoint_problem(
        endpoint, config["PUSH_SERVICE_HOSTS"], config["PUSH_INSECURE_HOSTS"]
    ) or push_rules.keys_problem(keys.get("p256dh"), keys.get("auth"))
    if problem:
        return _answer(400, _("This browser cannot get notifications from Basisbaan."))
    changes.subscribe(
        get_db(),
        current_user.id,
        endpoint,
        keys["p256dh"],
        keys["auth"],
        config["PUSH_SUBSCRIPTIONS_PER_USER"],
    )
    return _answer(201, _("Notifications are on for this phone."))


@bp.post("/push/subscriptions/delete")
@form_lives_on("settings.index")
@login_required
def unsubscribe():
    data = request.get_json(silent=True)
    endpoint = data.get("endpoint") if isinstance(data, dict) else None
    if not isinstance(endpoint, str) or not endpoint or len(endpoint) > push_rules.MAX_ENDPOINT:
        return _answer(400, _("This did not work. Load the page again and try once more."))
    changes.unsubscribe(get_db(), current_user.id, endpoint)
    return _answer(200, _("Notifications are off for this phone."))


@bp.app_context_processor
def _page_helpers():
    return {"pwa_body_attributes": body_attributes, "pwa_texts": pwa_texts}


def pwa_texts():
    """The script's texts (``pwa/_texts.html``), made once per language and mount point.

    They are the same on every page for the same reader's language, and
    making them was a sixth of a simple page. Made anew in debug mode, so an
    edited text shows at once.
    """
    lang, plain = current_choice()
    key = (lang, plain, request.script_root)
    made = current_app.extensions.setdefault("pwa_texts", {})
    if key not in made or current_app.debug:
        made[key] = Markup(render_template("pwa/_texts.html"))  # noqa: S704 - autoescaped by Jinja
    return made[key]


def body_attributes():
    """``data-*`` on <body> for static/js/pwa.js: who reads, when the page was made,
    whether to offer the home screen, and (once, after logging out) whose offline
    copies to wipe."""
    user = current_user.id if current_user.is_authenticated else ""
    made = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    attributes = Markup('data-user="{}" data-rendered="{}"').format(user, made)
    if current_user.is_authenticated and current_user.is_resident:
        # The home-screen offer is for residents: staff work from a desk as often as not.
        attributes += Markup(" data-install-offer")
    gone = get_flashed_messages(category_filter=["logged-out"])
    if gone:
        attributes += Markup(' data-logged-out="{}"').format(gone[0])
    return attributes


# --- low data: ETag and 304 ---------------------------------------------------------


def page_etag(body, secret=""):
    """The same ETag for the same page, whatever its CSRF tokens and time stamp say.

    ``secret`` is the session's CSRF secret: a copy kept by the browser is
    only reused while its tokens still belong to the session.
    """
    digest = hashlib.sha256(_VOLATILE.sub(rb'\1""', body))
    digest.update(secret.encode())
    return digest.hexdigest()[:32]


def content_language():
    lang, plain = current_choice()
    return f"{lang}-x-plain" if plain else lang


@bp.after_app_request
def _conditional(response):
    if response.mimetype == "text/html" or request.endpoint == "pwa.manifest":
        response.headers.setdefault("Content-Language", content_language())
    if (
        request.method not in ("GET", "HEAD")
        or response.status_code != 200
        or response.mimetype not in _CONDITIONAL_TYPES
        or response.direct_passthrough
        or response.is_streamed
        or "no-store" in (response.headers.get("Cache-Control") or "")
        or "ETag" in response.headers  # a view that answers 304 itself (a poll) knows better
    ):
        return response
    if response.mimetype == "text/html":
        # Every page carries a CSRF token tied to one session: never for a
        # shared cache. Revalidate every time; the 304 costs a few hundred bytes.
        response.headers.setdefault("Cache-Control", "private, no-cache")
    else:
        response.headers.setdefault("Cache-Control", "no-cache")
    tag = page_etag(response.get_data(), session.get("csrf_token", ""))
    # Compressed here rather than by Flask-Compress's own hook (which then lets
    # it be), so that the tag can say how: a brotli copy and a plain one are
    # different bytes, and a cache must never mistake one for the other.
    response = current_app.extensions["compress"].after_request(response)
    coding = response.headers.get("Content-Encoding")
    response.set_etag(f"{tag}:{coding}" if coding else tag, weak=True)
    response = response.make_conditional(request)
    if response.status_code == 304:
        # The browser keeps the policies of the copy a 304 confirms (RFC 9111,
        # 4.3.4); sending them again only costs a phone on prepaid data.
        for name in ("Content-Security-Policy", "Referrer-Policy", "Permissions-Policy"):
            response.headers.pop(name, None)
    return response
