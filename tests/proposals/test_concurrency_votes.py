"""Votes under concurrency, against gunicorn with several workers.

1,000 vote requests from 500 residents, many of them at the same moment:
- 200 residents send the same vote twice at once: one vote each;
- 200 residents vote on two proposals at once: two votes each;
- 100 residents, who already have 4 votes on open proposals, vote on two
  proposals at once: the limit of 5 lets exactly one of the two through.
And 80 residents vote at once on a proposal with a threshold of 50: exactly
50 votes, and the proposal goes to the municipality once.

Afterwards every vote is counted exactly once, each proposal's count equals
its rows in ``votes``, and no request failed. The residents are added to the
server's copy of the database before it starts; their sessions are signed
with the server's secret key, so no password has to be checked 580 times.
"""

import http.client
import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from urllib.parse import urlsplit

import pytest
from flask import Flask, session
from flask_wtf.csrf import generate_csrf

from webapp.auth.sessions import token_hash

SECRET = "concurrency-test-secret"  # what conftest's GunicornServer gives the server
RESIDENTS = 500
ROUND = 80  # residents voting at once on the proposal with a small threshold
SMALL_THRESHOLD = 50
NOW = "2026-01-01T00:00:00Z"
FAR = "2999-01-01T00:00:00Z"


def _proposal(connection, title, threshold, author):
    return connection.execute(
        """INSERT INTO proposals (author_id, buurt_id, status, lang, category, title, tasks,
               problem, hours, threshold, opened_at, deadline, created_at, updated_at)
           VALUES (?, 4, 'open', 'nl', 'errands', ?, 'Taken', 'Probleem', 12, ?, ?, ?, ?, ?)""",
        (author, title, threshold, NOW, FAR, NOW, NOW),
    ).lastrowid


def _prepare(facts):
    def prepare(path):
        connection = sqlite3.connect(path)
        try:
            author = connection.execute("SELECT id FROM users WHERE username = 'buurtgroep'").fetchone()[0]
            facts["a"] = _proposal(connection, "A", 100_000, author)
            facts["b"] = _proposal(connection, "B", 100_000, author)
            facts["c"] = _proposal(connection, "C", 100_000, author)
            facts["small"] = _proposal(connection, "Klein", SMALL_THRESHOLD, author)
            fillers = [_proposal(connection, f"D{n}", 100_000, author) for n in range(4)]
            residents = []
            started = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            for number in range(RESIDENTS + ROUND):
                user = connection.execute(
                    """INSERT INTO users (username, role, created_at)
                       VALUES (?, 'resident', ?)""",
                    (f"gelijktijdig-{number:03d}", NOW),
                ).lastrowid
                connection.execute(
                    "INSERT INTO profiles (user_id, home_buurt_id, updated_at) VALUES (?, 4, ?)",
                    (user, NOW),
                )
                connection.execute(  # a voting code proved the home buurt: the votes count
                    """INSERT INTO verifications (user_id, proof, buurt_id, verified_at)
                       VALUES (?, 'code', 4, ?)""",
                    (user, NOW),
                )
                connection.execute(  # a login session on the server (webapp/auth/sessions.py)
                    """INSERT INTO sessions (token_hash, user_id, created_at, last_used)
                       VALUES (?, ?, ?, ?)""",
                    (token_hash(_session_token(user)), user, started, started),
                )
                residents.append(user)
            # The last 100 of the 500 start with 4 votes on open proposals.
            connection.executemany(
                "INSERT INTO votes (proposal_id, user_id, created_at) VALUES (?, ?, ?)",
                [(filler, user, NOW) for user in residents[400:RESIDENTS] for filler in fillers],
            )
            connection.commit()
            facts["residents"] = residents
            facts["fillers"] = fillers
        finally:
            connection.close()

    return prepare


_signer = Flask("signer")
_signer.secret_key = SECRET


def _session_token(user_id):
    return f"concurrency-session-{user_id}"


def credentials(user_id):
    """A logged-in session cookie and its CSRF token, as the app would make them."""
    with _signer.test_request_context():
        session["_user_id"] = _session_token(user_id)
        session["_fresh"] = True
        token = generate_csrf()
        cookie = _signer.session_interface.get_signing_serializer(_signer).dumps(dict(session))
    return cookie, token


