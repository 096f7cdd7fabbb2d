"""The SQLite database: a connection kept per worker thread, schema as named migrations.

sqlite-utils' ``Migrations`` owns the schema; each migration is a small
named function that runs once, in its own transaction, in order.
"""

import contextlib
import os
import sqlite3
import threading
from datetime import UTC, datetime

import click
from flask import current_app, g
from sqlite_utils import Database, Migrations


def run_script(db, script):
    """Run several statements inside the migration's transaction.

    ``executescript`` would commit first, so statements go one by one.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        db.execute(statement)


def m001_places(db):
    run_script(
        db,
        """
        CREATE TABLE wijken (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL
        );
        CREATE TABLE buurten (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            wijk_id INTEGER NOT NULL REFERENCES wijken(id)
        );
        CREATE INDEX buurten_wijk ON buurten(wijk_id)
        """,
    )


def m002_users(db):
    # AUTOINCREMENT: a deleted account's id is never handed to someone else,
    # so an old "remember me" cookie can never open a new person's account.
    run_script(
        db,
        """
        CREATE TABLE users (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            username TEXT NOT NULL UNIQUE COLLATE NOCASE,
            email TEXT UNIQUE COLLATE NOCASE,
            display_name TEXT NOT NULL DEFAULT '',
            password_hash TEXT,
            auth_version INTEGER NOT NULL DEFAULT 1,
            role TEXT NOT NULL
                CHECK (role IN ('resident', 'buurtgroep', 'coach', 'gemeente')),
            coach_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            lang TEXT CHECK (lang IN ('nl', 'en')),
            plain INTEGER CHECK (plain IN (0, 1)),
            created_at TEXT NOT NULL
        );
        CREATE INDEX users_coach ON users(coach_id)
        """,
    )


def m003_start_codes(db):
    run_script(
        db,
        """
        CREATE TABLE start_codes (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            code_hash TEXT NOT NULL UNIQUE,
            created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            used_at TEXT
        );
        CREATE INDEX start_codes_user ON start_codes(user_id)
        """,
    )


# Every text in both languages, in this order: title_nl, title_en, summary_nl, ...
# (``plain_*`` is the summary in plain language.) These are the columns that
# m004_jobs made; never change this tuple, it is that migration's history.
JOB_TEXT_FIELDS_M004 = tuple(
    f"{text}_{language}"
    for text in ("title", "summary", "plain", "tasks", "problem", "team")
    for language in ("nl", "en")
)

# A plain-language version of every other job text (webapp/jobs/schema.py):
# title_plain_nl, title_plain_en, tasks_plain_nl, ...
JOB_PLAIN_TEXTS = {
    "title": "title_plain",
    "summary": "plain",
    "tasks": "tasks_plain",
    "problem": "problem_plain",
    "team": "team_plain",
}
JOB_PLAIN_TEXT_FIELDS = tuple(
    f"{JOB_PLAIN_TEXTS[text]}_{language}"
    for text in ("title", "tasks", "problem", "team")
    for language in ("nl", "en")
)

JOB_TEXT_FIELDS = JOB_TEXT_FIELDS_M004 + JOB_PLAIN_TEXT_FIELDS

# The columns of ``jobs`` that are written (``id`` is the database's own;
# ``proposal_id`` is set only by a decision about a proposal).
JOB_FIELDS = (
    "status",
    "category",
    "buurt_id",
    "employer",
    "hours",
    "days",
    "skills",
    "languages",
    "demands",
    "wage_scale",
    "wage_cents",
    "places",
    "places_filled",
    "start_date",
    *JOB_TEXT_FIELDS,
    "created_at",
)

JOB_SEARCH_FIELDS = JOB_TEXT_FIELDS_M004[:8]  # title, summary, plain and tasks


def m004_jobs(db):
    texts = ",\n".join(f"{name} TEXT NOT NULL DEFAULT ''" for name in JOB_TEXT_FIELDS_M004)
    search = ", ".join(JOB_SEARCH_FIELDS)
    new_search = ", ".join(f"new.{name}" for name in JOB_SEARCH_FIELDS)
    old_search = ", ".join(f"old.{name}" for name in JOB_SEARCH_FIELDS)
    run_script(
        db,
        f"""
        CREATE TABLE jobs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            status TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('draft', 'open', 'closed')),
            category TEXT NOT NULL,
            buurt_id INTEGER NOT NULL REFERENCES buurten(id),
            employer TEXT NOT NULL DEFAULT '',
            hours INTEGER NOT NULL CHECK (hours BETWEEN 1 AND 40),
            days TEXT NOT NULL DEFAULT '',
            skills TEXT NOT NULL DEFAULT '',
            languages TEXT NOT NULL DEFAULT '',
            demands TEXT NOT NULL DEFAULT '',
            wage_scale TEXT,
            wage_cents INTEGER CHECK (wage_cents IS NULL OR wage_cents > 0),
            places INTEGER NOT NULL DEFAULT 1 CHECK (places >= 0),
            places_filled INTEGER NOT NULL DEFAULT 0 CHECK (places_filled >= 0),
            start_date TEXT,
            {texts},
            created_at TEXT NOT NULL
        );
        CREATE INDEX jobs_status_created ON jobs(status, created_at);
        CREATE INDEX jobs_buurt ON jobs(buurt_id);
        CREATE VIRTUAL TABLE jobs_fts USING fts5(
            {search}, content='jobs', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER jobs_fts_ai AFTER INSERT ON jobs BEGIN
            INSERT INTO jobs_fts(rowid, {search}) VALUES (new.id, {new_search});
        END;
        CREATE TRIGGER jobs_fts_ad AFTER DELETE ON jobs BEGIN
            INSERT INTO jobs_fts(jobs_fts, rowid, {search})
                VALUES ('delete', old.id, {old_search});
        END;
        CREATE TRIGGER jobs_fts_au AFTER UPDATE ON jobs BEGIN
            INSERT INTO jobs_fts(jobs_fts, rowid, {search})
                VALUES ('delete', old.id, {old_search});
            INSERT INTO jobs_fts(rowid, {search}) VALUES (new.id, {new_search});
        END;
        CREATE TABLE counters (
            name TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        );
        INSERT INTO counters (name, value) VALUES ('jobs_version', 1);
        CREATE TRIGGER jobs_version_ai AFTER INSERT ON jobs BEGIN
            UPDATE counters SET value = value + 1 WHERE name = 'jobs_version';
        END;
        CREATE TRIGGER jobs_version_au AFTER UPDATE ON jobs BEGIN
            UPDATE counters SET value = value + 1 WHERE name = 'jobs_version';
        END;
        CREATE TRIGGER jobs_version_ad AFTER DELETE ON jobs BEGIN
            UPDATE counters SET value = value + 1 WHERE name = 'jobs_version';
        END
        """,  # noqa: S608 - names from JOB_TEXT_FIELDS_M004, no input
    )


def m005_profiles(db):
    run_script(
        db,
        """
        CREATE TABLE profiles (
            user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
            home_buurt_id INTEGER REFERENCES buurten(id),
            hours_max INTEGER CHECK (hours_max IS NULL OR hours_max BETWEEN 1 AND 40),
            travel TEXT CHECK (travel IS NULL OR travel IN ('buurt', 'wijk', 'town')),
            categories TEXT NOT NULL DEFAULT '',
            days TEXT NOT NULL DEFAULT '',
            limits TEXT NOT NULL DEFAULT '',
            skills TEXT NOT NULL DEFAULT '',
            languages TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL
        )
        """,
    )


def m006_interests(db):
    # One row per resident and job: saying "I am interested" twice (a double
    # tap, a retry) finds the same row instead of making a second one.
    run_script(
        db,
        """
        CREATE TABLE interests (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
            message TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'withdrawn')),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (user_id, job_id)
        );
        CREATE INDEX interests_job ON interests(job_id)
        """,
    )


def m007_minimum_wage(db):
    # A dated setting, never a constant: it changes every 1 January and 1 July.
    run_script(
        db,
        """
        CREATE TABLE minimum_wage (
            valid_from TEXT PRIMARY KEY,
            cents INTEGER NOT NULL CHECK (cents > 0)
        );
        INSERT INTO minimum_wage (valid_from, cents) VALUES ('2026-01-01', 1471)
        """,
    )


def m008_notifications(db):
    # In-app notifications. They hold a kind and a link, never private text:
    # phones show notifications on the lock screen.
    run_script(
        db,
        """
        CREATE TABLE notifications (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            link TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            read_at TEXT
        );
        CREATE INDEX notifications_user_unread ON notifications(user_id, read_at)
        """,
    )


def now_iso():
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# How long a connection waits for another writer (milliseconds). See
# Config.DATABASE_BUSY_TIMEOUT for the web's own.
BUSY_TIMEOUT = 5000


def connect(path, busy_timeout=BUSY_TIMEOUT):
    """Open a connection with the settings every connection needs."""
    db = Database(path)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {int(busy_timeout)}")
    db.execute("PRAGMA synchronous = NORMAL")
    db.conn.row_factory = sqlite3.Row
    return db


CORE_MIGRATIONS = (
    m001_places,
    m002_users,
    m003_start_codes,
    m004_jobs,
    m005_profiles,
    m006_interests,
    m007_minimum_wage,
    m008_notifications,
)


def migration_set(*area_migrations):
    """The one migration set: the core tables above, then each area's list.

    The areas hand their ``schema.MIGRATIONS`` in (``create_app`` knows them);
    this module never imports an area, so areas can import it freely. The
    names and their order are the history of every database already running:
    append, never rename or reorder.
    """
    migrations = Migrations("basisbaan")
    areas = tuple(step for steps in area_migrations for step in steps)
    for step in CORE_MIGRATIONS + areas:
        # A step that must run outside a transaction (PRAGMA foreign_keys is
        # ignored inside one) says so with ``step.transactional = False``.
        migrations(transactional=getattr(step, "transactional", True))(step)
    return migrations


def init_database(path, migrations):
    """Apply pending migrations and switch on WAL. Safe to call repeatedly."""
    db = connect(path)
    try:
        db.enable_wal()
        migrations.apply(db)
    finally:
        db.close()


# Each worker thread keeps its last connection between requests: opening one
# makes SQLite read the whole schema again (about 1.5 ms, a fifth of a simple
# page). One per thread, so a test run that moves between databases keeps no
# pile of open files; it is opened again when the process forked (gunicorn
# --preload), the file was replaced (a restore) or the path changed.
_kept = threading.local()


def _file_identity(path):
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


def _kept_connection(path, wait):
    key = (os.getpid(), str(path), _file_identity(path))
    kept = getattr(_kept, "connection", None)
    if kept is not None and kept[0] == key and key[2] is not None:
        db = kept[1]
    else:
        forget_kept_connection()
        db = connect(path)
        key = (os.getpid(), str(path), _file_identity(path))
        _kept.wait = BUSY_TIMEOUT
    if _kept.wait != wait:
        db.execute(f"PRAGMA busy_timeout = {int(wait)}")
        _kept.wait = wait
    _kept.connection = (key, db)
    return db


def get_db():
    if "db" not in g:
        g.db = _kept_connection(current_app.config["DATABASE"], current_app.config["DATABASE_BUSY_TIMEOUT"])
    return g.db


def close_db(_error=None):
    # Kept for the next request, with nothing left open: a transaction a
    # failed request left behind is rolled back here, never inherited.
    db = g.pop("db", None)
    if db is not None:
        _roll_back(db)


def forget_kept_connection():
    """Close this thread's kept connection (before a file is replaced or removed)."""
    kept = getattr(_kept, "connection", None)
    _kept.connection = None
    if kept is not None and kept[0][0] == os.getpid():
        with contextlib.suppress(sqlite3.Error):
            kept[1].close()


