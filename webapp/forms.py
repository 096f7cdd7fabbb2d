"""Form pieces shared by every area: field types with translated messages."""

import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import ValidationError
from wtforms.validators import Length

TOO_LONG = _l("This is too long. Use at most %(max)d characters.")

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class NoControlCharacters:
    """Reject invisible control characters that no keyboard types."""

    message = _l("This text has characters we cannot save. Please type it again.")

    def __call__(self, form, field):
        if isinstance(field.data, str) and CONTROL_CHARACTERS.search(field.data):
            raise ValidationError(self.message)


class AtMost(Length):
    """wtforms' ``Length(max=limit)`` with our message, without ``maxlength``
    on the field: a browser cuts a pasted text at that limit without a word,
    where we keep the whole text and say how much is too much."""

    def __init__(self, limit):
        super().__init__(max=limit, message=TOO_LONG)
        self.field_flags = {}


class EmptyForm(FlaskForm):
    """A form with only the CSRF token, for buttons that change something."""
