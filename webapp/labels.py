"""Translated words for every code in ``webapp.domain.vocab``.

Kept in one place so the same thing has the same name everywhere.
"""

from babel.lists import format_list
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from webapp.domain.retention import is_former
from webapp.i18n import per_locale

CATEGORY = {
    "elderly": _l("Activities with older people"),
    "carehome": _l("Living-room help in a care home"),
    "computer": _l("Computer lessons"),
    "newcomers": _l("Help for newcomers"),
    "caretaker": _l("Neighbourhood caretaker"),
    "school": _l("Classroom assistant"),
    "handyman": _l("Handyman service"),
    "errands": _l("Errand service"),
    "green": _l("Green and sustainable work"),
    "watch": _l("Eyes and ears of the street"),
    "mobility": _l("Transport and mobility help"),
}

SKILL = {
    "talk_elderly": _l("Talking with older people"),
    "listening": _l("Listening to people"),
    "cooking": _l("Cooking"),
    "cleaning": _l("Cleaning"),
    "fixing": _l("Fixing things"),
    "gardening": _l("Gardening"),
    "computers": _l("Using a computer"),
    "children": _l("Being with children"),
    "driving": _l("Driving licence"),
    "cycling": _l("Cycling"),
    "organising": _l("Planning and organising"),
    "crafts": _l("Making things by hand"),
    "games": _l("Sports and games"),
}

LANGUAGE = {
    "nl": _l("Dutch"),
    "en": _l("English"),
    "ar": _l("Arabic"),
    "tr": _l("Turkish"),
    "pl": _l("Polish"),
    "uk": _l("Ukrainian"),
    "ti": _l("Tigrinya"),
    "so": _l("Somali"),
    "pap": _l("Papiamento"),
    "fr": _l("French"),
}

LIMIT = {
    "heavy_lifting": _l("Heavy lifting"),
    "standing_long": _l("Standing for a long time"),
    "walking_stairs": _l("Walking a lot or climbing stairs"),
    "outdoors": _l("Working outside in all weathers"),
    "early": _l("Starting early in the morning"),
    "evening": _l("Working in the evening"),
}

DAY = {
    "mon": _l("Monday"),
    "tue": _l("Tuesday"),
    "wed": _l("Wednesday"),
    "thu": _l("Thursday"),
    "fri": _l("Friday"),
    "sat": _l("Saturday"),
    "sun": _l("Sunday"),
}

TRAVEL = {
    "buurt": _l("Only in my own neighbourhood"),
    "wijk": _l("In my own district"),
    "town": _l("Anywhere in town"),
}

# What each kind of notification says (kinds and icons: webapp.domain.notifications).
# Never names or content: phones show these on the lock screen.
NOTIFICATION = {
    "message": _l("You have a new message from your coach."),
    "appointment": _l("Your coach planned or changed an appointment."),
    "appointment_reminder": _l("Reminder: you have an appointment tomorrow."),
    "interest_answer": _l("Your coach answered about a job you want."),
    "proposal_decision": _l("The municipality decided about a proposal you support."),
    "proposal_closed": _l("A proposal you support has closed."),
    "job_published": _l("A job that residents proposed is now open."),
    "placed": _l("You have a place in a job."),
    "participant_message": _l("A participant sent you a message."),
    "appointment_answer": _l("A participant answered about an appointment."),
    "caseload_added": _l("A participant was added to your caseload."),
    "coach_changed": _l("You have a new coach."),
    "coach_assigned": _l("You have a coach now. You can send your coach a message."),
    "proposal_threshold": _l("A proposal you support has enough votes. The municipality will look at it."),
    "proposal_changes_asked": _l("The municipality asked you to change your proposal."),
    "proposal_comment": _l("Someone wrote something about your proposal."),
    "proposal_answer": _l("Someone answered you about a proposal."),
    "content_removed": _l("The municipality removed something you wrote."),
    "retention_warning": _l(
        "You have not used Basisbaan for a long time. For your privacy we will remove your account soon. "
        "Open Basisbaan to keep it."
    ),
    "advice_given": _l("The oversight board gave its advice on a job."),
    "objection_new": _l("Someone objected to a proposal or job you follow."),
    "objection_decided": _l("The oversight board decided on an objection."),
}

