"""The overview's figures come from counters the triggers keep; they must be
the numbers the old queries counted from every vote, after any change."""

import random
from datetime import UTC, datetime, timedelta

from http_support import page, sign_in

from webapp.db import one, rows, write_transaction
from webapp.domain import proposals as rules
from webapp.gemeente import changes as gemeente_changes
from webapp.gemeente import queries
from webapp.jobs.queries import JOB_COLUMNS, JOB_JOINS
from webapp.proposals.queries import LISTED
from webapp.retention import changes as retention_changes

PROOF_SETS = ((), ("coach",), ("coach", "code"), ("coach", "code", "oidc"), ("code", "oidc"))

# --- the reference: the queries the overview ran before the counters ----------------------------


def reference_votes_per_week(db, now, weeks=12):
    today = now.date()
    first_monday = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    counted = dict(
        rows(
            db,
            """SELECT date(created_at, '-6 days', 'weekday 1') AS monday, COUNT(*)
               FROM votes WHERE created_at >= ? GROUP BY monday""",
            (first_monday.isoformat(),),
        )
    )
    mondays = (first_monday + timedelta(weeks=index) for index in range(weeks))
    return [(monday, counted.get(monday.isoformat(), 0)) for monday in mondays]


def reference_count_by_status(db):
    found = dict(
        rows(
            db,
            f"SELECT status, COUNT(*) FROM proposals WHERE {LISTED} "  # noqa: S608
            "OR status = 'draft' GROUP BY status",
        )
    )
    return {status: found.get(status, 0) for status in rules.STATUSES}


def reference_figures(db, now):
    jobs = dict(rows(db, "SELECT status, COUNT(*) FROM jobs GROUP BY status"))
    places = one(
        db,
        """SELECT COALESCE(SUM(places), 0), COALESCE(SUM(places_filled), 0)
                        FROM jobs WHERE status = 'open'""",
    )
    week_ago = rules.stamp(now - timedelta(days=7))
    return {
        "proposals": reference_count_by_status(db),
        "jobs": {status: jobs.get(status, 0) for status in ("open", "draft", "closed")},
        "places": places[0],
        "places_filled": places[1],
        "voters": one(db, "SELECT COUNT(DISTINCT user_id) FROM votes")[0],
        "votes_week": one(db, "SELECT COUNT(*) FROM votes WHERE created_at >= ?", (week_ago,))[0],
        "reports_open": one(
            db, "SELECT COUNT(DISTINCT target_kind || target_id) FROM reports WHERE resolved_at IS NULL"
        )[0],
    }


def reference_votes_by_proof(db, accepted):
    found = {"coach": 0, "code": 0, "oidc": 0, "none": 0}
    marks = ",".join("?" * len(accepted)) or "NULL"
    for proof, number in rows(
        db,
        f"""SELECT CASE WHEN verifications.proof IN ({marks})
                        AND verifications.buurt_id = profiles.home_buurt_id
                   THEN verifications.proof ELSE 'none' END AS proof, COUNT(*)
            FROM votes
            LEFT JOIN verifications ON verifications.user_id = votes.user_id
            LEFT JOIN profiles ON profiles.user_id = votes.user_id
            GROUP BY 1""",  # noqa: S608 - only '?' marks
        tuple(accepted),
    ):
        found[proof] = number
    return found


def reference_interests_per_job(db, limit=8):
    return rows(
        db,
        f"""SELECT {JOB_COLUMNS}, COUNT(interests.id) AS interest_count
            FROM jobs {JOB_JOINS}
            JOIN interests ON interests.job_id = jobs.id AND interests.status = 'open'
            WHERE jobs.status = 'open'
            GROUP BY jobs.id ORDER BY interest_count DESC, jobs.id LIMIT ?""",  # noqa: S608
        (limit,),
    )


