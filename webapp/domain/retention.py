"""Storage limitation (AVG): when a resident who stopped using Basisbaan is anonymised.

A resident is inactive when none of these happened for ``months`` months:
a log-in (or a page opened while logged in), a message they sent, a vote, an
interest in a job, or an appointment with their coach. The clock starts when
the account was made. Never anonymised, however long the silence: someone
with a current placement (a job not closed), an open interest in an open
job, or an appointment still to come.

Nobody is anonymised without a warning: ``WARNING_DAYS`` before the removal
date the resident is told (in the app and by push) and the coach sees it.
Any activity after the warning (or "I am still here") keeps the account; the
removal date is never sooner than ``WARNING_DAYS`` after the warning, so
someone already past the period when the rule starts still gets the full
warning time.

Plain functions of plain values; ``now`` is always passed in.
"""

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

DEFAULT_MONTHS = 26
WARNING_DAYS = 30

# An anonymised account keeps its row (so its anonymous votes, placements and
# texts stay counted) under a username nobody can choose: see is_former.
FORMER_PREFIX = "former-"


def former_username(user_id):
    return f"{FORMER_PREFIX}{int(user_id)}"


def is_former(username):
    """Whether ``username`` is an anonymised account's (``webapp.domain.usernames``
    refuses it as a new username, so no person can take it)."""
    if not isinstance(username, str) or not username.startswith(FORMER_PREFIX):
        return False
    rest = username[len(FORMER_PREFIX) :]
    return rest.isascii() and rest.isdigit()


def parse_moment(text):
    """A stored time as an aware UTC datetime: '2026-01-05T10:00:00Z' (UTC), or
    '2026-01-05T10:00' (an appointment, local time: a few hours do not matter
    over months). None stays None."""
    if not text:
        return None
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def add_months(day, months):
    """``day`` plus whole calendar months; the 31st becomes the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Resident:
    """What the rule needs to know about one resident (times as aware datetimes)."""

    created_at: datetime
    activity: tuple = ()  # the latest time of each kind of activity (None: never)
    current_placement: bool = False
    open_interest: bool = False
    coming_appointment: bool = False
    warned_at: datetime | None = None
    removal_on: date | None = None  # the date the warning named
    anonymised: bool = False


def last_activity(resident):
    """The latest moment the resident did anything (at least when the account was made)."""
    return max([resident.created_at, *(moment for moment in resident.activity if moment is not None)])


def kept(resident):
    """The exceptions: someone in a job, waiting for an answer about one, or with an appointment to come."""
    return resident.current_placement or resident.open_interest or resident.coming_appointment


def inactive_until(resident, months):
    """The day the inactivity period ends, counted from the last activity."""
    return add_months(last_activity(resident).date(), months)


def warning_counts(resident):
    """A warning counts only when nothing happened since it was given."""
    return resident.warned_at is not None and resident.warned_at >= last_activity(resident)


def needs_warning(resident, now, months=DEFAULT_MONTHS):
    """Whether to warn the resident today: inactive until within ``WARNING_DAYS``
    (or already past it), no exception, and not warned since the last activity."""
    if resident.anonymised or kept(resident) or warning_counts(resident):
        return False
    return inactive_until(resident, months) <= (now + timedelta(days=WARNING_DAYS)).date()


def removal_date(resident, now, months=DEFAULT_MONTHS):
    """The date a warning given ``now`` names: the end of the period, but never
    sooner than ``WARNING_DAYS`` from today."""
    return max(inactive_until(resident, months), (now + timedelta(days=WARNING_DAYS)).date())


def is_due(resident, now, months=DEFAULT_MONTHS):
    """Whether to anonymise the resident now: warned (and nothing happened since),
    the named date has come, the period is over, and no exception holds."""
    if resident.anonymised or kept(resident) or not warning_counts(resident):
        return False
    today = now.date()
    named = resident.removal_on or removal_date(resident, resident.warned_at, months)
    return today >= named and today >= inactive_until(resident, months)


def warning_is_stale(resident):
    """A warning that something since has answered (activity, "I am still here"):
    it no longer shows, and a new one comes only if the resident stops again."""
    return resident.warned_at is not None and not warning_counts(resident)


def vote_outcome(proposal_status):
    """What happens to a vote of an anonymised or deleted account: on a proposal
    still open for votes it is withdrawn ('withdraw'); on any other it stays as
    an anonymous count ('keep'), so a result never changes afterwards."""
    return "withdraw" if proposal_status == "open" else "keep"