def post_vote(url, proposal_id, cookie, token):
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        connection.request(
            "POST",
            f"/proposals/{proposal_id}/vote",
            body=f"csrf_token={token}",
            headers={"Cookie": f"session={cookie}", "Content-Type": "application/x-www-form-urlencoded"},
        )
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def at_once(url, requests):
    """Send ``[(proposal_id, cookie, token), ...]`` in threads released together."""
    barrier = threading.Barrier(len(requests))
    results = [None] * len(requests)

    def send(index, proposal_id, cookie, token):
        barrier.wait(timeout=30)
        results[index] = post_vote(url, proposal_id, cookie, token)

    threads = [threading.Thread(target=send, args=(index, *request)) for index, request in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=90)
    return results


@pytest.fixture
def server_and_facts(gunicorn_server):
    facts = {}
    server = gunicorn_server(workers=3, prepare=_prepare(facts))
    return server, facts


def test_every_vote_counts_exactly_once(server_and_facts):
    server, facts = server_and_facts
    residents = facts["residents"]
    a, b, c, small = facts["a"], facts["b"], facts["c"], facts["small"]
    keys = {user: credentials(user) for user in residents}

    def pair(index):
        user = residents[index]
        cookie, token = keys[user]
        if index < 200:  # the same vote twice, at the same moment
            wanted = [(a, cookie, token), (a, cookie, token)]
        else:  # two proposals at once
            wanted = [(b, cookie, token), (c, cookie, token)]
        return index, at_once(server.url, wanted)

    with ThreadPoolExecutor(max_workers=24) as pool:
        answers = dict(pool.map(pair, range(RESIDENTS)))
    assert sum(len(statuses) for statuses in answers.values()) == 1000

    round_users = residents[RESIDENTS:]
    round_statuses = at_once(
        server.url, [(small, *keys.setdefault(user, credentials(user))) for user in round_users]
    )

    # Nothing failed: every answer is the vote's (303) or a clear refusal (409).
    for index, statuses in answers.items():
        if index < 400:
            assert statuses == [303, 303], (index, statuses)
        else:
            assert sorted(statuses) == [303, 409], (index, statuses)
    assert sorted(set(round_statuses)) == [303, 409]
    assert round_statuses.count(303) == SMALL_THRESHOLD

    connection = sqlite3.connect(server.database)
    try:

        def scalar(sql, params=()):
            return connection.execute(sql, params).fetchone()[0]

        def marks(users):
            return ",".join("?" * len(users))

        voters_of_a = "SELECT COUNT(DISTINCT user_id) FROM votes WHERE proposal_id = ?"
        assert scalar("SELECT COUNT(*) FROM votes WHERE proposal_id = ?", (a,)) == 200
        assert scalar(voters_of_a, (a,)) == 200
        both = residents[200:400]
        two_each = scalar(
            f"""SELECT COUNT(*) FROM (SELECT user_id FROM votes WHERE proposal_id IN (?, ?)
                AND user_id IN ({marks(both)}) GROUP BY user_id HAVING COUNT(*) = 2)""",  # noqa: S608
            (b, c, *both),
        )
        assert two_each == 200
        # The limit held for everyone: 4 earlier votes plus exactly one of the two.
        limited = residents[400:RESIDENTS]
        for user in limited:
            open_votes = scalar(
                """SELECT COUNT(*) FROM votes JOIN proposals ON proposals.id = votes.proposal_id
                   WHERE votes.user_id = ? AND proposals.status = 'open'""",
                (user,),
            )
            assert open_votes == 5, user
        new_votes = scalar(
            f"SELECT COUNT(*) FROM votes WHERE proposal_id IN (?, ?) AND user_id IN "  # noqa: S608
            f"({marks(limited)})",
            (b, c, *limited),
        )
        assert new_votes == 100
        # Exactly the threshold, and one status change to the municipality.
        small_votes = scalar("SELECT COUNT(*) FROM votes WHERE proposal_id = ?", (small,))
        assert small_votes == SMALL_THRESHOLD
        assert scalar("SELECT status FROM proposals WHERE id = ?", (small,)) == "with_gemeente"
        assert (
            scalar(
                "SELECT COUNT(*) FROM proposal_events WHERE proposal_id = ? AND to_status = 'with_gemeente'",
                (small,),
            )
            == 1
        )
        # Every count equals the rows; nobody has two votes on one proposal.
        assert (
            scalar("""SELECT COUNT(*) FROM proposals WHERE vote_count !=
                         (SELECT COUNT(*) FROM votes WHERE proposal_id = proposals.id)""")
            == 0
        )
        assert (
            scalar("""SELECT COUNT(*) FROM (SELECT 1 FROM votes GROUP BY proposal_id, user_id
                         HAVING COUNT(*) > 1)""")
            == 0
        )
    finally:
        connection.close()
