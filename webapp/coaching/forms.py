"""Forms for messages, appointments, the plan and the caseload.

Every form that writes something carries a ``client_id``: a UUID made when
the page was rendered, so the same form sent twice stores one thing.
"""

import re
from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TelField,
    TextAreaField,
    TimeField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Optional, ValidationError
from wtforms.widgets import HiddenInput

from webapp.auth.forms import username_rules
from webapp.domain import availability
from webapp.domain import coaching as rules
from webapp.forms import INVALID_CHOICE, AtMost, NoControlCharacters, NoDisguise
from webapp.labels import DAY

TOO_OLD_FORM = _l("This form is out of date. Please load the page again and try once more.")


def check_client_id(form, field):
    if field.data and rules.client_id(field.data) is None:
        raise ValidationError(TOO_OLD_FORM)


class ClientIdForm(FlaskForm):
    client_id = HiddenField(validators=[Optional(), check_client_id])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.client_id.data:
            self.client_id.data = rules.new_client_id()

    def client_key(self):
        return rules.client_id(self.client_id.data)


def one_line_break(text):
    """Browsers send a line break as CR LF; it is one character to the person typing."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if isinstance(text, str) else text


def text_field(label, limit, required_message=None, description=None, area=True, name=False):
    """A text field; ``name=True`` for a person's name (no hidden characters, see NoDisguise)."""
    validators = [AtMost(limit), NoControlCharacters(), *([NoDisguise()] if name else [])]
    validators.insert(0, DataRequired(message=required_message) if required_message else Optional())
    field_class = TextAreaField if area else StringField
    return field_class(label, validators=validators, description=description, filters=[one_line_break])


class MessageForm(ClientIdForm):
    body = text_field(
        _l("Your message"),
        rules.MESSAGE_MAX,
        _l("Write a message first."),
        _l("At most 2,000 characters."),
    )


def not_in_the_past(form, field):
    if field.data and field.data < form.today:
        raise ValidationError(_l("This day has passed. Choose today or a later day."))


class AppointmentForm(ClientIdForm):
    day = DateField(
        _l("Day"),
        validators=[InputRequired(message=_l("Choose a day.")), not_in_the_past],
    )
    time = TimeField(_l("Time"), validators=[InputRequired(message=_l("Choose a time."))])
    minutes = SelectField(
        _l("How long"),
        choices=[SelectChoice(str(m), _l("%(num)d minutes", num=m)) for m in rules.APPOINTMENT_MINUTES],
        default="45",
        validate_choice=False,
    )
    kind = RadioField(
        _l("Where do you meet?"),
        choices=[SelectChoice("place", _l("At a place")), SelectChoice("phone", _l("By phone"))],
        default="place",
        validate_choice=False,
    )
    place = text_field(
        _l("Place or phone number"),
        200,
        None,
        _l("For example: Wijkcentrum De Hoven, room 2. Or: I call you on 06 12345678."),
        area=False,
    )
    note = text_field(_l("Note (not required)"), 500, None, _l("For example: bring your questions about the job."))

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or date.today()
        self.day.render_kw = {"min": self.today.isoformat()}

    def validate_minutes(self, field):
        if field.data not in {str(m) for m in rules.APPOINTMENT_MINUTES}:
            raise ValidationError(INVALID_CHOICE)

    def validate_kind(self, field):
        if field.data not in ("place", "phone"):
            raise ValidationError(INVALID_CHOICE)

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        # WTForms' own message for a date or time it cannot read is English only.
        for name, message in (("day", _l("Choose a day.")), ("time", _l("Choose a time."))):
            field = getattr(self, name)
            if field.errors and field.data is None:
                field.errors[:] = [message]
        # Optional() on the place stops its own checks when empty; a meeting
        # at a place still needs one.
        if self.kind.data == "place" and not (self.place.data or "").strip():
            self.place.errors = [*self.place.errors, _l("Say where you meet.")]
            valid = False
        return valid


class AnotherTimeForm(FlaskForm):
    reason = text_field(
        _l("Why does this time not suit you?"),
        rules.SHORT_TEXT_MAX,
        _l("Write a short reason, so your coach can choose another time."),
        _l("For example: I work on Tuesday morning. Thursday suits me better."),
    )


class PrefixedForm(ClientIdForm):
    """A form shown many times on one page (with a prefix for unique ids).

    The page-wide CSRF check (CSRFProtect) guards its POST; its own token
    field would carry the prefix, so it has none.
    """

    class Meta:
        csrf = False


class GoalForm(PrefixedForm):
    title = text_field(
        _l("New goal"),
        200,
        _l("Write the goal first."),
        _l("For example: find work for 16 hours a week."),
        area=False,
    )


class StepForm(PrefixedForm):
    text = text_field(
        _l("Next step"),
        200,
        _l("Write the step first."),
        _l("For example: visit the care home for a day."),
        area=False,
    )
    due = DateField(_l("Done by (not required)"), validators=[Optional()])

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        if self.due.errors and self.due.data is None:
            self.due.errors[:] = [_l("Choose a day, or leave this empty.")]
        return valid


class GoalChangeForm(PrefixedForm):
    title = text_field(_l("The goal"), 200, _l("Write the goal first."), area=False)


class StepChangeForm(StepForm):
    text = text_field(_l("The step"), 200, _l("Write the step first."), area=False)


