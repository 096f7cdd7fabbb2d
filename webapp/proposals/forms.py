"""Forms for proposals: propose, filter, vote, comment, report, withdraw.

Every field has its own translated message. Numbers are typed into text
fields and checked by ``WholeNumber``, so a wrong value gets our message
instead of WTForms' English one.
"""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, InputRequired, Optional, ValidationError

from webapp.domain import vocab
from webapp.domain.proposals import PUBLIC_STATUSES
from webapp.forms import INVALID_CHOICE, AreaFilter, AtMost, FormToken, NoControlCharacters
from webapp.idempotency import ClientIdField
from webapp.labels import CATEGORY
from webapp.proposals import labels


class Required(InputRequired):
    """Required, also when only spaces were typed."""

    def __call__(self, form, field):
        if isinstance(field.data, str) and not field.data.strip():
            raise ValidationError(self.message)
        super().__call__(form, field)


class WholeNumber:
    """A whole number between ``low`` and ``high``, typed as text; sets ``field.number``."""

    def __init__(self, low, high, message):
        self.low, self.high, self.message = low, high, message

    def __call__(self, form, field):
        text = (field.data or "").strip()
        field.number = None
        if not text.isdigit() or len(text) > 9 or not self.low <= int(text) <= self.high:
            raise ValidationError(self.message)
        field.number = int(text)


def radio(label, choices, message, **kwargs):
    return RadioField(
        label,
        choices=[SelectChoice(value, label) for value, label in choices.items()],
        validate_choice=False,
        validators=[Required(message=message), AnyOf(list(choices), message=INVALID_CHOICE)],
        **kwargs,
    )


def text(label, limit, message=None, description=None, area=False):
    validators = [Required(message=message)] if message else [Optional()]
    validators += [AtMost(limit), NoControlCharacters()]
    field = TextAreaField if area else StringField
    return field(label, validators=validators, description=description)


