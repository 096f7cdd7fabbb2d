"""Forms of the municipality's workspace, each field with a translated message."""

import re
from datetime import date
from decimal import Decimal

from flask_babel import format_currency, format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, SelectField, SelectMultipleField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, InputRequired, Optional, StopValidation, ValidationError

from webapp import labels as common
from webapp.domain import amounts, vocab
from webapp.domain import business_case as case_rules
from webapp.domain import jobs as job_rules
from webapp.domain import proposals as rules
from webapp.domain.settings import BOUNDS, MAX_HOURLY_CENTS, PROOFS_KEY
from webapp.domain.verification import PROOFS
from webapp.forms import INVALID_CHOICE, AtMost, NoControlCharacters
from webapp.proposals import labels
from webapp.proposals.forms import Required, WholeNumber, radio, text

FILL_IN = _l("Fill in this field.")


class Amount:
    """An amount in euros as people write it ("32.000", "32,000", "€ 14,71");
    sets ``field.cents`` (None when empty).

    Every amount goes through ``webapp.domain.amounts.parse_amount``. A
    refusal stops the field's other checks: one message per field, which
    names the field and gives an example written the reader's way.
    """

    def __init__(self, name, message, required=False, most=amounts.MAX_CENTS):
        self.name, self.message, self.required, self.most = name, message, required, most

    def __call__(self, form, field):
        field.cents = None
        try:
            field.cents = amounts.parse_amount(field.data if isinstance(field.data, str) else "", self.most)
        except amounts.AmountError as error:
            if error.reason == "too_large":
                raise StopValidation(
                    _(
                        "%(field)s: fill in at most %(amount)s.",
                        field=self.name,
                        amount=format_currency(Decimal(self.most) / 100, "EUR"),
                    )
                ) from None
            raise StopValidation(str(self.message)) from None
        if self.required and field.cents is None:
            raise StopValidation(str(self.message))


def amount_shown(cents):
    """Cents in a form field, the reader's way: "15,20" in Dutch, "15.20" in English."""
    if cents is None:
        return ""
    return format_decimal(Decimal(cents) / 100, format="#,##0.00")


class IsoDate:
    """A date typed as 2026-03-01 (what <input type=date> sends); sets ``field.day``."""

    def __init__(self, message, required=False):
        self.message, self.required = message, required

    def __call__(self, form, field):
        field.day = None
        value = (field.data or "").strip() if isinstance(field.data, str) else ""
        if not value:
            if self.required:
                raise ValidationError(self.message)
            return
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValidationError(self.message)
        try:
            field.day = date.fromisoformat(value)
        except ValueError:
            raise ValidationError(self.message) from None


class SubsetOf:
    def __init__(self, allowed):
        self.allowed = set(allowed)

    def __call__(self, form, field):
        if not set(field.data or ()) <= self.allowed or len(field.data or ()) > len(self.allowed):
            raise ValidationError(INVALID_CHOICE)


def many(label, table, codes):
    return SelectMultipleField(
        label,
        choices=[SelectChoice(code, table[code]) for code in codes],
        validate_choice=False,
        validators=[SubsetOf(codes)],
    )


# --- reviewing a proposal --------------------------------------------------------


