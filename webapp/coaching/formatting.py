"""Dates and times as people say them, in the reader's language.

Two kinds of time live in the coaching tables: moments (``created_at``,
UTC with a Z) and appointment starts (Amsterdam wall-clock time, no zone).
Both are shown in Amsterdam time.
"""

from datetime import date, datetime, timedelta

from babel import dates
from babel.lists import format_list
from flask import g
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _

from webapp.coaching.queries import (
    AMSTERDAM,
    coach_days,
    local_date_of,
    now_local,
    stamp_to_datetime,
    today_local,
)
from webapp.db import get_db
from webapp.domain import availability
from webapp.domain import coaching as rules
from webapp.domain.coaching import local_start, working_days_between
from webapp.i18n import per_locale
from webapp.templating import isolated


def _locale():
    locale = get_locale()
    return locale.language if locale else "nl"


def clock(moment):
    """'14:05': the 24-hour clock, the same in Dutch and English."""
    return moment.strftime("%H:%M")


def _cache():
    """Per request: a thread of 50 messages shows a handful of days; format each once."""
    if "coaching_dates" not in g:
        g.coaching_dates = {"today": today_local(), "days": {}, "pattern": None, "texts": {}}
    return g.coaching_dates


def day_words(day, with_weekday=False):
    """'3 March' (with the year when it is not this year), or 'today'/'yesterday'/'tomorrow'."""
    cache = _cache()
    key = (day, with_weekday)
    words = cache["days"].get(key)
    if words is None:
        words = cache["days"][key] = _day_words(day, with_weekday, cache["today"])
    return words


def _day_words(day, with_weekday, today):
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


def _day_and_time(day, time):
    cache = _cache()
    if cache["pattern"] is None:
        cache["pattern"] = _("%(day)s, %(time)s", day="\0day", time="\0time")
    return cache["pattern"].replace("\0day", day).replace("\0time", time)


def when(stamp):
    """A stored UTC moment as 'today, 14:05' or '3 March, 14:05'."""
    if not stamp:
        return ""
    local = stamp_to_datetime(stamp).astimezone(AMSTERDAM)
    return _day_and_time(day_words(local.date()), clock(local))


def appointment_when(starts_at):
    """An appointment start as 'Tuesday 1 December, 10:00'."""
    start = local_start(starts_at)
    return _day_and_time(day_words(start.date(), with_weekday=True), clock(start))


def appointment_end(starts_at, minutes):
    return clock(local_start(starts_at) + timedelta(minutes=minutes))


