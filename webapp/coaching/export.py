"""What coaching adds to a data download: the resident's thread, appointments,
plan, who looked at their data, and the history of their coaches."""

from webapp.coaching.plan import plan_of
from webapp.db import one, rows


def coaching_export(db, user_id):
    """The resident's coaching data (added to /profile/export); empty lists for others."""
    messages = rows(
        db,
        """SELECT id, from_coach, body, created_at, read_at FROM messages
           WHERE resident_id = ? ORDER BY id""",
        (user_id,),
    )
    appointments = rows(
        db,
        """SELECT starts_at, minutes, kind, place, note, status, reason, created_at, updated_at
           FROM appointments WHERE resident_id = ? ORDER BY starts_at""",
        (user_id,),
    )
    plan = [
        {
            "goal": goal["title"], "written_by_coach": bool(goal["by_coach"]),
            "created_at": goal["created_at"],
            "steps": [
                {"step": step["text"], "due_date": step["due_date"],
                 "written_by_coach": bool(step["by_coach"]), "done_at": step["done_at"]}
                for step in goal["steps"]
            ],
        }  # fmt: skip
        for goal in plan_of(db, user_id)
    ]
    looked = rows(
        db,
        """SELECT coach_name AS coach, what, at FROM access_log
           WHERE resident_id = ? ORDER BY id""",
        (user_id,),
    )
    changes = rows(
        db,
        """SELECT old.display_name AS old_coach, new.display_name AS new_coach, changes.at
           FROM coach_changes AS changes
           LEFT JOIN users AS old ON old.id = changes.old_coach_id
           LEFT JOIN users AS new ON new.id = changes.new_coach_id
           WHERE changes.resident_id = ? ORDER BY changes.id""",
        (user_id,),
    )
    return {
        "messages": [dict(row) | {"from_coach": bool(row["from_coach"])} for row in messages],
        "appointments": [dict(row) for row in appointments],
        "plan": plan,
        "access_log": [dict(row) for row in looked],
        "coach_changes": [dict(row) for row in changes],
    }


def resident_export(db, resident_id, for_coach=False):
    """A participant's data as their coach downloads it (e.g. for a handover)."""
    account = one(db, "SELECT username, display_name, created_at FROM users WHERE id = ?",
                  (resident_id,))  # fmt: skip
    profile = one(db, "SELECT * FROM profiles WHERE user_id = ?", (resident_id,))
    interests = rows(
        db,
        """SELECT interests.job_id, jobs.title_nl, interests.message, interests.status,
                  interests.coach_answer, interests.coach_reason, interests.created_at
           FROM interests JOIN jobs ON jobs.id = interests.job_id
           WHERE interests.user_id = ? ORDER BY interests.created_at""",
        (resident_id,),
    )
    data = {
        "account": dict(account),
        "profile": {k: v for k, v in dict(profile).items() if k != "user_id"} if profile else None,
        "interests": [dict(row) for row in interests],
        **coaching_export(db, resident_id),
    }
    if for_coach:
        data.pop("access_log")
    return data
