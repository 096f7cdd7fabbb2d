"""Forms of the verification area."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import HiddenField, SelectField, StringField, ValidationError
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired

from webapp.domain import votingcodes
from webapp.forms import INVALID_CHOICE, AtMost, FormToken, NoControlCharacters, NoDisguise, new_form_token

# --- voting codes (the codes helper) -------------------------------------------------------


class VotingCodeBatchForm(FlaskForm):
    """A batch for one buurt: a number of codes, or a CSV file of addresses."""

    buurt = SelectField(_l("Neighbourhood"), validate_choice=False)
    number = StringField(
        _l("Number of codes"),
        description=_l("One code for each adult. At most %(num)d in one batch.", num=votingcodes.MAX_CODES),
    )
    addresses = FileField(
        _l("Or a CSV file of addresses (not required)"),
        description=_l(
            "Two columns: the address and the number of adults who live there. "
            "For example: Dorpsstraat 1;2. We do not keep the addresses."
        ),
    )
    label = StringField(
        _l("Name for this batch (not required)"),
        validators=[AtMost(60), NoControlCharacters(), NoDisguise()],
        description=_l("For example: letters of March."),
    )
    attempt = HiddenField(validators=[FormToken()])

    def __init__(self, buurten, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.buurt.choices = [SelectChoice("", _l("Choose a neighbourhood"))] + [
            SelectChoice(str(row["id"]), row["name"]) for row in buurten
        ]
        self.buurt_ids = {str(row["id"]) for row in buurten}
        if not self.attempt.data:
            self.attempt.data = new_form_token()

    def validate_buurt(self, field):
        if field.data not in self.buurt_ids:
            raise ValidationError(INVALID_CHOICE if field.data else _l("Choose a neighbourhood."))


class VoidVotingCodeForm(FlaskForm):
    code = StringField(
        _l("Code from a letter"),
        validators=[DataRequired(message=_l("Fill in the code.")), AtMost(40)],
        description=_l("For example: ABCD-EFGH-JKMN"),
    )


class VotingCodeLettersForm(FlaskForm):
    """The codes of a batch just made, sent back from the page that shows them."""

    letters = HiddenField()


class VerifyForm(FlaskForm):
    code = StringField(
        _l("Voting code"),
        validators=[DataRequired(message=_l("Fill in your voting code.")), AtMost(40)],
        description=_l("It is in the letter from the municipality. For example: ABCD-EFGH-JKMN"),
    )
