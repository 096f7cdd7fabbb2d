"""The same voting code redeemed by 20 accounts at the same moment verifies exactly one:
through the change itself (20 threads, 20 connections) and through gunicorn with 4 workers."""

import http.cookiejar
import re
import sqlite3
import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from http_support import count, execute, scalar

from webapp.db import connect
from webapp.domain import votingcodes
from webapp.verification import changes

ACCOUNTS = 20
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def test_one_code_twenty_accounts_at_once_verifies_one(app):
    database = app.config["DATABASE"]
    buurt = scalar(app, "SELECT id FROM buurten ORDER BY id LIMIT 1")
    hashed = scalar(app, "SELECT password_hash FROM users WHERE username = 'bewoner'")
    for n in range(ACCOUNTS):
        execute(
            app,
            "INSERT INTO users (username, display_name, password_hash, role, created_at) "
            "VALUES (?, ?, ?, 'resident', '2026-01-01T00:00:00Z')",
            (f"samen-{n}", f"Bewoner {n}", hashed),
        )
    code = votingcodes.new_code()
    db = connect(database)
    changes.make_voting_code_batch(db, buurt, [("", code)], "", None, "b" * 32)
    db.close()
    ids = [scalar(app, "SELECT id FROM users WHERE username = ?", (f"samen-{n}",)) for n in range(ACCOUNTS)]
    start = threading.Barrier(ACCOUNTS)
    outcomes = []

    def redeem(user):
        connection = connect(database)
        try:
            start.wait()
            typed = code.lower() if user % 2 else code.replace("-", " ")
            changes.redeem_voting_code(connection, user, typed)
            outcomes.append("verified")
        except changes.VotingCodeError as error:
            outcomes.append(error.reason)
        finally:
            connection.close()

    threads = [threading.Thread(target=redeem, args=(user,)) for user in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["used"] * (ACCOUNTS - 1) + ["verified"]
    assert count(app, "verifications", "code_id IS NOT NULL") == 1
    winner = scalar(app, "SELECT user_id FROM verifications WHERE code_id IS NOT NULL")
    assert scalar(app, "SELECT used_by FROM voting_codes") == winner


# --- the same through gunicorn with several workers, as a resident's phone sends it ---------

PASSWORD = "demo-wachtwoord"  # noqa: S105 - the demo password
SHARED_CODE = "ABCD-EFGH-JKMN"


def add_accounts_and_a_code(database):
    connection = sqlite3.connect(database)
    try:
        hashed = connection.execute("SELECT password_hash FROM users WHERE username = 'bewoner'").fetchone()[0]
        for n in range(ACCOUNTS):
            connection.execute(
                "INSERT INTO users (username, display_name, password_hash, role, created_at) "
                "VALUES (?, ?, ?, 'resident', '2026-01-01T00:00:00Z')",
                (f"tegelijk-{n}", f"Bewoner {n}", hashed),
            )
        buurt = connection.execute("SELECT id FROM buurten ORDER BY id LIMIT 1").fetchone()[0]
        batch = connection.execute(
            "INSERT INTO voting_code_batches (buurt_id, created_at) VALUES (?, '2026-01-01T00:00:00Z')", (buurt,)
        ).lastrowid
        connection.execute(
            "INSERT INTO voting_codes (batch_id, code_hash) VALUES (?, ?)",
            (batch, votingcodes.code_hash(SHARED_CODE)),
        )
        connection.commit()
    finally:
        connection.close()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Phone:
    """One logged-in browser: cookies and the CSRF token of /settings/verify."""

    def __init__(self, base, username):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect()
        )
        token = CSRF.search(self.get("/login"))[1]
        assert self.post("/login", {"username": username, "password": PASSWORD, "csrf_token": token}) == 303
        self.token = CSRF.search(self.get("/settings/verify"))[1]

    def get(self, path):
        with self.opener.open(self.base + path, timeout=60) as answer:
            return answer.read().decode()

    def post(self, path, data):
        try:
            with self.opener.open(
                self.base + path, data=urllib.parse.urlencode(data).encode(), timeout=60
            ) as answer:
                return answer.status
        except urllib.error.HTTPError as error:
            return error.code


def test_one_code_twenty_phones_at_once_through_gunicorn(gunicorn_server):
    server = gunicorn_server(
        workers=4,
        prepare=add_accounts_and_a_code,
        VERIFY_LIMIT_PER_ADDRESS="1000 per minute",
    )
    with ThreadPoolExecutor(max_workers=10) as pool:
        phones = list(pool.map(lambda n: Phone(server.url, f"tegelijk-{n}"), range(ACCOUNTS)))
    start = threading.Barrier(ACCOUNTS)
    statuses = []
    lock = threading.Lock()

    def redeem(phone, n):
        typed = SHARED_CODE.lower() if n % 2 else SHARED_CODE.replace("-", " ")
        start.wait()
        status = phone.post("/settings/verify", {"code": typed, "csrf_token": phone.token})
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=redeem, args=(phone, n)) for n, phone in enumerate(phones)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert sorted(statuses) == [303] + [422] * (ACCOUNTS - 1)
    db = sqlite3.connect(server.database)
    try:
        verified = db.execute(
            "SELECT user_id, buurt_id, code_id FROM verifications WHERE code_id IS NOT NULL"
        ).fetchall()
        used_by = db.execute("SELECT used_by FROM voting_codes").fetchone()[0]
    finally:
        db.close()
    assert len(verified) == 1
    assert verified[0][0] == used_by
