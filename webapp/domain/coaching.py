"""Coach and participant: who may read and write what, and who needs attention.

Plain rules without Flask. A "participant" is a resident in a coach's
caseload (``users.coach_id``). The coach of today is the only coach who may
read the thread, the plan and the appointments: after a reassignment the
old coach loses access at the next request, because every check reads the
resident's current ``coach_id``. The municipality reassigns but never reads.
"""

import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

MESSAGE_MAX = 2000
MESSAGES_PER_PAGE = 50
SHORT_TEXT_MAX = 300
LONG_AFTER_DAYS = 30  # no contact for longer than this (and nothing planned): a flag


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


# --- the caseload: who needs the coach now ------------------------------------------
# A flag means something: only four reasons raise one (issue 11). Anything
# else a coach may like to know (a message from today, the next appointment,
# when they last spoke) is the participant's one line in "the rest".

UNREAD_AFTER = timedelta(days=1)  # an unread message older than this waits too long

# The reasons, most urgent first: waiting for the coach beats silence.
FLAGS = ("unread", "other_time", "interest", "no_contact")


@dataclass
class Participant:
    id: int
    name: str
    unread: int = 0
    oldest_unread: datetime | None = None  # local time of the oldest unread message
    last_contact: date | None = None
    joined: date | None = None  # when the account was made: silence counts from here if never in touch
    next_appointment: str | None = None  # local 'YYYY-MM-DDTHH:MM'
    open_interests: int = 0  # interests the coach has not answered yet
    oldest_interest: date | None = None
    other_time_asked: bool = False
    answered: int = 0  # profile questions answered
    questions: int = 8
    reasons: list = field(default_factory=list)
    days_since_contact: int | None = None
    removal_on: date | None = None  # warned: the account will be anonymised then (webapp/domain/retention.py)
    former: bool = False  # anonymised: a "former participant", nothing to act on


def days_since(day, today):
    return None if day is None else max(0, (today - day).days)


def silent_days(participant, today):
    """Days without contact: since the last contact, or since the account was made
    for someone never in touch (None: never, and the start is unknown)."""
    return days_since(participant.last_contact or participant.joined, today)


def attention_reasons(participant, now):
    """The real reasons a participant needs the coach now (``FLAGS`` codes, most
    urgent first); an empty list for everyone else.

    ``now`` is local wall-clock time. An unread message counts once it is more
    than a day old; silence once it is over 30 days with nothing planned.
    """
    reasons = []
    if participant.former:
        return reasons
    if participant.oldest_unread is not None and now - participant.oldest_unread > UNREAD_AFTER:
        reasons.append("unread")
    if participant.other_time_asked:
        reasons.append("other_time")
    if participant.open_interests:
        reasons.append("interest")
    if participant.next_appointment is None and is_long_ago(silent_days(participant, now.date())):
        reasons.append("no_contact")
    return reasons


def what_to_say(participant):
    """The one line under a name: the first flag, or else the most useful fact.

    A message from today comes before the next appointment, which comes
    before when they last spoke (or that they never did).
    """
    if participant.reasons:
        return participant.reasons[0]
    if participant.former:
        return "former"
    if participant.removal_on:
        return "removal"
    if participant.unread:
        return "new_message"
    if participant.next_appointment:
        return "appointment"
    if participant.last_contact is None:
        return "never"
    return "last_contact"


def _name_key(participant):
    return (participant.name.casefold(), participant.id)


def split_caseload(participants, now):
    """The caseload as ("needs you now", "the rest").

    Needs you now: who has a flag, most urgent reason first, then the longest
    wait (silence) first, then by name. The rest: by name, A to Z, so a coach
    finds anyone by scrolling or with the A-Z jump.
    """
    today = now.date()
    for participant in participants:
        participant.days_since_contact = days_since(participant.last_contact, today)
        participant.reasons = attention_reasons(participant, now)

    def urgency(participant):
        silence = silent_days(participant, today)
        return (
            FLAGS.index(participant.reasons[0]),
            -(float("inf") if silence is None else silence),
            *_name_key(participant),
        )

    needs_now = sorted((p for p in participants if p.reasons), key=urgency)
    rest = sorted((p for p in participants if not p.reasons), key=_name_key)
    return needs_now, rest


def is_long_ago(days):
    return days is None or days > LONG_AFTER_DAYS


# --- the A-Z jump ------------------------------------------------------------------------

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def initial(name):
    """The first letter A-Z of a name, accents dropped ('Özlem' -> 'O'); '#' if none."""
    for char in unicodedata.normalize("NFKD", name or "").upper():
        if char in ALPHABET:
            return char
    return "#"


def letter_groups(names, most=7):
    """At most ``most`` ranges of first letters covering A to Z, as (first, last)
    pairs, each holding about as many of ``names`` as the others.

    Ranges with nobody in them are left out; a name without a letter ('#')
    belongs to the first range. So a coach taps a range and sees a handful of
    names: two taps to anyone.
    """
    counts = {}
    for name in names:
        letter = initial(name)
        letter = "A" if letter == "#" else letter
        counts[letter] = counts.get(letter, 0) + 1
    if not counts:
        return []
    present = sorted(counts)
    size = -(-sum(counts.values()) // most)  # each range holds at most this many, where it can
    while True:
        groups, held = [], 0
        for letter in present:
            if groups and held and held + counts[letter] > size:
                held = 0
            if held == 0:
                groups.append([letter, letter])
            groups[-1][1] = letter
            held += counts[letter]
        if len(groups) <= most:
            break
        size += 1
    # Stretch the ranges over the whole alphabet, so every letter has a place.
    groups[0][0] = "A"
    for before, after in zip(groups, groups[1:], strict=False):
        before[1] = ALPHABET[ALPHABET.index(after[0]) - 1]
    groups[-1][1] = "Z"
    return [tuple(group) for group in groups]


def parse_letters(text):
    """'A-D' from a link as ('A', 'D'); None for anything else."""
    if not isinstance(text, str) or len(text) != 3 or text[1] != "-":
        return None
    first, last = text[0].upper(), text[2].upper()
    if first not in ALPHABET or last not in ALPHABET or first > last:
        return None
    return first, last


def in_letters(name, letters):
    """Whether a name belongs to the range ``letters`` (a name without a letter counts as 'A')."""
    letter = initial(name)
    letter = "A" if letter == "#" else letter
    return letters[0] <= letter <= letters[1]


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
