"""Web Push end to end, against a stand-in push service on 127.0.0.1.

The stand-in receives the real request pywebpush makes: it checks the VAPID
``Authorization: vapid t=<JWT>,k=<key>`` header (the JWT's ES256 signature,
its audience, subject and expiry) and decrypts the aes128gcm body with
``http_ece``, using a subscription key pair made here as a browser would.
"""

import json
import time

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from push_support import Phone, StandIn, add_route, b64url, subscribe, unb64url

from webapp.db import connect, get_db, one
from webapp.labels import NOTIFICATION
from webapp.notifications.changes import notify


@pytest.fixture
def stand_in():
    server = StandIn()
    yield server
    server.stop()


def subscriptions(app):
    db = connect(app.config["DATABASE"])
    try:
        return [row[0] for row in db.execute("SELECT endpoint FROM push_subscriptions ORDER BY id").fetchall()]
    finally:
        db.close()


def set_language(app, username, lang, plain):
    db = connect(app.config["DATABASE"])
    try:
        db.execute("UPDATE users SET lang = ?, plain = ? WHERE username = ?", (lang, plain, username))
    finally:
        db.close()


def check_vapid(app, push):
    """The Authorization header is RFC 8292's, signed by the app's own key."""
    auth = push["headers"]["authorization"]
    assert auth.startswith("vapid t=")
    token, key = auth[len("vapid t=") :].split(",k=")
    assert key == app.config["VAPID_PUBLIC_KEY"]
    header, claims, signature = token.split(".")
    assert json.loads(unb64url(header)) == {"typ": "JWT", "alg": "ES256"}
    raw = unb64url(signature)
    public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(key))
    public.verify(  # raises InvalidSignature if the app did not sign it
        encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big")),
        f"{header}.{claims}".encode(),
        ec.ECDSA(hashes.SHA256()),
    )
    claims = json.loads(unb64url(claims))
    endpoint_origin = push["origin"]
    assert claims["aud"] == endpoint_origin
    assert claims["sub"] == app.config["PUSH_CONTACT"]
    assert time.time() < claims["exp"] <= time.time() + 24 * 3600


def test_a_notification_arrives_encrypted_and_signed(make_app, stand_in):
    app = add_route(make_app())
    phone = Phone(stand_in.url + "/push/phone-1")
    subscribe(app, "bewoner", phone)
    response = app.test_client().get("/test-notify?who=bewoner&kind=message&link=/messages")
    assert response.status_code == 200
    [push] = stand_in.wait(1)
    push["origin"] = stand_in.url
    assert push["path"] == "/push/phone-1"
    check_vapid(app, push)
    assert push["headers"]["content-encoding"] == "aes128gcm"
    assert int(push["headers"]["ttl"]) == app.config["PUSH_TTL"]
    assert b"coach" not in push["body"]  # encrypted on the wire
    data = phone.read(push)
    with app.test_request_context("/"):
        expected = str(NOTIFICATION["message"])  # Dutch, the default
    assert data["body"] == expected
    assert data["title"] == "Basisbaan"
    assert data["url"] == "/messages"
    assert data["tag"] == "message"
    assert isinstance(data["id"], int)
    assert set(data) == {"title", "body", "url", "tag", "id", "lang"}


@pytest.mark.parametrize("kind", sorted(NOTIFICATION))
def test_every_kind_is_pushed_with_its_own_text_in_the_readers_language(make_app, stand_in, kind):
    from http_support import t

    app = add_route(make_app())
    set_language(app, "bewoner", "en", 1)
    phone = Phone(stand_in.url + "/push/phone")
    subscribe(app, "bewoner", phone)
    app.test_client().get(f"/test-notify?who=bewoner&kind={kind}&link=/somewhere/3")
    [push] = stand_in.wait(1)
    data = phone.read(push)
    msgid = NOTIFICATION[kind]._args[0]
    assert data["body"] == t(app, msgid, lang="en", plain=True).replace("&#39;", "'")
    assert data["lang"] == "en"
    assert data["url"] == "/somewhere/3"


