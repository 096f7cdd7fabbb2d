"""When a coach is usually available: days of the week, one time range and a note.

Stored as codes and 24-hour times ("mon tue", "09:00", "17:00"), so every
reader sees them in their own language; the words are made in
``webapp.coaching.formatting``.
"""

import re
from datetime import time

from webapp.domain.vocab import DAYS

CLOCK = re.compile(r"^\s*(\d{1,2})(?:[:.](\d{2}))?\s*$")
NOTE_MAX = 200


def parse_clock(text):
    """'9', '9:00', '09.30' or '17:00' as a time; None when empty; ValueError when not a time."""
    if text is None or not str(text).strip():
        return None
    match = CLOCK.match(str(text))
    if not match:
        raise ValueError(text)
    hours, minutes = int(match.group(1)), int(match.group(2) or 0)
    if hours > 23 or minutes > 59:  # noqa: PLR2004 - the clock's own limits
        raise ValueError(text)
    return time(hours, minutes)


def clock_text(moment):
    """The stored form: '09:00'; '' for None."""
    return moment.strftime("%H:%M") if moment else ""


def week_order(days):
    """The known day codes among ``days``, once each, Monday first."""
    chosen = set(days or ())
    return [day for day in DAYS if day in chosen]


def parse_days(text):
    """Stored 'mon tue' back into codes, in week order."""
    return week_order((text or "").split())


def days_text(days):
    return " ".join(week_order(days))


def problems(days, start, end, note):
    """What is wrong with an availability, as (field, code) pairs; empty when it is fine.

    ``start`` and ``end`` are times or None (already parsed). A coach names
    at least one day or writes a note; times come in pairs, the end after the
    start, and only with days.
    """
    found = []
    if set(days or ()) - set(DAYS):
        found.append(("days", "unknown_day"))
    if (start is None) != (end is None):
        found.append(("available_to" if start is not None else "available_from", "one_time"))
    elif start is not None and end <= start:
        found.append(("available_to", "end_before_start"))
    has_days = bool(week_order(days))
    if not has_days and (start is not None or end is not None):
        found.append(("days", "times_without_days"))
    elif not has_days and not (note or "").strip():
        found.append(("days", "nothing"))
    return found


def day_runs(days):
    """The chosen days as runs in week order: three or more days in a row
    become one (first, last) run, the others stay single days (day, day).

    ['mon', 'tue', 'wed', 'thu', 'sat'] -> [('mon', 'thu'), ('sat', 'sat')]
    """
    chosen = set(week_order(days))
    runs, current = [], []
    for day in (*DAYS, None):
        if day in chosen:
            current.append(day)
            continue
        if len(current) >= 3:  # noqa: PLR2004 - "Monday to Wednesday" reads better than a list from three on
            runs.append((current[0], current[-1]))
        else:
            runs.extend((single, single) for single in current)
        current = []
    return runs
