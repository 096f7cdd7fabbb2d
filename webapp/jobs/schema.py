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
