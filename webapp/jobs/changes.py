"""Writing interests: a resident says "I want this job", or takes it back."""

from webapp.db import now_iso, one, write_transaction
from webapp.domain.access import may_show_interest
from webapp.idempotency import find_earlier


def show_interest(db, user_id, job, client_id, message):
    """Store the interest once: 'stored', 'closed' or 'id_used_elsewhere'.

    A repeat of the same client id is answered as the first and changes
    nothing: a late retry from the outbox must not re-open an interest that
    was taken back in the meantime (see webapp.idempotency). The job's
    status is read again inside the write: a job closed a moment after the
    page read it takes no new interest.
    """
    with write_transaction(db):
        earlier = find_earlier(db, "interests", "user_id", user_id, client_id)
        if earlier is not None:
            return "stored" if earlier["job_id"] == job["id"] else "id_used_elsewhere"
        now = one(db, "SELECT status FROM jobs WHERE id = ?", (job["id"],))
        if now is None or not may_show_interest(now["status"]):
            return "closed"
        # Upsert on the unique (user, job) pair: a repeat without a client id
        # (no JavaScript) finds the same row too.
        db.execute(
            """INSERT INTO interests (user_id, job_id, message, status, created_at, updated_at, client_id)
               VALUES (?, ?, ?, 'open', ?, ?, ?)
               ON CONFLICT (user_id, job_id) DO UPDATE SET
                   message = excluded.message, status = 'open', updated_at = excluded.updated_at,
                   client_id = COALESCE(excluded.client_id, interests.client_id)""",
            (user_id, job["id"], message, now_iso(), now_iso(), client_id),
        )
        return "stored"


def withdraw_interest(db, user_id, interest_id):
    """Only the resident's own interest: the owner is part of the write itself."""
    with write_transaction(db):
        db.execute(
            "UPDATE interests SET status = 'withdrawn', updated_at = ? WHERE id = ? AND user_id = ?",
            (now_iso(), interest_id, user_id),
        )