def plan_forms(goals, goal_form=None, step_forms=None, change_forms=None):
    """A form for a new goal, one for a new step under each goal, and one to change
    each goal and step, filled with what it says now (unique field ids)."""
    step_forms = dict(step_forms or {})
    change_forms = dict(change_forms or {})
    for goal in goals:
        step_forms.setdefault(goal["id"], StepForm(prefix=f"step{goal['id']}", formdata=None))
        change_forms.setdefault(
            f"goal-{goal['id']}",
            GoalChangeForm(prefix=f"goal{goal['id']}change", formdata=None, title=goal["title"]),
        )
        for step in goal["steps"]:
            due = date.fromisoformat(step["due_date"]) if step["due_date"] else None
            change_forms.setdefault(
                f"step-{step['id']}",
                StepChangeForm(prefix=f"step{step['id']}change", formdata=None, text=step["text"], due=due),
            )
    return {
        "goal_form": goal_form or GoalForm(prefix="goal", formdata=None),
        "step_forms": step_forms,
        "change_forms": change_forms,
    }


class InterestAnswerForm(FlaskForm):
    class Meta:  # one per interest on a page: see PrefixedForm
        csrf = False

    answer = RadioField(
        _l("Your answer"),
        choices=[
            SelectChoice("talk", _l("Let's talk about it")),
            SelectChoice("put_forward", _l("I have put you forward")),
            SelectChoice("not_now", _l("Not now, because ...")),
        ],
        validate_choice=False,
        validators=[InputRequired(message=_l("Choose an answer."))],
    )
    reason = text_field(_l("Because (needed for 'not now')"), rules.SHORT_TEXT_MAX, None, area=False)

    def validate_answer(self, field):
        if field.data not in rules.INTEREST_ANSWERS:
            raise ValidationError(INVALID_CHOICE)

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        # Optional() on the reason skips its own checks when it is empty.
        if rules.interest_answer_problem(self.answer.data, self.reason.data) == "reason":
            self.reason.errors = [*self.reason.errors, _l("Say why not now. The resident reads this.")]
            valid = False
        return valid


def interest_forms(interests, failed=None):
    """One answer form per interest; ``failed`` is (interest id, form with messages)."""
    forms = {}
    for item in interests:
        if failed is not None and failed[0] == item["interest_id"]:
            forms[item["interest_id"]] = failed[1]
            continue
        form = InterestAnswerForm(prefix=f"interest{item['interest_id']}", formdata=None)
        form.answer.data = item["coach_answer"]
        form.reason.data = item["coach_reason"]
        forms[item["interest_id"]] = form
    return forms


class NewResidentForm(ClientIdForm):
    display_name = text_field(
        _l("Name"),
        60,
        _l("Fill in the name."),
        _l("The name the resident wants to be called, for example: Anna Jansen."),
        area=False,
        name=True,
    )
    username = StringField(
        _l("Username (not required)"),
        validators=[Optional(), NoDisguise(), username_rules],
        description=_l("Leave empty and we make one from the name."),
    )


PHONE = re.compile(r"^[0-9 +()-]{6,20}$")


def phone_rules(form, field):
    if field.data and not PHONE.match(field.data.strip()):
        raise ValidationError(_l("Use digits, spaces and + only. For example: 020 123 45 67."))


AVAILABILITY_MESSAGES = {
    "unknown_day": INVALID_CHOICE,
    "one_time": _l("Fill in both times, or leave both empty."),
    "end_before_start": _l("The end time must be later than the start time."),
    "times_without_days": _l("Choose the days for these times."),
    "nothing": _l("Choose at least one day, or write a note."),
}
NOT_A_TIME = _l("Write a time like 9:00.")


class CoachDetailsForm(FlaskForm):
    phone = TelField(_l("Work phone"), validators=[Optional(), AtMost(20), phone_rules])
    # Checkboxes, drawn by hand in the template; checked in ``validate``.
    days = SelectMultipleField(
        _l("Days you are usually available"),
        choices=[SelectChoice(code, DAY[code]) for code in availability.DAYS],
        validate_choice=False,
    )
    available_from = StringField(_l("From"), validators=[AtMost(5)])
    available_to = StringField(_l("To"), validators=[AtMost(5)])
    available_note = text_field(
        _l("Note (not required)"),
        availability.NOTE_MAX,
        None,
        _l("For example: not in the school holidays. Your participants read it as you write it."),
        area=False,
    )

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        self.start = self.end = None
        for field, name in ((self.available_from, "start"), (self.available_to, "end")):
            try:
                setattr(self, name, availability.parse_clock(field.data))
            except ValueError:
                field.errors = [*field.errors, NOT_A_TIME]
                valid = False
        if not valid:
            return False
        for name, code in availability.problems(self.days.data, self.start, self.end, self.available_note.data):
            field = getattr(self, name)
            field.errors = [*field.errors, AVAILABILITY_MESSAGES[code]]
        return not any(field.errors for field in self)

    def availability(self, note_lang):
        return {
            "days": availability.week_order(self.days.data),
            "start": self.start,
            "end": self.end,
            "note": (self.available_note.data or "").strip(),
            "note_lang": note_lang,
        }

    def fill_from(self, row):
        self.phone.data = row["phone"]
        self.days.data = availability.parse_days(row["available_days"])
        self.available_from.data = row["available_from"]
        self.available_to.data = row["available_to"]
        self.available_note.data = row["available_note"]


class HomeBuurtForm(FlaskForm):
    """The coach confirms the home buurt shown on the page; the id guards against a move in between."""

    buurt = IntegerField(validators=[InputRequired(INVALID_CHOICE)], widget=HiddenInput())
