"""Coach and participant: who may read and write what, and who needs attention.

Plain rules without Flask. A "participant" is a resident in a coach's
caseload (``users.coach_id``). The coach of today is the only coach who may
read the thread, the plan and the appointments: after a reassignment the
old coach loses access at the next request, because every check reads the
resident's current ``coach_id``. The municipality reassigns but never reads.
"""

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

MESSAGE_MAX = 2000
MESSAGES_PER_PAGE = 50
SHORT_TEXT_MAX = 300
LONG_AFTER_DAYS = 30  # no contact for longer than this: the dashboard highlights it


@dataclass(frozen=True)
class Person:
    """The little the rules need to know about someone."""

    id: int
    role: str
    coach_id: int | None = None


def person(row_or_user):
    """A ``Person`` from a database row or the logged-in user."""
    if isinstance(row_or_user, Person):
        return row_or_user
    getter = row_or_user.__getitem__ if hasattr(row_or_user, "keys") else (lambda name: getattr(row_or_user, name))
    return Person(getter("id"), getter("role"), getter("coach_id"))


# --- access ------------------------------------------------------------------


def is_own_coach(viewer, resident):
    return (
        viewer.role == "coach"
        and resident.role == "resident"
        and resident.coach_id is not None
        and resident.coach_id == viewer.id
    )


def is_self(viewer, resident):
    return viewer.role == "resident" and resident.role == "resident" and viewer.id == resident.id


def may_read_thread(viewer, resident):
    """The resident and their coach of today; nobody else, not the municipality."""
    return is_self(viewer, resident) or is_own_coach(viewer, resident)


def may_write_thread(viewer, resident):
    """Writing needs a coach on the other end: a resident without one has nobody to write to."""
    if is_self(viewer, resident):
        return resident.coach_id is not None
    return is_own_coach(viewer, resident)


def may_read_plan(viewer, resident):
    return is_self(viewer, resident) or is_own_coach(viewer, resident)


def may_write_plan(viewer, resident):
    """Coach and resident write the plan together; both may tick a step done."""
    return may_read_plan(viewer, resident)


def may_read_appointments(viewer, resident):
    return is_self(viewer, resident) or is_own_coach(viewer, resident)


def may_plan_appointment(viewer, resident):
    """Only the coach plans, moves or cancels."""
    return is_own_coach(viewer, resident)


def may_answer_appointment(viewer, resident):
    """Only the resident accepts or asks for another time."""
    return is_self(viewer, resident)


def may_answer_interest(viewer, resident):
    return is_own_coach(viewer, resident)


def may_open_participant(viewer, resident):
    """A participant's page, export and start codes: their coach of today only."""
    return is_own_coach(viewer, resident)


def may_see_caseload(role):
    return role == "coach"


def may_become_coach_of(coach, resident):
    return coach.role == "coach" and resident.role == "resident"


# --- idempotency -------------------------------------------------------------

_UUID = re.compile(r"^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$", re.I)


def new_client_id():
    return str(uuid.uuid4())


def client_id(text):
    """A form's client id in one spelling; None for anything that is not a UUID."""
    if not isinstance(text, str) or not _UUID.match(text.strip()):
        return None
    return str(uuid.UUID(text.strip()))


# --- appointments --------------------------------------------------------------

APPOINTMENT_STATUSES = ("planned", "accepted", "other_time", "cancelled")
APPOINTMENT_MINUTES = (15, 30, 45, 60, 90)


def local_start(starts_at):
    """A stored start ('YYYY-MM-DDTHH:MM', Amsterdam time) as a naive datetime."""
    return datetime.fromisoformat(starts_at)


def is_upcoming(starts_at, status, now_local):
    return status != "cancelled" and local_start(starts_at) >= now_local


def took_place(starts_at, status, now_local):
    """A past appointment that was not cancelled counts as contact."""
    return status != "cancelled" and local_start(starts_at) < now_local


def may_be_answered(starts_at, status, now_local):
    """The resident answers an appointment that is still to come and not cancelled."""
    return status in ("planned", "accepted", "other_time") and local_start(starts_at) > now_local


def may_be_changed(starts_at, status, now_local):
    """The coach moves or cancels what has not happened yet."""
    return status != "cancelled" and local_start(starts_at) > now_local


def reminder_due(starts_at, status, reminded_at, today):
    """The day before, once: never for a cancelled one, never twice."""
    if status == "cancelled" or reminded_at:
        return False
    return local_start(starts_at).date() == today + timedelta(days=1)


