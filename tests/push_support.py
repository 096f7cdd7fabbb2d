"""A stand-in push service on 127.0.0.1 and a phone's keys, for the push tests.

The stand-in decrypts what it receives with the phone's private key (RFC 8291,
through http_ece), as a real push service hands it to the phone.
"""

import base64
import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from flask import request

from webapp.db import connect, get_db, one
from webapp.notifications.changes import notify


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class StandIn:
    """A push service: records each push; /gone/ answers 410, /missing/ 404, /broken/ 500."""

    def __init__(self, delay=0.0):
        self.received = []
        self.delay = delay
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - the http.server name
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                time.sleep(stand_in.delay)
                headers = {name.lower(): value for name, value in self.headers.items()}
                stand_in.received.append({"path": self.path, "headers": headers, "body": body})
                status = (
                    410
                    if "/gone/" in self.path
                    else 404
                    if "/missing/" in self.path
                    else (500 if "/broken/" in self.path else 201)
                )
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def wait(self, count, seconds=5):
        deadline = time.monotonic() + seconds
        while len(self.received) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.received

    def stop(self):
        self.server.shutdown()


class Phone:
    """What a browser makes when it subscribes: a P-256 key pair and a 16-byte secret."""

    def __init__(self, endpoint):
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.auth = os.urandom(16)
        self.endpoint = endpoint
        public = self.key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        self.p256dh = b64url(public)

    def read(self, push):
        return json.loads(
            http_ece.decrypt(push["body"], private_key=self.key, auth_secret=self.auth, version="aes128gcm")
        )


def add_route(app):
    """A page that notifies, as the message and vote routes will (GET: no token needed here)."""

    def fire():
        db = get_db()
        user = one(db, "SELECT id FROM users WHERE username = ?", (request.args["who"],))["id"]
        notify(db, [user], request.args.get("kind", "message"), request.args.get("link", "/messages"))
        return "ok"

    app.add_url_rule("/test-notify", "test_notify", fire)
    return app


def subscribe(app, username, phone):
    db = connect(app.config["DATABASE"])
    try:
        user = one(db, "SELECT id FROM users WHERE username = ?", (username,))["id"]
        db.execute(
            "INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth, created_at) VALUES (?, ?, ?, ?, ?)",
            (user, phone.endpoint, phone.p256dh, b64url(phone.auth), "2026-11-23T10:00:00Z"),
        )
        return user
    finally:
        db.close()
