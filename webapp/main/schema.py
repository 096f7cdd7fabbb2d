"""The health check's one row: /healthz proves a write can be stored.

``MIGRATIONS`` runs last (handed in after every other area's list); append,
never rename.
"""

from webapp.db import run_script


def d001_health_checks(db):
    # One row, rewritten by each check: a committed write needs the lock and
    # room on the disk for the journal, which is what every real write needs.
    run_script(
        db,
        """
        CREATE TABLE health_checks (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            checked_at TEXT NOT NULL
        );
        INSERT INTO health_checks (id, checked_at) VALUES (1, '')
        """,
    )


MIGRATIONS = (d001_health_checks,)
