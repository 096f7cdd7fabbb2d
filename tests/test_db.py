"""The schema: migrations from empty, and the rules the database enforces."""

import sqlite3
from pathlib import Path

import pytest

from webapp import migrations as all_migrations
from webapp.db import connect, init_database

# A database made by the main branch of 2026-12-04 (``sqlite3`` .dump of a
# fresh one), before the areas handed their migrations in themselves.
EARLIER_SCHEMA = Path(__file__).parent / "data" / "schema-2026-12-04.sql"


@pytest.fixture(scope="module")
def migrations():
    return all_migrations()


def schema_of(path):
    """Every table, index, trigger and view as SQLite stores its text."""
    db = connect(path)
    found = db.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    db.close()
    return [tuple(row) for row in found]


def applied_names(path):
    db = connect(path)
    names = [row[0] for row in db.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    db.close()
    return names


def test_migrations_from_empty_create_every_table(tmp_path, migrations):
    path = tmp_path / "new.db"
    init_database(path, migrations)
    db = connect(path)
    tables = set(db.table_names())
    assert {
        "wijken",
        "buurten",
        "users",
        "start_codes",
        "jobs",
        "jobs_fts",
        "profiles",
        "interests",
        "minimum_wage",
        "counters",
    } <= tables
    assert [m.name for m in migrations.applied(db)] == [m.name for m in migrations._migrations]


def test_migrations_twice_change_nothing(tmp_path, migrations):
    path = tmp_path / "new.db"
    init_database(path, migrations)
    init_database(path, migrations)
    db = connect(path)
    assert migrations.pending(db) == []
    assert db.execute("SELECT COUNT(*) FROM minimum_wage").fetchone()[0] == 1


def test_wal_and_foreign_keys_are_on(tmp_path, migrations):
    path = tmp_path / "new.db"
    init_database(path, migrations)
    db = connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_first_minimum_wage_is_the_2026_rate(tmp_path, migrations):
    init_database(tmp_path / "new.db", migrations)
    row = connect(tmp_path / "new.db").execute("SELECT valid_from, cents FROM minimum_wage").fetchone()
    assert tuple(row) == ("2026-01-01", 1471)


def test_a_database_made_before_upgrades_to_the_same_schema_as_a_fresh_one(tmp_path, migrations):
    earlier = tmp_path / "earlier.db"
    connection = sqlite3.connect(earlier)
    connection.executescript(EARLIER_SCHEMA.read_text())
    connection.close()
    names_before = applied_names(earlier)
    init_database(earlier, migrations)
    fresh = tmp_path / "fresh.db"
    init_database(fresh, migrations)
    assert schema_of(earlier) == schema_of(fresh)
    # Nothing ran twice: the names already applied are the same names, in order.
    assert applied_names(earlier)[: len(names_before)] == names_before
    assert applied_names(earlier) == applied_names(fresh)


def test_every_migration_name_is_unique_and_areas_follow_the_core(migrations):
    names = [m.name for m in migrations._migrations]
    assert len(names) == len(set(names))
    assert names[0] == "m001_places"
    assert (
        names.index("p001_settings")
        < names.index("coaching_001_messages")
        < names.index("pwa_001_interest_client_ids")
    )


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
    new = db.execute("INSERT INTO users (username, role, created_at) VALUES ('nieuw', 'resident', '')").lastrowid
    assert new > last


def test_unknown_role_is_refused(db):
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO users (username, role, created_at) VALUES ('x', 'admin', '')")


def job_changes_after(db, seq):
    return [row[0] for row in db.execute("SELECT job_id FROM job_changes WHERE seq > ? ORDER BY seq", (seq,))]


def test_a_change_to_what_ranking_reads_is_logged_for_that_job_only(db):
    seq = db.execute("SELECT MAX(seq) FROM job_changes").fetchone()[0]
    db.execute("UPDATE jobs SET hours = 12 WHERE id = 1")
    db.execute("UPDATE jobs SET status = 'closed' WHERE id = 2")
    assert job_changes_after(db, seq) == [1, 2]


def test_a_filled_place_or_a_new_text_is_not_logged(db):
    seq = db.execute("SELECT MAX(seq) FROM job_changes").fetchone()[0]
    db.execute("UPDATE jobs SET places_filled = 1, title_nl = 'Anders', wage_cents = 1500 WHERE id = 1")
    assert job_changes_after(db, seq) == []


def test_new_and_deleted_jobs_and_a_buurt_moving_wijk_are_logged(db):
    seq = db.execute("SELECT MAX(seq) FROM job_changes").fetchone()[0]
    buurt = db.execute("SELECT buurt_id FROM jobs WHERE id = 1").fetchone()[0]
    in_buurt = [row[0] for row in db.execute("SELECT id FROM jobs WHERE buurt_id = ? ORDER BY id", (buurt,))]
    other_wijk = db.execute(
        "SELECT id FROM wijken WHERE id != (SELECT wijk_id FROM buurten WHERE id = ?)", (buurt,)
    ).fetchone()[0]
    db.execute("UPDATE buurten SET wijk_id = ? WHERE id = ?", (other_wijk, buurt))
    db.execute("DELETE FROM jobs WHERE id = 3")
    assert sorted(job_changes_after(db, seq)[:-1]) == in_buurt
    assert job_changes_after(db, seq)[-1] == 3


def test_full_text_search_follows_job_edits(db):
    db.execute("UPDATE jobs SET title_nl = 'Zeldzaamwoord' WHERE id = 1")
    hits = db.execute("SELECT rowid FROM jobs_fts WHERE jobs_fts MATCH 'zeldzaamwoord'").fetchall()
    assert [row[0] for row in hits] == [1]
