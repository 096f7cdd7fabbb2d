"""Writes for the check-in, each in one transaction."""

from webapp.checkins import queries
from webapp.db import now_iso, write_transaction
from webapp.domain import checkins as rules


def set_consent(db, user_id, answer, share, delete_past):
    """Yes or no, and whether the coach may see the answers (only with a yes).
    Saying no may delete the earlier answers, if the person chose that.
    Returns how many answers were deleted. A repeat changes nothing."""
    share = 1 if (answer == "yes" and share) else 0
    deleted = 0
    with write_transaction(db):
        db.execute(
            """INSERT INTO checkin_consent (user_id, answer, share_with_coach, answered_at)
               VALUES (?, ?, ?, ?)
               ON CONFLICT (user_id) DO UPDATE SET answer = excluded.answer,
                   share_with_coach = excluded.share_with_coach, answered_at = excluded.answered_at
               WHERE checkin_consent.answer != excluded.answer
                  OR checkin_consent.share_with_coach != excluded.share_with_coach""",
            (user_id, answer, share, now_iso()),
        )
        if answer == "no" and delete_past:
            deleted = db.execute("DELETE FROM checkins WHERE user_id = ?", (user_id,)).rowcount
    return deleted


def save_checkin(db, user_id, answers, today):
    """Store one check-in when one is due: 'saved', 'not_due' (already answered
    in the last three months: a repeat stores nothing) or 'no_consent'."""
    with write_transaction(db):
        consent = queries.consent_of(db, user_id)
        answer = consent["answer"] if consent else None
        if answer != "yes":
            return "no_consent"
        if not rules.is_due(answer, queries.last_answered_on(db, user_id), today):
            return "not_due"
        db.execute(
            f"""INSERT INTO checkins (user_id, answered_on, {queries.COLUMNS}, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",  # noqa: S608 - fixed names
            (user_id, today.isoformat(), *(answers[q] for q in rules.QUESTIONS), now_iso()),
        )
    return "saved"


def delete_answers(db, user_id):
    """Delete every answer of this person; the yes or no stays. Returns how many."""
    with write_transaction(db):
        return db.execute("DELETE FROM checkins WHERE user_id = ?", (user_id,)).rowcount
