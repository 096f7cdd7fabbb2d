"""The board's form: its advice on a job."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

from webapp.domain import oversight as rules
from webapp.proposals.forms import radio, text

VERDICT = {
    "agree": _l("Agree"),
    "agree_with_conditions": _l("Agree, with conditions"),
    "object": _l("Object"),
}
# How the job page says it, in a sentence.
VERDICT_SENTENCE = {
    "agree": _l("The oversight board agrees with this job."),
    "agree_with_conditions": _l("The oversight board agrees with this job, with conditions."),
    "object": _l("The oversight board objects to this job."),
}


class AdviceForm(FlaskForm):
    verdict = radio(_l("Your advice"), VERDICT, _l("Choose agree, agree with conditions, or object."))
    reason = text(
        _l("Your reason, for everyone"),
        rules.REASON_LIMIT,
        _l("Write your reason. Everyone can read it on the job page."),
        _l("Say what you checked and why you advise this. Use plain words."),
        area=True,
    )
    displacement = text(
        _l("Does this job take work away from paid jobs or local businesses?"),
        rules.DISPLACEMENT_LIMIT,
        _l("Write what you found about paid jobs and local businesses."),
        _l("For example: who does this work now, and is anyone paid for it?"),
        area=True,
    )
    conditions = text(
        _l("Your conditions"),
        rules.CONDITIONS_LIMIT,
        description=_l(
            "Needed when you agree with conditions. For example: only on weekdays, with a paid supervisor."
        ),
        area=True,
    )

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        problems = rules.advice_problems(
            self.verdict.data, self.reason.data, self.displacement.data, self.conditions.data
        )
        if "conditions" in problems and not self.conditions.errors:
            self.conditions.errors = [
                *self.conditions.errors,
                _l("Write the conditions, or choose another advice."),
            ]
            valid = False
        return valid
