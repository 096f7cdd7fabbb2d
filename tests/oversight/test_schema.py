"""The oversight tables, and the rebuild of ``users`` that lets the board's role in."""

import sqlite3

import pytest

from webapp import migrations as all_migrations
from webapp.db import connect, init_database


@pytest.fixture(scope="module")
def migrations():
    return all_migrations()


def _user(db, username, role, coach_id=None):
    return db.execute(
        "INSERT INTO users (username, role, coach_id, created_at) VALUES (?, ?, ?, '2026-12-01T09:00:00Z')",
        (username, role, coach_id),
    ).lastrowid


def names_on_users(db):
    """The table's indexes and triggers, by name."""
    return {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'users'")}


def test_the_role_rebuild_keeps_every_user_and_everything_that_points_at_them(tmp_path, migrations):
    path = tmp_path / "before.db"
    db = connect(path)
    migrations.apply(db, stop_before="t001_toezicht_role")
    coach = _user(db, "coach", "coach")
    resident = _user(db, "bewoner", "resident", coach_id=coach)
    db.execute(
        "INSERT INTO start_codes (user_id, code_hash, created_by, created_at, expires_at)"
        " VALUES (?, 'x', ?, '2026-12-01', '2026-12-08')",
        (resident, coach),
    )
    db.conn.commit()
    users_before = [tuple(row) for row in db.execute("SELECT * FROM users ORDER BY id")]
    indexes_before = names_on_users(db)
    db.close()

    init_database(path, migrations)

    db = connect(path)
    assert [tuple(row) for row in db.execute("SELECT * FROM users ORDER BY id")] == users_before
    assert db.execute("SELECT COUNT(*) FROM start_codes").fetchone()[0] == 1
    assert names_on_users(db) == indexes_before
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    # The keys still point at the rebuilt table: deleting the resident takes their code along.
    db.execute("DELETE FROM users WHERE id = ?", (resident,))
    assert db.execute("SELECT COUNT(*) FROM start_codes").fetchone()[0] == 0


def test_the_board_role_is_allowed_and_unknown_roles_still_are_not(db):
    _user(db, "toezicht-1", "toezicht")
    with pytest.raises(sqlite3.IntegrityError):
        _user(db, "someone", "boss")


def test_an_objection_is_about_a_proposal_or_a_job_never_both_or_neither(db):
    job = db.execute("SELECT id FROM jobs LIMIT 1").fetchone()
    proposal = db.execute("SELECT id FROM proposals LIMIT 1").fetchone()
    assert job is not None and proposal is not None  # the test app is seeded with the demo
    insert = (
        "INSERT INTO objections (proposal_id, job_id, ground, text, created_at, answer_due)"
        " VALUES (?, ?, 'no_displacement', 'De bakker doet dit al.', '2026-12-01T09:00:00Z', '2026-12-29')"
    )
    db.execute(insert, (proposal[0], None))
    db.execute(insert, (None, job[0]))
    for both_or_neither in ((proposal[0], job[0]), (None, None)):
        with pytest.raises(sqlite3.IntegrityError):
            db.execute(insert, both_or_neither)
