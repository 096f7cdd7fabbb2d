"""The oversight board's tables: its advice before a job is published, the
municipality's public reason when it publishes against an objecting advice,
and objections from anyone with the board's decision on them.

Everything here except an objector's contact details is public: together the
advices and decisions are the body of precedent on ``/decisions``.

Handed in last (``OVERSIGHT_MIGRATIONS``). Append new ones at the end; a name,
once released, never changes.
"""

from webapp.db import run_script


def _not_in_a_transaction(step):
    # webapp.db.migration_set registers such a step with transactional=False.
    step.transactional = False
    return step


@_not_in_a_transaction
def t001_toezicht_role(db):
    # SQLite cannot change a CHECK in place, and dropping ``users`` while
    # foreign keys are on would delete every row that points at a user. So, as
    # sqlite.org's "other kinds of table schema changes" describe: keys off
    # outside a transaction, build the table again from its own SQL with the
    # new role allowed, copy, swap, put back its indexes and triggers, check
    # every key, and only then commit.
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        with db.conn:
            db.execute("BEGIN")
            found = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'users'")
            table_sql = found.fetchone()[0]
            old_check = "'coach', 'gemeente')"
            if old_check not in table_sql:
                raise RuntimeError("users: the role CHECK is not the one this migration knows")
            new_sql = table_sql.replace(old_check, "'coach', 'gemeente', 'toezicht')", 1).replace(
                "CREATE TABLE users", "CREATE TABLE users_new", 1
            )
            extras = [
                row[0]
                for row in db.execute(
                    "SELECT sql FROM sqlite_master WHERE tbl_name = 'users' AND type IN ('index', 'trigger') "
                    "AND sql IS NOT NULL"
                ).fetchall()
            ]
            db.execute(new_sql)
            db.execute("INSERT INTO users_new SELECT * FROM users")
            db.execute("DROP TABLE users")
            db.execute("ALTER TABLE users_new RENAME TO users")
            for sql in extras:
                db.execute(sql)
            broken = db.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"users: {len(broken)} foreign keys broken after the rebuild")
    finally:
        db.execute("PRAGMA foreign_keys = ON")


def t002_advices(db):
    # A job can be advised on more than once (the municipality changed it);
    # the newest advice is the one that counts. ``displacement``: what the
    # board says about criterion no_displacement, the reason the board exists.
    run_script(
        db,
        """
        CREATE TABLE advices (
            id INTEGER PRIMARY KEY,
            job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
            verdict TEXT NOT NULL CHECK (verdict IN ('agree', 'agree_with_conditions', 'object')),
            reason TEXT NOT NULL,
            displacement TEXT NOT NULL DEFAULT '',
            conditions TEXT NOT NULL DEFAULT '',
            advised_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX advices_job ON advices(job_id, created_at);
        CREATE INDEX advices_created ON advices(created_at);
        CREATE TABLE advice_overrides (
            id INTEGER PRIMARY KEY,
            advice_id INTEGER NOT NULL UNIQUE REFERENCES advices(id) ON DELETE CASCADE,
            job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
            reason TEXT NOT NULL,
            decided_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX advice_overrides_created ON advice_overrides(created_at)
        """,
    )


def t003_objections(db):
    # ``id`` is the number the objector and everyone else sees. Exactly one of
    # proposal_id and job_id. ``contact`` (an e-mail address or phone number
    # from someone not logged in) is private: only the board reads it, to
    # answer. ``public_name`` is what the objector chose to show, '' for none.
    # ``client_id``: a form sent twice is stored once (webapp/idempotency.py);
    # logged out, the natural key is the same text on the same item.
    run_script(
        db,
        """
        CREATE TABLE objections (
            id INTEGER PRIMARY KEY,
            proposal_id INTEGER REFERENCES proposals(id) ON DELETE CASCADE,
            job_id INTEGER REFERENCES jobs(id) ON DELETE CASCADE,
            ground TEXT NOT NULL,
            text TEXT NOT NULL,
            user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            public_name TEXT NOT NULL DEFAULT '',
            contact TEXT,
            client_id TEXT,
            created_at TEXT NOT NULL,
            answer_due TEXT NOT NULL,
            decision TEXT CHECK (decision IN ('upheld', 'not_upheld')),
            decision_reason TEXT,
            decided_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
            decided_at TEXT,
            CHECK ((proposal_id IS NULL) != (job_id IS NULL)),
            CHECK ((decision IS NULL) = (decided_at IS NULL))
        );
        CREATE INDEX objections_proposal ON objections(proposal_id) WHERE proposal_id IS NOT NULL;
        CREATE INDEX objections_job ON objections(job_id) WHERE job_id IS NOT NULL;
        CREATE INDEX objections_open ON objections(answer_due) WHERE decision IS NULL;
        CREATE INDEX objections_decided ON objections(decided_at) WHERE decided_at IS NOT NULL;
        CREATE UNIQUE INDEX objections_client_id ON objections(client_id) WHERE client_id IS NOT NULL
        """,
    )


OVERSIGHT_MIGRATIONS = (t001_toezicht_role, t002_advices, t003_objections)
