"""Helpers for tests that meet the oversight board: an advice given, or the setting off."""

from http_support import execute, scalar

REASON = "Niemand doet dit werk nu. Het past bij een basisbaan."
DISPLACEMENT = "Geen bedrijf of betaalde kracht in de buurt doet dit werk."


def advise(app, job_id, verdict="agree", reason=REASON, conditions=""):
    """The board's advice on ``job_id``, as if given on /toezicht (so publishing may go on)."""
    board = scalar(app, "SELECT id FROM users WHERE username = 'toezicht'")
    execute(
        app,
        """INSERT INTO advices (job_id, verdict, reason, displacement, conditions, advised_by, created_at)
           VALUES (?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))""",
        (job_id, verdict, reason, DISPLACEMENT, conditions, board),
    )


def advice_not_required(app):
    """The municipality's setting off: for tests about something other than the board."""
    execute(
        app,
        """INSERT INTO settings (key, value, updated_at) VALUES ('advice_required', '0', '2026-01-01T00:00:00Z')
           ON CONFLICT (key) DO UPDATE SET value = excluded.value""",
    )