class DecisionForm(FlaskForm):
    decision = radio(
        _l("Your decision"),
        {
            "approved": _l("Approve: it becomes a job"),
            "changes_asked": _l("Ask the author for changes"),
            "rejected": _l("Do not approve"),
        },
        _l("Choose a decision."),
    )
    criteria = many(_l("The basisbaan criteria"), labels.CRITERIA, rules.CRITERIA)
    reason = text(
        _l("Your reason, for residents"),
        2000,
        _l("Write the reason. Residents read it."),
        _l("Write in plain words: short sentences, no jargon. The author and everyone who voted read this."),
        area=True,
    )
    # No Optional(): it would stop the check below that approving needs a payer.
    payer = StringField(
        _l("Who pays?"),
        validators=[AtMost(200), NoControlCharacters()],
        description=_l("Needed when you approve. For example: the municipality and the housing corporation."),
    )
    amount = StringField(
        _l("How much a year, in euros?"),
        validators=[
            Amount(_l("How much a year"), _l("How much a year: fill in an amount in euros, like 32,000."))
        ],
        description=_l("Needed when you approve. For example 32,000 or 32,000.50."),
    )

    def validate_criteria(self, field):
        if self.decision.data == "approved" and set(field.data or ()) != set(rules.CRITERIA):
            raise ValidationError(_l("Tick every criterion before you approve. Or ask for changes."))

    def validate_payer(self, field):
        if self.decision.data == "approved" and not (field.data or "").strip():
            raise ValidationError(_l("Say who pays."))

    def validate_amount(self, field):
        if self.decision.data == "approved" and getattr(field, "cents", None) is None:
            raise ValidationError(_l("How much a year: fill in an amount in euros, like 32,000."))


# --- jobs ------------------------------------------------------------------------------

TEXT_LABELS = {
    "title": (_l("Title (Dutch)"), _l("Title (English)")),
    "summary": (_l("Summary (Dutch)"), _l("Summary (English)")),
    "plain": (_l("Summary in plain language (Dutch)"), _l("Summary in plain language (English)")),
    "tasks": (_l("What you do (Dutch)"), _l("What you do (English)")),
    "problem": (_l("Why this work matters (Dutch)"), _l("Why this work matters (English)")),
    "team": (_l("Who you work with (Dutch)"), _l("Who you work with (English)")),
    "title_plain": (_l("Title in plain language (Dutch)"), _l("Title in plain language (English)")),
    "tasks_plain": (_l("What you do, in plain language (Dutch)"), _l("What you do, in plain language (English)")),
    "problem_plain": (
        _l("Why this work matters, in plain language (Dutch)"),
        _l("Why this work matters, in plain language (English)"),
    ),
    "team_plain": (
        _l("Who you work with, in plain language (Dutch)"),
        _l("Who you work with, in plain language (English)"),
    ),
}


# A job's column and the form field that holds it, where the names differ.
FORM_FIELD = {"buurt_id": "buurt"}


