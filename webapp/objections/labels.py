"""Words for objections: the grounds, the states, the board's answers."""

from flask_babel import lazy_gettext as _l

# The grounds and the board's answers are shared words: "all your data" names them too.
from webapp.labels import OBJECTION_DECISION as DECISION  # noqa: F401 - the area's name for them
from webapp.labels import OBJECTION_GROUND as GROUND  # noqa: F401 - the area's name for them

STATE = {
    "open": _l("Open"),
    "overdue": _l("Answer overdue"),
    "upheld": _l("Upheld"),
    "not_upheld": _l("Not upheld"),
}

STATE_ICON = {"open": "i-clock", "overdue": "i-alert", "upheld": "i-check", "not_upheld": "i-close"}

VERDICT = {
    "agree": _l("Agrees"),
    "agree_with_conditions": _l("Agrees with conditions"),
    "object": _l("Objects"),
}
