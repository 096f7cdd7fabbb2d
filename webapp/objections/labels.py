"""Words for objections: the grounds, the states, the board's answers."""

from flask_babel import lazy_gettext as _l

GROUND = {
    "no_displacement": _l("This work is already done by a business or by paid staff"),
    "new_paid_work": _l("It is not new paid work"),
    "far_from_work": _l("It does not suit someone far from work"),
    "social_problem": _l("It does not tackle a real problem in the neighbourhood"),
    "partners_funding": _l("Nobody helps or pays for it"),
}

STATE = {
    "open": _l("Open"),
    "overdue": _l("Answer overdue"),
    "upheld": _l("Upheld"),
    "not_upheld": _l("Not upheld"),
}

STATE_ICON = {"open": "i-clock", "overdue": "i-alert", "upheld": "i-check", "not_upheld": "i-close"}

DECISION = {
    "upheld": _l("Upheld: the objection is right"),
    "not_upheld": _l("Not upheld: the objection is not right"),
}

VERDICT = {
    "agree": _l("Agrees"),
    "agree_with_conditions": _l("Agrees with conditions"),
    "object": _l("Objects"),
}