class JobForm(FlaskForm):
    category = SelectField(
        _l("Kind of work"),
        choices=[SelectChoice("", _l("Choose the kind of work"))]
        + [SelectChoice(code, common.CATEGORY[code]) for code in vocab.CATEGORIES],
        validate_choice=False,
        validators=[
            Required(message=_l("Choose the kind of work.")),
            AnyOf(list(vocab.CATEGORIES), message=INVALID_CHOICE),
        ],
    )
    buurt = StringField(
        _l("Neighbourhood (buurt)"), validators=[Required(message=_l("Choose the neighbourhood."))]
    )
    # Employer, days and the texts may wait while a job is a draft; publishing
    # needs them (job_rules.missing_to_publish) and an open job keeps them (validate).
    employer = text(_l("Employer"), job_rules.EMPLOYER_LIMIT)
    funding = text(
        _l("Who pays for this job (not required)"),
        job_rules.FUNDING_LIMIT,
        description=_l("For example: the municipality and the housing corporation."),
    )
    hours = StringField(
        _l("Hours a week"),
        validators=[WholeNumber(1, 40, _l("Fill in the hours a week: a number from 1 to 40."))],
    )
    days = many(_l("Days"), common.DAY, vocab.DAYS)
    skills = many(_l("What helps in this work"), common.SKILL, tuple(vocab.SKILLS))
    languages = many(_l("Languages that help"), common.LANGUAGE, tuple(vocab.LANGUAGES))
    demands = many(_l("This work asks"), common.LIMIT, tuple(vocab.LIMITS))
    wage = StringField(
        _l("Hourly wage in euros (not required)"),
        validators=[
            Amount(
                _l("Hourly wage"),
                _l("Hourly wage: fill in an amount in euros, like 15.20, or leave it empty."),
                most=MAX_HOURLY_CENTS,
            )
        ],
        description=_l("Leave it empty for the minimum wage. For example 15.20."),
    )
    wage_scale = text(_l("Collective agreement scale (not required)"), job_rules.WAGE_SCALE_LIMIT)
    places = StringField(
        _l("Places"),
        validators=[WholeNumber(1, job_rules.MAX_PLACES, _l("Fill in the number of places: 1 or more."))],
    )
    start_date = StringField(
        _l("Start date (not required)"),
        validators=[IsoDate(_l("Fill in a date, like 2026-03-01."))],
    )

    def __init__(self, buurt_ids, minimum_cents, places_filled=0, *args, status="draft", **kwargs):
        super().__init__(*args, **kwargs)
        self.buurt_ids = {str(buurt_id) for buurt_id in buurt_ids}
        self.minimum_cents = minimum_cents
        self.places_filled = places_filled
        self.status = status

    def validate(self, extra_validators=None):
        """A draft needs a title in one language; an open or closed job keeps
        everything publishing needs, so saving never empties a public page."""
        valid = super().validate(extra_validators)
        if not any((self[name].data or "").strip() for name in job_rules.TITLES):
            self.title_nl.errors.append(_("Give the job a title, in Dutch or in English."))
            valid = False
        if self.status != "draft":
            given = {name: self[FORM_FIELD.get(name, name)].data for name in job_rules.PUBLISH_FACTS}
            given.update((name, self[name].data) for name in job_rules.FORM_TEXTS)
            for name in job_rules.missing_to_publish(given):
                field = self[FORM_FIELD.get(name, name)]
                if not field.errors:
                    field.errors.append(
                        _("Choose at least one day.") if name == "days" else _("Fill in this field.")
                    )
                    valid = False
        return valid

    def publish_labels(self, names):
        """The labels of the fields ``job_rules.missing_to_publish`` names."""
        return [str(self[FORM_FIELD.get(name, name)].label.text) for name in names]

    def mark_to_translate(self, names):
        """Say on each field still to translate which language has the text."""
        for name in names:
            self[name].description = (
                _("To translate: the Dutch text is there.")
                if name.endswith("_en")
                else _("To translate: the English text is there.")
            )

    def validate_buurt(self, field):
        if field.data not in self.buurt_ids:
            raise ValidationError(INVALID_CHOICE)

    def validate_wage(self, field):
        if job_rules.wage_problem(getattr(field, "cents", None), self.minimum_cents):
            raise ValidationError(_l("This is below the minimum wage."))

    def validate_places(self, field):
        number = getattr(field, "number", None)
        if number is not None and job_rules.places_problem(number, self.places_filled):
            raise ValidationError(
                _l("There are more people placed than that. Fill in at least %(num)d.", num=self.places_filled)
            )

    def text_fields(self):
        return [getattr(self, name) for name in job_rules.FORM_TEXTS]

    def values(self):
        values = {
            "category": self.category.data,
            "buurt_id": int(self.buurt.data),
            "employer": (self.employer.data or "").strip(),
            "funding": (self.funding.data or "").strip(),
            "hours": self.hours.number,
            "days": vocab.join_codes(self.days.data, vocab.DAYS),
            "skills": vocab.join_codes(self.skills.data, tuple(vocab.SKILLS)),
            "languages": vocab.join_codes(self.languages.data, tuple(vocab.LANGUAGES)),
            "demands": vocab.join_codes(self.demands.data, tuple(vocab.LIMITS)),
            "wage_cents": self.wage.cents,
            "wage_scale": (self.wage_scale.data or "").strip() or None,
            "places": self.places.number,
            "start_date": self.start_date.day.isoformat() if self.start_date.day else None,
        }
        for field in self.text_fields():
            values[field.name] = (field.data or "").strip()
        return values

    def fill_from(self, job):
        self.category.data = job["category"]
        self.buurt.data = str(job["buurt_id"])
        self.employer.data = job["employer"]
        self.funding.data = job["funding"]
        self.hours.data = str(job["hours"])
        for name in ("days", "skills", "languages", "demands"):
            getattr(self, name).data = list(vocab.split_codes(job[name]))
        self.wage.data = amount_shown(job["wage_cents"])
        self.wage_scale.data = job["wage_scale"] or ""
        self.places.data = str(job["places"])
        self.start_date.data = job["start_date"] or ""
        for field in self.text_fields():
            field.data = job[field.name]


