"""Objections from anyone, and the board's decision on them.

Plain rules without Flask or a database. Times are aware datetimes in and ISO
strings (``2026-03-01T12:00:00Z``) out, as in ``webapp.domain.proposals``.
"""

import re
from datetime import timedelta

from webapp.domain.proposals import CRITERIA, parse_time, stamp

__all__ = ["CRITERIA"]

# The first ground is the reason the board exists: the work is already done by
# a business or by paid staff (criterion no_displacement). The others are the
# rest of the proposal criteria, each read as "this is not true here".
GROUNDS = ("no_displacement",) + tuple(code for code in CRITERIA if code != "no_displacement")

DECISIONS = ("upheld", "not_upheld")

# A proposal whose decision still matters: neighbours vote, or the municipality
# has still to decide or to publish the job.
PROPOSAL_STATUSES = ("open", "with_gemeente", "changes_asked", "approved")

BOARD_ROLE = "toezicht"

TEXT_MAX = 2000
REASON_MAX = 2000
NAME_MAX = 80
CONTACT_MAX = 120

# Someone not logged in: this many objections a day from one e-mail address or
# phone number (the address limit of the route comes on top).
PER_CONTACT_A_DAY = 5

_EMAIL = re.compile(r"^[^@\s<>\"']{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_PHONE_CHARS = re.compile(r"^\+?[0-9 ()\-.]+$")


def may_object(role):
    """Anyone may object, logged in (``role``) or not (None); the board decides,
    so its members do not object themselves."""
    return role != BOARD_ROLE


def may_decide(role):
    """Only the oversight board answers objections."""
    return role == BOARD_ROLE


def may_object_to_proposal(status, moderation="visible"):
    return status in PROPOSAL_STATUSES and moderation != "removed"


def may_object_to_job(status):
    """A published job, while it is open."""
    return status == "open"


def may_show_name(logged_in):
    """Only someone logged in has a name to show; it is shown only when chosen."""
    return bool(logged_in)


def contact(text):
    """The contact as stored (an e-mail address in lower case, or a phone number
    as digits with an optional leading +), or None when it is neither."""
    if not isinstance(text, str):
        return None
    text = text.strip()
    if not text or len(text) > CONTACT_MAX:
        return None
    if "@" in text:
        return text.lower() if _EMAIL.match(text) else None
    if not _PHONE_CHARS.match(text):
        return None
    digits = re.sub(r"\D", "", text)
    if not 9 <= len(digits) <= 15:
        return None
    return ("+" if text.startswith("+") else "") + digits


def contact_problem(logged_in, text):
    """None when the contact is fine: 'missing' or 'invalid' otherwise.

    Someone logged in is answered in the app and gives no contact.
    """
    if logged_in:
        return None
    if not isinstance(text, str) or not text.strip():
        return "missing"
    return None if contact(text) else "invalid"


def over_contact_limit(count_last_day):
    return count_last_day >= PER_CONTACT_A_DAY


# The e-mail address or phone number of someone who objected without an
# account is only needed to answer them: it goes this many days after the
# decision (the daily ``flask retention`` run). The objection itself stays public.
CONTACT_KEPT_DAYS = 90


def contact_erased_before(now):
    """Objections decided before this moment lose their contact details."""
    return now - timedelta(days=CONTACT_KEPT_DAYS)


def answer_due(now, days):
    """The date by which the board answers, stored on the objection when it is made."""
    return stamp(now + timedelta(days=days))


def is_overdue(decision, due, now):
    return decision is None and now >= parse_time(due)


def state(decision, due, now):
    """'upheld', 'not_upheld', 'overdue' or 'open'."""
    if decision in DECISIONS:
        return decision
    return "overdue" if is_overdue(decision, due, now) else "open"


def decision_problem(decision, reason):
    """None when the board's answer can be stored: 'decision' or 'reason' otherwise."""
    if decision not in DECISIONS:
        return "decision"
    if not isinstance(reason, str) or not reason.strip() or len(reason) > REASON_MAX:
        return "reason"
    return None


def may_change_decision(current_decision):
    """A decision is final: it becomes precedent. A repeat of the same answer is fine."""
    return current_decision is None


def who_hears(objector_id, author_id, voter_ids, gemeente_ids, actor_id=None):
    """Everyone told of a new objection or its decision, without the one who acted."""
    heard = set(voter_ids) | set(gemeente_ids)
    for one in (objector_id, author_id):
        if one is not None:
            heard.add(one)
    heard.discard(actor_id)
    return heard