@contextlib.contextmanager
def write_transaction(db):
    """A transaction that takes the write lock before it reads.

    Read-decide-write steps (a start code used once, a vote under a limit)
    need ``BEGIN IMMEDIATE``, or two workers can both pass the check.
    """
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
        db.conn.execute("COMMIT")
    except BaseException:
        _roll_back(db)
        raise


def _roll_back(db):
    # A full disk or an I/O error may have rolled the transaction back
    # already (and a failed COMMIT may not have): a second ROLLBACK would
    # hide the first error behind "no transaction is active".
    if db.conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            db.conn.execute("ROLLBACK")


# What SQLite says when it cannot write now, though nothing is wrong with the
# request: another writer holds the lock past the busy timeout, the disk is
# full, or the disk (or the file's permissions) refuses to write. By primary
# result code (the low byte of an extended one), else by message.
_CANNOT_WRITE = {
    "locked": ({5, 6}, ("database is locked", "database is busy", "database table is locked")),
    "full": ({13}, ("database or disk is full",)),
    "disk": ({8, 10, 14}, ("disk i/o error", "attempt to write a readonly database", "unable to open database")),
}


def cannot_write(error):
    """ "locked", "full" or "disk" when ``error`` means the database cannot write
    right now (worth trying again later); None for any other error (a bug)."""
    if not isinstance(error, sqlite3.OperationalError):
        return None
    code = getattr(error, "sqlite_errorcode", None)
    text = str(error).lower()
    for reason, (codes, starts) in _CANNOT_WRITE.items():
        if (code is not None and (code & 0xFF) in codes) or text.startswith(starts):
            return reason
    return None
    text = str(error).lower()
    for reason, starts in _CANNOT_WRITE.items():
        if text.startswith(starts):
            return reason
    return None


def rows(db, sql, params=()):
    return db.conn.execute(sql, params).fetchall()


def dict_rows(db, sql, params=()):
    """Rows as dicts, for a read that adds computed values to each."""
    return [dict(row) for row in rows(db, sql, params)]


def one(db, sql, params=()):
    return db.conn.execute(sql, params).fetchone()


@click.command("init-db")
def init_db_command():
    """Apply the database migrations (the app also does this at start-up)."""
    init_database(current_app.config["DATABASE"], current_app.extensions["migrations"])
    click.echo(f"Database ready: {current_app.config['DATABASE']}")


def init_app(app):
    app.teardown_appcontext(close_db)
    app.cli.add_command(init_db_command)
