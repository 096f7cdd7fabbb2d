"""500 messages at the same time, by 50 residents and their coaches, against gunicorn
with several workers: every acknowledged message is stored exactly once, and each
sender's messages are in the order they were sent in their thread. Repeats of the
same form (the same client id, sent twice at once) store one message."""

import http.cookiejar
import re
import sqlite3
import threading
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

RESIDENTS = 50
COACHES = 5
PER_SENDER = 5  # 50 residents x 5 + their coaches x 5 in each thread = 500
PASSWORD = "demo-wachtwoord"  # noqa: S105 - the demo password


def add_people(database):
    """Five coaches with ten new residents each, before the server starts."""
    connection = sqlite3.connect(database)
    try:
        hashed = connection.execute("SELECT password_hash FROM users WHERE username = 'coach'").fetchone()[0]
        for c in range(COACHES):
            coach = connection.execute(
                "INSERT INTO users (username, display_name, password_hash, role, created_at) "
                "VALUES (?, ?, ?, 'coach', '2026-01-01T00:00:00Z')",
                (f"drukte-coach-{c}", f"Coach {c}", hashed),
            ).lastrowid
            for r in range(RESIDENTS // COACHES):
                connection.execute(
                    "INSERT INTO users (username, display_name, password_hash, role, coach_id, "
                    "created_at) VALUES (?, ?, ?, 'resident', ?, '2026-01-01T00:00:00Z')",
                    (f"drukte-{c}-{r}", f"Bewoner {c}-{r}", hashed, coach),
                )
        connection.commit()
    finally:
        connection.close()


class Session:
    """One logged-in browser: cookies and a CSRF token."""

    def __init__(self, base, username):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
            _NoRedirect(),
        )
        page = self.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page)[1]
        status, _location = self.post("/login", {"username": username, "password": PASSWORD, "csrf_token": token})
        assert status == 303, f"{username} could not log in"
        self.token = re.search(r'name="csrf_token" value="([^"]+)"', self.get("/settings"))[1]

    def get(self, path):
        with self.opener.open(self.base + path, timeout=60) as answer:
            return answer.read().decode()

    def post(self, path, data):
        body = urllib.parse.urlencode(data).encode()
        try:
            with self.opener.open(self.base + path, data=body, timeout=60) as answer:
                return answer.status, answer.headers.get("Location")
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_500_messages_at_once_are_all_stored_once_and_in_order(gunicorn_server):
    server = gunicorn_server(workers=4, prepare=add_people)
    db = sqlite3.connect(server.database)
    people = db.execute(
        "SELECT r.id, r.username, c.username FROM users AS r JOIN users AS c ON c.id = r.coach_id "
        "WHERE r.username LIKE 'drukte-%' AND r.role = 'resident' ORDER BY r.id"
    ).fetchall()
    db.close()
    assert len(people) == RESIDENTS
    coach_names = sorted({coach for _id, _name, coach in people})
    with ThreadPoolExecutor(max_workers=16) as pool:
        logins = {name: pool.submit(Session, server.url, name) for name in [p[1] for p in people] + coach_names}
        sessions = {name: future.result() for name, future in logins.items()}

    # Each sender: a list of (path, body, client id); the third one is sent twice at once.
    senders = []
    for resident_id, resident, coach in people:
        for who, path in ((resident, "/messages"), (coach, f"/caseload/{resident_id}/messages")):
            tag = "bewoner" if who == resident else "coach"
            senders.append(
                (sessions[who], path, [(f"{resident_id}:{tag}:{n}", str(uuid.uuid4())) for n in range(PER_SENDER)])
            )

    acknowledged = []
    failures = []
    lock = threading.Lock()
    start = threading.Barrier(len(senders))

    def send(session, path, body, key):
        status, location = session.post(path, {"body": body, "client_id": key, "csrf_token": session.token})
        with lock:
            if status == 303:
                acknowledged.append((body, location))
            else:
                failures.append((body, status))

    def run(session, path, items):
        start.wait()  # everyone starts at the same moment
        for number, (body, key) in enumerate(items):
            if number == 2:
                twins = [threading.Thread(target=send, args=(session, path, body, key)) for _ in range(2)]
                for twin in twins:
                    twin.start()
                for twin in twins:
                    twin.join()
            else:
                send(session, path, body, key)

    threads = [threading.Thread(target=run, args=sender) for sender in senders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not failures, failures[:5]
    assert len(acknowledged) == RESIDENTS * 2 * (PER_SENDER + 1)  # the twins answer twice

    db = sqlite3.connect(server.database)
    try:
        stored = db.execute(
            "SELECT id, resident_id, from_coach, body, created_at FROM messages "
            "WHERE body LIKE '%:bewoner:%' OR body LIKE '%:coach:%' ORDER BY id"
        ).fetchall()
    finally:
        db.close()
    bodies = [row[3] for row in stored]
    assert len(stored) == RESIDENTS * 2 * PER_SENDER == 500
    assert len(set(bodies)) == 500  # nothing twice, twins included
    expected = {body for _session, _path, items in senders for body, _key in items}
    assert set(bodies) == expected  # nothing lost
    # Every acknowledgement points at the message it stored (twins at the same one).
    by_body = {row[3]: row[0] for row in stored}
    for body, location in acknowledged:
        assert location.endswith(f"#message-{by_body[body]}"), (body, location)
    # In order per thread: each sender's messages in the order sent, times never going back.
    threads_seen = defaultdict(list)
    for message_id, resident_id, from_coach, body, created_at in stored:
        owner, tag, number = body.split(":")
        assert int(owner) == resident_id and (tag == "coach") == bool(from_coach)
        threads_seen[(resident_id, tag)].append((message_id, int(number), created_at))
    for key, items in threads_seen.items():
        assert [number for _id, number, _at in items] == list(range(PER_SENDER)), key
    # And the whole thread reads in time order (ids follow the moment each was stored).
    whole = defaultdict(list)
    for _message_id, resident_id, _from_coach, _body, created_at in stored:
        whole[resident_id].append(created_at)
    for resident_id, stamps in whole.items():
        assert stamps == sorted(stamps), resident_id