def moments(db):
    """Times to count at: now, the last vote's time, and a moment inside a busy day."""
    last = one(db, "SELECT MAX(created_at) FROM votes")[0]
    found = [datetime.now(UTC).replace(microsecond=0)]
    if last:
        stamped = datetime.strptime(last, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        found += [stamped, stamped + timedelta(days=7), stamped + timedelta(days=3, hours=5, seconds=1)]
    return found


def assert_same(db):
    for now in moments(db):
        assert queries.figures(db, now) == reference_figures(db, now), now
        assert queries.votes_per_week(db, now) == reference_votes_per_week(db, now), now
    for accepted in PROOF_SETS:
        assert queries.votes_by_proof(db, accepted) == reference_votes_by_proof(db, accepted), accepted
    found = [dict(row) for row in queries.interests_per_job(db, limit=50)]
    assert found == [dict(row) for row in reference_interests_per_job(db, limit=50)]
    # The counters are exact, not only their sums.
    assert one(db, "SELECT COUNT(*) FROM overview_voters WHERE votes <= 0")[0] == 0


# --- the tests -------------------------------------------------------------------------------


def test_the_counters_match_the_demo_data(db):
    assert one(db, "SELECT COUNT(*) FROM votes")[0] > 0
    assert_same(db)


def _ids(db, sql, params=()):
    return [row[0] for row in rows(db, sql, params)]


def test_the_counters_follow_votes_withdrawals_anonymising_and_placements(db):
    chance = random.Random(16)
    proposals = _ids(db, "SELECT id FROM proposals")
    residents = _ids(db, "SELECT id FROM users WHERE role = 'resident'")
    buurten = _ids(db, "SELECT id FROM buurten")
    jobs = _ids(db, "SELECT id FROM jobs ORDER BY id LIMIT 12")
    gemeente = one(db, "SELECT id FROM users WHERE role = 'gemeente'")[0]
    start = datetime(2026, 11, 1, 9, 30, tzinfo=UTC)
    for step in range(400):
        action = chance.choice(
            (
                "vote",
                "vote",
                "vote",
                "withdraw",
                "verify",
                "move",
                "unverify",
                "redate",
                "interest",
                "job",
                "proposal",
            )
        )
        with write_transaction(db):
            if action == "vote":
                when = start + timedelta(hours=chance.randrange(0, 24 * 40), seconds=chance.randrange(3600))
                db.conn.execute(
                    "INSERT OR IGNORE INTO votes (proposal_id, user_id, created_at) VALUES (?, ?, ?)",
                    (chance.choice(proposals), chance.choice(residents), rules.stamp(when)),
                )
            elif action == "withdraw":
                db.conn.execute("DELETE FROM votes WHERE id = (SELECT id FROM votes ORDER BY random() LIMIT 1)")
            elif action == "verify":
                db.conn.execute(
                    """INSERT INTO verifications (user_id, proof, buurt_id, verified_at) VALUES (?, ?, ?, '')
                       ON CONFLICT (user_id) DO UPDATE SET proof = excluded.proof, buurt_id = excluded.buurt_id""",
                    (chance.choice(residents), chance.choice(("coach", "code", "oidc")), chance.choice(buurten)),
                )
            elif action == "move":
                db.conn.execute(
                    "UPDATE profiles SET home_buurt_id = ? WHERE user_id = ?",
                    (chance.choice(buurten + [None]), chance.choice(residents)),
                )
            elif action == "unverify":
                db.conn.execute("DELETE FROM verifications WHERE user_id = ?", (chance.choice(residents),))
            elif action == "interest":
                db.conn.execute(
                    """INSERT INTO interests (user_id, job_id, status, created_at, updated_at)
                       VALUES (?, ?, ?, '', '')
                       ON CONFLICT (user_id, job_id) DO UPDATE SET status = excluded.status""",
                    (chance.choice(residents), chance.choice(jobs), chance.choice(("open", "open", "withdrawn"))),
                )
            elif action == "proposal":
                db.conn.execute(
                    "UPDATE proposals SET status = ?, moderation = ? WHERE id = ?",
                    (
                        chance.choice(rules.STATUSES),
                        chance.choice(("visible", "visible", "hidden", "removed")),
                        chance.choice(proposals),
                    ),
                )
            elif action == "job":
                db.conn.execute(
                    "UPDATE jobs SET status = ? WHERE id = ?",
                    (chance.choice(("open", "open", "closed", "draft")), chance.choice(jobs)),
                )
            else:
                db.conn.execute(
                    "UPDATE votes SET created_at = ? WHERE id = (SELECT id FROM votes ORDER BY random() LIMIT 1)",
                    (rules.stamp(start + timedelta(minutes=chance.randrange(60 * 24 * 60))),),
                )
        if step % 100 == 0:
            assert_same(db)
    assert_same(db)

    # Placements: a place filled and emptied again.
    job = one(db, "SELECT id FROM jobs WHERE status = 'open' ORDER BY id LIMIT 1")[0]
    username = one(db, "SELECT username FROM users WHERE id = ?", (residents[0],))[0]
    assert gemeente_changes.place(db, job, username, gemeente, start) == "done"
    assert_same(db)
    placement = one(db, "SELECT id FROM placements WHERE job_id = ? ORDER BY id DESC LIMIT 1", (job,))[0]
    gemeente_changes.remove_placement(db, job, placement)
    assert_same(db)

    # Retention: voters anonymised (their votes on closed proposals stay, without them) and deleted.
    voters = _ids(db, "SELECT DISTINCT user_id FROM votes WHERE user_id IS NOT NULL ORDER BY user_id")
    assert len(voters) > 4
    for user_id in voters[:3]:
        with write_transaction(db):
            retention_changes.anonymise(db, user_id, start)
    assert one(db, "SELECT COUNT(*) FROM votes WHERE user_id IS NULL")[0] > 0
    assert_same(db)
    retention_changes.delete_account(db, voters[3])
    assert_same(db)
    with write_transaction(db):
        db.conn.execute("DELETE FROM users WHERE id = ?", (voters[4],))
    assert_same(db)
    # A proposal that goes takes its votes (anonymous ones too) with it.
    with write_transaction(db):
        db.conn.execute(
            "DELETE FROM proposals WHERE id = (SELECT proposal_id FROM votes WHERE user_id IS NULL LIMIT 1)"
        )
    assert_same(db)


def test_the_overview_page_shows_the_reference_numbers(client, db):
    now = datetime.now(UTC).replace(microsecond=0)
    expected = reference_figures(db, now)
    sign_in(client, "gemeente")
    body = page(client.get("/gemeente"))
    assert f'figure__number">{expected["voters"]}<' in body
    assert f'figure__number">{expected["votes_week"]}<' in body
    for _monday, number in reference_votes_per_week(db, now):
        assert f"<td>{number}</td>" in body


def reference_waiting_for_coach(db):
    return one(
        db,
        """SELECT COUNT(*) FROM users
           WHERE role = 'resident' AND coach_id IS NULL AND password_hash IS NOT NULL""",
    )[0]


def test_the_residents_waiting_for_a_coach_are_counted_as_accounts_change(db):
    assert queries.waiting_for_coach(db) == reference_waiting_for_coach(db) > 0
    coach = one(db, "SELECT id FROM users WHERE role = 'coach' LIMIT 1")[0]
    made = db.execute(
        "INSERT INTO users (username, password_hash, role, created_at)"
        " VALUES ('nieuw', 'x', 'resident', '2026-12-05')"
    ).lastrowid
    no_password = db.execute(
        "INSERT INTO users (username, role, created_at) VALUES ('zonder', 'resident', '2026-12-05')"
    ).lastrowid
    for change, values in (
        ("UPDATE users SET coach_id = ? WHERE id = ?", (coach, made)),
        ("UPDATE users SET coach_id = NULL WHERE id = ?", (made,)),
        ("UPDATE users SET password_hash = 'y' WHERE id = ?", (no_password,)),
        ("UPDATE users SET display_name = 'Nieuw' WHERE id = ?", (made,)),
        ("UPDATE users SET role = 'coach' WHERE id = ?", (made,)),
        ("DELETE FROM users WHERE id = ?", (no_password,)),
    ):
        db.execute(change, values)
        assert queries.waiting_for_coach(db) == reference_waiting_for_coach(db), change
    assert queries.caseload_totals(db)["without"] == reference_waiting_for_coach(db)
