from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, NumberRange, Optional
from wtforms.widgets import Select

from webapp.domain.vocab import CATEGORIES, HOURS_CHOICES
from webapp.forms import INVALID_CHOICE, AreaFilter, AtMost, NoControlCharacters
from webapp.idempotency import ClientIdField
from webapp.labels import CATEGORY


class FixedSelect(Select):
    """A select whose choices never change, rendered once per language,
    chosen value and attributes: wtforms takes longer for the three selects
    above the job list than for the whole settings page."""

    def __init__(self, values):
        super().__init__()
        self.values = frozenset(values) | {None}
        self.made = {}

    def __call__(self, field, **kwargs):
        if field.data not in self.values:  # a wrong value from a URL is never kept
            return super().__call__(field, **kwargs)
        key = (str(get_locale()), field.name, field.id, field.data, *sorted(kwargs.items()))
        html = self.made.get(key)
        if html is None:
            html = self.made[key] = super().__call__(field, **kwargs)
        return html


def choice_field(label, choices, **kwargs):
    """A select whose wrong values get our own translated message."""
    values = [value for value, _label in choices if value]
    return SelectField(
        label,
        choices=[SelectChoice(value, text) for value, text in choices],
        default="",
        validate_choice=False,
        validators=[Optional(), AnyOf(values, message=INVALID_CHOICE)],
        widget=FixedSelect(value for value, _label in choices),
        **kwargs,
    )


class JobFilterForm(AreaFilter, FlaskForm):
    """The filters above the job list: a GET form, so no CSRF token."""

    class Meta:
        csrf = False

    q = StringField(_l("Search"), validators=[Optional(), AtMost(100), NoControlCharacters()])
    category = choice_field(
        _l("Kind of work"),
        [("", _l("All kinds of work"))] + [(code, CATEGORY[code]) for code in CATEGORIES],
    )
    hours = choice_field(
        _l("Hours a week"),
        [("", _l("Any number of hours"))] + [(str(h), _l("At most %(num)d hours", num=h)) for h in HOURS_CHOICES],
    )
    sort = choice_field(_l("Order"), [("", _l("Fits me best")), ("new", _l("Newest first"))])
    # Never shown; without a label wtforms would translate one from its own
    # catalog, which flask_wtf reads from disk again on every request.
    page = IntegerField(
        label="",
        validators=[
            Optional(),
            NumberRange(min=1, max=10000, message=_l("This page does not exist.")),
        ],
    )

    # Rendered by hand in the template, as wijken with their buurten.
    area = StringField(_l("Where"), validators=[Optional()])

    def wants(self):
        """The valid filters as plain values for the query."""
        return {
            "q": (self.q.data or "").strip(),
            "category": self.category.data or None,
            **self.chosen_area(),
            "hours_max": int(self.hours.data) if self.hours.data else None,
        }


class InterestForm(FlaskForm):
    message = TextAreaField(
        _l("A short message for your coach (not required)"),
        validators=[Optional(), AtMost(500), NoControlCharacters()],
        description=_l("For example: when you can start, or what you would like to ask."),
    )
    client_id = ClientIdField()

    def __init__(self, *args, has_coach=True, **kwargs):
        super().__init__(*args, **kwargs)
        # Without a coach yet, the message waits for the coach the municipality gives.
        if not has_coach:
            self.message.label.text = _l("A short message for the coach you will get (not required)")
