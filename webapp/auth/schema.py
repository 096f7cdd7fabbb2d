"""The accounts' own changes to the core ``users`` table (made in ``webapp/db.py``).

Like ``webapp/profile/schema.py``: a change to a core table after the areas'
first migrations runs after them, in a fresh database as in an earlier one.
Append new ones at the end; a name, once released, never changes.
"""

from webapp.domain.names import may_be_a_name, without_disguise


def auth_001_signup_keys(db):
    # A sign-up form carries a random key; the account keeps its hash. A
    # double tap sends the same key and finds the account the first tap made;
    # two people who happen to have the same name and password do not.
    db.execute("ALTER TABLE users ADD COLUMN signup_key TEXT")


MIGRATIONS = (auth_001_signup_keys,)


def a001_sessions(db):
    # One row for each login: a browser session or a remembered device. The
    # cookies carry a random token; the table keeps only its SHA-256 hash, so
    # a copy of the database opens no account. Logging out deletes the row,
    # and with it the session cookie and that device's "remember me" cookie.
    # ``last_used`` is written at most every few minutes (SESSION_TOUCH_MINUTES).
    db.execute(
        """CREATE TABLE sessions (
               id INTEGER PRIMARY KEY,
               token_hash TEXT NOT NULL UNIQUE,
               user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
               created_at TEXT NOT NULL,
               last_used TEXT NOT NULL,
               remember INTEGER NOT NULL DEFAULT 0 CHECK (remember IN (0, 1)),
               device_kind TEXT NOT NULL DEFAULT '',
               device_system TEXT NOT NULL DEFAULT '',
               device_browser TEXT NOT NULL DEFAULT ''
           )"""
    )
    db.execute("CREATE INDEX sessions_user ON sessions(user_id)")


# Handed in after every other area's list (issue 14): a new table of the
# accounts area after the lists that ran before it.
SESSION_MIGRATIONS = (a001_sessions,)


def e001_names_without_disguise(db):
    # Names may no longer hold bidi controls or zero-width characters (issue
    # 14, webapp/domain/names.py); a name stored before that rule loses them,
    # so no page, title or attribute ever shows a name that disguises itself.
    for user_id, name in db.execute("SELECT id, display_name FROM users").fetchall():
        if not may_be_a_name(name):
            db.execute("UPDATE users SET display_name = ? WHERE id = ?", (without_disguise(name).strip(), user_id))


# Handed in last (after the areas' later lists): see ARCHITECTURE.md.
NAME_MIGRATIONS = (e001_names_without_disguise,)
