"""The jobs area's own changes to the core ``jobs`` table (made in ``webapp/db.py``).

A change to a core table after the areas' first migrations lives here, not in
``CORE_MIGRATIONS``: a database made earlier runs it after every area's
migrations, so a fresh one must too (``tests/test_db.py`` compares both).
Append new ones at the end; a name, once released, never changes.
"""

from webapp.db import JOB_PLAIN_TEXT_FIELDS, run_script


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
