"""Dates and times as people say them, in the reader's language.

Two kinds of time live in the coaching tables: moments (``created_at``,
UTC with a Z) and appointment starts (Amsterdam wall-clock time, no zone).
Both are shown in Amsterdam time.
"""

from datetime import datetime, timedelta

from babel import dates
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _

from webapp.coaching.queries import AMSTERDAM, stamp_to_datetime, today_local
from webapp.domain.coaching import local_start


def _locale():
    locale = get_locale()
    return locale.language if locale else "nl"


def clock(moment):
    return dates.format_time(moment, "HH:mm", locale=_locale())


def day_words(day, with_weekday=False):
    """'3 March' (with the year when it is not this year), or 'today'/'yesterday'/'tomorrow'."""
    today = today_local()
    if day == today:
        return _("today")
    if day == today - timedelta(days=1):
        return _("yesterday")
    if day == today + timedelta(days=1):
        return _("tomorrow")
    pattern = "d MMMM" if day.year == today.year else "d MMMM y"
    if with_weekday:
        pattern = "EEEE " + pattern
    return dates.format_date(day, pattern, locale=_locale())


def when(stamp):
    """A stored UTC moment as 'today, 14:05' or '3 March, 14:05'."""
    if not stamp:
        return ""
    local = stamp_to_datetime(stamp).astimezone(AMSTERDAM)
    return _("%(day)s, %(time)s", day=day_words(local.date()), time=clock(local))


def appointment_when(starts_at):
    """An appointment start as 'Tuesday 1 December, 10:00'."""
    start = local_start(starts_at)
    return _("%(day)s, %(time)s", day=day_words(start.date(), with_weekday=True),
             time=clock(start))  # fmt: skip


def appointment_end(starts_at, minutes):
    return clock(local_start(starts_at) + timedelta(minutes=minutes))


def long_date(value):
    """A date (or ISO date text) as '1 December 2026'."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value[:10]).date()
    return dates.format_date(value, "d MMMM y", locale=_locale())


def access_line(entry):
    """One line of the access log, as the resident reads it."""
    texts = {
        "page": _("%(name)s (coach) opened your page: %(when)s.", name=entry["coach_name"],
                  when=when(entry["at"])),
        "messages": _("%(name)s (coach) read your messages: %(when)s.", name=entry["coach_name"],
                      when=when(entry["at"])),
        "export": _("%(name)s (coach) downloaded your data: %(when)s.", name=entry["coach_name"],
                    when=when(entry["at"])),
    }  # fmt: skip
    return texts[entry["what"]]


def written_by(by_coach, viewer_is_coach, other_name):
    """Who wrote a goal or step, from where the reader stands."""
    if bool(by_coach) == bool(viewer_is_coach):
        return _("Written by you")
    if by_coach:
        return _("Written by your coach")
    return _("Written by %(name)s", name=other_name)


def contact_words(days):
    """Days since the last contact, as words."""
    if days is None:
        return _("No contact yet")
    if days == 0:
        return _("today")
    if days == 1:
        return _("yesterday")
    return ngettext("%(num)d day ago", "%(num)d days ago", days)


def attention_text(reason, participant):
    """Why a participant is high on the dashboard."""
    if reason == "unread":
        return ngettext("%(num)d unread message", "%(num)d unread messages", participant.unread)
    if reason == "other_time":
        return _("Asks for another time")
    if reason == "interests":
        return ngettext("%(num)d job interest to answer", "%(num)d job interests to answer",
                        participant.open_interests)  # fmt: skip
    if reason == "no_contact":
        if participant.days_since_contact is None:
            return _("No contact yet, and nothing planned")
        return _("No contact for over 30 days, and nothing planned")
    if reason == "empty_profile":
        return _("Profile not filled in yet")
    raise ValueError(reason)


def interest_answer_label(code):
    return {
        "talk": _("Let's talk about it."),
        "put_forward": _("I have put you forward."),
        "not_now": _("Not now, because:"),
    }[code]


def init_app(app):
    app.jinja_env.filters.update(
        when=when, appointment_when=appointment_when, long_date=long_date,
    )  # fmt: skip
    app.jinja_env.globals.update(appointment_end=appointment_end, access_line=access_line,
                                 written_by=written_by, contact_words=contact_words,
                                 attention_text=attention_text,
                                 interest_answer_label=interest_answer_label)  # fmt: skip