class ProposalForm(FlaskForm):
    # Rendered by hand in the template, as wijken with their buurten.
    buurt = StringField(
        _l("For which neighbourhood?"), validators=[Required(message=_l("Choose the neighbourhood."))]
    )
    category = SelectField(
        _l("Kind of work"),
        choices=[SelectChoice("", _l("Choose the kind of work"))]
        + [SelectChoice(code, CATEGORY[code]) for code in vocab.CATEGORIES],
        validate_choice=False,
        validators=[
            Required(message=_l("Choose the kind of work.")),
            AnyOf(list(vocab.CATEGORIES), message=INVALID_CHOICE),
        ],
    )
    title = text(
        _l("A short title"),
        120,
        _l("Give your proposal a short title."),
        _l("For example: Errand service for older neighbours."),
    )
    tasks = text(
        _l("What would the worker do?"),
        2000,
        _l("Say what the worker would do."),
        _l("Say it as you would to a neighbour."),
        area=True,
    )
    problem = text(
        _l("Which problem in the neighbourhood does it help with?"),
        2000,
        _l("Say which problem in the neighbourhood this helps with."),
        area=True,
    )
    hours = StringField(
        _l("Hours a week"),
        validators=[WholeNumber(1, 40, _l("Fill in the hours a week: a number from 1 to 40."))],
        description=_l("A number from 1 to 40."),
    )
    partners = text(
        _l("Who would work with it or support it?"),
        1000,
        description=_l("For example: a care home, a school or the housing corporation. Not required."),
        area=True,
    )
    unpaid_now = radio(
        _l("Does anyone get paid for this work now?"),
        labels.UNPAID_NOW,
        _l("Choose an answer."),
        description=_l(
            "A basisbaan must not take work away from people who are paid for it, or from local businesses."
        ),
    )
    funding = text(
        _l("Who would pay or help?"),
        1000,
        description=_l("Not required. The municipality looks at this too."),
        area=True,
    )
    far_from_work = radio(
        _l("Could someone far from work do it, with help?"), labels.FAR_FROM_WORK, _l("Choose an answer.")
    )
    lang = radio(_l("Which language did you write this in?"), labels.LANGUAGE, _l("Choose an answer."))
    form_token = HiddenField(validators=[FormToken()])

    def __init__(self, buurt_ids, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.buurt_ids = {str(buurt_id) for buurt_id in buurt_ids}

    def validate_buurt(self, field):
        if field.data not in self.buurt_ids:
            raise ValidationError(INVALID_CHOICE)

    def values(self):
        return {
            "buurt_id": int(self.buurt.data),
            "lang": self.lang.data,
            "category": self.category.data,
            "title": self.title.data.strip(),
            "tasks": self.tasks.data.strip(),
            "problem": self.problem.data.strip(),
            "hours": self.hours.number,
            "partners": (self.partners.data or "").strip(),
            "unpaid_now": self.unpaid_now.data,
            "funding": (self.funding.data or "").strip(),
            "far_from_work": self.far_from_work.data,
        }

    def fill_from(self, proposal):
        for name in (
            "category",
            "title",
            "tasks",
            "problem",
            "partners",
            "unpaid_now",
            "funding",
            "far_from_work",
            "lang",
        ):
            getattr(self, name).data = proposal[name]
        self.buurt.data = str(proposal["buurt_id"])
        self.hours.data = str(proposal["hours"])


class FilterForm(AreaFilter, FlaskForm):
    """The filters above the list: a GET form, so no CSRF token."""

    class Meta:
        csrf = False

    area = StringField(_l("Where"), validators=[Optional()])
    status = SelectField(
        _l("Status"),
        choices=[SelectChoice("", _l("Every status"))]
        + [SelectChoice(status, labels.STATUS[status]) for status in PUBLIC_STATUSES],
        default="",
        validate_choice=False,
        validators=[Optional(), AnyOf(list(PUBLIC_STATUSES), message=INVALID_CHOICE)],
    )
    page = StringField(validators=[Optional(), WholeNumber(1, 10_000, _l("This page does not exist."))])

    def wants(self):
        return {**self.chosen_area(), "status": self.status.data or None}

    @property
    def page_number(self):
        return getattr(self.page, "number", None) or 1


class CommentLanguage:
    """The language a comment or answer is written in: a select, the
    proposal's language chosen at first (see ``written_in``)."""

    lang = SelectField(
        _l("Language of your message"),
        choices=[SelectChoice(code, name) for code, name in labels.LANGUAGE_NAMES.items()],
        validate_choice=False,
        # Never empty: ``written_in`` fills in the proposal's language first.
        validators=[AnyOf(list(labels.LANGUAGE_NAMES), message=INVALID_CHOICE)],
    )

    def written_in(self, proposal_lang):
        """Choose the proposal's language, unless the writer already chose."""
        if not self.lang.data:
            self.lang.data = proposal_lang
        return self


class CommentForm(CommentLanguage, FlaskForm):
    kind = radio(
        _l("What do you want to write?"), labels.COMMENT_KIND, _l("Choose an answer."), default="question"
    )
    body = text(
        _l("Your question or comment"),
        1000,
        _l("Write your question or comment."),
        _l("Other people can read this. Do not write private things."),
        area=True,
    )
    form_token = HiddenField(validators=[FormToken()])


class AnswerForm(CommentLanguage, FlaskForm):
    body = text(_l("Your answer"), 1000, _l("Write your answer."), area=True)
    answer_to = HiddenField(validators=[WholeNumber(1, 2**62, INVALID_CHOICE)])
    form_token = HiddenField(validators=[FormToken()])


class VoteForm(FlaskForm):
    """The vote button: the CSRF token and the phone's client id (see webapp.idempotency)."""

    client_id = ClientIdField()


class ReportForm(FlaskForm):
    reason = radio(_l("What is wrong with it?"), labels.REPORT_REASON, _l("Choose an answer."))


class WithdrawForm(FlaskForm):
    reason = text(
        _l("Why do you stop? (not required)"), 500, description=_l("People who voted can read this."), area=True
    )


class ResubmitForm(FlaskForm):
    reason = text(_l("What did you change? (not required)"), 500, area=True)
