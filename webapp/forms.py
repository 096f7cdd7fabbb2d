"""Form pieces shared by every area: field types with translated messages."""

import re
import secrets

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import ValidationError
from wtforms.validators import Length, StopValidation

from webapp.domain import names

TOO_LONG = _l("This is too long. Use at most %(max)d characters.")
INVALID_CHOICE = _l("Choose one of the options in the list.")

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class NoControlCharacters:
    """Reject invisible control characters that no keyboard types."""

    message = _l("This text has characters we cannot save. Please type it again.")

    def __call__(self, form, field):
        if isinstance(field.data, str) and CONTROL_CHARACTERS.search(field.data):
            raise ValidationError(self.message)


class NoDisguise:
    """A name or username without the invisible characters that change how it
    looks (bidi controls, zero-width characters: ``webapp.domain.names``)."""

    message = _l(
        "This name has hidden characters that can change how it looks. "
        "Type the name again, without copy and paste."
    )

    def __call__(self, form, field):
        if isinstance(field.data, str) and not names.may_be_a_name(field.data):
            raise StopValidation(self.message)


class AtMost(Length):
    """wtforms' ``Length(max=limit)`` with our message, without ``maxlength``
    on the field: a browser cuts a pasted text at that limit without a word,
    where we keep the whole text and say how much is too much."""

    def __init__(self, limit):
        super().__init__(max=limit, message=TOO_LONG)
        self.field_flags = {}


def errors_anchor(form):
    """The id of a form's error summary, also the fragment of the form's action:
    a refused form's answer opens at its messages, not at the top of a long page
    (and stays at the top when nothing is refused: the page has no such id)."""
    name = form._prefix.strip("-") or re.sub(r"(?<!^)(?=[A-Z])", "-", type(form).__name__).lower()
    return f"{name}-errors"


class EmptyForm(FlaskForm):
    """A form with only the CSRF token, for buttons that change something."""


class AreaFilter:
    """The ``area`` of a list's filters (``w<id>`` a wijk, ``b<id>`` a buurt),
    checked against the places there are. Mixed into a form that defines
    ``area`` itself, so its fields keep their order."""

    def __init__(self, places, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.places = places
        self.area_values = {f"w{wijk['id']}" for wijk, _b in places} | {
            f"b{buurt['id']}" for _w, buurten in places for buurt in buurten
        }

    def validate_area(self, field):
        if field.data and field.data not in self.area_values:
            raise ValidationError(INVALID_CHOICE)

    def chosen_area(self):
        """The chosen buurt or wijk as ids for the query (one of them, or neither)."""
        area = self.area.data or ""
        return {
            "buurt": int(area[1:]) if area.startswith("b") else None,
            "wijk": int(area[1:]) if area.startswith("w") else None,
        }


# --- a form sent twice stores one thing ------------------------------------------------

FORM_TOKEN = re.compile(r"[0-9a-f]{32}")


def new_form_token():
    return secrets.token_hex(16)


class FormToken:
    """The hidden token that makes a form sent twice store one thing."""

    def __call__(self, form, field):
        if not isinstance(field.data, str) or not FORM_TOKEN.fullmatch(field.data):
            raise ValidationError(_l("Please try again"))
