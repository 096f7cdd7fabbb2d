"""A locked database or a full disk: 503 "not saved, try again", never a 500.

The lock is a second connection holding ``BEGIN IMMEDIATE``; the full disk is
``ulimit -f`` (RLIMIT_FSIZE) in a subprocess that runs the app. The busy
timeout is short here, so a test waits a tenth of a second, not five.
"""

import contextlib
import json
import sqlite3
import subprocess
import sys
import textwrap
import uuid

import pytest
from app_support import ROOT
from http_support import count, page, post_form, sign_in, t

from webapp.db import cannot_write, connect, write_transaction

SHORT = {"DATABASE_BUSY_TIMEOUT": 100, "HEALTH_BUSY_TIMEOUT": 50}
HTMX = {"HX-Request": "true"}


@pytest.fixture
def app(make_app):
    return make_app(**SHORT)


@contextlib.contextmanager
def locked(app):
    """Another writer holds the write lock until the block ends."""
    other = sqlite3.connect(app.config["DATABASE"], isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def said(app, body):
    return count(app, "messages", "body = ?", (body,))


def test_a_message_sent_while_the_database_is_locked_is_a_503_page(app, client):
    sign_in(client, "bewoner")
    with locked(app):
        response = post_form(client, "/messages", {"body": "Tijdens het slot", "client_id": str(uuid.uuid4())})
    assert response.status_code == 503
    # Flask-Limiter restates a limited route's Retry-After in whole seconds left.
    assert int(response.headers["Retry-After"]) in (29, 30)
    assert response.headers["Basisbaan-Not-Saved"] == "1"
    assert "no-store" in response.headers["Cache-Control"]
    assert t(app, "Not saved: please try again") in page(response)
    assert 'id="main"' in page(response)  # the whole page, with the menu
    assert said(app, "Tijdens het slot") == 0


def test_after_the_lock_the_same_message_is_stored_once(app, client):
    sign_in(client, "bewoner")
    data = {"body": "Daarna wel", "client_id": str(uuid.uuid4())}
    with locked(app):
        assert post_form(client, "/messages", data).status_code == 503
    assert said(app, "Daarna wel") == 0
    assert post_form(client, "/messages", data).status_code == 303
    assert post_form(client, "/messages", data).status_code == 303  # the outbox sends it again
    assert said(app, "Daarna wel") == 1


def test_htmx_gets_the_notice_not_the_page(app, client):
    sign_in(client, "bewoner")
    with locked(app):
        response = post_form(client, "/messages", {"body": "Via htmx"}, headers=HTMX)
    assert response.status_code == 503
    assert response.headers["Basisbaan-Not-Saved"] == "1"
    assert "HX-Request" in response.headers["Vary"]
    body = page(response)
    assert "data-not-saved" in body
    assert 'id="main"' not in body
    notice = (
        "Basisbaan could not save this right now. Nothing was saved. "
        "What you wrote is still here. Try again in a minute."
    )
    assert t(app, notice) in body


@pytest.mark.parametrize("lang,plain", [("nl", False), ("nl", True), ("en", True)])
def test_the_503_page_is_translated(app, client, lang, plain):
    sign_in(client, "bewoner")
    client.get(f"/?lang={lang}&plain={int(plain)}")
    with locked(app):
        response = post_form(client, "/messages", {"body": "Vertaald"})
    english = "Not saved: please try again"
    assert response.status_code == 503
    shown = t(app, english, lang=lang, plain=plain)
    assert shown != english
    assert shown in page(response)


def test_a_full_disk_answers_503_too(app, client, monkeypatch):
    sign_in(client, "bewoner")

    def full(*_args, **_kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr("webapp.coaching.changes.post_message", full)
    response = post_form(client, "/messages", {"body": "Vol"})
    assert response.status_code == 503
    assert t(app, "Not saved: please try again") in page(response)


def test_another_database_error_is_still_a_500(app):
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/broken-sql")
    def broken():
        raise sqlite3.OperationalError("no such table: nothing")

    response = app.test_client().get("/broken-sql")
    assert response.status_code == 500
    assert "Retry-After" not in response.headers


@pytest.mark.parametrize(
    "message,reason",
    [
        ("database is locked", "locked"),
        ("database is busy", "locked"),
        ("database or disk is full", "full"),
        ("disk I/O error", "disk"),
        ("attempt to write a readonly database", "disk"),
        ("no such table: x", None),
        ('near "SELEC": syntax error', None),
    ],
)
def test_which_errors_mean_cannot_write_now(message, reason):
    assert cannot_write(sqlite3.OperationalError(message)) == reason


def test_an_integrity_error_is_not_a_storage_problem():
    assert cannot_write(sqlite3.IntegrityError("database is locked")) is None


def test_a_transaction_rolled_back_by_sqlite_keeps_its_own_error(app):
    # SQLite rolls back by itself after some errors (a full disk): the
    # ROLLBACK that follows must not replace the real error.
    db = connect(app.config["DATABASE"])
    try:
        with pytest.raises(ValueError, match="the real one"), write_transaction(db):
            db.conn.execute("ROLLBACK")
            raise ValueError("the real one")
        assert not db.conn.in_transaction
    finally:
        db.close()


# --- /healthz -----------------------------------------------------------------------


def test_healthz_says_everything_is_ok(app, client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok", "write": "ok"}


def test_healthz_says_the_write_is_locked(app, client):
    with locked(app):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "error", "database": "ok", "write": "locked"}
    assert client.get("/healthz").status_code == 200  # and well again after


# --- a full disk: RLIMIT_FSIZE in a subprocess ------------------------------------

FULL_DISK = textwrap.dedent(
    """
    import json, os, resource, signal, sqlite3, sys
    from pathlib import Path

    sys.path.insert(0, str(Path(sys.argv[1]) / "tests"))
    from app_support import config_for
    from http_support import post_form, sign_in

    from webapp import create_app

    instance = Path(sys.argv[2])
    app = create_app(config_for(instance, DATABASE_BUSY_TIMEOUT=100, HEALTH_BUSY_TIMEOUT=50))
    client = app.test_client()
    sign_in(client, "bewoner")
    token_page = client.get("/messages")
    # One connection stays open, so the -wal and -shm files stay too (the last
    # connection to close removes them); the journal starts empty.
    keeper = sqlite3.connect(app.config["DATABASE"], isolation_level=None)
    keeper.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    keeper.execute("SELECT COUNT(*) FROM users").fetchone()
    # ulimit -f: no file may grow past 100 bytes (the journal's first page is 4 KiB).
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (100, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
    app.config["PROPAGATE_EXCEPTIONS"] = False  # a 500 must show as a 500, not a traceback
    data = {"body": "Schijf vol", "client_id": "c7d8f3a2-1b4e-4c6d-9e8f-0a1b2c3d4e5f"}
    sent = post_form(client, "/messages", data)
    health = client.get("/healthz")
    print(json.dumps({
        "status": sent.status_code,
        "retry_after": sent.headers.get("Retry-After"),
        "page": sent.get_data(as_text=True),
        "health_status": health.status_code,
        "health": health.get_json(),
    }))
    """
)


def test_a_full_disk_is_a_503_and_healthz_says_so(app, tmp_path):
    result = subprocess.run(  # noqa: S603 - our own script
        [sys.executable, "-c", FULL_DISK, str(ROOT), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["status"] == 503, answer["page"][:500]
    assert int(answer["retry_after"]) in (29, 30)
    assert t(app, "Not saved: please try again") in answer["page"]
    assert answer["health_status"] == 503
    assert answer["health"]["database"] == "ok"
    assert answer["health"]["write"] in ("disk full", "disk error")
    assert said(app, "Schijf vol") == 0
    # With room again, the same message goes through once.
    client = app.test_client()
    sign_in(client, "bewoner")
    data = {"body": "Schijf vol", "client_id": "c7d8f3a2-1b4e-4c6d-9e8f-0a1b2c3d4e5f"}
    assert post_form(client, "/messages", data).status_code == 303
    assert said(app, "Schijf vol") == 1
