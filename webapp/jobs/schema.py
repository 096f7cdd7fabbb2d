"""The jobs area's own changes to the core ``jobs`` table (made in ``webapp/db.py``).

A change to a core table after the areas' first migrations lives here, not in
``CORE_MIGRATIONS``: a database made earlier runs it after every area's
migrations, so a fresh one must too (``tests/test_db.py`` compares both).
Append new ones at the end; a name, once released, never changes.
"""

from webapp.db import JOB_PLAIN_TEXT_FIELDS, JOB_SEARCH_FIELDS, run_script


def jobs_001_plain_texts(db):
    # Plain language all the way down: a plain version of the title, the
    # tasks, the social problem and the team, beside the plain summary.
    # Empty means "not written yet": the page then shows the standard text.
    run_script(
        db,
        ";\n".join(
            f"ALTER TABLE jobs ADD COLUMN {name} TEXT NOT NULL DEFAULT ''" for name in JOB_PLAIN_TEXT_FIELDS
        ),
    )


def jobs_002_funding(db):
    # Who pays for the job ("who pays" when a proposal was approved; later
    # the job's first partner). Not the employer: that one is asked apart.
    run_script(db, "ALTER TABLE jobs ADD COLUMN funding TEXT NOT NULL DEFAULT ''")


MIGRATIONS = (jobs_001_plain_texts, jobs_002_funding)


# What the ranking reads of a job (``queries.open_job_facts``): a change to any
# other column (a filled place, a text, the wage) leaves every cached fact as it is.
FACT_COLUMNS = ("status", "category", "buurt_id", "hours", "created_at", "days", "skills", "languages", "demands")


def l001_job_changes(db):
    # One row per change to a job's facts, in order: each worker keeps the facts
    # of all open jobs and reads back only the jobs changed since the last row it
    # saw, instead of every job after every change (the old ``jobs_version``).
    # The full-text index is rewritten only when a searched text changes.
    facts = ", ".join(FACT_COLUMNS)
    search = ", ".join(JOB_SEARCH_FIELDS)
    new_search = ", ".join(f"new.{name}" for name in JOB_SEARCH_FIELDS)
    old_search = ", ".join(f"old.{name}" for name in JOB_SEARCH_FIELDS)
    run_script(
        db,
        f"""
        DROP TRIGGER jobs_version_ai;
        DROP TRIGGER jobs_version_au;
        DROP TRIGGER jobs_version_ad;
        DELETE FROM counters WHERE name = 'jobs_version';
        CREATE TABLE job_changes (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            job_id INTEGER NOT NULL
        );
        CREATE TRIGGER job_changes_ai AFTER INSERT ON jobs BEGIN
            INSERT INTO job_changes (job_id) VALUES (new.id);
        END;
        CREATE TRIGGER job_changes_au AFTER UPDATE OF {facts} ON jobs BEGIN
            INSERT INTO job_changes (job_id) VALUES (new.id);
        END;
        CREATE TRIGGER job_changes_ad AFTER DELETE ON jobs BEGIN
            INSERT INTO job_changes (job_id) VALUES (old.id);
        END;
        CREATE TRIGGER job_changes_buurt AFTER UPDATE OF wijk_id ON buurten BEGIN
            INSERT INTO job_changes (job_id) SELECT id FROM jobs WHERE buurt_id = new.id;
        END;
        DROP TRIGGER jobs_fts_au;
        CREATE TRIGGER jobs_fts_au AFTER UPDATE OF {search} ON jobs BEGIN
            INSERT INTO jobs_fts(jobs_fts, rowid, {search})
                VALUES ('delete', old.id, {old_search});
            INSERT INTO jobs_fts(rowid, {search}) VALUES (new.id, {new_search});
        END
        """,  # noqa: S608 - names from fixed tuples, no input
    )


FACTS_MIGRATIONS = (l001_job_changes,)


def r001_business_case(db):
    # The business case of a job (webapp/domain/business_case.py). The bijstand
    # a participant no longer gets is a dated list, like the minimum wage: a new
    # amount starts on a date and never rewrites the past. The first value is
    # an example for a single adult in 2026; the municipality checks it in
    # /gemeente/settings. A job's collective-agreement amount is its existing
    # ``wage_cents``; the employer's charges are a setting (``employer_charge``).
    run_script(
        db,
        """
        CREATE TABLE bijstand_amount (
            valid_from TEXT PRIMARY KEY,
            cents INTEGER NOT NULL CHECK (cents > 0),
            period TEXT NOT NULL CHECK (period IN ('month', 'year'))
        );
        INSERT INTO bijstand_amount (valid_from, cents, period) VALUES ('2026-01-01', 140150, 'month');
        CREATE TABLE job_partners (
            id INTEGER PRIMARY KEY,
            job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
            name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
            kind TEXT NOT NULL CHECK (kind IN ('money', 'in_kind')),
            yearly_cents INTEGER NOT NULL CHECK (yearly_cents > 0),
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (job_id, name)
        )
        """,
    )


def r002_funding_first_partner(db):
    # "Who pays", kept since a proposal was approved with a yearly amount,
    # becomes the job's first partner. A job whose "who pays" has no amount
    # gets it offered on its form instead (``queries.first_partner``).
    run_script(
        db,
        """
        INSERT OR IGNORE INTO job_partners (job_id, name, kind, yearly_cents, created_at, updated_at)
        SELECT jobs.id, substr(trim(jobs.funding), 1, 120), 'money', proposals.decision_cents_per_year,
               jobs.created_at, jobs.created_at
        FROM jobs JOIN proposals ON proposals.id = jobs.proposal_id
        WHERE trim(jobs.funding) != '' AND proposals.decision_cents_per_year IS NOT NULL
        """,
    )


BUSINESS_MIGRATIONS = (r001_business_case, r002_funding_first_partner)
