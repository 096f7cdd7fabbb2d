"""The board's writes: an advice on a job, and the municipality's public reason
when it publishes against an objecting advice.

Each is one transaction; a repeat stores nothing twice.
"""

from webapp.db import now_iso, write_transaction
from webapp.domain import oversight as rules
from webapp.jobs.queries import job_by_id
from webapp.notifications.changes import notify
from webapp.oversight import queries


def give_advice(db, job_id, board_id, role, verdict, reason, displacement, conditions):
    """Store the board's advice on a job and tell the municipality.

    Returns 'done', 'unchanged' (the newest advice says the same already),
    'unknown' (no such job), 'not_allowed' (a closed job, or not the board)
    or 'invalid' (``rules.advice_problems``; the form checks first).
    """
    with write_transaction(db):
        job = job_by_id(db, job_id)
        if job is None:
            return "unknown"
        if not rules.may_advise(role, job["status"]):
            return "not_allowed"
        if rules.advice_problems(verdict, reason, displacement, conditions):
            return "invalid"
        if rules.same_advice(queries.newest_advice(db, job_id), verdict, reason):
            return "unchanged"
        db.conn.execute(
            """INSERT INTO advices (job_id, verdict, reason, displacement, conditions, advised_by, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            (
                job_id,
                verdict,
                reason.strip(),
                displacement.strip(),
                (conditions or "").strip() if verdict == "agree_with_conditions" else "",
                board_id,
                now_iso(),
            ),
        )
        notify(db, queries.municipality_ids(db), "advice_given", f"/gemeente/jobs/{job_id}/edit")
    return "done"


def record_override(db, advice_id, job_id, reason, gemeente_id):
    """The municipality's public reason for publishing against ``advice_id``
    (inside the caller's transaction; a second one for the same advice is ignored)."""
    db.conn.execute(
        """INSERT INTO advice_overrides (advice_id, job_id, reason, decided_by, created_at)
           VALUES (?, ?, ?, ?, ?) ON CONFLICT (advice_id) DO NOTHING""",
        (advice_id, job_id, reason.strip(), gemeente_id, now_iso()),
    )