def _add_text_fields():
    for name in job_rules.FORM_TEXTS:
        field, lang = name.rsplit("_", 1)
        setattr(
            JobForm,
            name,
            text(
                TEXT_LABELS[field][("nl", "en").index(lang)],
                job_rules.text_limit(name),
                area=field not in ("title", "title_plain"),
            ),
        )


_add_text_fields()


class PlacementForm(FlaskForm):
    username = text(_l("Username of the resident"), 100, _l("Fill in the username of a resident."))


# --- moderation and settings ----------------------------------------------------------------


class ModerationForm(FlaskForm):
    # Sent by the button pressed: "Show again" or "Remove".
    action = radio(
        _l("What do you do?"),
        {"restore": _l("Show again"), "remove": _l("Remove")},
        _l("Choose an answer."),
    )
    # Showing an item again needs no reason; removing it does: its author reads it.
    reason = text(_l("Your reason"), 500, None, _l("The author reads this when you remove it."), area=True)

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        if self.action.data == "remove" and not (self.reason.data or "").strip():
            self.reason.errors = [*self.reason.errors, _l("Write why you remove it. The author reads this.")]
            return False
        return valid


class SettingsForm(FlaskForm):
    threshold = StringField(
        _l("Votes a proposal needs"),
        validators=[WholeNumber(*BOUNDS["threshold"], _l("Fill in a number from 1 to 10000."))],
        description=_l("For proposals published from now on. A running vote keeps its goal."),
    )
    voting_days = StringField(
        _l("Days a proposal is open for votes"),
        validators=[WholeNumber(*BOUNDS["voting_days"], _l("Fill in a number from 1 to 365."))],
        description=_l("For proposals published from now on."),
    )
    vote_limit = StringField(
        _l("Votes a resident can have on open proposals"),
        validators=[WholeNumber(*BOUNDS["vote_limit"], _l("Fill in a number from 1 to 100."))],
        description=_l("Applies at once. Votes already cast stay."),
    )
    coach_days = StringField(
        _l("Working days a resident usually waits for a coach"),
        validators=[WholeNumber(*BOUNDS["coach_days"], _l("Fill in a number from 1 to 60."))],
        description=_l("Residents without a coach read this number. Keep it true."),
    )
    objection_days = StringField(
        _l("Days the oversight board has to answer an objection"),
        validators=[WholeNumber(*BOUNDS["objection_days"], _l("Fill in a number from 1 to 180."))],
        description=_l("For objections sent from now on."),
    )
    employer_charge = StringField(
        _l("Employer's charges on the wage, in percent"),
        # Not required: a form sent without it (an older page) keeps the percentage there is.
        validators=[Optional(), WholeNumber(*BOUNDS["employer_charge"], _l("Fill in a number from 0 to 100."))],
        description=_l("Social insurance, pension and holiday pay. The business case of every job uses it."),
    )
    # Which proofs of home buurt make a vote count (webapp.domain.verification.PROOFS).
    vote_proofs = SelectMultipleField(
        _l("Which proofs count for a vote"),
        choices=[
            SelectChoice("coach", _l("Met by a coach")),
            SelectChoice("code", _l("A voting code sent by post")),
            SelectChoice("oidc", _l("The municipality's own login (DigiD)")),
        ],
        validate_choice=False,
        validators=[InputRequired(_l("Choose at least one proof. Otherwise nobody can vote.")), SubsetOf(PROOFS)],
    )

    # webapp.domain.oversight.ADVICE_SETTING: the oversight board's advice before publishing.
    advice_required = BooleanField(
        _l("A job needs the oversight board's advice before you publish it"),
    )

    def proofs(self):
        return tuple(proof for proof in PROOFS if proof in (self.vote_proofs.data or ()))

    def fill(self, settings):
        """Show the settings as they are now."""
        for key in ("threshold", "voting_days", "vote_limit", "coach_days", "objection_days", "employer_charge"):
            getattr(self, key).data = str(settings[key])
        self.vote_proofs.data = list(settings[PROOFS_KEY])
        self.advice_required.data = bool(settings["advice_required"])


