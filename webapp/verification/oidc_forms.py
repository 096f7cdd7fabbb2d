"""The form for the municipality's postcode table."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired


class PostcodeUploadForm(FlaskForm):
    table = FileField(
        _l("Postcode table (CSV: postcode, neighbourhood)"),
        validators=[FileRequired(_l("Choose a CSV file with the postcodes."))],
    )
