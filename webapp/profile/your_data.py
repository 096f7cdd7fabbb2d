"""Words for the readable page of "all your data" (/profile/data): the same parts
as the JSON download, each section and field under a name a person can read.

A key nobody named yet (a new area's part) is still shown, under its own key.
"""

import re
from datetime import date, datetime

from babel import dates
from flask_babel import format_date, format_datetime, get_locale
from flask_babel import lazy_gettext as _l

from webapp import labels

SECTIONS = {
    "account": _l("Your account"),
    "profile": _l("Your answers"),
    "interests": _l("Jobs you want"),
    "start_codes": _l("Start codes"),
    "notifications": _l("Notifications"),
    "proposals": _l("Your proposals"),
    "votes": _l("Your votes"),
    "comments": _l("What you wrote under proposals"),
    "reports": _l("What you reported"),
    "placements": _l("Your jobs"),
    "objections": _l("Your objections"),
    "push_subscriptions": _l("Phones with notifications on"),
    "messages": _l("Messages with your coach"),
    "appointments": _l("Appointments"),
    "plan": _l("Our plan"),
    "access_log": _l("When your coach looked"),
    "coach_changes": _l("Your coaches"),
    "checkin_consent": _l("Your choice about the questions on how you are doing"),
    "checkins": _l("Your answers about how you are doing"),
}

FIELDS = {
    "answer": _l("Your choice"),
    "share_with_coach": _l("Your coach may see your answers"),
    "answered_at": _l("Chosen on"),
    "answered_on": _l("Answered on"),
    "health": _l("How healthy you feel (1 to 5)"),
    "contact": _l("How often you see other people (1 to 5)"),
    "useful": _l("How useful your week feels (1 to 5)"),
    "money": _l("Money worries (5: none)"),
    "happy": _l("How happy you are (1 to 5)"),
    "username": _l("Username"),
    "email": _l("Email address"),
    "display_name": _l("Name"),
    "role": _l("Kind of account"),
    "lang": _l("Language"),
    "plain": _l("Plain language"),
    "created_at": _l("Made on"),
    "updated_at": _l("Changed on"),
    "home_buurt_id": _l("Your neighbourhood (number)"),
    "hours_max": _l("Hours a week at most"),
    "travel": _l("How far you want to travel"),
    "categories": _l("Kinds of work"),
    "days": _l("Days"),
    "limits": _l("What you cannot do"),
    "skills": _l("What you are good at"),
    "languages": _l("Languages you speak"),
    "job_id": _l("Job (number)"),
    "title_nl": _l("Title in Dutch"),
    "title_en": _l("Title in English"),
    "message": _l("Message"),
    "status": _l("Status"),
    "id": _l("Number"),
    "category": _l("Kind of work"),
    "title": _l("Title"),
    "tasks": _l("What the worker does"),
    "problem": _l("Problem it helps with"),
    "hours": _l("Hours a week"),
    "partners": _l("Who works with it"),
    "unpaid_now": _l("Nobody is paid for it now"),
    "funding": _l("Who would pay or help"),
    "far_from_work": _l("For someone far from work"),
    "opened_at": _l("Open for votes from"),
    "deadline": _l("Voting ends"),
    "proposal_id": _l("Proposal (number)"),
    "kind": _l("Kind"),
    "body": _l("Text"),
    "moderation": _l("Shown or hidden"),
    "target_kind": _l("What you reported"),
    "target_id": _l("Which one (number)"),
    "reason": _l("Reason"),
    "from_coach": _l("From your coach"),
    "read_at": _l("Read on"),
    "starts_at": _l("Starts"),
    "minutes": _l("Minutes"),
    "place": _l("Place"),
    "note": _l("Note"),
    "goal": _l("Goal"),
    "written_by_coach": _l("Written by your coach"),
    "steps": _l("Steps"),
    "step": _l("Step"),
    "due_date": _l("Do before"),
    "done_at": _l("Done on"),
    "coach": _l("Coach"),
    "what": _l("What"),
    "at": _l("When"),
    "service": _l("Push service"),
    "last_sent_at": _l("Last sent"),
    "expires_at": _l("Valid until"),
    "used_at": _l("Used on"),
    "link": _l("Link"),
    "ground": _l("What is wrong"),
    "text": _l("What you wrote"),
    "public_name": _l("Name shown with it"),
    "contact_details": _l("How to reach you"),
    "answer_due": _l("Answer due by"),
    "decision": _l("Answer of the oversight board"),
    "decision_reason": _l("Why"),
    "decided_at": _l("Answered on"),
}


# Fields stored as codes ("carehome", "wijk"): the page shows their words.
CODES = {
    "categories": labels.CATEGORY,
    "category": labels.CATEGORY,
    "days": labels.DAY,
    "limits": labels.LIMIT,
    "skills": labels.SKILL,
    "languages": labels.LANGUAGE,
    "travel": labels.TRAVEL,
    "role": labels.ROLE,
    "answer": {"yes": _l("Yes"), "no": _l("No")},
    "ground": labels.OBJECTION_GROUND,
    "decision": labels.OBJECTION_DECISION,
}


def section_title(key):
    return SECTIONS.get(key, key)


def field_label(key):
    return FIELDS.get(key, key)


_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z?")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def show(value, key=None):
    """A value as a person reads it: codes as their words, stored moments and days
    as dates in the reader's language (the download keeps them as stored)."""
    words = CODES.get(key)
    if words is not None:
        codes = [value] if isinstance(value, str) else list(value)
        return ", ".join(str(words.get(code, code)) for code in codes)
    if isinstance(value, str):
        if _MOMENT.fullmatch(value) and value.endswith("Z"):
            return format_datetime(datetime.fromisoformat(value.replace("Z", "+00:00")), "d MMMM yyyy, HH:mm")
        if _MOMENT.fullmatch(value):  # a local time (an appointment): shown as it is
            return dates.format_datetime(datetime.fromisoformat(value), "d MMMM yyyy, HH:mm", locale=get_locale())
        if _DAY.fullmatch(value):
            return format_date(date.fromisoformat(value), "d MMMM yyyy")
    return value
