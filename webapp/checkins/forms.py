"""Forms of the check-in: the yes or no, the five questions, deleting answers."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, ValidationError
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, DataRequired, InputRequired, Optional

from webapp.checkins import labels
from webapp.domain import checkins as rules
from webapp.forms import INVALID_CHOICE


class ConsentForm(FlaskForm):
    answer = RadioField(
        _l("Do you want to answer these questions every 3 months?"),
        choices=[
            SelectChoice("yes", _l("Yes, ask me every 3 months")),
            SelectChoice("no", _l("No, do not ask me")),
        ],
        validators=[InputRequired(message=_l("Choose yes or no.")), AnyOf(("yes", "no"), message=INVALID_CHOICE)],
        validate_choice=False,
    )
    share = RadioField(
        _l("May your coach see your answers?"),
        choices=[
            SelectChoice("no", _l("No, only I see them")),
            SelectChoice("yes", _l("Yes, my coach may see them")),
        ],
        default="no",
        validators=[Optional(), AnyOf(("yes", "no"), message=INVALID_CHOICE)],
        validate_choice=False,
        description=_l("Without your yes, your coach only sees when new questions are waiting."),
    )
    past = RadioField(
        _l("You say no. What do we do with your earlier answers?"),
        choices=[
            SelectChoice("keep", _l("Keep them, so I can still see them")),
            SelectChoice("delete", _l("Delete them")),
        ],
        validate_choice=False,
    )

    def __init__(self, *args, has_answers=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_answers = has_answers
        if not has_answers:
            del self.past

    def validate_past(self, field):
        if field.data and field.data not in ("keep", "delete"):
            raise ValidationError(INVALID_CHOICE)
        if self.answer.data == "no" and not field.data:
            raise ValidationError(_l("Choose whether we keep or delete your earlier answers."))


def _question_field(key):
    return RadioField(
        labels.QUESTION[key],
        choices=[
            SelectChoice(str(value), word) for value, word in zip(rules.SCALE, labels.ANSWERS[key], strict=True)
        ],
        validators=[
            InputRequired(message=_l("Choose one answer.")),
            AnyOf([str(value) for value in rules.SCALE], message=INVALID_CHOICE),
        ],
        validate_choice=False,
    )


class CheckinForm(FlaskForm):
    health = _question_field("health")
    contact = _question_field("contact")
    useful = _question_field("useful")
    money = _question_field("money")
    happy = _question_field("happy")

    def answers(self):
        return {key: rules.parse_answer(getattr(self, key).data) for key in rules.QUESTIONS}


class DeleteAnswersForm(FlaskForm):
    sure = BooleanField(
        _l("Yes, delete all my answers"),
        validators=[DataRequired(message=_l("Tick the box if you want to delete your answers."))],
    )
