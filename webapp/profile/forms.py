from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField
from wtforms.validators import DataRequired


class DeleteForm(FlaskForm):
    sure = BooleanField(
        _l("Yes, delete my account and everything in it."),
        validators=[DataRequired(message=_l("Tick the box if you are sure."))],
    )
