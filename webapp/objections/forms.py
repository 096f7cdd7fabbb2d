"""Forms for objections: make one, the board's decision, search the decisions."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, InputRequired, Optional, ValidationError

from webapp.domain import objections as rules
from webapp.forms import INVALID_CHOICE, AtMost, FormToken, NoControlCharacters
from webapp.objections import labels


class Required(InputRequired):
    """Required, also when only spaces were typed."""

    def __call__(self, form, field):
        if isinstance(field.data, str) and not field.data.strip():
            raise ValidationError(self.message)
        super().__call__(form, field)


def _radio(label, choices, message):
    return RadioField(
        label,
        choices=[SelectChoice(value, text) for value, text in choices.items()],
        validate_choice=False,
        validators=[Required(message=message), AnyOf(list(choices), message=INVALID_CHOICE)],
    )


class ContactCheck:
    """Someone not logged in leaves an e-mail address or phone number, so the board can answer."""

    def __call__(self, form, field):
        problem = rules.contact_problem(form.logged_in, field.data)
        if problem == "missing":
            raise ValidationError(_l("Fill in your e-mail address or phone number, so the board can answer you."))
        if problem == "invalid":
            raise ValidationError(_l("This is not an e-mail address or phone number. Check it and try again."))


class ObjectionForm(FlaskForm):
    ground = _radio(
        _l("What is wrong, in your view?"),
        labels.GROUND,
        _l("Choose what is wrong."),
    )
    text = TextAreaField(
        _l("Explain your objection"),
        validators=[
            Required(message=_l("Say what is wrong. For work that is already done: say who does it, and where.")),
            AtMost(rules.TEXT_MAX),
            NoControlCharacters(),
        ],
        description=_l(
            "Everyone can read this. If a business or paid staff already do this work: say who, and where."
        ),
    )
    contact = StringField(
        _l("Your e-mail address or phone number"),
        validators=[ContactCheck()],
        description=_l("Only the oversight board sees this. It uses it to answer you."),
    )
    show_name = BooleanField(_l("Show my name with my objection"), validators=[Optional()])
    form_token = HiddenField(validators=[FormToken()])

    def __init__(self, logged_in, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.logged_in = logged_in
        if logged_in:
            del self.contact
        else:
            del self.show_name


class DecisionForm(FlaskForm):
    decision = _radio(
        _l("Your decision"),
        labels.DECISION,
        _l("Choose: upheld or not upheld."),
    )
    reason = TextAreaField(
        _l("Reason"),
        validators=[
            Required(message=_l("Give the reason. Everyone can read it.")),
            AtMost(rules.REASON_MAX),
            NoControlCharacters(),
        ],
        description=_l("Everyone can read this reason on the decisions page."),
    )


class SearchForm(FlaskForm):
    """``?q=`` and ``?page=`` on /decisions: a GET, so no CSRF token."""

    class Meta:
        csrf = False

    q = StringField(_l("Search the decisions"), validators=[Optional(), AtMost(100), NoControlCharacters()])
    page = StringField(validators=[Optional()])

    @property
    def page_number(self):
        text = (self.page.data or "1").strip()
        return int(text) if text.isdigit() and 0 < len(text) < 6 and int(text) > 0 else None
