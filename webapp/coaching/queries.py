"""Reading coach contact from the database: threads, appointments, the plan,
the caseload, and a participant's data for a download.

Functions take the database first and only read; writes live in
``webapp.coaching.changes``.
"""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from webapp.db import one, rows
from webapp.domain import coaching as rules
from webapp.domain import settings as settings_rules
from webapp.domain.retention import is_former
from webapp.jobs.queries import JOB_COLUMNS, JOB_JOINS
from webapp.labels import person_name
from webapp.profile.queries import completeness
from webapp.retention import queries as retention_queries

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SQLITE_MAX_INTEGER = 2**63 - 1


def now_local():
    """Amsterdam wall-clock time, naive: how appointments are stored."""
    return datetime.now(AMSTERDAM).replace(tzinfo=None, second=0, microsecond=0)


def today_local():
    return now_local().date()


def valid_id(number):
    return isinstance(number, int) and 0 < number <= SQLITE_MAX_INTEGER


# --- people ----------------------------------------------------------------------

USER_COLUMNS = "id, username, display_name, role, coach_id, created_at"


def user_row(db, user_id):
    if not valid_id(user_id):
        return None
    return one(db, f"SELECT {USER_COLUMNS} FROM users WHERE id = ?", (user_id,))  # noqa: S608


def coach_of(db, resident):
    """The resident's coach with their contact details, or None."""
    if resident["coach_id"] is None:
        return None
    return one(
        db,
        """SELECT users.id, users.display_name, users.username, users.email,
                  COALESCE(coach_details.phone, '') AS phone,
                  COALESCE(coach_details.available_days, '') AS available_days,
                  COALESCE(coach_details.available_from, '') AS available_from,
                  COALESCE(coach_details.available_to, '') AS available_to,
                  COALESCE(coach_details.available_note, '') AS available_note,
                  COALESCE(coach_details.available_note_lang, 'nl') AS available_note_lang
           FROM users LEFT JOIN coach_details ON coach_details.user_id = users.id
           WHERE users.id = ? AND users.role = 'coach'""",
        (resident["coach_id"],),
    )


def name_of(row):
    return person_name(row)


# --- messages ----------------------------------------------------------------------


def thread_page(db, resident_id, before=None, limit=rules.MESSAGES_PER_PAGE):
    """Up to ``limit`` messages, oldest first, ending just before ``before``
    (or at the newest); and whether older ones exist."""
    if before is not None:
        found = rows(
            db,
            """SELECT * FROM messages WHERE resident_id = ? AND id < ?
               ORDER BY id DESC LIMIT ?""",
            (resident_id, before, limit + 1),
        )
    else:
        found = rows(
            db,
            "SELECT * FROM messages WHERE resident_id = ? ORDER BY id DESC LIMIT ?",
            (resident_id, limit + 1),
        )
    has_older = len(found) > limit
    return list(reversed(found[:limit])), has_older


def has_newer(db, resident_id, after):
    return (
        one(db, "SELECT 1 FROM messages WHERE resident_id = ? AND id > ? LIMIT 1", (resident_id, after))
        is not None
    )


def messages_after(db, resident_id, after, limit=rules.MESSAGES_PER_PAGE):
    return rows(
        db,
        "SELECT * FROM messages WHERE resident_id = ? AND id > ? ORDER BY id LIMIT ?",
        (resident_id, after, limit),
    )


def thread_state(db, resident_id, viewer_is_coach):
    """(newest id, how many of the viewer's own messages are still unread).

    Both come from an index alone, so "anything new?" costs next to nothing;
    the second number changes when the other side reads.
    """
    newest = one(db, "SELECT COALESCE(MAX(id), 0) FROM messages WHERE resident_id = ?", (resident_id,))[0]
    unread_mine = one(
        db,
        """SELECT COUNT(*) FROM messages
           WHERE resident_id = ? AND from_coach = ? AND read_at IS NULL""",
        (resident_id, int(viewer_is_coach)),
    )[0]
    return newest, unread_mine


