"""Reads for retention: what the rule needs about each resident, and the warnings shown."""

from datetime import date

from webapp.db import one, rows
from webapp.domain import retention as rules

# The latest of each kind of activity, and the exceptions, for every resident
# not anonymised yet: one pass, each through an index on the person.
_FACTS = """
SELECT users.id, users.created_at, users.retention_warned_at,
       (SELECT at FROM last_active WHERE last_active.user_id = users.id) AS active_at,
       users.retention_removal_on,
       (SELECT MAX(last_used) FROM sessions WHERE sessions.user_id = users.id) AS session_at,
       (SELECT MAX(created_at) FROM messages
         WHERE messages.resident_id = users.id AND messages.from_coach = 0) AS message_at,
       (SELECT MAX(created_at) FROM votes WHERE votes.user_id = users.id) AS vote_at,
       (SELECT MAX(updated_at) FROM interests WHERE interests.user_id = users.id) AS interest_at,
       (SELECT MAX(starts_at) FROM appointments
         WHERE appointments.resident_id = users.id AND appointments.status != 'cancelled'
           AND appointments.starts_at <= :now_local) AS appointment_at,
       EXISTS (SELECT 1 FROM placements JOIN jobs ON jobs.id = placements.job_id
               WHERE placements.user_id = users.id AND jobs.status != 'closed') AS placed,
       EXISTS (SELECT 1 FROM interests JOIN jobs ON jobs.id = interests.job_id
               WHERE interests.user_id = users.id AND interests.status = 'open'
                 AND jobs.status = 'open') AS interested,
       EXISTS (SELECT 1 FROM appointments
               WHERE appointments.resident_id = users.id AND appointments.status != 'cancelled'
                 AND appointments.starts_at > :now_local) AS coming
FROM users
WHERE users.role = 'resident' AND users.anonymised_at IS NULL
"""


def resident_facts(db, now, now_local, only=None):
    """{user id: ``rules.Resident``} for residents not anonymised (``only``: one of them).

    ``now_local`` is Amsterdam wall-clock time as 'YYYY-MM-DDTHH:MM', as
    appointments are stored.
    """
    sql = _FACTS + (" AND users.id = :only" if only is not None else "")
    found = {}
    for row in rows(db, sql, {"now_local": now_local, "only": only}):
        found[row["id"]] = as_resident(row)
    return found


def as_resident(row):
    moment = rules.parse_moment
    return rules.Resident(
        created_at=moment(row["created_at"]),
        activity=tuple(
            moment(row[key])
            for key in ("active_at", "session_at", "message_at", "vote_at", "interest_at", "appointment_at")
        ),
        current_placement=bool(row["placed"]),
        open_interest=bool(row["interested"]),
        coming_appointment=bool(row["coming"]),
        warned_at=moment(row["retention_warned_at"]),
        removal_on=date.fromisoformat(row["retention_removal_on"]) if row["retention_removal_on"] else None,
    )


def warning_of(db, user_id):
    """The date a resident's account will be removed, when they were warned; else None."""
    row = one(
        db,
        """SELECT retention_removal_on FROM users
           WHERE id = ? AND retention_warned_at IS NOT NULL AND anonymised_at IS NULL""",
        (user_id,),
    )
    return date.fromisoformat(row[0]) if row and row[0] else None


def warnings_for_coach(db, coach_id, only=None):
    """{resident id: removal date} for the coach's warned participants (``only``: that one)."""
    sql = """SELECT id, retention_removal_on FROM users
             WHERE coach_id = ? AND role = 'resident' AND retention_warned_at IS NOT NULL
               AND anonymised_at IS NULL AND retention_removal_on IS NOT NULL"""
    params = [coach_id]
    if only is not None:
        sql += " AND id = ?"
        params.append(only)
    return {row[0]: date.fromisoformat(row[1]) for row in rows(db, sql, params)}


def what_changes(db, user_id):
    """How many of each kind of row anonymising this person changes."""
    votes = rows(
        db,
        """SELECT proposals.status FROM votes JOIN proposals ON proposals.id = votes.proposal_id
           WHERE votes.user_id = ?""",
        (user_id,),
    )
    outcomes = [rules.vote_outcome(row[0]) for row in votes]

    def count(sql):
        return one(db, sql, (user_id,))[0]

    return {
        "messages": count("SELECT COUNT(*) FROM messages WHERE resident_id = ?"),
        "votes_kept": outcomes.count("keep"),
        "votes_withdrawn": outcomes.count("withdraw"),
        "plan_goals": count("SELECT COUNT(*) FROM plan_goals WHERE resident_id = ?"),
        "appointments": count("SELECT COUNT(*) FROM appointments WHERE resident_id = ?"),
        "interests": count("SELECT COUNT(*) FROM interests WHERE user_id = ?"),
        "profiles": count("SELECT COUNT(*) FROM profiles WHERE user_id = ?"),
        "proposals": count("SELECT COUNT(*) FROM proposals WHERE author_id = ?"),
        "comments": count("SELECT COUNT(*) FROM proposal_comments WHERE author_id = ?"),
    }