def next_appointment(appointments, now_local):
    """The first upcoming appointment of ``(starts_at, status, ...)`` rows, or None."""
    upcoming = [a for a in appointments if is_upcoming(a[0], a[1], now_local)]
    return min(upcoming, key=lambda a: a[0]) if upcoming else None


# --- interests -----------------------------------------------------------------

INTEREST_ANSWERS = ("talk", "put_forward", "not_now")


def interest_answer_problem(answer, reason):
    """None when the coach's answer is complete; else what is missing."""
    if answer not in INTEREST_ANSWERS:
        return "choose"
    if answer == "not_now" and not (reason or "").strip():
        return "reason"
    return None


# --- the caseload: who needs attention first -----------------------------------


@dataclass
class Participant:
    id: int
    name: str
    unread: int = 0
    last_contact: date | None = None
    next_appointment: str | None = None  # local 'YYYY-MM-DDTHH:MM'
    open_interests: int = 0  # interests the coach has not answered yet
    other_time_asked: bool = False
    answered: int = 0  # profile questions answered
    questions: int = 8
    reasons: list = field(default_factory=list)
    days_since_contact: int | None = None


def days_since(day, today):
    return None if day is None else max(0, (today - day).days)


def attention_reasons(participant, today):
    """Why a participant needs the coach now, most urgent first (codes)."""
    days = days_since(participant.last_contact, today)
    reasons = []
    if participant.unread:
        reasons.append("unread")
    if participant.other_time_asked:
        reasons.append("other_time")
    if participant.open_interests:
        reasons.append("interests")
    if (days is None or days > LONG_AFTER_DAYS) and participant.next_appointment is None:
        reasons.append("no_contact")
    if participant.answered == 0:
        reasons.append("empty_profile")
    return reasons


# Waiting for the coach beats silence; silence beats an empty profile.
_TIER = {"unread": 0, "other_time": 1, "interests": 2, "no_contact": 3, "empty_profile": 4}


def order_caseload(participants, today):
    """The caseload, who needs attention first.

    First whoever waits for the coach (an unread message, a request for
    another time, an unanswered job interest), then who has had no contact
    for over 30 days and nothing planned, then the rest; within each group
    the longest silence first (never is longest), then by name.
    """
    for participant in participants:
        participant.days_since_contact = days_since(participant.last_contact, today)
        participant.reasons = attention_reasons(participant, today)

    def key(participant):
        tier = min((_TIER[r] for r in participant.reasons), default=len(_TIER))
        days = participant.days_since_contact
        silence = float("inf") if days is None else days
        return (tier, -silence, participant.name.casefold(), participant.id)

    return sorted(participants, key=key)


def is_long_ago(days):
    return days is None or days > LONG_AFTER_DAYS


# --- waiting for a coach -----------------------------------------------------------
# A resident who signed up on their own has no coach until the municipality
# gives them one; the municipality promises a number of working days
# (the setting ``coach_days``), so the wait is counted the same way.


def working_days_between(start, end):
    """Monday to Friday days after ``start`` up to and including ``end`` (0 if none)."""
    if end <= start:
        return 0
    days = (end - start).days
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    for offset in range(1, rest + 1):
        if (start + timedelta(days=weeks * 7 + offset)).weekday() < 5:
            count += 1
    return count


def waited_too_long(start, today, promised_days):
    """True once a resident has waited longer than the working days the municipality promises."""
    return working_days_between(start, today) > promised_days


# --- contacts per month ----------------------------------------------------------


def last_months(today, count=12):
    """The ``count`` months up to and including ``today``'s, oldest first, as (year, month)."""
    year, month = today.year, today.month
    months = []
    for _ in range(count):
        months.append((year, month))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return months[::-1]


def contacts_per_month(contact_days, today, count=12):
    """How many contacts in each of the last ``count`` months.

    A contact is a (participant, day) pair: a day on which coach and
    participant wrote or met counts once, however many messages it had.
    """
    per_month = {}
    for _participant, day in set(contact_days):
        if day <= today:
            per_month[(day.year, day.month)] = per_month.get((day.year, day.month), 0) + 1
    return month_series(per_month, today, count)


def month_series(per_month, today, count=12):
    """The last ``count`` months, oldest first, as (year, month, contacts); 0 where none."""
    return [(year, month, per_month.get((year, month), 0)) for year, month in last_months(today, count)]
