"""The schema: migrations from empty, and the rules the database enforces."""

import sqlite3

import pytest

from webapp.db import connect, init_database, migrations


def test_migrations_from_empty_create_every_table(tmp_path):
    path = tmp_path / "new.db"
    init_database(path)
    db = connect(path)
    tables = set(db.table_names())
    assert {"wijken", "buurten", "users", "start_codes", "jobs", "jobs_fts", "profiles",
            "interests", "minimum_wage", "counters"} <= tables  # fmt: skip
    assert [m.name for m in migrations.applied(db)] == [m.name for m in migrations._migrations]


def test_migrations_twice_change_nothing(tmp_path):
    path = tmp_path / "new.db"
    init_database(path)
    init_database(path)
    db = connect(path)
    assert migrations.pending(db) == []
    assert db.execute("SELECT COUNT(*) FROM minimum_wage").fetchone()[0] == 1


def test_wal_and_foreign_keys_are_on(tmp_path):
    path = tmp_path / "new.db"
    init_database(path)
    db = connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_first_minimum_wage_is_the_2026_rate(tmp_path):
    init_database(tmp_path / "new.db")
    row = connect(tmp_path / "new.db").execute("SELECT valid_from, cents FROM minimum_wage").fetchone()
    assert tuple(row) == ("2026-01-01", 1471)


def test_one_interest_per_resident_and_job(db):
    user = db.execute("SELECT id FROM users WHERE username = 'bewoner'").fetchone()[0]
    job = db.execute("SELECT job_id FROM interests WHERE user_id = ?", (user,)).fetchone()[0]
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO interests (user_id, job_id, created_at, updated_at) VALUES (?, ?, '', '')",
            (user, job),
        )


def test_deleting_a_user_removes_profile_and_interests(db):
    user = db.execute("SELECT id FROM users WHERE username = 'bewoner'").fetchone()[0]
    db.execute("DELETE FROM users WHERE id = ?", (user,))
    for table in ("profiles", "interests", "start_codes"):
        assert db.execute(f"SELECT COUNT(*) FROM {table} WHERE user_id = ?", (user,)).fetchone()[0] == 0  # noqa: S608, E501


def test_user_ids_are_never_reused(db):
    last = db.execute("SELECT MAX(id) FROM users").fetchone()[0]
    db.execute("DELETE FROM users WHERE id = ?", (last,))
    new = db.execute(
        "INSERT INTO users (username, role, created_at) VALUES ('nieuw', 'resident', '')"
    ).lastrowid
    assert new > last


def test_unknown_role_is_refused(db):
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO users (username, role, created_at) VALUES ('x', 'admin', '')")


def test_job_changes_move_the_version_counter(db):
    before = db.execute("SELECT value FROM counters WHERE name = 'jobs_version'").fetchone()[0]
    db.execute("UPDATE jobs SET places_filled = 1 WHERE id = 1")
    after = db.execute("SELECT value FROM counters WHERE name = 'jobs_version'").fetchone()[0]
    assert after > before


def test_full_text_search_follows_job_edits(db):
    db.execute("UPDATE jobs SET title_nl = 'Zeldzaamwoord' WHERE id = 1")
    hits = db.execute("SELECT rowid FROM jobs_fts WHERE jobs_fts MATCH 'zeldzaamwoord'").fetchall()
    assert [row[0] for row in hits] == [1]
