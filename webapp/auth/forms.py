import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Optional, ValidationError

from webapp.domain import usernames
from webapp.forms import AtMost, NoControlCharacters, NoDisguise

USERNAME = usernames.VALID
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def username_rules(form, field):
    if not USERNAME.match(field.data or ""):
        raise ValidationError(_l("Use 3 to 40 letters or digits. You may also use . _ or -, but no spaces."))
    if not usernames.is_valid(field.data):  # "former-<number>": kept for removed accounts
        raise ValidationError(_l("Choose another username. This one is kept for removed accounts."))


def email_rules(form, field):
    if field.data and not EMAIL.match(field.data):
        raise ValidationError(_l("This is not an e-mail address. Check it, or leave it empty."))


def new_password_fields():
    password = PasswordField(
        _l("Choose a password"),
        validators=[
            DataRequired(message=_l("Choose a password.")),
            Length(min=8, message=_l("Use at least 8 characters.")),
            AtMost(200),
        ],
        description=_l("At least 8 characters. A short sentence is easy to remember."),
    )
    confirm = PasswordField(
        _l("Type the password again"),
        validators=[
            DataRequired(message=_l("Type the password again.")),
            EqualTo("password", message=_l("The two passwords are not the same.")),
        ],
    )
    return password, confirm


class LoginForm(FlaskForm):
    username = StringField(
        _l("Username or e-mail"),
        validators=[DataRequired(message=_l("Fill in your username.")), AtMost(200)],
    )
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(message=_l("Fill in your password.")), AtMost(200)],
    )
    remember = BooleanField(_l("Stay logged in on this phone"))
    next = HiddenField()


class SignupForm(FlaskForm):
    """One short screen: a name, a username made from it, the password once."""

    display_name = StringField(
        _l("What may we call you?"),
        validators=[Optional(), AtMost(60), NoControlCharacters(), NoDisguise()],
        description=_l("Your first name is enough."),
    )
    username = StringField(
        _l("Choose a username"),
        description=_l("You use it to log in. If you leave it empty, we make one from your name."),
    )
    password = new_password_fields()[0]
    email = EmailField(
        _l("E-mail address (not required)"),
        validators=[Optional(), AtMost(200), email_rules],
    )
    # A random key per form: a double tap sends it twice (see auth.changes.sign_up).
    attempt = HiddenField(validators=[Optional(), AtMost(100)])

    def validate_username(self, field):
        if field.data:
            NoDisguise()(self, field)
            username_rules(self, field)
        elif not usernames.suggestion(self.display_name.data):
            raise ValidationError(_l("Choose a username."))

    def chosen_username(self):
        """The username typed, or None to let sign-up make one from the name.

        The suggestion the page filled in counts as not typed, so another
        resident with the same name gets the next free one ('anna2').
        """
        typed = self.username.data or ""
        if not typed or typed == usernames.suggestion(self.display_name.data):
            return None
        return typed


class ActivateForm(FlaskForm):
    code = StringField(
        _l("Start code"),
        validators=[DataRequired(message=_l("Fill in your start code.")), AtMost(40)],
        description=_l("You got it from your coach. For example: ABCD-EFGH-JKMN"),
    )
    password, confirm = new_password_fields()
