"""Translated words for the codes of proposals, in one place (as ``webapp.labels``)."""

from flask_babel import lazy_gettext as _l

STATUS = {
    "draft": _l("Draft"),
    "open": _l("Open for votes"),
    "with_gemeente": _l("With the municipality"),
    "approved": _l("Approved"),
    "rejected": _l("Not approved"),
    "changes_asked": _l("Changes asked"),
    "job_created": _l("Became a job"),
    "withdrawn": _l("Withdrawn"),
    "closed": _l("Closed: not enough votes"),
}

STATUS_ICON = {
    "draft": "i-edit",
    "open": "i-vote",
    "with_gemeente": "i-people",
    "approved": "i-check",
    "rejected": "i-close",
    "changes_asked": "i-edit",
    "job_created": "i-job",
    "withdrawn": "i-close",
    "closed": "i-clock",
}

# What each status change means, as a line in the timeline.
EVENT = {
    "open": _l("Published: open for votes"),
    "with_gemeente": _l("Enough votes: sent to the municipality"),
    "approved": _l("The municipality approved it"),
    "rejected": _l("The municipality did not approve it"),
    "changes_asked": _l("The municipality asked for changes"),
    "job_created": _l("The job is open: residents can react"),
    "withdrawn": _l("Withdrawn by the author"),
    "closed": _l("The vote closed with too few votes"),
}

CRITERIA = {
    "new_paid_work": _l("New paid work: nobody is paid for this now"),
    "far_from_work": _l("Someone far from work can do it, with help"),
    "social_problem": _l("It tackles a social problem in the neighbourhood"),
    "partners_funding": _l("Partners or money: others help or pay"),
    "no_displacement": _l("It takes no work away from regular jobs or local businesses"),
}

# The stored code answers "is this work unpaid now?" (the column is
# ``unpaid_now``: 'yes' means nobody is paid). The question a resident reads
# asks it the other way round, without a double negative: "Does anyone get
# paid for this work now?". So "Yes, someone is paid" is the code 'no'.
UNPAID_NOW = {
    "no": _l("Yes, someone is paid for this now"),
    "yes": _l("No, nobody is paid for this now"),
    "unsure": _l("I do not know"),
}

FAR_FROM_WORK = {
    "yes": _l("Yes"),
    "with_help": _l("Yes, with some help"),
    "no": _l("No, it needs experience"),
    "unsure": _l("I do not know"),
}

REPORT_REASON = {
    "spam": _l("Spam or advertising"),
    "offensive": _l("Offensive or hurtful"),
    "off_topic": _l("Does not belong here"),
}

COMMENT_KIND = {
    "comment": _l("A comment"),
    "question": _l("A question"),
}

LANGUAGE = {
    "nl": _l("Dutch"),
    "en": _l("English"),
}

# The languages a message can be written in, each named in itself (a reader
# of that language finds it whatever the page's language): not translated.
LANGUAGE_NAMES = {
    "nl": "Nederlands",
    "en": "English",
}

JOB_STATUS = {
    "draft": _l("Draft"),
    "open": _l("Open"),
    "closed": _l("Closed"),
}
