"""The city set's bulk path: counters dropped, filled set-based, triggers back.

A small city (a few hundred residents) is seeded twice from the same demo
database and the same random seed: once with the counter triggers dropped and
the counters counted afterwards (as ``seed-demo --size city`` does), once row
by row through the triggers. The counters must be the same.
"""

import shutil
from datetime import UTC, datetime

import pytest

from webapp.db import connect
from webapp.seed import bulk, demo, proposals_large


class FixedClock(datetime):
    """Both seeds see the same moment, so no vote's day moves between them."""

    @classmethod
    def now(cls, tz=None):
        return cls(2026, 6, 10, 12, 0, 0, tzinfo=UTC)


SMALL_CITY = {
    "residents": 300,
    "participants": 60,
    "jobs": 20,
    "proposals": 60,
    "threshold": 12,
    "messages": 1_100,
}
COUNTERS = {
    "proposals": "SELECT id, vote_count FROM proposals ORDER BY id",
    "overview_vote_days": "SELECT day, votes FROM overview_vote_days ORDER BY day",
    "overview_voters": "SELECT user_id, votes, proof FROM overview_voters ORDER BY user_id",
    "overview_totals": "SELECT name, value FROM overview_totals ORDER BY name",
}


def _seed(folder, seeded_template, build_app, bulk_path):
    folder.mkdir()
    shutil.copy(seeded_template, folder / "basisbaan.db")
    app = build_app(folder)
    with app.app_context():
        db = connect(app.config["DATABASE"])
        triggers_before = [tuple(row) for row in bulk.counter_triggers(db)]
        demo.seed_city(db, bulk=bulk_path, **SMALL_CITY)
        counters = {name: [tuple(row) for row in db.conn.execute(sql)] for name, sql in COUNTERS.items()}
        triggers_after = [tuple(row) for row in bulk.counter_triggers(db)]
    return db, counters, triggers_before, triggers_after


@pytest.fixture(scope="module")
def cities(tmp_path_factory, seeded_template, build_app):
    root = tmp_path_factory.mktemp("city")
    clock = pytest.MonkeyPatch()
    clock.setattr(proposals_large, "datetime", FixedClock)
    made = {
        "bulk": _seed(root / "bulk", seeded_template, build_app, True),
        "rows": _seed(root / "rows", seeded_template, build_app, False),
    }
    clock.undo()
    yield made
    for db, *_ in made.values():
        db.close()


def test_bulk_counters_equal_the_triggers_row_by_row(cities):
    _, bulk_counters, _, _ = cities["bulk"]
    _, row_counters, _, _ = cities["rows"]
    # The set is big enough to mean something: many votes, more than one proof.
    assert sum(votes for _, votes in row_counters["overview_vote_days"]) > 300
    assert {proof for _, _, proof in row_counters["overview_voters"]} >= {"coach", "code"}
    for name in COUNTERS:
        assert bulk_counters[name] == row_counters[name], name


def test_the_counter_triggers_are_back_exactly(cities):
    _, _, before, after = cities["bulk"]
    assert len(before) > 10
    assert {name for name, _ in before} >= {"votes_count_ai", "votes_count_ad", "overview_votes_ai"}
    assert sorted(after) == sorted(before)


def test_after_the_bulk_path_a_vote_is_counted_by_the_triggers(cities):
    db, *_ = cities["bulk"]
    proposal_id, voter = db.conn.execute(
        """SELECT proposals.id, users.id FROM proposals, users
           WHERE proposals.status = 'open' AND users.username LIKE 'inwoner-%'
             AND NOT EXISTS (SELECT 1 FROM votes WHERE votes.proposal_id = proposals.id
                                                   AND votes.user_id = users.id)
           LIMIT 1"""
    ).fetchone()
    count = db.conn.execute("SELECT vote_count FROM proposals WHERE id = ?", (proposal_id,)).fetchone()[0]
    total = db.conn.execute("SELECT SUM(votes) FROM overview_vote_days").fetchone()[0]
    with db.atomic():
        db.conn.execute(
            "INSERT INTO votes (proposal_id, user_id, created_at) VALUES (?, ?, '2030-01-01T10:00:00Z')",
            (proposal_id, voter),
        )
    assert (
        db.conn.execute("SELECT vote_count FROM proposals WHERE id = ?", (proposal_id,)).fetchone()[0] == count + 1
    )
    assert db.conn.execute("SELECT SUM(votes) FROM overview_vote_days").fetchone()[0] == total + 1
    with db.atomic():  # taken back: the counters go back too
        db.conn.execute("DELETE FROM votes WHERE proposal_id = ? AND user_id = ?", (proposal_id, voter))
    assert db.conn.execute("SELECT vote_count FROM proposals WHERE id = ?", (proposal_id,)).fetchone()[0] == count
    assert db.conn.execute("SELECT SUM(votes) FROM overview_vote_days").fetchone()[0] == total


def test_the_city_keeps_the_vote_rules(cities):
    db, *_ = cities["bulk"]
    conn = db.conn
    # Every neighbour lives in a buurt and proved it with a voting code.
    assert (
        conn.execute(
            """SELECT COUNT(*) FROM users LEFT JOIN verifications ON verifications.user_id = users.id
           WHERE users.username LIKE 'inwoner-%' AND verifications.proof IS NOT 'code'"""
        ).fetchone()[0]
        == 0
    )
    assert conn.execute("SELECT COUNT(*) FROM users WHERE username LIKE 'inwoner-%'").fetchone()[0] == 240
    # At most two votes each, only in their own wijk, never on their own proposal,
    # never more than the threshold.
    assert (
        conn.execute(
            """SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM votes
           JOIN users ON users.id = votes.user_id
           WHERE users.username LIKE 'inwoner-%' OR users.username LIKE 'bewoner-%' GROUP BY votes.user_id)"""
        ).fetchone()[0]
        == 2
    )
    assert (
        conn.execute(
            """SELECT COUNT(*) FROM votes
           JOIN users ON users.id = votes.user_id
           JOIN proposals ON proposals.id = votes.proposal_id
           JOIN profiles ON profiles.user_id = votes.user_id
           JOIN buurten ON buurten.id = profiles.home_buurt_id
           WHERE (users.username LIKE 'inwoner-%' OR users.username LIKE 'bewoner-%')
             AND (buurten.wijk_id != proposals.wijk_id OR proposals.author_id = votes.user_id)"""
        ).fetchone()[0]
        == 0
    )
    assert conn.execute("SELECT COUNT(*) FROM proposals WHERE vote_count > threshold").fetchone()[0] == 0