def long_date(value):
    """A date (or ISO date text) as '1 December 2026'."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value[:10]).date()
    return dates.format_date(value, "d MMMM y", locale=_locale())


def _as_day(value):
    """A date from a date, an ISO date ('2026-12-01') or a stored UTC moment (its local day)."""
    if isinstance(value, date):
        return value
    if "T" in value:
        return local_date_of(value)
    return date.fromisoformat(value[:10])


def day_date(value):
    """'10 December' (with the year when it is not this year); never 'today': for
    sentences like 'Done on 10 December' that need a date."""
    if not value:
        return ""
    day = _as_day(value)
    pattern = "d MMMM" if day.year == _cache()["today"].year else "d MMMM y"
    return dates.format_date(day, pattern, locale=_locale())


def working_days_since(value):
    """Working days from a date or stored moment up to today (Monday to Friday)."""
    return working_days_between(_as_day(value), _cache()["today"])


def coach_wait_days():
    """The working days a resident usually waits for a coach (read once per request)."""
    cache = _cache()
    if "coach_days" not in cache:
        cache["coach_days"] = coach_days(get_db())
    return cache["coach_days"]


def access_line(entry):
    """One line of the access log, as the resident reads it."""
    texts = {
        "page": _(
            "%(name)s (coach) opened your page: %(when)s.", name=entry["coach_name"], when=when(entry["at"])
        ),
        "messages": _(
            "%(name)s (coach) read your messages: %(when)s.", name=entry["coach_name"], when=when(entry["at"])
        ),
        "export": _(
            "%(name)s (coach) downloaded your data: %(when)s.", name=entry["coach_name"], when=when(entry["at"])
        ),
    }
    return texts[entry["what"]]


def written_by(by_coach, viewer_is_coach, other_name):
    """Who wrote a goal or step, from where the reader stands."""
    if bool(by_coach) == bool(viewer_is_coach):
        return _("Written by you")
    if by_coach:
        return _("Written by your coach")
    return isolated(_("Written by %(name)s"), name=other_name)


def changed_by(by_coach, viewer_is_coach, other_name, when):
    """Who changed a goal or step last, and when, from where the reader stands."""
    if bool(by_coach) == bool(viewer_is_coach):
        return _("Changed by you, %(when)s", when=when)
    if by_coach:
        return _("Changed by your coach, %(when)s", when=when)
    return isolated(_("Changed by %(name)s, %(when)s"), name=other_name, when=when)


def _memo(key, make):
    """A text made once per request: the dashboard says the same things 30 times, and
    each translation lookup costs more than the rest of a card."""
    cache = _cache()["texts"]
    text = cache.get(key)
    if text is None:
        text = cache[key] = make()
    return text


def contact_words(days):
    """Days since the last contact, as words."""
    if days is None:
        return _memo("never", lambda: _("No contact yet"))
    if days == 0:
        return _memo("today", lambda: _("today"))
    if days == 1:
        return _memo("yesterday", lambda: _("yesterday"))
    return _memo(("days", days), lambda: ngettext("%(num)d day ago", "%(num)d days ago", days))


def _unread_days(participant):
    return max(1, (now_local() - participant.oldest_unread).days) if participant.oldest_unread else 1


def attention_text(reason, participant):
    """Why a participant needs the coach now (a ``rules.FLAGS`` code), with how long."""
    if reason == "unread":
        days = _unread_days(participant)
        return _memo(
            ("unread", days),
            lambda: ngettext("Message unread for %(num)d day", "Message unread for %(num)d days", days),
        )
    if reason == "other_time":
        return _memo(reason, lambda: _("Asks for another time"))
    if reason == "interest":
        count = participant.open_interests
        return _memo(
            ("interest", count),
            lambda: ngettext(
                "Wants a job and waits for your answer", "Wants %(num)d jobs and waits for your answer", count
            ),
        )
    if reason == "no_contact":
        if participant.days_since_contact is None:
            return _memo("never_planned", lambda: _("No contact yet, and nothing planned"))
        days = participant.days_since_contact
        return _memo(
            ("no_contact", days),
            lambda: ngettext(
                "No contact for %(num)d day, and nothing planned",
                "No contact for %(num)d days, and nothing planned",
                days,
            ),
        )
    raise ValueError(reason)


_LINE_ICONS = {
    "new_message": "i-message",
    "appointment": "i-calendar",
    "last_contact": "i-clock",
    "never": "i-clock",
    "removal": "i-info",
    "former": "i-info",
}


def caseload_line(participant):
    """(icon, words): the one line under a name on the caseload (``rules.what_to_say``)."""
    code = rules.what_to_say(participant)
    if participant.reasons:
        return "i-alert", attention_text(code, participant)
    if code == "new_message":
        words = _memo(code, lambda: _("New message, not read yet"))
    elif code == "appointment":
        start = local_start(participant.next_appointment)  # short: no weekday, so it fits one line
        words = _("Appointment: %(when)s", when=_day_and_time(day_words(start.date()), clock(start)))
    elif code == "removal":
        words = _("Account will be removed on %(date)s", date=long_date(participant.removal_on))
    elif code == "former":
        words = _memo(code, lambda: _("Account removed for privacy"))
    elif code == "never":
        words = _memo(code, lambda: _("No contact yet"))
    else:
        when = contact_words(participant.days_since_contact)
        words = _memo(("last", when), lambda: _("Last contact: %(when)s", when=when))
    return _LINE_ICONS[code], words


def interest_answer_label(code):
    return {
        "talk": _("Let's talk about it."),
        "put_forward": _("I have put you forward."),
        "not_now": _("Not now, because:"),
    }[code]


def initials(name):
    """'Sanne de Vries' -> 'SV': for the round badge when there is no photo."""
    words = [word for word in (name or "").split() if word[:1].isalpha()]
    if not words:
        return "?"
    first = words[0][0]
    last = words[-1][0] if len(words) > 1 else ""
    return (first + last).upper()


@per_locale
def month_name(year, month):
    """'november 2026': Babel is slow enough to remember these."""
    return dates.format_date(date(year, month, 1), "MMMM y", locale=_locale())


def contacts_chart(counts):
    """The caseload's contacts per month (``rules.month_series``) as the bar chart's
    rows, each month by its name ('november 2026'), and the year's total."""
    rows = [(month_name(year, month), count) for year, month, count in counts]
    return {"rows": rows, "total": sum(count for _name, count in rows)}


def _day_name(code, locale):
    # Babel's own names: "Monday" in English, "maandag" (small, inside a sentence) in Dutch.
    return dates.get_day_names("wide", locale=locale)[availability.DAYS.index(code)]


def availability_text(days, start, end):
    """A coach's usual days and times in the reader's language, as one sentence:
    'Monday to Thursday and Saturday, 9:00 AM to 5:00 PM' or 'maandag tot en
    met donderdag en zaterdag, van 09:00 tot 17:00' (Dutch days are small, as
    after 'Meestal bereikbaar:'). ``days`` are codes, ``start`` and ``end``
    stored times ('09:00') or ''; '' when no day is chosen."""
    locale = _locale()
    runs = []
    for first, last in availability.day_runs(days):
        if first == last:
            runs.append(_day_name(first, locale))
        else:
            runs.append(_("%(first)s to %(last)s", first=_day_name(first, locale), last=_day_name(last, locale)))
    if not runs:
        return ""
    text = format_list(runs, locale=locale)
    try:
        begins, ends = availability.parse_clock(start), availability.parse_clock(end)
    except ValueError:
        begins = ends = None
    if begins and ends:
        text = _(
            "%(days)s, %(start)s to %(end)s",
            days=text,
            start=dates.format_time(begins, "short", locale=locale),
            end=dates.format_time(ends, "short", locale=locale),
        )
    return text


def init_app(app):
    app.jinja_env.filters.update(
        when=when,
        appointment_when=appointment_when,
        long_date=long_date,
        day_date=day_date,
    )
    app.jinja_env.globals.update(
        appointment_end=appointment_end,
        access_line=access_line,
        written_by=written_by,
        changed_by=changed_by,
        contact_words=contact_words,
        attention_text=attention_text,
        caseload_line=caseload_line,
        interest_answer_label=interest_answer_label,
        initials=initials,
        working_days_since=working_days_since,
        coach_wait_days=coach_wait_days,
        availability_text=availability_text,
    )
