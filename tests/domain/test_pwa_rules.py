"""Unit tests: push rules, client ids, the page ETag, the VAPID key file."""

import base64
import os
import threading
import uuid

import pytest

from webapp.domain import push
from webapp.idempotency import client_id_column, parse_client_id
from webapp.pwa.push import instance_vapid_key
from webapp.pwa.routes import page_etag

# --- which endpoints we send to -------------------------------------------------

GOOD = [
    "https://fcm.googleapis.com/fcm/send/dGVzdA:APA91b",
    "https://updates.push.services.mozilla.com/wpush/v2/gAAAAA",
    "https://web.push.apple.com/QGuQyavXutnMH",
    "https://wns2-db5p.notify.windows.com/w/?token=BQYAAA",
    "https://FCM.googleapis.com/fcm/send/x",
]
BAD = [
    ("http://fcm.googleapis.com/fcm/send/x", "scheme"),
    ("https://push.apple.com.evil.example/x", "host"),
    ("https://evilpush.apple.com/x", "host"),
    ("https://127.0.0.1/x", "host"),
    ("https://10.0.0.5/admin", "host"),
    ("https://localhost/x", "host"),
    ("https://user@fcm.googleapis.com/x", "host"),
    ("ftp://fcm.googleapis.com/x", "scheme"),
    ("https://fcm.googleapis.com:99999/x", "not a URL"),
    ("https://fcm.googleapis.com/a b", "characters"),
    ("https://fcm.googleapis.com/\n", "characters"),
    ("", "length"),
    (None, "length"),
    ("https://fcm.googleapis.com/" + "x" * 1024, "length"),
]


@pytest.mark.parametrize("url", GOOD)
def test_known_push_services_are_allowed(url):
    assert push.endpoint_problem(url) is None


@pytest.mark.parametrize(("url", "reason"), BAD)
def test_anything_else_is_refused(url, reason):
    assert push.endpoint_problem(url) == reason


@pytest.mark.parametrize(
    "url",
    [
        "https://fcm.googleapis.com:8443/fcm/send/abc",
        "https://fcm.googleapis.com:80/fcm/send/abc",
        "https://web.push.apple.com:1/x",
        "https://updates.push.services.mozilla.com:0/wpush/v2/x",
    ],
)
def test_only_port_443_of_a_push_service(url):
    assert push.endpoint_problem(url) == "port"


def test_port_443_written_out_is_the_same_service():
    assert push.endpoint_problem("https://fcm.googleapis.com:443/fcm/send/abc") is None


def test_a_port_on_another_host_is_still_the_wrong_host():
    assert push.endpoint_problem("https://intranet.example:8443/x") == "host"


def test_plain_http_only_for_named_hosts():
    url = "http://127.0.0.1:8123/push/abc"
    assert push.endpoint_problem(url) == "scheme"
    assert push.endpoint_problem(url, insecure_hosts="127.0.0.1") is None
    assert push.endpoint_problem(url, insecure_hosts=("localhost",)) == "scheme"
    assert push.endpoint_problem("http://127.0.0.2/x", insecure_hosts="127.0.0.1") == "scheme"


def test_hosts_come_as_text_or_list():
    assert push.as_hosts(" a.example , .b.example,,") == ("a.example", ".b.example")
    assert push.as_hosts(["A.example"]) == ("a.example",)
    assert push.as_hosts(None) == ()
    assert push.endpoint_problem("https://x.b.example/1", hosts="a.example,.b.example") is None


def _b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def test_keys_must_have_their_real_shape():
    good_key, good_auth = _b64(b"\x04" + b"k" * 64), _b64(b"a" * 16)
    assert push.keys_problem(good_key, good_auth) is None
    assert push.keys_problem(_b64(b"\x03" + b"k" * 64), good_auth) == "p256dh"
    assert push.keys_problem(_b64(b"\x04" + b"k" * 63), good_auth) == "p256dh"
    assert push.keys_problem("!!!", good_auth) == "p256dh"
    assert push.keys_problem(None, good_auth) == "p256dh"
    assert push.keys_problem(good_key, _b64(b"a" * 15)) == "auth"
    assert push.keys_problem(good_key, 16) == "auth"
    assert push.keys_problem(good_key, "x" * 500) == "auth"


@pytest.mark.parametrize(
    ("link", "opened"),
    [
        ("/messages", "/messages"),
        ("/proposals/3?tab=votes", "/proposals/3?tab=votes"),
        ("", "/notifications"),
        ("//evil.example/x", "/notifications"),
        ("https://evil.example", "/notifications"),
        ("/\\evil.example", "/notifications"),
        (None, "/notifications"),
    ],
)
def test_a_tapped_push_opens_only_a_page_here(link, opened):
    assert push.safe_link(link) == opened


