"""Retention's changes to the tables: when a resident was last active, warned,
anonymised; and votes that outlive their voter.

Handed in last (``RETENTION_MIGRATIONS``). Append new ones at the end; a name,
once released, never changes.
"""

from webapp.db import run_script


def g001_retention(db):
    # ``last_active``: the last log-in or page opened while logged in (sessions
    # are deleted at log-out, so their times do not last); a table of its own, so
    # a log-in never changes the account's row. ``retention_warned_at`` and
    # ``retention_removal_on``: the 30-day warning and the date it named.
    # ``anonymised_at``: the account is a "former participant" from then on.
    run_script(
        db,
        """
        CREATE TABLE last_active (
            user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
            at TEXT NOT NULL
        );
        ALTER TABLE users ADD COLUMN retention_warned_at TEXT;
        ALTER TABLE users ADD COLUMN retention_removal_on TEXT;
        ALTER TABLE users ADD COLUMN anonymised_at TEXT;
        CREATE INDEX users_retention_warned ON users(retention_warned_at) WHERE retention_warned_at IS NOT NULL
        """,
    )


def g002_anonymous_votes(db):
    # A vote on a proposal that is no longer open stays when its voter's account
    # is anonymised or deleted, without the voter (user_id NULL): the result of
    # a closed vote never changes. SQLite cannot drop NOT NULL in place, so the
    # table is built again with the same rows, indexes and triggers; the unique
    # index still allows one vote per person (NULLs never clash).
    run_script(
        db,
        """
        CREATE TABLE votes_new (
            id INTEGER PRIMARY KEY,
            proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
            user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL
        );
        INSERT INTO votes_new (id, proposal_id, user_id, created_at)
            SELECT id, proposal_id, user_id, created_at FROM votes;
        DROP TABLE votes;
        ALTER TABLE votes_new RENAME TO votes;
        CREATE UNIQUE INDEX votes_once ON votes(proposal_id, user_id);
        CREATE INDEX votes_user ON votes(user_id);
        CREATE INDEX votes_created ON votes(created_at);
        CREATE TRIGGER votes_count_ai AFTER INSERT ON votes BEGIN
            UPDATE proposals SET vote_count = vote_count + 1 WHERE id = new.proposal_id;
        END;
        CREATE TRIGGER votes_count_ad AFTER DELETE ON votes BEGIN
            UPDATE proposals SET vote_count = vote_count - 1 WHERE id = old.proposal_id;
        END
        """,
    )


RETENTION_MIGRATIONS = (g001_retention, g002_anonymous_votes)