def test_only_the_persons_own_phones_get_it(make_app, stand_in):
    app = add_route(make_app())
    mine, theirs = Phone(stand_in.url + "/push/mine"), Phone(stand_in.url + "/push/theirs")
    subscribe(app, "bewoner", mine)
    subscribe(app, "bewoner2", theirs)
    app.test_client().get("/test-notify?who=bewoner")
    time.sleep(0.2)
    assert [push["path"] for push in stand_in.received] == ["/push/mine"]


@pytest.mark.parametrize(("path", "kept"), [("gone", False), ("missing", False), ("broken", True)])
def test_subscriptions_the_service_forgot_are_removed(make_app, stand_in, path, kept):
    app = add_route(make_app())
    good = Phone(stand_in.url + "/push/good")
    odd = Phone(f"{stand_in.url}/{path}/phone")
    subscribe(app, "bewoner", good)
    subscribe(app, "bewoner", odd)
    assert app.test_client().get("/test-notify?who=bewoner").status_code == 200
    stand_in.wait(2)
    expected = [good.endpoint, odd.endpoint] if kept else [good.endpoint]
    assert subscriptions(app) == expected


def test_an_unreachable_push_service_does_not_break_the_page(make_app, stand_in):
    app = add_route(make_app())
    dead = Phone("http://127.0.0.1:9/push/nobody-listens")
    subscribe(app, "bewoner", dead)
    assert app.test_client().get("/test-notify?who=bewoner").status_code == 200
    assert subscriptions(app) == [dead.endpoint]


def test_the_page_does_not_wait_for_the_push_service(make_app):
    slow = StandIn(delay=1.5)
    try:
        app = add_route(make_app(PUSH_SYNC=False))
        phone = Phone(slow.url + "/push/slow")
        subscribe(app, "bewoner", phone)
        started = time.monotonic()
        assert app.test_client().get("/test-notify?who=bewoner").status_code == 200
        assert time.monotonic() - started < 1.0
        [push] = slow.wait(1)
        assert phone.read(push)["tag"] == "message"
    finally:
        slow.stop()


def test_a_notification_rolled_back_sends_nothing(make_app, stand_in):
    app = make_app()

    def fails():
        db = get_db()
        user = one(db, "SELECT id FROM users WHERE username = 'bewoner'")["id"]
        try:
            with db.atomic():
                notify(db, [user], "message", "/messages")
                raise RuntimeError("the write after it failed")
        except RuntimeError:
            pass
        return "ok"

    app.add_url_rule("/test-fail", "test_fail", fails)
    subscribe(app, "bewoner", Phone(stand_in.url + "/push/p"))
    assert app.test_client().get("/test-fail").status_code == 200
    time.sleep(0.3)
    assert stand_in.received == []


def test_outside_a_request_it_is_sent_at_once(make_app, stand_in):
    app = make_app()
    phone = Phone(stand_in.url + "/push/cli")
    user = subscribe(app, "bewoner", phone)
    with app.app_context():  # as a command (reminders) runs
        db = connect(app.config["DATABASE"])
        notify(db, [user], "appointment_reminder", "/plan")
        db.close()
    [push] = stand_in.wait(1)
    assert phone.read(push)["url"] == "/plan"


def test_push_can_be_switched_off(make_app, stand_in):
    app = add_route(make_app(PUSH_ENABLED=False))
    subscribe(app, "bewoner", Phone(stand_in.url + "/push/off"))
    app.test_client().get("/test-notify?who=bewoner")
    time.sleep(0.2)
    assert stand_in.received == []


def test_a_subscription_made_through_the_settings_route_receives(make_app, stand_in):
    from http_support import csrf_token, sign_in

    app = add_route(make_app())
    phone = Phone(stand_in.url + "/push/via-route")
    client = app.test_client()
    sign_in(client, "bewoner")
    response = client.post(
        "/push/subscriptions",
        json={"endpoint": phone.endpoint, "keys": {"p256dh": phone.p256dh, "auth": b64url(phone.auth)}},
        headers={"X-CSRFToken": csrf_token(client)},
    )
    assert response.status_code == 201
    app.test_client().get("/test-notify?who=bewoner&kind=proposal_decision&link=/proposals/4")
    [push] = stand_in.wait(1)
    assert phone.read(push)["url"] == "/proposals/4"
