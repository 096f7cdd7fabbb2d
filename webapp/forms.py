"""Form pieces shared by every area: field types with translated messages."""

import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import ValidationError

# For wtforms' Length(max=..., message=TOO_LONG): it fills in %(max)d.
TOO_LONG = _l("This is too long. Use at most %(max)d characters.")

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class NoControlCharacters:
    """Reject invisible control characters that no keyboard types."""

    message = _l("This text has characters we cannot save. Please type it again.")

    def __call__(self, form, field):
        if isinstance(field.data, str) and CONTROL_CHARACTERS.search(field.data):
            raise ValidationError(self.message)


class EmptyForm(FlaskForm):
    """A form with only the CSRF token, for buttons that change something."""