def test_payload_holds_the_kind_text_and_the_link_only():
    body = push.payload("You have a new message from your coach.", "/messages", "message", 7, "en")
    assert body == {
        "title": "Basisbaan",
        "body": "You have a new message from your coach.",
        "url": "/messages",
        "tag": "message",
        "id": 7,
        "lang": "en",
    }


@pytest.mark.parametrize(
    ("status", "gone"), [(404, True), (410, True), (201, False), (429, False), (500, False), (None, False)]
)
def test_gone_subscriptions(status, gone):
    assert push.is_gone(status) is gone


def test_logs_name_the_service_not_the_address():
    assert push.service_name("https://fcm.googleapis.com/fcm/send/secret") == "fcm.googleapis.com"
    assert push.service_name("::::") == "?"


# --- client ids ---------------------------------------------------------------------


def test_client_ids_are_uuids_in_one_spelling():
    key = uuid.uuid4()
    for spelling in (str(key), str(key).upper(), key.hex, f"  {key}  "):
        assert parse_client_id(spelling) == str(key)
    for bad in ("", "x", "1234", str(key) + "0", None, 12, "{" + str(key) + "}", "<script>"):
        assert parse_client_id(bad) is None


def test_the_migration_helper_takes_only_plain_names():
    sql = client_id_column("votes", "user_id")
    assert "ALTER TABLE votes ADD COLUMN client_id TEXT" in sql
    assert "CREATE UNIQUE INDEX votes_client_id ON votes(user_id, client_id)" in sql
    for bad in ("votes; DROP TABLE users", "Votes", "1votes", ""):
        with pytest.raises(ValueError):
            client_id_column(bad, "user_id")


# --- the ETag of a page ------------------------------------------------------------------


PAGE = (
    b'<body data-user="2" data-rendered="2026-11-23T10:00:00Z"><form>'
    b'<input type="hidden" name="csrf_token" value="AAA.bbb.ccc"></form><p>Hallo</p></body>'
)


def test_etag_ignores_csrf_tokens_and_the_time_stamp():
    other = PAGE.replace(b"AAA.bbb.ccc", b"ZZZ.yyy.xxx").replace(b"10:00:00", b"11:59:00")
    assert page_etag(PAGE, "s") == page_etag(other, "s")


def test_etag_follows_everything_else():
    assert page_etag(PAGE, "s") != page_etag(PAGE.replace(b"Hallo", b"Hallo!"), "s")
    assert page_etag(PAGE, "s") != page_etag(PAGE.replace(b'data-user="2"', b'data-user="3"'), "s")
    assert page_etag(PAGE, "s") != page_etag(PAGE, "another session")


# --- the VAPID key ------------------------------------------------------------------------


def test_vapid_key_is_made_once_and_kept(tmp_path):
    path, public = instance_vapid_key(str(tmp_path))
    assert os.stat(path).st_mode & 0o777 == 0o600
    raw = base64.urlsafe_b64decode(public + "=")
    assert len(raw) == 65 and raw[0] == 4
    assert instance_vapid_key(str(tmp_path)) == (path, public)


def test_processes_starting_together_agree_on_one_key(tmp_path):
    found = []
    threads = [threading.Thread(target=lambda: found.append(instance_vapid_key(str(tmp_path)))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(found) == 8 and len(set(found)) == 1


def test_a_broken_key_file_is_reported(tmp_path, monkeypatch):
    (tmp_path / "vapid_private_key.pem").write_bytes(b"-----BEGIN PRIVATE KEY-----\n")
    monkeypatch.setattr("webapp.pwa.push.time.sleep", lambda _s: None)
    with pytest.raises(RuntimeError, match="incomplete"):
        instance_vapid_key(str(tmp_path))


# --- client ids of items that can be deleted ---------------------------------------


def test_a_remembered_client_id_outlives_its_item(db):
    import sqlite3

    from webapp.db import write_transaction
    from webapp.idempotency import recall_client_id, remember_client_id

    user = db.execute("SELECT id FROM users WHERE username = 'bewoner'").fetchone()[0]
    key = str(uuid.uuid4())
    assert recall_client_id(db, user, key) is None
    with write_transaction(db):
        remember_client_id(db, user, key, "vote", 12)
    assert recall_client_id(db, user, key) == ("vote", 12)
    other = db.execute("SELECT id FROM users WHERE username = 'bewoner2'").fetchone()[0]
    assert recall_client_id(db, other, key) is None
    with pytest.raises(sqlite3.IntegrityError), write_transaction(db):
        remember_client_id(db, user, key, "vote", 13)
    assert recall_client_id(db, user, key) == ("vote", 12)
    remember_client_id(db, user, "", "vote", 14)  # no id: nothing to remember
    assert recall_client_id(db, user, "") is None
