"""The same voting code redeemed by 20 accounts at the same moment verifies exactly one."""

import threading

from http_support import count, execute, scalar

from webapp.db import connect
from webapp.domain import votingcodes
from webapp.verification import changes

ACCOUNTS = 20


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
    assert count(app, "verifications", "proof = 'code'") == 1
    winner = scalar(app, "SELECT user_id FROM verifications WHERE proof = 'code'")
    assert scalar(app, "SELECT used_by FROM voting_codes") == winner