class MinimumWageForm(FlaskForm):
    valid_from = StringField(_l("Valid from"), validators=[IsoDate(_l("Fill in a date, like 2026-07-01."), True)])
    amount = StringField(
        _l("Minimum wage an hour, in euros"),
        validators=[
            Amount(
                _l("Minimum wage"),
                _l("Minimum wage: fill in an amount in euros, like 14.71."),
                True,
                most=MAX_HOURLY_CENTS,
            )
        ],
        description=_l("For example 14.71."),
    )


class ReassignForm(FlaskForm):
    coach = SelectField(
        _l("New coach"), validate_choice=False, validators=[InputRequired(message=_l("Choose a coach."))]
    )

    def __init__(self, coaches, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.coach.choices = [SelectChoice("", _l("Choose a coach"))] + [
            SelectChoice(str(row["id"]), row["label"]) for row in coaches
        ]
        self.coach_ids = {str(row["id"]) for row in coaches}

    def validate_coach(self, field):
        if field.data not in self.coach_ids:
            raise ValidationError(INVALID_CHOICE)


class PublishForm(FlaskForm):
    """Publish a draft. The reason is needed only against the oversight board's objection."""

    reason = text(
        _l("Your public reason to publish against the board's advice"),
        2000,
        description=_l("Everyone reads this on the job page, next to the board's advice."),
        area=True,
    )


# --- the business case of a job ------------------------------------------------------------


class PartnerForm(FlaskForm):
    """Add a partner to a job's business case, or change one (``partner`` holds its id)."""

    partner = HiddenField()
    name = text(_l("Name of the partner"), case_rules.NAME_LIMIT, _l("Fill in the name of the partner."))
    kind = radio(
        _l("What does the partner give?"),
        {"money": _l("Money"), "in_kind": _l("Something else, like a room or tools")},
        _l("Choose what the partner gives."),
    )
    amount = StringField(
        _l("How much a year, in euros?"),
        validators=[
            Amount(
                _l("How much a year"),
                _l("How much a year: fill in an amount in euros, like 12,000."),
                True,
            )
        ],
        description=_l("For something else than money: what it would cost to buy. For example 12,000."),
    )
    note = text(_l("Note (not required)"), case_rules.NOTE_LIMIT, area=True)

    def validate_partner(self, field):
        value = (field.data or "").strip()
        if value and (not value.isdigit() or len(value) > 12):
            raise ValidationError(INVALID_CHOICE)

    def partner_id(self):
        value = (self.partner.data or "").strip()
        return int(value) if value else None

    def fill_from(self, row):
        self.partner.data = str(row["id"])
        self.name.data = row["name"]
        self.kind.data = row["kind"]
        self.amount.data = amount_shown(row["yearly_cents"])
        self.note.data = row["note"]


class BijstandForm(FlaskForm):
    # Names of their own: the minimum wage's form on the same page has valid_from and amount.
    bijstand_from = StringField(
        _l("Valid from"), validators=[IsoDate(_l("Fill in a date, like 2026-07-01."), True)]
    )
    bijstand_amount = StringField(
        _l("Bijstand for one person, in euros"),
        validators=[
            Amount(
                _l("Bijstand"),
                _l("Bijstand: fill in an amount in euros, like 1,401.50."),
                True,
                most=case_rules.MAX_BENEFIT_MONTH_CENTS * 12,
            )
        ],
        description=_l("For example 1,401.50 a month."),
    )
    bijstand_period = radio(
        _l("This amount is"),
        {"month": _l("A month"), "year": _l("A year")},
        _l("Choose a month or a year."),
    )