def own_recent(db, resident_id, viewer_is_coach, up_to, count):
    """The viewer's last ``count`` messages up to id ``up_to`` (to refresh 'read')."""
    return rows(
        db,
        """SELECT * FROM messages WHERE resident_id = ? AND from_coach = ? AND id <= ?
           ORDER BY id DESC LIMIT ?""",
        (resident_id, int(viewer_is_coach), up_to, min(count, rules.MESSAGES_PER_PAGE)),
    )


def unread_for(db, resident_id, viewer_is_coach):
    """Messages from the other side that the viewer has not read yet."""
    return one(
        db,
        """SELECT COUNT(*) FROM messages
           WHERE resident_id = ? AND from_coach = ? AND read_at IS NULL""",
        (resident_id, int(not viewer_is_coach)),
    )[0]


def participant_link(resident_id):
    return f"/caseload/{resident_id}"


# --- access log --------------------------------------------------------------------


def access_log(db, resident_id, limit=None):
    sql = """SELECT coach_id, coach_name, what, at FROM access_log
             WHERE resident_id = ? ORDER BY id DESC"""
    if limit:
        return rows(db, sql + " LIMIT ?", (resident_id, limit))
    return rows(db, sql, (resident_id,))


def stamp_to_datetime(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def local_date_of(stamp):
    return stamp_to_datetime(stamp).astimezone(AMSTERDAM).date()


def local_moment(stamp):
    """A stored UTC moment as naive Amsterdam wall-clock time (as ``now_local``)."""
    return stamp_to_datetime(stamp).astimezone(AMSTERDAM).replace(tzinfo=None)


def iso_day(value):
    return value.isoformat() if isinstance(value, date) else value


# --- appointments ------------------------------------------------------------------

PAST_SHOWN = 10


def appointments_of(db, resident_id):
    """(upcoming, past): upcoming soonest first, past newest first (at most 10)."""
    now = now_local().isoformat(timespec="minutes")
    upcoming = rows(
        db,
        """SELECT * FROM appointments WHERE resident_id = ? AND starts_at >= ?
           AND status != 'cancelled' ORDER BY starts_at""",
        (resident_id, now),
    )
    past = rows(
        db,
        """SELECT * FROM appointments WHERE resident_id = ?
           AND (starts_at < ? OR status = 'cancelled') ORDER BY starts_at DESC LIMIT ?""",
        (resident_id, now, PAST_SHOWN),
    )
    return upcoming, past


def next_appointment(db, resident_id):
    now = now_local().isoformat(timespec="minutes")
    return one(
        db,
        """SELECT * FROM appointments WHERE resident_id = ? AND starts_at >= ?
           AND status != 'cancelled' ORDER BY starts_at LIMIT 1""",
        (resident_id, now),
    )


def appointment(db, appointment_id):
    if not valid_id(appointment_id):
        return None
    return one(db, "SELECT * FROM appointments WHERE id = ?", (appointment_id,))


# --- the plan ------------------------------------------------------------------------


def plan_of(db, resident_id):
    """The goals, oldest first, each with its steps in the order they were written."""
    goals = [
        dict(row) | {"steps": []}
        for row in rows(db, "SELECT * FROM plan_goals WHERE resident_id = ? ORDER BY id", (resident_id,))
    ]
    by_id = {goal["id"]: goal for goal in goals}
    for step in rows(
        db,
        """SELECT plan_steps.* FROM plan_steps
           JOIN plan_goals ON plan_goals.id = plan_steps.goal_id
           WHERE plan_goals.resident_id = ? ORDER BY plan_steps.id""",
        (resident_id,),
    ):
        by_id[step["goal_id"]]["steps"].append(step)
    return goals


def plan_goal(db, goal_id):
    if not valid_id(goal_id):
        return None
    return one(db, "SELECT * FROM plan_goals WHERE id = ?", (goal_id,))


def plan_step(db, step_id):
    if not valid_id(step_id):
        return None
    return one(db, "SELECT * FROM plan_steps WHERE id = ?", (step_id,))


# --- the caseload ----------------------------------------------------------------------


def _marks(ids):
    return ",".join("?" * len(ids))


def caseload_of(db, coach_id, search="", only=None, letters=None):
    """The coach's participants as ``rules.Participant``, with what the caseload shows:
    who needs the coach now first (each with ``reasons``), then the rest A to Z.

    ``search``: part of a name or username; ``letters``: a range of first
    letters from the A-Z jump, as ('A', 'D'); ``only``: just that one participant.
    """
    sql = """SELECT id, username, display_name, created_at FROM users
             WHERE coach_id = ? AND role = 'resident'"""
    params = [coach_id]
    if only is not None:
        sql += " AND id = ?"
        params.append(only)
    if search:
        pattern = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        sql += " AND (display_name LIKE ? ESCAPE '\\' OR username LIKE ? ESCAPE '\\')"
        params += [pattern, pattern]
    people = rows(db, sql, params)
    if letters is not None:
        people = [row for row in people if rules.in_letters(name_of(row), letters)]
    if not people:
        return []
    ids = [row["id"] for row in people]
    marks = _marks(ids)
    now = now_local()
    unread = {
        row[0]: (row[1], row[2])
        for row in rows(
            db,
            f"""SELECT resident_id, COUNT(*), MIN(created_at) FROM messages
            WHERE resident_id IN ({marks}) AND from_coach = 0 AND read_at IS NULL
            GROUP BY resident_id""",  # noqa: S608
            ids,
        )
    }
    last_message = dict(
        rows(
            db,
            f"""SELECT messages.resident_id, messages.created_at FROM messages
            JOIN (SELECT MAX(id) AS id FROM messages WHERE resident_id IN ({marks})
                  GROUP BY resident_id) AS newest ON newest.id = messages.id""",  # noqa: S608
            ids,
        )
    )
    appointments = {}
    for row in rows(
        db,
        f"""SELECT resident_id, starts_at, status FROM appointments
            WHERE resident_id IN ({marks})""",  # noqa: S608
        ids,
    ):
        appointments.setdefault(row["resident_id"], []).append((row["starts_at"], row["status"]))
    open_interests = {
        row[0]: (row[1], row[2])
        for row in rows(
            db,
            f"""SELECT user_id, COUNT(*), MIN(created_at) FROM interests WHERE user_id IN ({marks})
            AND status = 'open' AND coach_answer IS NULL GROUP BY user_id""",  # noqa: S608
            ids,
        )
    }
    profiles = {
        row["user_id"]: row
        for row in rows(
            db,
            f"SELECT * FROM profiles WHERE user_id IN ({marks})",  # noqa: S608
            ids,
        )
    }
    removals = retention_queries.warnings_for_coach(db, coach_id, only=only)
    participants = []
    for person in people:
        pid = person["id"]
        own = appointments.get(pid, [])
        held = [start for start, status in own if rules.took_place(start, status, now)]
        last_days = [local_date_of(last_message[pid])] if pid in last_message else []
        last_days += [rules.local_start(max(held)).date()] if held else []
        coming = rules.next_appointment(own, now)
        answered, total = completeness(profiles.get(pid))
        unread_count, oldest_unread = unread.get(pid, (0, None))
        interest_count, oldest_interest = open_interests.get(pid, (0, None))
        participants.append(
            rules.Participant(
                id=pid,
                name=name_of(person),
                unread=unread_count,
                oldest_unread=local_moment(oldest_unread) if oldest_unread else None,
                last_contact=max(last_days) if last_days else None,
                joined=local_date_of(person["created_at"]) if person["created_at"] else None,
                next_appointment=coming[0] if coming else None,
                open_interests=interest_count,
                oldest_interest=local_date_of(oldest_interest) if oldest_interest else None,
                other_time_asked=any(status == "other_time" and start >= now.isoformat() for start, status in own),
                answered=answered,
                questions=total,
                removal_on=removals.get(pid),
                former=is_former(person["username"]),
            )
        )
    needs_now, rest = rules.split_caseload(participants, now)
    return needs_now + rest


def caseload_names(db, coach_id):
    """Every participant's name (for the count and the A-Z jump): one light read."""
    return [
        name_of(row)
        for row in rows(
            db, "SELECT username, display_name FROM users WHERE coach_id = ? AND role = 'resident'", (coach_id,)
        )
    ]


def contacts_by_month(db, coach_id, today):
    """{(year, month): contacts} over the last 12 months for the whole caseload.

    A contact is a (participant, day) pair with a message either way or a
    meeting that took place (``rules.contacts_per_month`` says the same in
    Python); the database counts, so a year of a busy thread costs little.
    Message days are as stored (UTC): at most an hour or two off at a
    month's edge.
    """
    since = (date(today.year - 1, today.month, 1) + timedelta(days=32)).replace(day=1)
    ids = [
        row[0] for row in rows(db, "SELECT id FROM users WHERE coach_id = ? AND role = 'resident'", (coach_id,))
    ]
    if not ids:
        return {}
    marks = _marks(ids)
    now = now_local().isoformat(timespec="minutes")
    found = rows(
        db,
        f"""SELECT substr(day, 1, 7), COUNT(*) FROM (
                SELECT resident_id, substr(created_at, 1, 10) AS day FROM messages
                WHERE resident_id IN ({marks}) AND created_at >= ?
                UNION
                SELECT resident_id, substr(starts_at, 1, 10) FROM appointments
                WHERE resident_id IN ({marks}) AND starts_at >= ? AND starts_at < ?
                AND status != 'cancelled'
            ) GROUP BY 1""",  # noqa: S608
        [*ids, since.isoformat(), *ids, since.isoformat(), now],
    )
    return {(int(month[:4]), int(month[5:7])): count for month, count in found}


def coach_details(db, coach_id):
    """The coach's work phone and when they are available, or None."""
    return one(
        db,
        """SELECT phone, available_days, available_from, available_to, available_note, available_note_lang
           FROM coach_details WHERE user_id = ?""",
        (coach_id,),
    )


def coach_days(db):
    """The working days a resident usually waits for a coach (a municipality's setting)."""
    stored = one(db, "SELECT value FROM settings WHERE key = 'coach_days'")
    return settings_rules.read({"coach_days": stored[0]} if stored else {})["coach_days"]


# --- job interests -------------------------------------------------------------------


def interests_of(db, resident_id):
    return rows(
        db,
        f"""SELECT {JOB_COLUMNS}, interests.id AS interest_id, interests.status AS interest_status,
                   interests.message AS interest_message, interests.coach_answer,
                   interests.coach_reason, interests.answered_at, interests.updated_at,
                   interests.created_at AS interest_created_at
            FROM interests JOIN jobs ON jobs.id = interests.job_id {JOB_JOINS}
            WHERE interests.user_id = ?
            ORDER BY interests.status = 'open' DESC, interests.coach_answer IS NULL DESC,
                     interests.updated_at DESC""",  # noqa: S608
        (resident_id,),
    )


def interest_of(db, interest_id, resident_id):
    """The resident's interest with this id, or None (also for someone else's)."""
    if not valid_id(interest_id):
        return None
    return one(db, "SELECT * FROM interests WHERE id = ? AND user_id = ?", (interest_id, resident_id))


# --- a data download -----------------------------------------------------------------


def personal_data(db, user_id):
    """What coaching adds to a person's own data download (/profile/export): a
    resident's thread, appointments, plan, who looked at their data and the
    history of their coaches; nothing for anyone else."""
    user = user_row(db, user_id)
    if user is None or user["role"] != "resident":
        return {}
    return _coaching_data(db, user_id)


def participant_data(db, resident_id):
    """A participant's data as their coach downloads it (e.g. for a handover)."""
    account = one(db, "SELECT username, display_name, created_at FROM users WHERE id = ?", (resident_id,))
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
        **_coaching_data(db, resident_id),
    }
    # Who looked is the resident's to know, not something to hand over.
    data.pop("access_log")
    return data


def _coaching_data(db, user_id):
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
            "goal": goal["title"],
            "written_by_coach": bool(goal["by_coach"]),
            "created_at": goal["created_at"],
            "steps": [
                {
                    "step": step["text"],
                    "due_date": step["due_date"],
                    "written_by_coach": bool(step["by_coach"]),
                    "done_at": step["done_at"],
                }
                for step in goal["steps"]
            ],
        }
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