ROLE = {
    "resident": _l("Resident"),
    "buurtgroep": _l("Neighbourhood group"),
    "coach": _l("Coach"),
    "gemeente": _l("Municipality"),
    "toezicht": _l("Oversight board"),
}


def names(table, codes, lower=False):
    """'Cooking, cleaning and gardening' in the reader's language.

    ``lower`` starts each label with a small letter, for use inside a
    sentence (never for languages or English day names, which keep theirs).
    """
    words = [str(table[code]) for code in codes if code in table]
    if lower:
        words = [word[:1].lower() + word[1:] for word in words]
    if not words:
        return ""
    locale = get_locale()
    return format_list(words, locale=locale.language if locale else "nl")


def day_names(codes, start_of_sentence=False):
    """The days in week order, as words inside a sentence.

    Dutch writes days with a small letter ("16 uur: maandag en dinsdag");
    English keeps its capitals. ``start_of_sentence`` capitalises the first.
    """
    chosen = set(codes)
    words = [str(DAY[day]) for day in DAY if day in chosen]
    if not words:
        return ""
    locale = get_locale()
    language = locale.language if locale else "nl"
    if language == "nl":
        words = [word.lower() for word in words]
        if start_of_sentence:
            words[0] = words[0][:1].upper() + words[0][1:]
    return format_list(words, locale=language)


def hours_label(hours):
    return ngettext("%(num)d hour a week", "%(num)d hours a week", hours)


@per_locale
def reason_text(reason, job_buurt=""):
    """One reason from ``webapp.domain.matching`` in the reader's language.

    Remembered per locale: a job list shows the same few reasons again and
    again, and each costs several lookups."""
    code, values = reason.code, reason.values
    if code == "category":
        return _("You like this kind of work: %(kind)s", kind=CATEGORY[values[0]])
    if code == "buurt":
        return _("In your own neighbourhood")
    if code == "wijk":
        return _("In your own district")
    if code == "hours":
        return _("%(hours)d hours, you wanted at most %(most)d", hours=values[0], most=values[1])
    if code == "days":
        return _("On days you can work")
    if code == "skill":
        return _("You are good at: %(skills)s", skills=names(SKILL, values, lower=True))
    if code == "language":
        return _("You speak %(languages)s", languages=names(LANGUAGE, values))
    if code == "too_far":
        return _("In %(buurt)s: further than you want to travel", buurt=job_buurt)
    if code == "too_many_hours":
        return _("%(hours)d hours, more than the %(most)d you wanted", hours=values[0], most=values[1])
    if code == "days_off":
        return _("Also on days you cannot work: %(days)s", days=day_names(values))
    if code == "days_none":
        return _("Only on days you cannot work: %(days)s", days=day_names(values))
    if code == "limit":
        return _("You said you cannot do this: %(thing)s", thing=LIMIT[values[0]])
    raise ValueError(f"unknown reason {code}")


def person_name(row):
    """The name people see for an account row (``display_name``, ``username``):
    an anonymised account (webapp/domain/retention.py) is "Former participant",
    in the reader's language, wherever its name would be."""
    if is_former(row["username"]):
        return _("Former participant")
    return row["display_name"] or row["username"]


# Objections (webapp/objections): the grounds and the board's answers.
OBJECTION_GROUND = {
    "no_displacement": _l("This work is already done by a business or by paid staff"),
    "new_paid_work": _l("It is not new paid work"),
    "far_from_work": _l("It does not suit someone far from work"),
    "social_problem": _l("It does not tackle a real problem in the neighbourhood"),
    "partners_funding": _l("Nobody helps or pays for it"),
}

OBJECTION_DECISION = {
    "upheld": _l("Upheld: the objection is right"),
    "not_upheld": _l("Not upheld: the objection is not right"),
}
