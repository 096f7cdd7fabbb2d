"""Web Push: VAPID keys, and a push for every in-app notification.

``create_app`` makes ``schedule`` a listener of ``webapp.notifications.changes.notify``
(no import either way between the two areas); the push goes out after
the response, from a small background thread, so nobody waits for a push
service. With ``PUSH_SYNC`` (tests) it goes out before the response returns.
The text is the notification kind's, in the reader's own language; a push
never carries private content (phones show it on the lock screen).
"""

import base64
import json
import os
import queue
import threading
import time

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from flask import after_this_request, current_app, g, has_app_context, has_request_context
from flask_babel import force_locale
from flask_babel import gettext as _

from webapp.db import connect
from webapp.domain import push as rules
from webapp.i18n import babel_locale
from webapp.labels import NOTIFICATION
from webapp.pwa import changes, queries

KEY_FILE = "vapid_private_key.pem"
PEM_END = b"-----END PRIVATE KEY-----"


def instance_vapid_key(instance_path):
    """Read the VAPID key pair from the instance folder, creating it once.

    As ``instance_secret_key``: O_EXCL makes two processes starting at once
    agree on one key. Returns (path of the private key, public key as the
    base64url ``applicationServerKey`` browsers want).
    """
    path = os.path.join(instance_path, KEY_FILE)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for _attempt in range(50):  # the other process may still be writing
            with open(path, "rb") as handle:
                pem = handle.read()
            if pem.rstrip().endswith(PEM_END):
                break
            time.sleep(0.02)
        else:
            raise RuntimeError(f"{path} is incomplete: delete it and start again") from None
    else:
        key = ec.generate_private_key(ec.SECP256R1())
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
    key = serialization.load_pem_private_key(pem, password=None)
    public = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return path, base64.urlsafe_b64encode(public).rstrip(b"=").decode("ascii")


def init_app(app):
    if not app.config.get("VAPID_PRIVATE_KEY_FILE"):
        path, public = instance_vapid_key(app.instance_path)
        app.config["VAPID_PRIVATE_KEY_FILE"] = path
        app.config["VAPID_PUBLIC_KEY"] = public


# --- sending ------------------------------------------------------------------------


def schedule(db, notification_ids):
    """Push these new notifications to their people's phones, after the response.

    Outside a request (a command such as reminders) they go out at once,
    read through the caller's connection. Without an app (a unit test that
    calls ``notify`` on a bare connection) there is nothing to send with.
    """
    if not notification_ids or not has_app_context():
        return
    app = current_app._get_current_object()
    if not app.config.get("PUSH_ENABLED"):
        return
    if not has_request_context():
        deliver(app, notification_ids, db)
        return
    pending = g.get("push_pending")
    if pending is None:
        pending = g.push_pending = []

        @after_this_request
        def _send_later(response):
            # By now the view's transaction is committed; ``deliver`` still
            # reads the rows back, so a rolled-back notification sends nothing.
            ids = list(pending)
            if app.config.get("PUSH_SYNC"):
                deliver(app, ids)
            else:
                _sender.put((app, ids))
            return response

    pending.extend(notification_ids)


class _Sender:
    """One daemon thread per process that sends pushes in order."""

    def __init__(self):
        self.jobs = queue.Queue()
        self.lock = threading.Lock()
        self.thread = None
        self.pid = None

    def put(self, job):
        with self.lock:
            # A forked worker (gunicorn) has no thread of its own yet.
            if self.thread is None or not self.thread.is_alive() or self.pid != os.getpid():
                self.jobs = queue.Queue() if self.pid != os.getpid() else self.jobs
                self.pid = os.getpid()
                self.thread = threading.Thread(target=self._run, name="basisbaan-push", daemon=True)
                self.thread.start()
        self.jobs.put(job)

    def _run(self):
        while True:
            app, ids = self.jobs.get()
            try:
                deliver(app, ids)
            except Exception:  # noqa: BLE001 - a failed push never stops the next one
                app.logger.exception("sending push notifications failed")


_sender = _Sender()
_vapid = {}


def _vapid_key(path):
    from py_vapid import Vapid

    key = _vapid.get(path)
    if key is None:
        with open(path, "rb") as handle:
            key = _vapid[path] = Vapid.from_pem(handle.read())
    return key


def _text(kind, lang, plain):
    with force_locale(babel_locale(lang or "nl", bool(plain))):
        return str(NOTIFICATION[kind]) if kind in NOTIFICATION else _("You have a new notification.")


def deliver(app, notification_ids, db=None):
    """Send each notification to every subscription of its person; drop the gone ones."""
    with app.app_context():
        own = db is None
        db = connect(app.config["DATABASE"]) if own else db
        try:
            for item in queries.notifications_to_push(db, notification_ids):
                subscriptions = queries.subscriptions_of(db, item["user_id"])
                if not subscriptions:
                    continue
                body = rules.payload(
                    _text(item["kind"], item["lang"], item["plain"]),
                    item["link"],
                    item["kind"],
                    item["id"],
                    item["lang"] or "nl",
                )
                for subscription in subscriptions:
                    _send_one(app, db, subscription, body)
        finally:
            if own:
                db.close()


def _send_one(app, db, subscription, body):
    from pywebpush import WebPushException, webpush

    config = app.config
    if rules.endpoint_problem(
        subscription["endpoint"], config["PUSH_SERVICE_HOSTS"], config["PUSH_INSECURE_HOSTS"]
    ):
        return
    info = {
        "endpoint": subscription["endpoint"],
        "keys": {"p256dh": subscription["p256dh"], "auth": subscription["auth"]},
    }
    try:
        webpush(
            info,
            json.dumps(body),
            vapid_private_key=_vapid_key(config["VAPID_PRIVATE_KEY_FILE"]),
            vapid_claims={"sub": config["PUSH_CONTACT"]},
            ttl=config["PUSH_TTL"],
            timeout=config["PUSH_TIMEOUT"],
        )
    except WebPushException as error:
        status = getattr(error.response, "status_code", None)
        if rules.is_gone(status):
            changes.forget(db, subscription["id"])
        else:
            app.logger.warning("push to %s failed: %s", rules.service_name(subscription["endpoint"]), status)
        return
    except OSError as error:  # requests' connection errors are OSErrors
        app.logger.warning("push to %s failed: %s", rules.service_name(subscription["endpoint"]), error)
        return
    changes.mark_sent(db, subscription["id"])
